"""Publishing a guideline version forces re-acknowledgement; settings are one row."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from portal.models import GuidelineVersion, SiteSettings
from portal.selectors import guideline_current

pytestmark = pytest.mark.django_db


def test_publish_new_version_forces_reacknowledgement(
    admin_client, acknowledged_client, policy_admin
):
    assert acknowledged_client.get(reverse("chat:home")).status_code == HTTPStatus.OK
    draft = GuidelineVersion.objects.create(
        label="第6版", issued_on=dt.date(2026, 4, 1), summary="改訂", clauses=[]
    )
    assert guideline_current().label == "第5版"
    response = admin_client.post(
        reverse("admin:portal_guidelineversion_changelist"),
        {"action": "publish_action", "_selected_action": [draft.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert guideline_current() == draft
    event = AuditEvent.objects.get(kind=EventKind.GUIDELINE_PUBLISHED)
    assert (event.actor_id, event.target_id, event.payload) == (
        policy_admin.pk,
        str(draft.pk),
        {"version": "第6版"},
    )

    response = acknowledged_client.get(reverse("chat:home"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("chat:guideline"))
    acknowledged_client.post(reverse("chat:guideline"), {"agree": "on"})
    assert acknowledged_client.get(reverse("chat:home")).status_code == HTTPStatus.OK


def test_publish_needs_exactly_one_version(admin_client):
    a = GuidelineVersion.objects.create(
        label="A", issued_on=dt.date(2026, 1, 1), summary="s"
    )
    b = GuidelineVersion.objects.create(
        label="B", issued_on=dt.date(2026, 1, 1), summary="s"
    )
    admin_client.post(
        reverse("admin:portal_guidelineversion_changelist"),
        {"action": "publish_action", "_selected_action": [a.pk, b.pk]},
    )
    assert guideline_current().label == "第5版"


def test_site_settings_is_a_singleton(admin_client):
    row = SiteSettings.objects.get()
    response = admin_client.get(reverse("admin:portal_sitesettings_changelist"))
    assert response["Location"] == reverse(
        "admin:portal_sitesettings_change", args=[row.pk]
    )
    assert (
        admin_client.get(reverse("admin:portal_sitesettings_add")).status_code
        == HTTPStatus.FORBIDDEN
    )
    response = admin_client.post(
        reverse("admin:portal_sitesettings_delete", args=[row.pk]), {"post": "yes"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_site_settings_change_is_audited(admin_client):
    row = SiteSettings.objects.get()
    data = {
        "max_upload_bytes": 5_000_000,
        "max_upload_rows": 100_000,
        "retention_days": 180,
        "user_daily_requests": 50,
        "user_daily_tokens": 100_000,
        "department_monthly_tokens": 1_000_000,
        "prompts_per_minute": 5,
    }
    response = admin_client.post(
        reverse("admin:portal_sitesettings_change", args=[row.pk]), data
    )
    assert response.status_code == HTTPStatus.FOUND
    row.refresh_from_db()
    assert (row.retention_days, row.user_daily_requests) == (180, 50)
    event = AuditEvent.objects.filter(kind=EventKind.ADMIN_CHANGE).latest("seq")
    assert event.target_type == "portal.sitesettings"
    assert "本文の保存期間（日）" in event.payload["changes"][0]["changed"]["fields"]
