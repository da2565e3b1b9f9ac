"""Views and services of the chat flow (the LLM call itself is run in-process here)."""
from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from portal import services
from portal.models import Conversation, LLMRequest, LLMRequestStatus, Message, MessageRole
from screening.models import ScreeningDecision
from tests.factories import ConversationFactory, UserFactory

pytestmark = pytest.mark.django_db

BLOCKED_TEXT = "山田太郎さん（090-1234-5678）への案内文を作ってください。"


@pytest.fixture
def conversation(staff):
    from portal.models import ApprovedModel, BusinessPurpose

    return Conversation.objects.create(
        user=staff,
        department=staff.department,
        title="窓口案内",
        purpose=BusinessPurpose.objects.first(),
        model=ApprovedModel.objects.first(),
    )


def send(client, conversation, text, classification="IV", token="t1", **extra):
    return client.post(
        reverse("chat:send", args=[conversation.pk]),
        {"text": text, "classification": classification, "client_token": token, **extra},
    )


def test_login_required(client):
    response = client.get(reverse("chat:home"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_guideline_must_be_acknowledged_first(client, staff):
    client.force_login(staff)
    response = client.get(reverse("chat:home"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("chat:guideline"))
    response = client.post(reverse("chat:guideline") + "?next=/chat/", {"agree": "on"})
    assert response["Location"] == "/chat/"
    assert list(
        AuditEvent.objects.filter(kind=EventKind.GUIDELINE_ACKNOWLEDGED).values_list(
            "actor_id", "payload"
        )
    ) == [(staff.pk, {"version": "第5版"})]
    assert client.get(reverse("chat:home")).status_code == HTTPStatus.OK


def test_new_guideline_version_requires_acknowledging_again(acknowledged_client, staff):
    from portal.models import GuidelineVersion

    version = GuidelineVersion.objects.create(label="第6版", issued_on="2026-04-01", summary="新版")
    services.guideline_publish(version=version, actor=staff)
    response = acknowledged_client.get(reverse("chat:home"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("chat:guideline"))


def test_conversation_needs_purpose_and_allowed_model(acknowledged_client, staff):
    from portal.models import ApprovedModel, BusinessPurpose, ModelKind

    other_dept_model = ApprovedModel.objects.create(
        display_name="他課専用", kind=ModelKind.COMPATIBLE, model_name="x",
        knowledge_cutoff="2024-01-01", all_departments=False,
    )
    purpose = BusinessPurpose.objects.first()
    response = acknowledged_client.post(
        reverse("chat:home"), {"title": "t", "purpose": purpose.pk, "model": other_dept_model.pk}
    )
    assert response.status_code == HTTPStatus.OK  # form error, nothing created
    assert Conversation.objects.count() == 0
    response = acknowledged_client.post(
        reverse("chat:home"),
        {"title": "議事録", "purpose": purpose.pk, "model": ApprovedModel.objects.first().pk},
    )
    conversation = Conversation.objects.get()
    assert response["Location"] == reverse("chat:conversation", args=[conversation.pk])
    assert conversation.purpose == purpose


def test_blocked_prompt_is_not_stored_and_page_explains(acknowledged_client, conversation):
    response = send(acknowledged_client, conversation, BLOCKED_TEXT)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    body = response.content.decode()
    assert "この内容は送信できません" in body
    assert "ガイドライン3(1)" in body
    assert "<mark" in body
    assert "〔電話番号1〕" in body  # the masked version is offered
    assert BLOCKED_TEXT in body  # the text stays in the box for editing
    assert Message.objects.count() == 0
    assert LLMRequest.objects.count() == 0
    decision = ScreeningDecision.objects.get()
    assert decision.decision == "block"
    assert "phone" in decision.categories
    assert "090-1234-5678" not in decision.masked_text
    for payload in AuditEvent.objects.values_list("payload", flat=True):
        assert "090-1234-5678" not in str(payload)


def test_masked_version_is_sent_instead(acknowledged_client, conversation, django_capture_on_commit_callbacks, llm):
    with django_capture_on_commit_callbacks(execute=False):
        response = send(acknowledged_client, conversation, BLOCKED_TEXT, send_masked="1")
    assert response.status_code == HTTPStatus.FOUND
    prompt = Message.objects.get(role=MessageRole.USER)
    assert prompt.masked is True
    assert "090-1234-5678" not in prompt.content
    assert "〔電話番号1〕" in prompt.content
    # the mapping is only in the user's encrypted cookie
    cookie = response.cookies[f"mask{conversation.pk}"]
    assert "090" not in cookie.value


def test_classification_one_or_two_is_refused(acknowledged_client, conversation):
    response = send(acknowledged_client, conversation, "市民課の窓口時間を教えて", classification="II")
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "3(1)" in response.content.decode()
    assert LLMRequest.objects.count() == 0
    assert AuditEvent.objects.filter(kind=EventKind.CLASSIFICATION_REFUSED).count() == 1


def test_empty_prompt_gets_clear_message(acknowledged_client, conversation):
    response = send(acknowledged_client, conversation, "   ")
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "プロンプトが空です" in response.content.decode()


def test_double_submit_creates_one_request(acknowledged_client, conversation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        first = send(acknowledged_client, conversation, "窓口の案内文を作って", token="same")
        second = send(acknowledged_client, conversation, "窓口の案内文を作って", token="same")
    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert LLMRequest.objects.count() == 1
    assert Message.objects.filter(role=MessageRole.USER).count() == 1


def test_pass_queues_on_commit_and_answer_needs_confirmation(
    acknowledged_client, conversation, django_capture_on_commit_callbacks, llm, staff
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(acknowledged_client, conversation, "窓口の案内文を作って")
    assert len(callbacks) == 1  # queued only after the commit
    request = LLMRequest.objects.get()
    services.llm_request_execute(request_id=request.pk)  # what the worker does
    request.refresh_from_db()
    assert request.status == LLMRequestStatus.SUCCEEDED
    assert request.completion_tokens > 0
    assert "スタンドイン" in request.answer.content
    # the prompt reached the stand-in over HTTP
    assert llm.received()[-1]["body"]["messages"][-1]["content"] == "窓口の案内文を作って"

    page = acknowledged_client.get(reverse("chat:conversation", args=[conversation.pk])).content.decode()
    assert "確認を記録する" in page
    assert "学習データの期限" in page
    assert "実際のAIではありません" in page
    # not usable before confirmation
    export = acknowledged_client.get(reverse("chat:export", args=[request.answer_id]))
    assert export.status_code == HTTPStatus.FOUND
    blocked_next = send(acknowledged_client, conversation, "続けて", token="t2")
    assert "前の回答の確認" in blocked_next.content.decode()
    # one statement only is refused
    acknowledged_client.post(reverse("chat:confirm", args=[request.answer_id]), {"fact_checked": "1"})
    assert not AuditEvent.objects.filter(kind=EventKind.ANSWER_CONFIRMED).exists()
    acknowledged_client.post(
        reverse("chat:confirm", args=[request.answer_id]),
        {"fact_checked": "1", "responsibility": "1"},
        HTTP_USER_AGENT="pytest-agent",
    )
    event = AuditEvent.objects.get(kind=EventKind.ANSWER_CONFIRMED)
    assert (event.actor_id, event.target_id, event.payload["statement_version"], event.user_agent) == (
        staff.pk, str(request.answer_id), "2025-04", "pytest-agent"
    )
    assert event.ip == "127.0.0.1"
    export = acknowledged_client.get(reverse("chat:export", args=[request.answer_id]))
    assert export.status_code == HTTPStatus.OK
    assert "スタンドイン" in export.content.decode()


def test_second_delivery_creates_no_second_answer(acknowledged_client, conversation, django_capture_on_commit_callbacks, llm):
    with django_capture_on_commit_callbacks(execute=False):
        send(acknowledged_client, conversation, "窓口の案内文を作って")
    request = LLMRequest.objects.get()
    services.llm_request_execute(request_id=request.pk)
    services.llm_request_execute(request_id=request.pk)
    assert Message.objects.filter(role=MessageRole.ASSISTANT).count() == 1
    assert AuditEvent.objects.filter(kind=EventKind.ANSWER_RECEIVED).count() == 1
    assert len(llm.received()) == 1


def test_other_users_conversation_is_404(client, conversation):
    other = UserFactory(username="other")
    client.force_login(other)
    from portal.selectors import guideline_current

    services.guideline_acknowledge(user=other, version=guideline_current())
    assert client.get(reverse("chat:conversation", args=[conversation.pk])).status_code == HTTPStatus.NOT_FOUND
    assert send(client, conversation, "x").status_code == HTTPStatus.NOT_FOUND


def test_multi_turn_sends_earlier_turns(acknowledged_client, conversation, django_capture_on_commit_callbacks, llm, staff):
    from portal.selectors import confirmation_statement_current

    with django_capture_on_commit_callbacks(execute=False):
        send(acknowledged_client, conversation, "一つ目の質問", token="a")
    first = LLMRequest.objects.get()
    services.llm_request_execute(request_id=first.pk)
    first.refresh_from_db()
    services.answer_confirm(
        user=staff, answer=first.answer, statement=confirmation_statement_current(),
        fact_checked=True, responsibility=True,
    )
    with django_capture_on_commit_callbacks(execute=False):
        send(acknowledged_client, conversation, "二つ目の質問", token="b")
    second = LLMRequest.objects.latest("id")
    services.llm_request_execute(request_id=second.pk)
    sent = llm.received()[-1]["body"]["messages"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "user"]
    assert sent[1]["content"] == "一つ目の質問"
    assert sent[3]["content"] == "二つ目の質問"


def test_conversation_factory_belongs_to_user(db):
    conversation = ConversationFactory()
    assert conversation.department == conversation.user.department


def test_clean_prompt_is_not_marked_masked(acknowledged_client, conversation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        send(acknowledged_client, conversation, "窓口の案内文を作って")
    assert Message.objects.get(role=MessageRole.USER).masked is False
