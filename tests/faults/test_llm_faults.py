"""LLM failures through a real worker: Retry-After honoured, retries bounded, user told."""
from __future__ import annotations

import json
import uuid

import pytest
import redis
from django.conf import settings
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from portal.models import LLMRequest, LLMRequestStatus, Message, MessageRole
from portal.services import prompt_submit
from portal.streams import stream_key
from tests.faults.conftest import conversation_new, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _submit(user) -> LLMRequest:  # type: ignore[no-untyped-def]
    outcome = prompt_submit(
        user=user, conversation=conversation_new(user), text="窓口の案内文を作ってください",
        classification="IV", idempotency_key=f"fault-{uuid.uuid4().hex}",
    )
    assert outcome.status == "queued"
    assert outcome.request is not None
    return outcome.request


def _finished(pk: int) -> bool:
    return LLMRequest.objects.filter(
        pk=pk, status__in=[LLMRequestStatus.SUCCEEDED, LLMRequestStatus.FAILED]
    ).exists()


def _trail(pk: int) -> list[tuple[str, object]]:
    """The request's attempt/failure events in order, with the failure code."""
    rows = AuditEvent.objects.filter(
        kind__in=[EventKind.REQUEST_ATTEMPT, EventKind.REQUEST_FAILED], target_id=str(pk),
        target_type="portal.llmrequest",
    ).order_by("seq").values_list("kind", "payload")
    return [(kind, payload.get("code")) for kind, payload in rows]


def _stream_events(request: LLMRequest) -> list[tuple[str, dict]]:
    client = redis.Redis.from_url(settings.REDIS_URL, decode_responses=True)
    key = stream_key(request.pk, request.idempotency_key)
    return [(f["event"], json.loads(f["data"])) for _id, f in client.xrange(key)]


ATTEMPT, FAILED = EventKind.REQUEST_ATTEMPT, EventKind.REQUEST_FAILED


def test_429_retry_after_is_honoured(fault_worker_factory, llm, staff):
    llm.control(fail=[{"kind": "429", "retry_after": 3}])
    fault_worker_factory()
    request = _submit(staff)
    wait_until(lambda: _finished(request.pk), 40, "the request to finish")
    request.refresh_from_db()
    assert (request.status, request.attempts) == (LLMRequestStatus.SUCCEEDED, 2)
    first, second = (r["at"] for r in llm.received())
    # the back-off alone would wait 2 s: a 3 s gap proves Retry-After was used
    assert second - first >= 2.9
    assert _trail(request.pk) == [(ATTEMPT, None), (FAILED, "rate_limited"), (ATTEMPT, None)]
    assert AuditEvent.objects.filter(kind=EventKind.ANSWER_RECEIVED).count() == 1


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        ({"kind": "500"}, "http_500"),
        ({"kind": "503"}, "http_503"),
        ({"kind": "timeout", "seconds": 6}, "timeout"),  # the worker's client gives up at 3 s
    ],
)
def test_transient_failure_is_retried_and_recorded(fault_worker_factory, llm, staff, failure, code):
    llm.control(fail=[failure])
    fault_worker_factory()
    request = _submit(staff)
    wait_until(lambda: _finished(request.pk), 40, "the request to finish")
    request.refresh_from_db()
    assert (request.status, request.attempts, request.error_code) == (LLMRequestStatus.SUCCEEDED, 2, "")
    assert _trail(request.pk) == [(ATTEMPT, None), (FAILED, code), (ATTEMPT, None)]
    assert Message.objects.filter(role=MessageRole.ASSISTANT).count() == 1
    assert [e for e, _d in _stream_events(request)].count("start") == 2


def test_retries_are_bounded_and_the_user_is_told(fault_worker_factory, llm, staff, acknowledged_client):
    llm.control(fail=[{"kind": "500"}, {"kind": "503"}, {"kind": "500"}, {"kind": "500"}])
    fault_worker_factory(LLM_MAX_ATTEMPTS="3")
    request = _submit(staff)
    page_url = reverse("chat:conversation", args=[request.conversation_id])

    wait_until(
        lambda: LLMRequest.objects.filter(pk=request.pk, status=LLMRequestStatus.RETRYING).exists(),
        20, "the first retry",
    )
    assert "自動で再試行しています" in acknowledged_client.get(page_url).content.decode()

    wait_until(lambda: _finished(request.pk), 40, "the request to fail for good")
    request.refresh_from_db()
    assert (request.status, request.attempts, request.error_code) == (LLMRequestStatus.FAILED, 3, "http_500")
    assert len(llm.received()) == 3
    assert _trail(request.pk) == [
        (ATTEMPT, None), (FAILED, "http_500"), (ATTEMPT, None), (FAILED, "http_503"),
        (ATTEMPT, None), (FAILED, "http_500"),
    ]
    finals = AuditEvent.objects.filter(kind=FAILED).order_by("seq").values_list("payload__final", flat=True)
    assert list(finals) == [False, False, True]
    assert not Message.objects.filter(role=MessageRole.ASSISTANT).exists()
    page = acknowledged_client.get(page_url).content.decode()
    assert "回答を取得できませんでした。" in page
    assert "AIサービスで一時的な障害が発生しました。" in page
    assert "もう一度送信する" in page
    assert _stream_events(request)[-1] == ("failed", {"message": "AIサービスで一時的な障害が発生しました。"})


def test_insufficient_quota_is_not_retried(fault_worker_factory, llm, staff, acknowledged_client):
    llm.control(fail=[{"kind": "quota"}])
    fault_worker_factory()
    request = _submit(staff)
    wait_until(lambda: _finished(request.pk), 20, "the request to fail")
    request.refresh_from_db()
    assert (request.status, request.attempts, request.error_code) == (
        LLMRequestStatus.FAILED, 1, "insufficient_quota"
    )
    assert len(llm.received()) == 1
    assert _trail(request.pk) == [(ATTEMPT, None), (FAILED, "insufficient_quota")]
    page = acknowledged_client.get(reverse("chat:conversation", args=[request.conversation_id]))
    assert "契約上の利用枠を使い切っています" in page.content.decode()
