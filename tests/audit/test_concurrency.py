"""Concurrent writers in separate processes never fork the chain."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

from audit.models import AuditEvent
from audit.verify import chain_verify

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import os, sys, django
django.setup()
from audit.models import EventKind
from audit.services import audit_event_record
worker, count = int(sys.argv[1]), int(sys.argv[2])
for i in range(count):
    audit_event_record(kind=EventKind.REQUEST_ATTEMPT, actor_username=f"w{worker}",
                       payload={"worker": worker, "i": i})
"""


def _run_writers(processes: int, events: int) -> None:
    from tests.conftest import _database_url

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test",
           "DATABASE_URL": _database_url()}
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(w), str(events)], cwd=ROOT, env=env,
                         stderr=subprocess.PIPE)
        for w in range(processes)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-2000:]


def test_concurrent_writers_make_one_linear_chain(audit_triggers_for_flush):
    # PostgreSQL (CI): the 8 processes × 500 events. SQLite serialises writers
    # on its file lock (IMMEDIATE transactions), so a smaller run keeps the suite quick.
    processes, events = (8, 500) if connection.vendor == "postgresql" else (4, 60)
    _run_writers(processes, events)
    total = processes * events
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, total + 1))
    assert AuditEvent.objects.values("prev_hash").distinct().count() == total
    result = chain_verify()
    assert result.ok, (result.first_break, result.problems)
    assert result.count == total
