"""The test harness itself: what it starts must not outlive it."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

CHILD_THEN_WAIT = """
import subprocess, sys, time
sys.path.insert(0, {root!r})
from tests.conftest import own_session_dying_with_parent
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                         preexec_fn=own_session_dying_with_parent)
print(child.pid, flush=True)
time.sleep(60)
"""


def _gone(pid: int) -> bool:
    """No such process, or only a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


def test_a_worker_started_by_the_suite_dies_when_the_suite_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", CHILD_THEN_WAIT.format(root=str(ROOT))],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert not _gone(child)
    parent.kill()  # as a CI timeout or Ctrl-C twice would: no fixture teardown runs
    parent.wait(10)
    deadline = time.monotonic() + 10
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(child), "the child outlived the process that started it"
