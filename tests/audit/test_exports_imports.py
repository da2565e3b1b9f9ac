"""Administrators export audit events and the monthly report (rosters: tests/admin)."""
from __future__ import annotations

import io
from http import HTTPStatus

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, EventKind
from audit.services import audit_event_record

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
