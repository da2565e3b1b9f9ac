"""Roster import/export (django-import-export): departments and users, Japanese headers.

The one roster implementation: the Department / User admin imports and exports with it.
Passwords and admin flags never travel in a roster: new users get an unusable password
(they sign in through the city's identity provider or a reset), and admin access is
granted in the admin only, where it is audited and TOTP is enforced.

Also the export formats every download shares (the audit exports too): formula cells
neutralised the same way as the chat's CSV feature (`neutralise_cell`).
"""

from __future__ import annotations

from typing import Any

import tablib
from import_export import fields, resources, widgets
from import_export.formats import base_formats

from portal.models import Department, Role, User
from screening.tabular import neutralise_cell


def formulae_neutralise(dataset: tablib.Dataset) -> None:
    """Prefix `'` to text cells a spreadsheet would run as a formula (OWASP CSV injection).

    In place. import-export's own escaping only drops a leading '=' and turns every cell
    into text; this keeps numbers numeric and covers + - @ tab and CR as well.
    """
    for _ in range(len(dataset)):
        row = dataset.lpop()
        dataset.append([neutralise_cell(c) if isinstance(c, str) else c for c in row])


class FormulaSafeMixin:
    """import-export calls this when IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is on."""

    def _escape_formulae(self, dataset: tablib.Dataset) -> None:
        formulae_neutralise(dataset)


class FormulaSafeCSV(FormulaSafeMixin, base_formats.CSV):
    pass


class FormulaSafeXLSX(FormulaSafeMixin, base_formats.XLSX):
    pass


class CP932CSV(FormulaSafeCSV):
    """CSV in Shift_JIS (CP932), as Excel on Japanese Windows reads and writes it."""

    def get_title(self) -> str:
        return "csv (Shift_JIS / CP932・Excel用)"

    def is_binary(self) -> bool:
        return True

    def get_read_mode(self) -> str:
        return "rb"

    def create_dataset(self, in_stream: Any, **kwargs: Any) -> tablib.Dataset:
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode("cp932")
        return tablib.import_set(in_stream, format="csv", **kwargs)

    def export_data(self, dataset: tablib.Dataset, **kwargs: Any) -> bytes:
        from django.conf import settings

        if getattr(settings, "IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT", False) is True:
            self._escape_formulae(dataset)
        text: str = dataset.export("csv", **kwargs)
        return text.encode("cp932", errors="replace")

    def get_extension(self) -> str:
        return "csv"

    def get_content_type(self) -> str:
        return "text/csv; charset=Shift_JIS"


# Every admin import / export offers these (roster, audit events).
SPREADSHEET_FORMATS = [FormulaSafeCSV, CP932CSV, FormulaSafeXLSX]


class RoleWidget(widgets.Widget):
    """Accept the stored value or the Japanese label; write the Japanese label."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip()
        if not text:
            return Role.STAFF
        for choice in Role:
            if text in (choice.value, str(choice.label)):
                return choice.value
        raise ValueError(
            f"役割「{text}」は使えません（職員・所属長・情報政策課（管理者））"
        )

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        try:
            return str(Role(value).label)
        except ValueError:
            return str(value or "")


class DepartmentCodeWidget(widgets.ForeignKeyWidget):
    """A department by its code, refused in Japanese when the code is unknown."""

    def __init__(self) -> None:
        super().__init__(Department, field="code")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Department | None:
        try:
            return super().clean(value, row, **kwargs)
        except Department.DoesNotExist:
            raise ValueError(f"所属コード「{value}」は登録されていません") from None


class YesNoWidget(widgets.BooleanWidget):
    TRUE_VALUES = ["1", 1, True, "true", "TRUE", "True", "はい", "○", "有効"]
    FALSE_VALUES = ["0", 0, False, "false", "FALSE", "False", "いいえ", "×", "無効"]

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "はい" if value else "いいえ"


class DepartmentResource(resources.ModelResource):
    code = fields.Field(attribute="code", column_name="所属コード")
    name = fields.Field(attribute="name", column_name="所属名")
    parent = fields.Field(
        attribute="parent",
        column_name="上位所属コード",
        widget=DepartmentCodeWidget(),
    )
    heads_review_subdepartments = fields.Field(
        attribute="heads_review_subdepartments",
        column_name="所属長が下位所属も確認する",
        widget=YesNoWidget(),
    )

    class Meta:
        model = Department
        import_id_fields = ("code",)
        fields = ("code", "name", "parent", "heads_review_subdepartments")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class UserResource(resources.ModelResource):
    username = fields.Field(attribute="username", column_name="ログインID")
    last_name = fields.Field(attribute="last_name", column_name="姓")
    first_name = fields.Field(attribute="first_name", column_name="名")
    email = fields.Field(attribute="email", column_name="メールアドレス")
    department = fields.Field(
        attribute="department",
        column_name="所属コード",
        widget=DepartmentCodeWidget(),
    )
    role = fields.Field(attribute="role", column_name="役割", widget=RoleWidget())
    is_active = fields.Field(
        attribute="is_active", column_name="有効", widget=YesNoWidget()
    )

    class Meta:
        model = User
        import_id_fields = ("username",)
        fields = (
            "username",
            "last_name",
            "first_name",
            "email",
            "department",
            "role",
            "is_active",
        )
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def after_init_instance(
        self, instance: User, new: bool, row: Any, **kwargs: Any
    ) -> None:
        if new and not instance.password:
            instance.set_unusable_password()
