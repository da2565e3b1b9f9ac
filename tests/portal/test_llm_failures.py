"""The task's handling of LLM failures, against the stand-in over real HTTP."""
from __future__ import annotations

import pytest
from celery.exceptions import Retry

from audit.models import AuditEvent, EventKind
from portal.models import LLMRequest, LLMRequestStatus, Message, MessageRole
from portal.services import prompt_submit
from portal.tasks import llm_request_run
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(staff, django_capture_on_commit_callbacks, llm):
    from portal.models import ApprovedModel

    conversation = ConversationFactory(user=staff, model=ApprovedModel.objects.first())
    with django_capture_on_commit_callbacks(execute=False):
        outcome = prompt_submit(
            user=staff, conversation=conversation, text="窓口の案内文を作って",
            classification="IV", idempotency_key="k1",
        )
    return outcome.request


@pytest.mark.parametrize(
    ("failure", "code", "countdown"),
    [
        ({"kind": "429", "retry_after": 7}, "rate_limited", 7.0),
        ({"kind": "429", "retry_after": 600}, "rate_limited", 120.0),  # capped
        ({"kind": "500"}, "http_500", 2.0),
        ({"kind": "503"}, "http_503", 2.0),
        ({"kind": "timeout", "seconds": 10}, "timeout", 2.0),
    ],
)
def test_transient_failures_are_retried(queued, llm, failure, code, countdown, monkeypatch):
    llm.control(fail=[failure])
    seen = {}

    def fake_retry(*, countdown, exc, **kwargs):
        seen["countdown"] = countdown
        return Retry(exc=exc, when=countdown)

    monkeypatch.setattr(llm_request_run, "retry", fake_retry)
    with pytest.raises(Retry):
        llm_request_run.run(queued.pk)
    queued.refresh_from_db()
    assert (queued.status, queued.error_code, queued.attempts) == (LLMRequestStatus.RETRYING, code, 1)
    assert seen["countdown"] == countdown  # Retry-After honoured, else backoff
    # the next delivery succeeds and stores exactly one answer
    assert llm_request_run.run(queued.pk) == LLMRequestStatus.SUCCEEDED
    assert Message.objects.filter(role=MessageRole.ASSISTANT).count() == 1
    assert list(
        AuditEvent.objects.filter(kind__in=[EventKind.REQUEST_ATTEMPT, EventKind.REQUEST_FAILED])
        .order_by("seq").values_list("kind", flat=True)
    ) == [EventKind.REQUEST_ATTEMPT, EventKind.REQUEST_FAILED, EventKind.REQUEST_ATTEMPT]


def test_insufficient_quota_is_not_retried(queued, llm):
    llm.control(fail=[{"kind": "quota"}])
    assert llm_request_run.run(queued.pk) == "failed"
    queued.refresh_from_db()
    assert (queued.status, queued.error_code, queued.attempts) == (
        LLMRequestStatus.FAILED, "insufficient_quota", 1
    )
    assert "利用枠" in queued.error_message


def test_retries_are_bounded(queued, llm, settings, monkeypatch):
    settings.LLM_MAX_ATTEMPTS = 3
    llm.control(fail=[{"kind": "500"}] * 5)
    monkeypatch.setattr(llm_request_run, "retry", lambda **kw: Retry(exc=kw["exc"], when=0))
    outcomes = []
    for _ in range(3):
        try:
            outcomes.append(llm_request_run.run(queued.pk))
        except Retry:
            outcomes.append("retry")
    assert outcomes == ["retry", "retry", "failed"]
    queued.refresh_from_db()
    assert queued.status == LLMRequestStatus.FAILED
    assert AuditEvent.objects.filter(kind=EventKind.REQUEST_FAILED).count() == 3


def test_failed_request_can_be_resent(queued, llm, staff, acknowledged_client):
    from django.urls import reverse

    llm.control(fail=[{"kind": "quota"}])
    llm_request_run.run(queued.pk)
    page = acknowledged_client.get(reverse("chat:conversation", args=[queued.conversation_id]))
    assert "もう一度送信する" in page.content.decode()
    acknowledged_client.post(reverse("chat:resend", args=[queued.pk]), {"client_token": "r1"})
    retry = LLMRequest.objects.exclude(pk=queued.pk).get()
    assert retry.prompt_id == queued.prompt_id
    assert retry.status == LLMRequestStatus.QUEUED


def test_sdk_client_is_kept_per_endpoint_and_key(queued, settings):
    from cryptography.fernet import Fernet

    from portal.llm import api_key_encrypt, client_for

    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    model = queued.model
    first = client_for(model)
    assert client_for(model) is first  # kept: no new HTTP pool and TLS context per task
    model.api_key_encrypted = api_key_encrypt("rotated-key")
    assert client_for(model) is not first  # a key changed in admin takes effect at once
    assert client_for(model).api_key == "rotated-key"
    model.api_key_encrypted = None
    model.base_url = "http://127.0.0.1:9/v1"
    assert client_for(model).base_url.host == "127.0.0.1" and client_for(model).base_url.port == 9
