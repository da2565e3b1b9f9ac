"""Helpers for the fault tests: real worker processes, a private Redis, waiting on rows."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import (
    ROOT,
    StandIn,
    Worker,
    _database_url,
    free_port,
    own_session_dying_with_parent,
)

PASSWORD = "pw-for-tests-2026"


def wait_until(predicate: Callable[[], bool], timeout: float, what: str, step: float = 0.2) -> float:
    """Poll until the predicate holds; return the seconds it took, fail clearly otherwise."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout}s waiting for: {what}")


def broker_purge(url: str) -> None:
    """Drop queued and unacknowledged tasks so no test inherits another's messages."""
    import redis

    client = redis.Redis.from_url(url)
    client.delete("celery", "unacked", "unacked_index", "unacked_mutex")


class FaultWorker(Worker):
    """The suite's worker with a chosen concurrency and optional beat."""

    def __init__(self, env: dict[str, str], log: Path, *, concurrency: int = 2, beat: bool = False) -> None:
        super().__init__(env, log)
        self.concurrency = concurrency
        self.beat = beat

    def start(self) -> None:
        command = [
            sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "prefork",
            "--concurrency", str(self.concurrency), "--loglevel", "INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]
        if self.beat:
            command += ["--beat", "--schedule", str(self.log.parent / "beat-schedule")]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT, preexec_fn=own_session_dying_with_parent,
        )
        offset = self.log.stat().st_size if self.log.exists() else 0
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if b"ready." in self.log.read_bytes()[offset - 200 if offset > 200 else 0:]:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"Celery worker did not start; see {self.log}")


def worker_env(llm: StandIn, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": _database_url(),
        "OPENAI_BASE_URL": llm.base_url,
        "LLM_TIMEOUT_SECONDS": "3",
        **extra,
    }
    env.pop("CELERY_BROKER_URL", None)
    return env


@pytest.fixture
def fault_worker_factory(
    audit_triggers_for_flush: None, llm: StandIn, tmp_path: Path
) -> Iterator[Callable[..., FaultWorker]]:
    """Start workers on the test database; every one is stopped at the end."""
    from django.conf import settings

    broker_purge(settings.CELERY_BROKER_URL)
    started: list[FaultWorker] = []

    def make(*, concurrency: int = 2, beat: bool = False, log_name: str = "worker.log", **env: str) -> FaultWorker:
        worker = FaultWorker(worker_env(llm, **env), tmp_path / log_name, concurrency=concurrency, beat=beat)
        worker.start()
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()
    broker_purge(settings.CELERY_BROKER_URL)


class PrivateRedis:
    """A redis-server of our own on a free port, which a test may stop and start again."""

    def __init__(self, port: int, log: Path) -> None:
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        from portal import devtools

        self.process = subprocess.Popen(
            devtools.redis_command(self.url), stdout=self.log.open("ab"), stderr=subprocess.STDOUT
        )
        for _ in range(100):
            if devtools.redis_answers(self.url, timeout=0.2):
                return
            time.sleep(0.05)
        raise RuntimeError(f"private redis-server did not start on {self.port}; see {self.log}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(free_port(), tmp_path / "redis.log")
    server.start()
    yield server
    server.stop()


class WebServer:
    """The portal under uvicorn (ASGI, as in production), on the test database."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import socket

        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "portal.asgi:application", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"uvicorn did not start; see {self.log}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture
def web_server_factory(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], WebServer]]:
    started: list[WebServer] = []

    def make(env: dict[str, str]) -> WebServer:
        server = WebServer(env, tmp_path / "web.log")
        server.start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def busy_site(defaults: None) -> None:
    """Limits high enough that a burst of test prompts is not refused."""
    from portal.models import SiteSettings

    SiteSettings.objects.update(prompts_per_minute=10_000, user_daily_requests=10_000)


def conversation_new(user, title: str = "障害試験"):  # type: ignore[no-untyped-def]
    from portal.models import ApprovedModel, BusinessPurpose
    from portal.services import conversation_create

    return conversation_create(
        user=user, title=title, purpose=BusinessPurpose.objects.first(), purpose_detail="",
        model=ApprovedModel.objects.first(),
    )
