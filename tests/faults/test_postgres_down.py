"""PostgreSQL away mid-task: no answer without its audit rows, and the task retries."""
from __future__ import annotations

import json
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


def _answers_without_audit() -> list[int]:
    answer_ids = {str(pk) for pk in Message.objects.filter(role=MessageRole.ASSISTANT).values_list("pk", flat=True)}
    audited = set(
        AuditEvent.objects.filter(kind=EventKind.ANSWER_RECEIVED, target_type="portal.message")
        .values_list("target_id", flat=True)
    )
    return sorted(int(pk) for pk in answer_ids - audited)


@pytest.fixture
def database_outage():  # type: ignore[no-untyped-def]
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL-only fault (CI runs the suite on PostgreSQL: .ci/run)")
    yield _set_connections
    _set_connections(True)


def test_database_lost_mid_task_retries_and_never_shows_an_unaudited_answer(
    database_outage, fault_worker_factory, llm, staff
):
    llm.control(latency=2.5, chunk_delay=0)
    worker = fault_worker_factory()
    request = prompt_submit(
        user=staff, conversation=conversation_new(staff), text="窓口の案内文を作ってください",
        classification="IV", idempotency_key="pg-down",
    ).request
    assert request is not None
    wait_until(
        lambda: LLMRequest.objects.filter(pk=request.pk, status=LLMRequestStatus.RUNNING).exists(),
        20, "the task to be waiting on the LLM",
    )
    database_outage(False)  # the worker's connection is cut and new ones are refused
    down_until = time.monotonic() + 8
    while time.monotonic() < down_until:
        assert _answers_without_audit() == []
        time.sleep(0.2)
    assert not Message.objects.filter(role=MessageRole.ASSISTANT).exists()
    events = [f["event"] for _id, f in redis.Redis.from_url(settings.REDIS_URL, decode_responses=True).xrange(stream_key(request.pk, request.idempotency_key))]
    assert "done" not in events, "the page must not be told an answer is ready"
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
    events = [f["event"] for _id, f in redis.Redis.from_url(settings.REDIS_URL, decode_responses=True).xrange(stream_key(request.pk, request.idempotency_key))]
    assert events.count("done") == 1 and events[-1] == "done"
    assert json.dumps(events)  # the replayed stream ends with exactly one answer
