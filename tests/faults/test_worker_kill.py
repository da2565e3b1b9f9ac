"""kill -9 the Celery worker with 20 requests in flight: every one completes exactly once.

Why it holds: tasks are acknowledged late (`acks_late`), so a message whose worker dies
stays in Redis' `unacked` set and is handed to another worker once its visibility timeout
has passed; the service re-checks the request's state under a row lock, so a redelivered
task that had already finished does nothing and one that was cut off runs again and stores
its answer once. Production uses visibility_timeout 360 s > hard time limit 300 s, so a task
that is still running is never delivered a second time; this test shortens the visibility
timeout to 8 s so the recovery fits in the suite.
"""
from __future__ import annotations

from collections import Counter

import pytest

from audit.models import AuditEvent, EventKind
from audit.verify import chain_verify
from portal.models import LLMRequest, LLMRequestStatus, Message, MessageRole
from portal.services import prompt_submit
from tests.faults.conftest import conversation_new, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

IN_FLIGHT = 20


def test_worker_killed_mid_flight_every_request_completes_once(fault_worker_factory, llm, staff, busy_site):
    llm.control(latency=2.0, chunk_delay=0)
    env = {"CELERY_VISIBILITY_TIMEOUT": "8", "CELERY_UNACKED_RESTORE_INTERVAL": "1"}
    first = fault_worker_factory(concurrency=4, log_name="worker-1.log", **env)
    for n in range(IN_FLIGHT):
        outcome = prompt_submit(
            user=staff, conversation=conversation_new(staff, f"会話{n}"),
            text=f"窓口の案内文（{n}番）を作ってください", classification="IV",
            idempotency_key=f"kill-{n}",
        )
        assert outcome.status == "queued", outcome
    ids = list(LLMRequest.objects.values_list("pk", flat=True))
    assert len(ids) == IN_FLIGHT

    wait_until(
        lambda: LLMRequest.objects.filter(status=LLMRequestStatus.RUNNING).count() >= 3,
        30, "the first worker to be running several requests",
    )
    first.kill()
    interrupted = set(
        LLMRequest.objects.filter(status=LLMRequestStatus.RUNNING).values_list("pk", flat=True)
    )
    unfinished = LLMRequest.objects.exclude(status=LLMRequestStatus.SUCCEEDED).count()
    assert interrupted, "the kill must cut off running requests"
    assert unfinished >= IN_FLIGHT // 2, "most requests must still be in flight at the kill"

    fault_worker_factory(concurrency=4, log_name="worker-2.log", **env)
    wait_until(
        lambda: LLMRequest.objects.filter(status=LLMRequestStatus.SUCCEEDED).count() == IN_FLIGHT,
        90, "every request to succeed after the restart",
    )

    # exactly one answer per request, each with one ANSWER_RECEIVED event
    answers = Message.objects.filter(role=MessageRole.ASSISTANT)
    assert answers.count() == IN_FLIGHT
    requests = {r.pk: r for r in LLMRequest.objects.all()}
    assert sorted(r.answer_id for r in requests.values()) == sorted(answers.values_list("pk", flat=True))
    received = Counter(
        AuditEvent.objects.filter(kind=EventKind.ANSWER_RECEIVED).values_list("payload__request_id", flat=True)
    )
    assert received == Counter({pk: 1 for pk in ids})
    queued = Counter(
        AuditEvent.objects.filter(kind=EventKind.REQUEST_QUEUED, target_type="portal.llmrequest")
        .values_list("target_id", flat=True)
    )
    assert queued == Counter({str(pk): 1 for pk in ids})
    # every attempt is recorded; only the requests cut off by the kill ran twice
    attempts = Counter(
        AuditEvent.objects.filter(kind=EventKind.REQUEST_ATTEMPT).values_list("target_id", flat=True)
    )
    assert attempts == Counter({str(pk): r.attempts for pk, r in requests.items()})
    assert {pk for pk, r in requests.items() if r.attempts > 1} == interrupted
    assert all(r.attempts == 1 for pk, r in requests.items() if pk not in interrupted)
    assert len(llm.received()) == IN_FLIGHT + len(interrupted)
    assert chain_verify().ok
