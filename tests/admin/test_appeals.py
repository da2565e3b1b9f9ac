"""False-positive appeals: staff file, the division decides, staff are told; all audited."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from screening.models import AllowListEntry, Appeal, AppealStatus, DecisionSource
from screening.selectors import engine_config_current
from screening.services import screening_decision_record
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.admin.urls")]

PUBLIC_NUMBER = "027-898-0000"


@pytest.fixture
def blocked(staff):
    """A blocked prompt of `staff`, recorded as the chat view records it."""
    return screening_decision_record(
        user=staff,
        source=DecisionSource.PROMPT,
        decision="block",
        category_counts={"phone": 1},
        masked_text="市民課の窓口 〔電話番号1〕 の案内文を作ってください",
    )


def _events(kind):
    return list(
        AuditEvent.objects.filter(kind=kind)
        .order_by("seq")
        .values_list("actor_username", "target_type", "payload__status")
    )


def test_staff_files_an_appeal(acknowledged_client, staff, blocked):
    listing = acknowledged_client.get(reverse("screening:appeals"))
    assert listing.status_code == HTTPStatus.OK
    assert (
        reverse("screening:appeal_new", args=[blocked.pk]) in listing.content.decode()
    )

    form = acknowledged_client.get(reverse("screening:appeal_new", args=[blocked.pk]))
    html = form.content.decode()
    assert "〔電話番号1〕" in html and PUBLIC_NUMBER not in html

    response = acknowledged_client.post(
        reverse("screening:appeal_new", args=[blocked.pk]),
        {"reason": "公表済みの情報です", "allow_term": PUBLIC_NUMBER},
    )
    assert response.status_code == HTTPStatus.FOUND
    appeal = Appeal.objects.get()
    assert (appeal.user, appeal.decision, appeal.status) == (
        staff,
        blocked,
        AppealStatus.PENDING,
    )
    event = AuditEvent.objects.get(kind=EventKind.APPEAL_FILED)
    assert (event.actor_id, event.target_id, event.payload["categories"]) == (
        staff.pk,
        str(appeal.pk),
        ["phone"],
    )


def test_reason_is_required(acknowledged_client, blocked):
    response = acknowledged_client.post(
        reverse("screening:appeal_new", args=[blocked.pk]), {"reason": ""}
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert not Appeal.objects.exists()


def test_second_pending_appeal_refused(acknowledged_client, blocked):
    url = reverse("screening:appeal_new", args=[blocked.pk])
    acknowledged_client.post(url, {"reason": "公表済みの情報です"})
    response = acknowledged_client.post(url, {"reason": "もう一度"})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert Appeal.objects.count() == 1


def test_cannot_appeal_someone_elses_decision(client, blocked):
    other = UserFactory(username="other-staff")
    client.force_login(other)
    response = client.get(reverse("screening:appeal_new", args=[blocked.pk]))
    assert response.status_code == HTTPStatus.NOT_FOUND
    response = client.post(
        reverse("screening:appeal_new", args=[blocked.pk]), {"reason": "x"}
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Appeal.objects.exists()


def test_admin_sees_masked_prompt_only(admin_client, staff, blocked):
    from screening.appeals import appeal_file

    appeal = appeal_file(user=staff, decision=blocked, reason="公表済みの情報です")
    page = admin_client.get(reverse("admin:screening_appeal_change", args=[appeal.pk]))
    html = page.content.decode()
    assert "〔電話番号1〕" in html and "電話番号" in html
    assert PUBLIC_NUMBER not in html


def test_admin_approves_and_allow_list_grows(
    admin_client,
    acknowledged_client,
    staff,
    blocked,
    policy_admin,
    django_capture_on_commit_callbacks,
):
    from screening.appeals import appeal_file

    appeal = appeal_file(
        user=staff,
        decision=blocked,
        reason="公表済みの情報です",
        allow_term=PUBLIC_NUMBER,
    )
    engine_config_current()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:screening_appeal_change", args=[appeal.pk]),
            {
                "allow_term": PUBLIC_NUMBER,
                "verdict": "approve",
                "decision_note": "代表番号のため許可しました",
            },
        )
    assert response.status_code == HTTPStatus.FOUND
    appeal.refresh_from_db()
    assert (appeal.status, appeal.decided_by, appeal.decision_note) == (
        AppealStatus.APPROVED,
        policy_admin,
        "代表番号のため許可しました",
    )
    assert AllowListEntry.objects.filter(term=PUBLIC_NUMBER).exists()
    assert PUBLIC_NUMBER in engine_config_current().allow_terms
    decided = AuditEvent.objects.get(kind=EventKind.APPEAL_DECIDED)
    assert (
        decided.actor_id,
        decided.payload["status"],
        decided.payload["appellant_id"],
    ) == (
        policy_admin.pk,
        "approved",
        staff.pk,
    )
    assert AuditEvent.objects.filter(
        kind=EventKind.ADMIN_CHANGE, target_type="screening.allowlistentry"
    ).exists()

    # The staff member is told, on their appeals page and through the notice tag.
    listing = acknowledged_client.get(reverse("screening:appeals"))
    html = listing.content.decode()
    assert "承認" in html and "代表番号のため許可しました" in html
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = staff
    notice = Template("{% load appeals %}{% appeal_notices %}").render(
        Context({"request": request})
    )
    assert "誤検知の申立ての結果" in notice and "承認" in notice


def test_admin_declines(
    admin_client, acknowledged_client, staff, blocked, policy_admin
):
    from screening.appeals import appeal_file

    appeal = appeal_file(user=staff, decision=blocked, reason="公表済みの情報です")
    response = admin_client.post(
        reverse("admin:screening_appeal_change", args=[appeal.pk]),
        {
            "allow_term": "",
            "verdict": "decline",
            "decision_note": "個人の携帯番号と判断しました",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.DECLINED
    assert AllowListEntry.objects.filter(term=PUBLIC_NUMBER).count() == 0
    assert _events(EventKind.APPEAL_DECIDED) == [
        ("seisaku-test", "screening.appeal", "declined")
    ]
    html = acknowledged_client.get(reverse("screening:appeals")).content.decode()
    assert "却下" in html and "個人の携帯番号と判断しました" in html

    # A decided appeal cannot be decided again.
    page = admin_client.get(reverse("admin:screening_appeal_change", args=[appeal.pk]))
    assert 'name="verdict"' not in page.content.decode()


def test_appeals_cannot_be_added_or_deleted_in_admin(admin_client, staff, blocked):
    from screening.appeals import appeal_file

    appeal = appeal_file(user=staff, decision=blocked, reason="公表済みの情報です")
    assert (
        admin_client.get(reverse("admin:screening_appeal_add")).status_code
        == HTTPStatus.FORBIDDEN
    )
    response = admin_client.post(
        reverse("admin:screening_appeal_delete", args=[appeal.pk]), {"post": "yes"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
