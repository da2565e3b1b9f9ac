"""Django admin registration (deepened by the administration issue)."""
from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from portal import models

admin.site.site_header = _("生成AIポータル 管理（情報政策課）")
admin.site.site_title = _("生成AIポータル 管理")
admin.site.index_title = _("管理メニュー")
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


@admin.register(models.User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "last_name", "first_name", "department", "role", "is_active")
    list_filter = ("role", "department", "is_active")
    fieldsets = (*BaseUserAdmin.fieldsets, (_("所属と役割"), {"fields": ("department", "role")}))  # type: ignore[misc]


@admin.register(models.Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent", "heads_review_subdepartments")
    search_fields = ("code", "name")


for model in (
    models.GuidelineVersion,
    models.ConfirmationStatement,
    models.BusinessPurpose,
    models.PromptTemplate,
    models.ApprovedModel,
    models.SiteSettings,
):
    admin.site.register(model)
