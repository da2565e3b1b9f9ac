"""Base classes for every ModelAdmin: each change in the admin is an audit event."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse

from audit.models import EventKind
from audit.services import audit_event_record


def _plain(message: Any) -> Any:
    """The admin's change message as JSON data (lazy strings become text)."""
    if isinstance(message, str):
        try:
            return json.loads(message) if message.startswith("[") else message
        except ValueError:
            return message
    return json.loads(json.dumps(message, default=str, ensure_ascii=False))


def admin_change_record(
    *, request: HttpRequest, obj: Model, action: str, message: Any = None
) -> None:
    """Write the ADMIN_CHANGE event for one object (in the caller's transaction)."""
    audit_event_record(
        kind=EventKind.ADMIN_CHANGE,
        actor=request.user,
        target=obj,
        payload={
            "action": action,
            "model": obj._meta.label_lower,
            "object": str(obj)[:200],
            "changes": _plain(message) if message else [],
        },
        request=request,
    )


class AuditedAdminMixin:
    """Record additions, changes and deletions as audit events.

    Django calls log_addition/log_change/log_deletions inside the atomic block of the
    add, change and delete views; actions are made atomic here so a bulk delete and its
    events commit or roll back together.
    """

    def log_addition(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        admin_change_record(request=request, obj=obj, action="add", message=message)
        return super().log_addition(request, obj, message)  # type: ignore[misc]

    def log_change(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        admin_change_record(request=request, obj=obj, action="change", message=message)
        return super().log_change(request, obj, message)  # type: ignore[misc]

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for obj in queryset:
            admin_change_record(request=request, obj=obj, action="delete")
        return super().log_deletions(request, queryset)  # type: ignore[misc]

    def response_action(self, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
        with transaction.atomic():
            return super().response_action(request, queryset)  # type: ignore[misc]


class AuditedModelAdmin(AuditedAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    pass


class ReadOnlyAdminMixin:
    """Evidence: viewable, never added, changed or deleted through the admin."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedImportExportMixin:
    """Imports and exports (django-import-export) become IMPORT / EXPORT events."""

    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        # The rows and the IMPORT event commit together, or not at all.
        with transaction.atomic():
            return super().process_import(request, **kwargs)  # type: ignore[misc]

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        totals = {str(k): v for k, v in result.totals.items() if v}
        audit_event_record(
            kind=EventKind.IMPORT,
            actor=request.user,
            payload={
                "model": self.model._meta.label_lower,  # type: ignore[attr-defined]
                "totals": totals,
                "rows": result.total_rows,
            },
            request=request,
        )
        return super().process_result(result, request)  # type: ignore[misc]

    def get_export_data(
        self, file_format: Any, request: HttpRequest, queryset: Any, **kwargs: Any
    ) -> Any:
        data = super().get_export_data(file_format, request, queryset, **kwargs)  # type: ignore[misc]
        with transaction.atomic():
            audit_event_record(
                kind=EventKind.EXPORT,
                actor=request.user,
                payload={
                    "model": self.model._meta.label_lower,  # type: ignore[attr-defined]
                    "format": str(file_format.get_title()),
                    "rows": queryset.count()
                    if isinstance(queryset, QuerySet)
                    else len(queryset),
                },
                request=request,
            )
        return data
