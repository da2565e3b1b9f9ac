"""Audit events in admin: evidence, so read-only; exports are themselves audit events."""
from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest
from import_export.admin import ExportMixin

from audit.models import AuditEvent
from audit.resources import AuditEventResource
from audit.services import export_record


@admin.register(AuditEvent)
class AuditEventAdmin(ExportMixin, admin.ModelAdmin):
    resource_classes = [AuditEventResource]
    list_display = ("seq", "created_at", "kind", "actor_username", "department_id",
                    "target_type", "target_id", "ip")
    list_filter = ("kind",)
    search_fields = ("actor_username", "target_id", "hash")
    date_hierarchy = "created_at"
    ordering = ("-seq",)
    show_full_result_count = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_export_data(self, file_format: Any, request: HttpRequest, queryset: Any, **kwargs: Any) -> Any:
        data = super().get_export_data(file_format, request, queryset, **kwargs)
        with transaction.atomic():
            export_record(
                user=request.user, what="audit_events_admin",
                file_format=file_format.get_title(), rows=queryset.count(),
                filters=dict(request.GET.items()), request=request,
            )
        return data
