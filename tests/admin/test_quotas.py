"""Quotas set in the admin: per user per day (requests, tokens), per department per month."""

from __future__ import annotations

import datetime as dt
import itertools
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, EventKind
from portal.models import (
    LLMRequest,
    LLMRequestStatus,
    Message,
    MessageRole,
    SiteSettings,
)
from portal.selectors import quota_refusal, quota_status
from tests.factories import ConversationFactory, UserFactory

pytestmark = pytest.mark.django_db

_keys = itertools.count()


def _limits(**values):
    SiteSettings.objects.update(**values)


def _request(user, *, tokens=0, at=None, conversation=None):
    conversation = conversation or ConversationFactory(user=user)
    prompt = Message.objects.create(
        conversation=conversation, role=MessageRole.USER, content="x"
    )
    row = LLMRequest.objects.create(
        conversation=conversation,
        prompt=prompt,
        model=conversation.model,
        idempotency_key=f"q{next(_keys)}",
        status=LLMRequestStatus.FAILED,
        prompt_tokens=tokens // 2,
        completion_tokens=tokens - tokens // 2,
    )
    if at is not None:
        LLMRequest.objects.filter(pk=row.pk).update(created_at=at)
    return row


def _today_local(hour: int) -> dt.datetime:
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)


def test_requests_per_user_per_day(staff):
    _limits(user_daily_requests=2, prompts_per_minute=100)
    yesterday = _today_local(0) - dt.timedelta(minutes=1)
    _request(staff, at=yesterday)
    _request(staff, at=yesterday)
    assert quota_refusal(user=staff) == ""
    _request(staff)
    assert quota_status(user=staff).requests_left == 1
    _request(staff)
    assert quota_status(user=staff).requests_left == 0
    assert "本日のリクエスト上限" in quota_refusal(user=staff)
    # Someone else's requests do not count against this user.
    assert (
        quota_refusal(
            user=UserFactory(username="colleague", department=staff.department)
        )
        == ""
    )


def test_tokens_per_user_per_day(staff):
    _limits(user_daily_tokens=1000, prompts_per_minute=100)
    _request(staff, tokens=5000, at=_today_local(0) - dt.timedelta(hours=1))
    _request(staff, tokens=999)
    assert quota_status(user=staff).tokens_left == 1
    assert quota_refusal(user=staff) == ""
    _request(staff, tokens=1)
    assert "本日のトークン上限" in quota_refusal(user=staff)


def test_department_tokens_per_month(staff):
    _limits(department_monthly_tokens=10_000, prompts_per_minute=100)
    colleague = UserFactory(username="colleague", department=staff.department)
    elsewhere = UserFactory(username="elsewhere")
    first_of_month = _today_local(0).replace(day=1)
    _request(colleague, tokens=50_000, at=first_of_month - dt.timedelta(minutes=1))
    _request(elsewhere, tokens=5_000)
    assert quota_refusal(user=staff) == ""
    _request(colleague, tokens=10_000, at=first_of_month + dt.timedelta(minutes=1))
    assert quota_status(user=staff).department_tokens_left == 0
    assert "所属の今月のトークン上限" in quota_refusal(user=staff)
    assert quota_refusal(user=elsewhere) == ""


def test_prompts_per_minute(staff):
    _limits(prompts_per_minute=2)
    _request(staff, at=timezone.now() - dt.timedelta(minutes=2))
    _request(staff)
    assert quota_refusal(user=staff) == ""
    _request(staff)
    assert "1分ほど待って" in quota_refusal(user=staff)


def test_limit_changed_in_admin_applies_at_once(admin_client, staff):
    _limits(prompts_per_minute=100)
    _request(staff)
    assert quota_refusal(user=staff) == ""
    row = SiteSettings.objects.get()
    admin_client.post(
        reverse("admin:portal_sitesettings_change", args=[row.pk]),
        {
            "max_upload_bytes": row.max_upload_bytes,
            "max_upload_rows": row.max_upload_rows,
            "retention_days": row.retention_days,
            "user_daily_requests": 1,
            "user_daily_tokens": row.user_daily_tokens,
            "department_monthly_tokens": row.department_monthly_tokens,
            "prompts_per_minute": 100,
        },
    )
    assert "本日のリクエスト上限" in quota_refusal(user=staff)


def test_chat_page_refuses_clearly_and_records_it(acknowledged_client, staff):
    _limits(user_daily_requests=1, prompts_per_minute=100)
    conversation = ConversationFactory(user=staff)
    _request(staff, conversation=ConversationFactory(user=staff))
    response = acknowledged_client.post(
        reverse("chat:send", args=[conversation.pk]),
        {
            "text": "通知文を整えてください",
            "classification": "IV",
            "client_token": "t-quota",
        },
    )
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "本日のリクエスト上限に達しました" in response.content.decode()
    assert list(
        AuditEvent.objects.filter(kind=EventKind.QUOTA_REFUSED).values_list(
            "actor_id", flat=True
        )
    ) == [staff.pk]
    assert not LLMRequest.objects.filter(conversation=conversation).exists()


def test_home_page_shows_what_is_left(acknowledged_client, staff):
    _limits(user_daily_requests=5, prompts_per_minute=100)
    _request(staff)
    response = acknowledged_client.get(reverse("chat:home"))
    assert "リクエスト 4 回" in response.content.decode()
