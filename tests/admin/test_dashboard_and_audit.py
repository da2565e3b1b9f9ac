"""The division dashboard, the monthly report, and the audit of every admin change."""

from __future__ import annotations

import csv
import io
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, EventKind
from portal.models import (
    BusinessPurpose,
    LLMRequest,
    LLMRequestStatus,
    Message,
    MessageRole,
)
from screening.models import DecisionSource
from screening.services import screening_decision_record
from tests.factories import ConversationFactory, DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def usage(staff):
    """Two requests in 市民課 (one answered, unconfirmed), one block, one pending appeal."""
    from screening.appeals import appeal_file

    conversation = ConversationFactory(user=staff)
    for n, tokens in enumerate((300, 700)):
        prompt = Message.objects.create(
            conversation=conversation, role=MessageRole.USER, content="x"
        )
        answer = Message.objects.create(
            conversation=conversation, role=MessageRole.ASSISTANT, content="y"
        )
        LLMRequest.objects.create(
            conversation=conversation,
            prompt=prompt,
            answer=answer,
            model=conversation.model,
            idempotency_key=f"dash{n}",
            status=LLMRequestStatus.SUCCEEDED,
            prompt_tokens=tokens,
            completion_tokens=0,
        )
    decision = screening_decision_record(
        user=staff,
        source=DecisionSource.PROMPT,
        decision="block",
        category_counts={"phone": 1, "person_name": 2},
        masked_text="〔氏名1〕の電話は〔電話番号1〕",
    )
    appeal_file(user=staff, decision=decision, reason="公表済み")
    DepartmentFactory(code="999", name="未利用課")
    return conversation


def test_dashboard(admin_client, usage):
    response = admin_client.get(reverse("admin:dashboard"))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert html.count("<svg") >= 4
    assert response.context["unconfirmed"] == 2
    assert response.context["pending_appeals"] == 1
    rows = {r.code: r for r in response.context["rows"]}
    assert (
        rows["210"].requests,
        rows["210"].tokens,
        rows["210"].blocks,
        rows["210"].unconfirmed,
    ) == (
        2,
        1000,
        1,
        2,
    )
    assert rows["999"].requests == 0
    assert {(c, n) for c, _label, n in response.context["clause_rows"]} == {("3(1)", 1)}
    assert "氏名" in html and "電話番号" in html
    assert response.context["models"] == [(usage.model.display_name, 2)]
    assert "月次報告をダウンロード" in html


def test_dashboard_is_linked_from_admin_index(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:dashboard") in html


def test_dashboard_is_admin_only(acknowledged_client):
    response = acknowledged_client.get(reverse("admin:dashboard"))
    assert response.status_code == HTTPStatus.FOUND
    assert "login" in response["Location"]


@pytest.mark.parametrize("encoding,decode", [("", "utf-8-sig"), ("cp932", "cp932")])
def test_monthly_report(admin_client, usage, policy_admin, encoding, decode):
    month = f"{timezone.localdate():%Y-%m}"
    response = admin_client.get(
        reverse("admin:portal_monthly_report"), {"month": month, "encoding": encoding}
    )
    assert response.status_code == HTTPStatus.OK
    assert f"monthly-report-{month}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode(decode))))
    assert rows[0][:3] == ["所属コード", "所属名", "リクエスト数"]
    assert ["210", "市民課", "2", "1000", "1", "0", "2"] in rows
    event = AuditEvent.objects.get(kind=EventKind.EXPORT)
    assert (event.actor_id, event.payload["report"], event.payload["month"]) == (
        policy_admin.pk,
        "monthly_usage",
        month,
    )


def test_monthly_report_of_an_empty_month(admin_client, usage):
    response = admin_client.get(
        reverse("admin:portal_monthly_report"), {"month": "2020-01"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["210", "市民課", "0", "0", "0", "0", "0"] in rows


def _admin_events():
    return list(
        AuditEvent.objects.filter(kind=EventKind.ADMIN_CHANGE)
        .order_by("seq")
        .values_list(
            "actor_username", "target_type", "payload__action", "payload__object"
        )
    )


def test_add_change_delete_are_audited(admin_client):
    response = admin_client.post(
        reverse("admin:portal_businesspurpose_add"),
        {"label": "広報", "order": 9, "active": "on"},
    )
    assert response.status_code == HTTPStatus.FOUND
    purpose = BusinessPurpose.objects.get(label="広報")
    admin_client.post(
        reverse("admin:portal_businesspurpose_change", args=[purpose.pk]),
        {"label": "広報・報道", "order": 9, "active": "on"},
    )
    admin_client.post(
        reverse("admin:portal_businesspurpose_delete", args=[purpose.pk]),
        {"post": "yes"},
    )
    assert _admin_events() == [
        ("seisaku-test", "portal.businesspurpose", "add", "広報"),
        ("seisaku-test", "portal.businesspurpose", "change", "広報・報道"),
        ("seisaku-test", "portal.businesspurpose", "delete", "広報・報道"),
    ]


def test_bulk_delete_is_audited_per_object(admin_client):
    from portal.models import PromptTemplate

    ids = list(PromptTemplate.objects.values_list("pk", flat=True)[:2])
    response = admin_client.post(
        reverse("admin:portal_prompttemplate_changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not PromptTemplate.objects.filter(pk__in=ids).exists()
    deleted = [e for e in _admin_events() if e[2] == "delete"]
    assert len(deleted) == 2


def test_failed_bulk_delete_leaves_no_event(admin_client, staff):
    # A department with members is protected: the delete fails, and so does its event.
    before = AuditEvent.objects.count()
    response = admin_client.post(
        reverse("admin:portal_department_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [staff.department_id],
            "post": "yes",
        },
    )
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert AuditEvent.objects.filter(kind=EventKind.ADMIN_CHANGE).count() == 0
    assert AuditEvent.objects.count() == before


def test_user_role_change_is_audited_without_password(admin_client):
    user = UserFactory(username="promote-me")
    page = admin_client.get(reverse("admin:portal_user_change", args=[user.pk]))
    from tests.admin.helpers import change_page_post_data

    data = change_page_post_data(page)
    data["role"] = "section_head"
    response = admin_client.post(
        reverse("admin:portal_user_change", args=[user.pk]), data
    )
    assert response.status_code == HTTPStatus.FOUND
    event = AuditEvent.objects.filter(kind=EventKind.ADMIN_CHANGE).latest("seq")
    assert (event.target_type, event.target_id) == ("portal.user", str(user.pk))
    assert "役割" in event.payload["changes"][0]["changed"]["fields"]
    assert "md5$" not in str(event.payload)


def test_audit_events_stay_read_only_for_the_admin(admin_client):
    """Unregistered (not editable at all) or registered read-only by the audit app."""
    from django.contrib import admin as django_admin

    model_admin = django_admin.site._registry.get(AuditEvent)
    request = admin_client.get(reverse("admin:index")).wsgi_request
    if model_admin is not None:
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)
