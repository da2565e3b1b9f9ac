"""Roster import/export of departments and users: dry-run preview, CP932 CSV, audited."""

from __future__ import annotations

import csv
import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from portal.models import Department, Role, User
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

CSV_UTF8, CSV_CP932 = "0", "1"


def _csv(rows, encoding="cp932") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _preview(client, model, content, fmt=CSV_CP932, name="roster.csv"):
    return client.post(
        reverse(f"admin:portal_{model}_import"),
        {
            "resource": "0",
            "format": fmt,
            "import_file": SimpleUploadedFile(name, content, content_type="text/csv"),
        },
    )


def _confirm(client, model, preview):
    form = preview.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(reverse(f"admin:portal_{model}_process_import"), data)


DEPARTMENTS = [
    ["所属コード", "所属名", "上位所属コード", "所属長が下位所属も確認する"],
    ["300", "財務部", "", "はい"],
    ["320", "財政課", "300", "いいえ"],
    ["330", "髙橋記念館管理課", "300", "はい"],
]


def test_department_import_cp932_with_preview(admin_client):
    preview = _preview(admin_client, "department", _csv(DEPARTMENTS))
    assert preview.status_code == HTTPStatus.OK
    html = preview.content.decode()
    assert "財政課" in html and "髙橋記念館管理課" in html
    assert not Department.objects.filter(code__in=["300", "320", "330"]).exists(), (
        "dry run only"
    )

    response = _confirm(admin_client, "department", preview)
    assert response.status_code == HTTPStatus.FOUND
    finance = Department.objects.get(code="320")
    assert (finance.name, finance.parent.code, finance.heads_review_subdepartments) == (
        "財政課",
        "300",
        False,
    )
    event = AuditEvent.objects.get(kind=EventKind.IMPORT)
    assert (event.payload["model"], event.payload["rows"], event.payload["totals"]) == (
        "portal.department",
        3,
        {"new": 3},
    )


USERS = [
    ["ログインID", "姓", "名", "メールアドレス", "所属コード", "役割", "有効"],
    ["zaisei1", "髙橋", "一郎", "zaisei1@city.example.lg.jp", "320", "職員", "はい"],
    ["zaisei-head", "佐藤", "花子", "head@city.example.lg.jp", "320", "所属長", "はい"],
]


def test_user_import_creates_users_without_password_or_admin_rights(admin_client):
    DepartmentFactory(code="320", name="財政課")
    preview = _preview(admin_client, "user", _csv(USERS))
    assert preview.status_code == HTTPStatus.OK, preview.content.decode()[:2000]
    response = _confirm(admin_client, "user", preview)
    assert response.status_code == HTTPStatus.FOUND
    head = User.objects.get(username="zaisei-head")
    assert (head.last_name, head.department.code, head.role) == (
        "佐藤",
        "320",
        Role.SECTION_HEAD,
    )
    assert not head.has_usable_password()
    assert not head.is_staff and not head.is_superuser


def test_bad_rows_are_reported_and_nothing_is_imported(admin_client):
    DepartmentFactory(code="320", name="財政課")
    rows = [
        *USERS,
        ["bad1", "山田", "太郎", "bad@example.lg.jp", "999", "職員", "はい"],
        ["bad2", "山田", "次郎", "bad2@example.lg.jp", "320", "部長", "はい"],
    ]
    preview = _preview(admin_client, "user", _csv(rows))
    assert preview.status_code == HTTPStatus.OK
    html = preview.content.decode()
    assert "役割「部長」は使えません" in html
    assert "所属コード「999」は登録されていません" in html
    assert preview.context.get("confirm_form") is None
    assert not User.objects.filter(username__in=["zaisei1", "bad1", "bad2"]).exists()


def test_utf8_csv_import(admin_client):
    preview = _preview(
        admin_client, "department", _csv(DEPARTMENTS, "utf-8-sig"), fmt=CSV_UTF8
    )
    _confirm(admin_client, "department", preview)
    assert Department.objects.filter(code="330", name="髙橋記念館管理課").exists()


def test_user_export_cp932_is_audited_and_has_no_secrets(admin_client):
    dept = DepartmentFactory(code="320", name="財政課")
    UserFactory(
        username="zaisei1", last_name="髙橋", first_name="一郎", department=dept
    )
    response = admin_client.post(
        reverse("admin:portal_user_export"),
        {
            "format": CSV_CP932,
            "resource": "0",
            **{
                f"userresource_{f}": "on"
                for f in (
                    "username",
                    "last_name",
                    "first_name",
                    "email",
                    "department",
                    "role",
                    "is_active",
                )
            },
        },
    )
    assert response.status_code == HTTPStatus.OK, response.content.decode()[:1500]
    text = response.content.decode("cp932")
    assert "ログインID" in text and "髙橋" in text and "職員" in text
    assert "password" not in text.lower() and "pbkdf" not in text and "md5$" not in text
    event = AuditEvent.objects.get(kind=EventKind.EXPORT)
    assert event.payload["model"] == "portal.user"


def test_exports_neutralise_formulae_like_the_csv_feature(admin_client):
    DepartmentFactory(code="-5", name='=HYPERLINK("http://x","y")')
    DepartmentFactory(code="401", name="@SUM(A1)")
    response = admin_client.post(
        reverse("admin:portal_department_export"),
        {
            "format": CSV_UTF8,
            "resource": "0",
            **{
                f"departmentresource_{f}": "on"
                for f in ("code", "name", "parent", "heads_review_subdepartments")
            },
        },
    )
    assert response.status_code == HTTPStatus.OK
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_code = {row[0]: row[1] for row in rows[1:]}
    # A plain signed number stays as it is; text a spreadsheet would run gets a "'".
    assert (by_code["-5"], by_code["401"]) == ('\'=HYPERLINK("http://x","y")', "'@SUM(A1)")
