"""django-import-export resources: the audit-event export and the monthly usage report.

The roster (departments, users) is imported and exported in the admin with
`portal.resources`, which also holds the export formats these downloads share.
"""
from __future__ import annotations

from typing import Any

import tablib
from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import fields, resources, widgets

from audit.chain import CanonicalJSONEncoder
from audit.models import AuditEvent, EventKind
from portal.resources import CP932CSV, FormulaSafeCSV, FormulaSafeXLSX

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


def dataset_encode(dataset: tablib.Dataset, *, file_format: str, encoding: str) -> bytes:
    """CSV in UTF-8 with BOM or CP932 (what Excel opens), or XLSX; formulae neutralised."""
    if file_format == "xlsx":
        return bytes(FormulaSafeXLSX().export_data(dataset))
    if encoding == "cp932":
        # Characters outside CP932 (rare kanji variants, emoji) become '?'.
        return bytes(CP932CSV().export_data(dataset))
    return str(FormulaSafeCSV().export_data(dataset)).encode("utf-8-sig")
