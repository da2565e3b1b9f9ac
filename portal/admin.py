"""Django admin: the information-policy division runs the portal from here."""

from __future__ import annotations

from typing import Any

from allauth.account.decorators import secure_admin_login
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from portal import admin_views, models, selectors
from portal.admin_base import (
    AuditedAdminMixin,
    AuditedImportExportMixin,
    AuditedModelAdmin,
    ReadOnlyAdminMixin,
)
from portal.llm import api_key_encrypt, connection_test
from portal.resources import SPREADSHEET_FORMATS, DepartmentResource, UserResource
from portal.services import guideline_publish

admin.site.site_header = _("生成AIポータル 管理（情報政策課）")
admin.site.site_title = _("生成AIポータル 管理")
admin.site.index_title = _("管理メニュー")
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

_site_get_urls = admin.site.get_urls


def _get_urls() -> list[Any]:
    """The division dashboard and monthly report live inside the admin site."""
    return [
        path(
            "dashboard/",
            admin.site.admin_view(admin_views.division_dashboard),
            name="dashboard",
        ),
        path(
            "dashboard/monthly-report/",
            admin.site.admin_view(admin_views.monthly_report),
            name="portal_monthly_report",
        ),
        *_site_get_urls(),
    ]


admin.site.get_urls = _get_urls  # type: ignore[method-assign]


# ---------------------------------------------------------------- departments, users


@admin.register(models.Department)
class DepartmentAdmin(AuditedImportExportMixin, ImportExportMixin, AuditedModelAdmin):
    list_display = ("code", "name", "parent", "heads_review_subdepartments")
    search_fields = ("code", "name")
    list_select_related = ("parent",)
    resource_classes = [DepartmentResource]
    formats = SPREADSHEET_FORMATS


def _has_totp(user: models.User) -> bool:
    from portal.middleware import has_totp

    return has_totp(user)


@admin.register(models.User)
class UserAdmin(
    AuditedImportExportMixin, ImportExportMixin, AuditedAdminMixin, BaseUserAdmin
):
    list_display = (
        "username",
        "last_name",
        "first_name",
        "department",
        "role",
        "is_active",
        "is_staff",
        "mfa_enabled",
    )
    list_filter = ("role", "department", "is_active", "is_staff")
    list_select_related = ("department",)
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        (_("所属と役割"), {"fields": ("department", "role")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,  # type: ignore[misc]
        (
            _("所属と役割"),
            {"fields": ("last_name", "first_name", "email", "department", "role")},
        ),
    )
    resource_classes = [UserResource]
    formats = SPREADSHEET_FORMATS

    @admin.display(description=_("二要素認証"), boolean=True)
    def mfa_enabled(self, obj: models.User) -> bool:
        return _has_totp(obj)


# ---------------------------------------------------------------- approved models


class ApprovedModelForm(forms.ModelForm):
    base_url = forms.URLField(
        label=_("エンドポイント"),
        required=False,
        assume_scheme="https",
        help_text=_("空欄なら OPENAI_BASE_URL"),
    )
    api_key = forms.CharField(
        label=_("APIキー（入力すると暗号化して保存）"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "new-password"}
        ),
        help_text=_(
            "保存後は表示されません。変更しない場合は空欄のままにしてください。"
        ),
    )
    api_key_clear = forms.BooleanField(
        label=_("保存済みのAPIキーを削除する"), required=False
    )

    class Meta:
        model = models.ApprovedModel
        exclude = ("api_key_encrypted",)  # noqa: DJ006 - every field but the secret

    def clean_api_key(self) -> str:
        key: str = self.cleaned_data.get("api_key", "")
        if key and not settings.FIELD_ENCRYPTION_KEY:
            raise forms.ValidationError(
                _(
                    "暗号化キー（FIELD_ENCRYPTION_KEY）がサーバーに設定されていないため、"
                    "APIキーを保存できません。APIキーはサーバーの環境変数に設定し、"
                    "「APIキーの環境変数名」欄にその変数名を入力してください。"
                )
            )
        return key

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == models.ModelKind.AZURE and not data.get("base_url"):
            self.add_error(
                "base_url",
                _(
                    "Azure OpenAI ではエンドポイント（https://…openai.azure.com/）が必要です。"
                ),
            )
        if (
            data.get("enabled")
            and not data.get("all_departments")
            and not data.get("departments")
        ):
            self.add_error(
                "departments",
                _("利用できる所属を選ぶか、「全所属で利用可」にしてください。"),
            )
        return data


@admin.register(models.ApprovedModel)
class ApprovedModelAdmin(AuditedModelAdmin):
    form = ApprovedModelForm
    list_display = (
        "display_name",
        "kind",
        "model_name",
        "knowledge_cutoff",
        "enabled",
        "all_departments",
        "api_key_state",
    )
    list_filter = ("kind", "enabled", "all_departments")
    search_fields = ("display_name", "model_name")
    filter_horizontal = ("departments",)
    readonly_fields = ("api_key_state",)
    actions = ["connection_test_action"]
    change_form_template = "admin/portal/approvedmodel/change_form.html"
    fieldsets = (
        (None, {"fields": ("display_name", "kind", "enabled")}),
        (
            _("接続先"),
            {"fields": ("base_url", "model_name", "api_version")},
        ),
        (
            _("APIキー"),
            {
                "fields": ("api_key_state", "api_key", "api_key_clear", "api_key_env"),
                "description": _(
                    "APIキーは暗号化して保存するか、サーバーの環境変数名で指定します。"
                    "保存したキーは二度と表示されません。"
                ),
            },
        ),
        (_("モデルの性質"), {"fields": ("knowledge_cutoff", "context_window")}),
        (_("利用できる所属"), {"fields": ("all_departments", "departments")}),
    )

    @admin.display(description=_("APIキー"))
    def api_key_state(self, obj: models.ApprovedModel) -> str:
        if obj.pk and obj.api_key_encrypted:
            return _t("保存済み（暗号化）")
        if obj.pk and obj.api_key_env:
            return _t("環境変数 %(name)s") % {"name": obj.api_key_env}
        return _t("未設定（OPENAI_API_KEY を使用）")

    def save_model(
        self, request: HttpRequest, obj: models.ApprovedModel, form: Any, change: bool
    ) -> None:
        key = form.cleaned_data.get("api_key", "")
        if key:
            obj.api_key_encrypted = api_key_encrypt(key)
        elif form.cleaned_data.get("api_key_clear"):
            obj.api_key_encrypted = b""
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list[Any]:
        return [
            path(
                "<path:object_id>/connection-test/",
                self.admin_site.admin_view(self.connection_test_view),
                name="portal_approvedmodel_connection_test",
            ),
            *super().get_urls(),
        ]

    def _report(self, request: HttpRequest, model: models.ApprovedModel) -> None:
        ok, text = connection_test(model)
        if ok:
            messages.success(
                request,
                _t("接続テスト成功：%(name)s（応答：%(text)s）")
                % {"name": model, "text": text or "—"},
            )
        else:
            messages.error(
                request,
                _t("接続テスト失敗：%(name)s（%(text)s）")
                % {"name": model, "text": text},
            )

    @admin.action(description=_("接続テスト"))
    def connection_test_action(
        self, request: HttpRequest, queryset: QuerySet[models.ApprovedModel]
    ) -> None:
        for model in queryset:
            self._report(request, model)

    def connection_test_view(
        self, request: HttpRequest, object_id: str
    ) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        model = get_object_or_404(models.ApprovedModel, pk=object_id)
        if not self.has_view_or_change_permission(request, model):
            return HttpResponse(status=403)
        self._report(request, model)
        return redirect("admin:portal_approvedmodel_change", model.pk)


# ---------------------------------------------------------------- guideline and texts


@admin.register(models.GuidelineVersion)
class GuidelineVersionAdmin(AuditedModelAdmin):
    list_display = ("label", "issued_on", "published_at", "is_current")
    readonly_fields = ("published_at",)
    actions = ["publish_action"]

    @admin.display(description=_("現在の版"), boolean=True)
    def is_current(self, obj: models.GuidelineVersion) -> bool:
        current = selectors.guideline_current()
        return current is not None and current.pk == obj.pk

    @admin.action(description=_("選択した版を公開する（全職員に再確認を求めます）"))
    def publish_action(
        self, request: HttpRequest, queryset: QuerySet[models.GuidelineVersion]
    ) -> None:
        if queryset.count() != 1:
            messages.error(request, _t("公開する版を1つだけ選んでください。"))
            return
        version = queryset.get()
        guideline_publish(version=version, actor=request.user, request=request)  # type: ignore[arg-type]
        messages.success(
            request,
            _t(
                "「%(label)s」を公開しました。全職員が次回の利用前にこの版を確認します。"
            )
            % {"label": version.label},
        )


@admin.register(models.ConfirmationStatement)
class ConfirmationStatementAdmin(AuditedModelAdmin):
    list_display = ("version", "active_from")
    readonly_fields = ("active_from",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A used statement is evidence: publish a new version instead of rewriting it.
        if obj is not None:
            return ("version", "fact_check_text", "responsibility_text", "active_from")
        return self.readonly_fields


@admin.register(models.BusinessPurpose)
class BusinessPurposeAdmin(AuditedModelAdmin):
    list_display = ("label", "order", "active")
    list_editable = ("order", "active")


@admin.register(models.PromptTemplate)
class PromptTemplateAdmin(AuditedModelAdmin):
    list_display = ("title", "order", "active")
    list_editable = ("order", "active")
    search_fields = ("title", "body")


# ---------------------------------------------------------------- settings (one row)


@admin.register(models.SiteSettings)
class SiteSettingsAdmin(AuditedModelAdmin):
    fieldsets = (
        (_("アップロード"), {"fields": ("max_upload_bytes", "max_upload_rows")}),
        (_("保存期間"), {"fields": ("retention_days",)}),
        (
            _("利用上限"),
            {
                "fields": (
                    "user_daily_requests",
                    "user_daily_tokens",
                    "department_monthly_tokens",
                    "prompts_per_minute",
                )
            },
        ),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not models.SiteSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: Any = None
    ) -> HttpResponse:
        row = models.SiteSettings.objects.order_by("id").first()
        if row is None:
            return HttpResponseRedirect(reverse("admin:portal_sitesettings_add"))
        return HttpResponseRedirect(
            reverse("admin:portal_sitesettings_change", args=[row.pk])
        )


# ---------------------------------------------------------------- requests (read only)


@admin.register(models.LLMRequest)
class LLMRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Operations view: status, timing and tokens; never the prompt or the answer."""

    list_display = (
        "id",
        "created_at",
        "department",
        "model",
        "status",
        "attempts",
        "prompt_tokens",
        "completion_tokens",
        "latency_ms",
        "error_code",
    )
    list_filter = ("status", "model")
    list_select_related = ("model", "conversation__department")
    fields = (
        "id",
        "model",
        "status",
        "attempts",
        "created_at",
        "dispatched_at",
        "started_at",
        "finished_at",
        "first_token_ms",
        "latency_ms",
        "prompt_tokens",
        "completion_tokens",
        "error_code",
        "error_message",
    )
    readonly_fields = fields
    date_hierarchy = "created_at"

    @admin.display(description=_("所属"))
    def department(self, obj: models.LLMRequest) -> str:
        return str(obj.conversation.department)


# ---------------------------------------------------------------- third-party admins


class AuthenticatorAdmin(AuditedModelAdmin):
    """Second factors: listed, and deletable to reset a lost device; never edited.

    The secret is not shown: whoever reads it can generate the codes.
    """

    list_display = ("user", "type", "created_at", "last_used_at")
    list_filter = ("type",)
    list_select_related = ("user",)
    fields = ("user", "type", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _audit_registered_admins() -> None:
    """Wrap admins registered before this module (auth, allauth) in the audit."""
    from allauth.mfa.models import Authenticator

    if admin.site.is_registered(Authenticator):
        admin.site.unregister(Authenticator)
    admin.site.register(Authenticator, AuthenticatorAdmin)
    for model, model_admin in list(admin.site._registry.items()):
        cls = type(model_admin)
        if issubclass(cls, AuditedAdminMixin):
            continue
        admin.site.unregister(model)
        admin.site.register(
            model, type(f"Audited{cls.__name__}", (AuditedAdminMixin, cls), {})
        )


_audit_registered_admins()
