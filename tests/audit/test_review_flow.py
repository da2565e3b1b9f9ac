"""A section head reviews the team, opens a conversation with a reason; the member sees it."""
from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from screening.models import DecisionSource
from screening.services import screening_decision_record

pytestmark = pytest.mark.django_db


def test_dashboard_shows_usage_charts_and_screening(client, org):
    screening_decision_record(
        user=org.staff_a, source=DecisionSource.PROMPT, decision="block",
        category_counts={"person_name": 2}, conversation=org.conv_a,
    )
    screening_decision_record(
        user=org.staff_a, source=DecisionSource.PROMPT, decision="warn",
        category_counts={"non_business": 1}, conversation=org.conv_a,
    )
    client.force_login(org.head_a)
    response = client.get(reverse("review:dashboard"))
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert body.count('<svg class="chart"') >= 4  # per-member usage + screening + tokens + models
    assert "staff_a の日別リクエスト数" not in body or "日別リクエスト数" in body
    assert "3(1)" in body and "氏名" in body  # blocked by clause and category
    assert "業務外の利用" in body  # the non-business warning
    assert "A会話" in body  # unconfirmed answer listed
    assert "スタンドインLLM" in body  # models used
    assert "42" in body  # 12 + 30 tokens


def test_open_conversation_requires_reason_and_is_listed_for_the_member(client, org):
    client.force_login(org.head_a)
    url = reverse("review:conversation", args=[org.conv_a.pk])
    assert "A会話の質問" not in client.get(url).content.decode()
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert not AuditEvent.objects.filter(kind=EventKind.REVIEW_ACCESS).exists()
    shown = client.post(url, {"reason": "業務外利用の警告を確認するため"})
    assert shown.status_code == HTTPStatus.OK
    assert "A会話の質問" in shown.content.decode() and "A会話の回答" in shown.content.decode()
    assert list(
        AuditEvent.objects.filter(kind=EventKind.REVIEW_ACCESS).values_list(
            "actor_id", "target_type", "target_id", "payload__reason", "payload__member_id"
        )
    ) == [(org.head_a.pk, "portal.conversation", str(org.conv_a.pk),
           "業務外利用の警告を確認するため", org.staff_a.pk)]
    client.force_login(org.staff_a)
    history = client.get(reverse("review:history")).content.decode()
    assert "誰がいつ閲覧したか" in history
    assert "業務外利用の警告を確認するため" in history and str(org.head_a) in history
    # Another member's history does not show it.
    client.force_login(org.staff_a1)
    assert "業務外利用の警告を確認するため" not in client.get(reverse("review:history")).content.decode()


def test_history_lists_decisions_and_confirmations(client, org):
    from portal.selectors import confirmation_statement_current
    from portal.services import answer_confirm

    answer = org.conv_a.messages.get(role="assistant")
    answer_confirm(user=org.staff_a, answer=answer, statement=confirmation_statement_current(),
                   fact_checked=True, responsibility=True)
    screening_decision_record(user=org.staff_a, source=DecisionSource.PROMPT, decision="warn",
                              category_counts={"phone": 1}, conversation=org.conv_a)
    client.force_login(org.staff_a)
    body = client.get(reverse("review:history")).content.decode()
    assert f"#{answer.pk}" in body and "warn" in body and "A会話" in body
    assert "B会話" not in body
