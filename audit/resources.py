"""django-import-export resources: audit export, monthly usage report, roster import.

Roster resources can also be hooked to the Department / User admin
(`resource_classes = [DepartmentResource]`); the portal's own import page
(/review/roster/) uses them with a dry-run preview and all-or-nothing import.
"""
from __future__ import annotations

from typing import Any

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import fields, resources, widgets

from audit.chain import CanonicalJSONEncoder
from audit.models import AuditEvent, EventKind
from portal.models import Department, Role, User

ENCODINGS = {"utf-8": "utf-8-sig", "cp932": "cp932"}
_JSON = CanonicalJSONEncoder()
_INT = widgets.IntegerWidget()


class AuditEventResource(resources.ModelResource):
    seq = fields.Field(attribute="seq", column_name="通番", widget=_INT)
    created_at = fields.Field(attribute="created_at", column_name="日時")
    kind = fields.Field(attribute="kind", column_name="種別コード")
    kind_label = fields.Field(column_name="種別")
    actor_id = fields.Field(attribute="actor_id", column_name="利用者ID", widget=_INT)
    actor_username = fields.Field(attribute="actor_username", column_name="利用者名")
    department_id = fields.Field(attribute="department_id", column_name="所属ID", widget=_INT)
    target_type = fields.Field(attribute="target_type", column_name="対象種別")
    target_id = fields.Field(attribute="target_id", column_name="対象ID")
    payload = fields.Field(attribute="payload", column_name="内容")
    ip = fields.Field(attribute="ip", column_name="IPアドレス")
    prev_hash = fields.Field(attribute="prev_hash", column_name="前のハッシュ")
    hash = fields.Field(attribute="hash", column_name="ハッシュ")

    class Meta:
        model = AuditEvent
        fields = (
            "seq", "created_at", "kind", "kind_label", "actor_id", "actor_username",
            "department_id", "target_type", "target_id", "payload", "ip", "prev_hash", "hash",
        )
        export_order = fields

    def dehydrate_created_at(self, event: AuditEvent) -> str:
        return timezone.localtime(event.created_at).isoformat(timespec="microseconds")

    def dehydrate_kind_label(self, event: AuditEvent) -> str:
        return str(EventKind(event.kind).label) if event.kind in EventKind.values else event.kind

    def dehydrate_payload(self, event: AuditEvent) -> str:
        return _JSON.encode(event.payload)

    def import_instance(self, *args: Any, **kwargs: Any) -> None:
        raise ValidationError("監査イベントはインポートできません。")


class MonthlyUsageResource(resources.Resource):
    """One row per department and month (rows come from selectors.monthly_usage_rows)."""

    month = fields.Field(attribute="month", column_name="年月")
    department_code = fields.Field(attribute="department_code", column_name="所属コード")
    department_name = fields.Field(attribute="department_name", column_name="所属名")
    users = fields.Field(attribute="users", column_name="利用者数", widget=_INT)
    requests = fields.Field(attribute="requests", column_name="リクエスト数", widget=_INT)
    failed = fields.Field(attribute="failed", column_name="失敗", widget=_INT)
    prompt_tokens = fields.Field(attribute="prompt_tokens", column_name="入力トークン", widget=_INT)
    completion_tokens = fields.Field(attribute="completion_tokens", column_name="出力トークン", widget=_INT)
    blocked = fields.Field(attribute="blocked", column_name="送信不可", widget=_INT)
    warned = fields.Field(attribute="warned", column_name="警告", widget=_INT)
    unconfirmed_answers = fields.Field(attribute="unconfirmed_answers", column_name="未確認の回答", widget=_INT)

    class Meta:
        export_order = (
            "month", "department_code", "department_name", "users", "requests", "failed",
            "prompt_tokens", "completion_tokens", "blocked", "warned", "unconfirmed_answers",
        )


class RoleWidget(widgets.Widget):
    """Accept the code (staff) or the Japanese label (職員); refuse anything else."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip()
        for code, label in Role.choices:
            if text in (code, str(label)):
                return code
        if not text:
            return Role.STAFF
        raise ValueError(f"役割「{text}」は使えません（staff / section_head / policy_admin）。")

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return str(value or "")


class StrictForeignKeyWidget(widgets.ForeignKeyWidget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        try:
            return super().clean(value, row, **kwargs)
        except Department.DoesNotExist:
            raise ValueError(f"所属コード「{value}」が見つかりません。") from None


class DepartmentResource(resources.ModelResource):
    code = fields.Field(attribute="code", column_name="所属コード")
    name = fields.Field(attribute="name", column_name="所属名")
    parent = fields.Field(
        attribute="parent", column_name="上位所属コード",
        widget=StrictForeignKeyWidget(Department, field="code"),
    )
    heads_review_subdepartments = fields.Field(
        attribute="heads_review_subdepartments", column_name="所属長が下位所属も確認",
        widget=widgets.BooleanWidget(), default=True,
    )

    class Meta:
        model = Department
        import_id_fields = ("code",)
        fields = ("code", "name", "parent", "heads_review_subdepartments")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True


class UserResource(resources.ModelResource):
    username = fields.Field(attribute="username", column_name="ログインID")
    last_name = fields.Field(attribute="last_name", column_name="姓")
    first_name = fields.Field(attribute="first_name", column_name="名")
    email = fields.Field(attribute="email", column_name="メールアドレス")
    department = fields.Field(
        attribute="department", column_name="所属コード",
        widget=StrictForeignKeyWidget(Department, field="code"),
    )
    role = fields.Field(attribute="role", column_name="役割", widget=RoleWidget())
    is_active = fields.Field(
        attribute="is_active", column_name="有効", widget=widgets.BooleanWidget(), default=True
    )

    class Meta:
        model = User
        import_id_fields = ("username",)
        fields = ("username", "last_name", "first_name", "email", "department", "role", "is_active")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def before_save_instance(self, instance: User, row: Any, **kwargs: Any) -> None:
        # Roster rows never carry passwords: new accounts sign in through SSO or a reset.
        if instance._state.adding and not instance.password:
            instance.set_unusable_password()

    def validate_instance(self, instance: Any, import_validation_errors: Any = None,
                          validate_unique: bool = True) -> None:
        # The password is set just before saving; don't report it as missing.
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=["password", *errors], validate_unique=validate_unique)
        except ValidationError as error:
            errors.update(error.update_error_dict({}))
        if errors:
            raise ValidationError(errors)


ROSTER_RESOURCES: dict[str, type[resources.ModelResource]] = {
    "departments": DepartmentResource,
    "users": UserResource,
}


def dataset_from_bytes(data: bytes, *, encoding: str = "auto") -> tablib.Dataset:
    """Read CSV bytes in UTF-8 (with or without BOM) or CP932."""
    if encoding == "auto":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp932")
    else:
        text = data.decode(ENCODINGS.get(encoding, encoding))
    return tablib.Dataset().load(text, format="csv")


def dataset_encode(dataset: tablib.Dataset, *, file_format: str, encoding: str) -> bytes:
    """CSV in UTF-8 with BOM or CP932 (what Excel opens), or XLSX."""
    if getattr(settings, "IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT", False):
        dataset = formulae_escape(dataset)
    if file_format == "xlsx":
        return dataset.export("xlsx")
    text = dataset.export("csv")
    if encoding == "cp932":
        # Characters outside CP932 (rare kanji variants, emoji) become '?'.
        return text.encode("cp932", errors="replace")
    return text.encode("utf-8-sig")


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formulae_escape(dataset: tablib.Dataset) -> tablib.Dataset:
    """Prefix text cells Excel would run as a formula with an apostrophe (OWASP CSV injection).

    import-export's own escaping only drops a leading '=' and turns every cell into text;
    this keeps numbers numeric and also covers + - @ and control characters.
    """
    escaped = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        escaped.append(
            [f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES) else cell
             for cell in row]
        )
    return escaped
