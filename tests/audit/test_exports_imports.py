"""Administrators export audit events and the monthly report; rosters import all-or-nothing."""
from __future__ import annotations

import io
from http import HTTPStatus

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, EventKind
from audit.services import audit_event_record
from portal.models import Department, Role, User

pytestmark = pytest.mark.django_db


def _export(client, **data):
    return client.post(reverse("review:exports"), data)


def test_audit_events_csv_cp932_with_formula_escaped(client, org):
    audit_event_record(kind=EventKind.LOGIN_FAILED, actor_username="=HYPERLINK(\"x\")")
    client.force_login(org.admin)
    today = timezone.localdate()
    response = _export(client, what="events", date_from=today, date_to=today,
                       file_format="csv", encoding="cp932")
    assert response.status_code == HTTPStatus.OK
    assert "Shift_JIS" in response["Content-Type"]
    text = response.content.decode("cp932")
    assert text.splitlines()[0].startswith("通番,日時,種別コード,種別,利用者ID,利用者名")
    assert "ログイン失敗" in text
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    assert list(
        AuditEvent.objects.filter(kind=EventKind.EXPORT).values_list(
            "actor_id", "payload__what", "payload__format")
    ) == [(org.admin.pk, "audit_events", "csv/cp932")]


def test_monthly_usage_report_xlsx(client, org):
    client.force_login(org.admin)
    month = f"{timezone.localdate():%Y-%m}"
    response = _export(client, what="usage", month=month, file_format="xlsx", encoding="utf-8")
    assert response.status_code == HTTPStatus.OK
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("年月", "所属コード", "所属名", "利用者数", "リクエスト数")
    by_code = {r[1]: r for r in rows[1:]}
    assert by_code["A00"][3:5] == (1, 1)
    assert by_code["A00"][6:8] == (12, 30)  # tokens stay numbers
    assert by_code["A00"][10] == 1  # the unconfirmed answer
    assert by_code["B00"][4] == 1


def test_monthly_usage_csv_utf8_bom(client, org):
    client.force_login(org.admin)
    response = _export(client, what="usage", month=f"{timezone.localdate():%Y-%m}",
                       file_format="csv", encoding="utf-8")
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "福祉部" in response.content.decode("utf-8-sig")


def _upload(client, kind: str, text: str, encoding: str = "cp932", **extra):
    data = {"kind": kind, "encoding": "auto",
            "file": SimpleUploadedFile("roster.csv", text.encode(encoding)), **extra}
    return client.post(reverse("review:roster"), data)


DEPARTMENTS = "所属コード,所属名,上位所属コード,所属長が下位所属も確認\nC00,子育て部,,1\nC10,こども課,C00,0\n"


def test_roster_dry_run_then_confirm(client, org):
    client.force_login(org.admin)
    preview = _upload(client, "departments", DEPARTMENTS)
    assert preview.status_code == HTTPStatus.OK
    assert "確認結果（まだ取り込んでいません）" in preview.content.decode()
    assert not Department.objects.filter(code="C00").exists()
    payload = preview.context["payload"]
    done = client.post(reverse("review:roster"), {"confirm": "1", "payload": payload})
    assert done.status_code == HTTPStatus.OK
    assert Department.objects.get(code="C10").parent.code == "C00"
    assert AuditEvent.objects.filter(kind=EventKind.IMPORT).values_list(
        "payload__what", "payload__totals__new").get() == ("departments", 2)

    users = ("ログインID,姓,名,メールアドレス,所属コード,役割,有効\n"
             "kodomo1,山田,太郎,k1@example.lg.jp,C10,職員,1\n"
             "kodomo2,佐藤,花子,k2@example.lg.jp,C10,section_head,1\n")
    preview = _upload(client, "users", users)
    client.post(reverse("review:roster"), {"confirm": "1", "payload": preview.context["payload"]})
    head = User.objects.get(username="kodomo2")
    assert head.role == Role.SECTION_HEAD and head.department.code == "C10"
    assert not head.has_usable_password()


def test_roster_bad_rows_reported_and_nothing_imported(client, org):
    client.force_login(org.admin)
    users = ("ログインID,姓,名,メールアドレス,所属コード,役割,有効\n"
             "good1,山田,太郎,g1@example.lg.jp,A00,staff,1\n"
             "bad1,鈴木,次郎,b1@example.lg.jp,ZZZ,staff,1\n"
             "bad2,田中,三郎,b2@example.lg.jp,A00,社長,1\n")
    response = _upload(client, "users", users, encoding="utf-8")
    body = response.content.decode()
    assert "ZZZ" in body and "社長" in body
    assert "payload" not in response.context or not response.context.get("payload")
    assert not User.objects.filter(username__in=["good1", "bad1", "bad2"]).exists()
    assert not AuditEvent.objects.filter(kind=EventKind.IMPORT).exists()
