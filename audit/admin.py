"""Audit events in admin: evidence, so read-only; exports are themselves audit events."""
from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from import_export.admin import ExportMixin

from audit.models import AuditEvent
from audit.resources import AuditEventResource
from portal.admin_base import AuditedImportExportMixin, ReadOnlyAdminMixin
from portal.resources import SPREADSHEET_FORMATS


@admin.register(AuditEvent)
class AuditEventAdmin(
    AuditedImportExportMixin, ExportMixin, ReadOnlyAdminMixin, admin.ModelAdmin  # type: ignore[type-arg]
):
    resource_classes = [AuditEventResource]
    formats = SPREADSHEET_FORMATS
    list_display = ("seq", "created_at", "kind", "actor_username", "department_id",
                    "target_type", "target_id", "ip")
    list_filter = ("kind",)
    search_fields = ("actor_username", "target_id", "hash")
    date_hierarchy = "created_at"
    ordering = ("-seq",)
    show_full_result_count = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in self.model._meta.fields]
