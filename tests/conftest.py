"""Fixtures: real Redis, the stand-in LLM and a real Celery worker when a test needs them."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
(ROOT / "var").mkdir(exist_ok=True)
ARTIFACTS = ROOT / "test-artifacts"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture
def eval_dir() -> Path:
    """The labelled cases in ../shared/eval (beside the project, as in CI)."""
    if not SHARED_EVAL.is_dir():
        pytest.fail(f"the evaluation cases are not at {SHARED_EVAL}: put shared/ beside the project")
    return SHARED_EVAL


def pytest_sessionstart(session: pytest.Session) -> None:
    """Find Redis at REDIS_URL, or start one; fail clearly when neither works."""
    from portal import devtools

    process = devtools.redis_start_background()
    if process is not None:
        session.config._started_redis = process  # type: ignore[attr-defined]


def pytest_sessionfinish(session: pytest.Session) -> None:
    process = getattr(session.config, "_started_redis", None)
    if process is not None:
        process.terminate()


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    """Empty this run's cache keys only (FLUSHDB would also drop the broker's queue)."""
    import redis
    from django.conf import settings

    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    client = redis.Redis.from_url(settings.REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
    yield


@pytest.fixture
def defaults(db: None) -> None:
    """The default rules, guideline, statement, purposes and stand-in model."""
    from portal.services import defaults_install

    defaults_install()


@pytest.fixture
def staff(defaults: None):
    from tests.factories import DepartmentFactory, UserFactory

    return UserFactory(username="staff1", department=DepartmentFactory(code="210", name="市民課"))


@pytest.fixture
def acknowledged_client(client, staff):
    from portal.selectors import guideline_current
    from portal.services import guideline_acknowledge

    guideline_acknowledge(user=staff, version=guideline_current())
    client.force_login(staff)
    return client


def totp_activate(user) -> None:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())


@pytest.fixture
def policy_admin(defaults):
    from portal.models import Role
    from tests.factories import DepartmentFactory, UserFactory

    user = UserFactory(
        username="seisaku-test",
        department=DepartmentFactory(code="110", name="情報政策課"),
        role=Role.POLICY_ADMIN,
        is_staff=True,
        is_superuser=True,
    )
    totp_activate(user)
    return user


@pytest.fixture
def admin_client(policy_admin):
    """Its own client, so a test can hold a staff member's session beside it."""
    from django.test import Client

    client = Client()
    client.force_login(policy_admin)
    return client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_json(url: str, method: str = "GET", body: object = None, timeout: float = 5) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"{}")


def wait_http(url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            http_json(url, timeout=1)
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


class StandIn:
    def __init__(self, port: int, process: subprocess.Popen[bytes]) -> None:
        self.port = port
        self.process = process
        self.base_url = f"http://127.0.0.1:{port}/v1"

    def control(self, **body: object) -> None:
        http_json(f"http://127.0.0.1:{self.port}/_control", "POST", body)

    def received(self) -> list[dict]:
        return http_json(f"http://127.0.0.1:{self.port}/_received")["received"]

    def clear(self) -> None:
        http_json(f"http://127.0.0.1:{self.port}/_received", "DELETE")
        self.control(fail=[], latency=0.2, chunk_delay=0)


@pytest.fixture(scope="session")
def standin_llm() -> Iterator[StandIn]:
    """The stand-in LLM over real HTTP, on a free port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "portal.standin", "--port", str(port), "--latency", "0.2", "--chunk-delay", "0"], cwd=ROOT
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/health")
        yield StandIn(port, process)
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def llm(standin_llm: StandIn, settings) -> StandIn:
    """The stand-in, cleared, and the portal pointed at it."""
    standin_llm.clear()
    settings.OPENAI_BASE_URL = standin_llm.base_url
    return standin_llm


def _database_url() -> str:
    from django.db import connection

    cfg = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{cfg['NAME']}"
    host = cfg.get("HOST") or "127.0.0.1"
    port = cfg.get("PORT") or 5432
    user = cfg.get("USER") or "postgres"
    password = f":{cfg['PASSWORD']}" if cfg.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{cfg['NAME']}"


def own_session_dying_with_parent() -> None:
    """preexec_fn for the worker processes: a process group of their own (so a kill reaches
    the prefork children too) and, on Linux, SIGTERM when the test process dies. A suite
    killed mid-run otherwise leaves its worker consuming the next run's tasks."""
    os.setsid()
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Worker:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "prefork",
             "--concurrency", "2", "--loglevel", "INFO", "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
            preexec_fn=own_session_dying_with_parent,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if b"ready." in self.log.read_bytes():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"Celery worker did not start; see {self.log}")

    def kill(self) -> None:
        import signal

        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        import signal

        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def audit_triggers_for_flush(transactional_db: None) -> None:
    """A transactional test; the test settings' `flush` lifts the audit triggers to empty them."""


@pytest.fixture
def celery_worker(audit_triggers_for_flush: None, llm: StandIn, tmp_path: Path) -> Iterator[Worker]:
    """A real Celery worker process on the test database, real Redis and the stand-in."""
    from django.conf import settings
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL) as conn:
        conn.default_channel.client.delete("celery")  # no leftovers from earlier runs
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": _database_url(),
        "OPENAI_BASE_URL": llm.base_url,
        "LLM_TIMEOUT_SECONDS": "3",
    }
    worker = Worker(env, tmp_path / "worker.log")
    worker.start()
    yield worker
    worker.stop()
