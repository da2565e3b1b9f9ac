"""The database away mid-task: no answer without its audit rows, and the task retries.

On PostgreSQL the worker's connections are cut and new ones refused; on SQLite another
process holds an exclusive lock, so every write of the worker fails as "database is locked".
"""
from __future__ import annotations

import json
import sqlite3
import time

import pytest
import redis
from django.conf import settings
from django.db import connection

from audit.models import AuditEvent, EventKind
from portal.models import LLMRequest, LLMRequestStatus, Message, MessageRole
from portal.services import prompt_submit
from portal.streams import stream_key
from tests.faults.conftest import conversation_new, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _set_connections(allowed: bool) -> None:
    """Refuse or allow connections to the test database (from the maintenance database)."""
    import psycopg

    cfg = connection.settings_dict
    with psycopg.connect(
        host=cfg["HOST"] or "127.0.0.1", port=cfg["PORT"] or 5432, user=cfg["USER"] or "postgres",
        password=cfg["PASSWORD"] or None, dbname="postgres", autocommit=True,
    ) as admin:
        name = cfg["NAME"]
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if allowed else "false"}')
        if not allowed:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                mine = cursor.fetchone()[0]
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                (name, mine),
            )


def _events(request: LLMRequest) -> list[str]:
    client = redis.Redis.from_url(settings.REDIS_URL, decode_responses=True)
    key = stream_key(request.pk, request.idempotency_key)
    return [fields["event"] for _id, fields in client.xrange(key)]


def _answers_without_audit() -> list[int]:
    answer_ids = {str(pk) for pk in Message.objects.filter(role=MessageRole.ASSISTANT).values_list("pk", flat=True)}
    audited = set(
        AuditEvent.objects.filter(kind=EventKind.ANSWER_RECEIVED, target_type="portal.message")
        .values_list("target_id", flat=True)
    )
    return sorted(int(pk) for pk in answer_ids - audited)


def _sqlite_lock() -> object:
    """Hold an exclusive lock on the SQLite file; returns the toggle the test calls."""
    holder: dict[str, sqlite3.Connection] = {}

    def toggle(allowed: bool) -> None:
        if not allowed and "lock" not in holder:
            lock = sqlite3.connect(connection.settings_dict["NAME"], timeout=30, isolation_level=None)
            lock.execute("BEGIN EXCLUSIVE")
            holder["lock"] = lock
        elif allowed and "lock" in holder:
            lock = holder.pop("lock")
            lock.execute("ROLLBACK")
            lock.close()

    return toggle


@pytest.fixture
def database_outage():  # type: ignore[no-untyped-def]
    toggle = _set_connections if connection.vendor == "postgresql" else _sqlite_lock()
    yield toggle
    toggle(True)


def test_database_lost_mid_task_retries_and_never_shows_an_unaudited_answer(
    database_outage, fault_worker_factory, llm, staff
):
    llm.control(latency=2.5, chunk_delay=0)
    worker = fault_worker_factory(SQLITE_BUSY_TIMEOUT="1")
    request = prompt_submit(
        user=staff, conversation=conversation_new(staff), text="窓口の案内文を作ってください",
        classification="IV", idempotency_key=f"db-down-{time.time_ns()}",
    ).request
    assert request is not None
    wait_until(
        lambda: LLMRequest.objects.filter(pk=request.pk, status=LLMRequestStatus.RUNNING).exists(),
        20, "the task to be waiting on the LLM",
    )
    database_outage(False)  # the worker's connection is cut and new ones are refused
    down_until = time.monotonic() + 8
    while time.monotonic() < down_until:
        if connection.vendor == "postgresql":  # SQLite's lock also keeps this reader out
            assert _answers_without_audit() == []
        time.sleep(0.2)
    if connection.vendor == "postgresql":
        assert not Message.objects.filter(role=MessageRole.ASSISTANT).exists()
    assert "done" not in _events(request), "the page must not be told an answer is ready"
    database_outage(True)

    wait_until(
        lambda: LLMRequest.objects.filter(pk=request.pk, status=LLMRequestStatus.SUCCEEDED).exists(),
        60, "the task to retry and succeed once the database is back",
    )
    assert _answers_without_audit() == []
    assert Message.objects.filter(role=MessageRole.ASSISTANT).count() == 1
    assert AuditEvent.objects.filter(kind=EventKind.ANSWER_RECEIVED).count() == 1
    request.refresh_from_db()
    assert request.attempts >= 2
    log = worker.log.read_text(encoding="utf-8", errors="replace")
    assert "retry: Retry in" in log and ("OperationalError" in log or "InterfaceError" in log)
    events = _events(request)
    assert events.count("done") == 1 and events[-1] == "done"
    assert json.dumps(events)  # the replayed stream ends with exactly one answer
