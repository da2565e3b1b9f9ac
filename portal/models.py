"""Departments, users, approved models, conversations, messages and LLM requests."""
from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    """A 部 or 課; the tree decides what a section head may review."""

    code = models.CharField(_("所属コード"), max_length=20, unique=True)
    name = models.CharField(_("所属名"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上位所属"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    heads_review_subdepartments = models.BooleanField(
        _("所属長が下位所属も確認する"), default=True
    )

    class Meta:
        verbose_name = _("所属")
        verbose_name_plural = _("所属")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    STAFF = "staff", _("職員")
    SECTION_HEAD = "section_head", _("所属長")
    POLICY_ADMIN = "policy_admin", _("情報政策課（管理者）")


class User(AbstractUser):
    department = models.ForeignKey(
        Department,
        verbose_name=_("所属"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    role = models.CharField(_("役割"), max_length=20, choices=Role, default=Role.STAFF)

    class Meta:
        verbose_name = _("利用者")
        verbose_name_plural = _("利用者")

    def __str__(self) -> str:
        full = f"{self.last_name} {self.first_name}".strip()
        return full or self.username

    @property
    def is_section_head(self) -> bool:
        return self.role == Role.SECTION_HEAD

    @property
    def is_policy_admin(self) -> bool:
        return self.role == Role.POLICY_ADMIN


class GuidelineVersion(models.Model):
    """A published edition of the city's guideline, summarised in the portal's words."""

    label = models.CharField(_("版"), max_length=50)
    issued_on = models.DateField(_("施行日"))
    summary = models.TextField(_("要約"))
    clauses = models.JSONField(
        _("条項"),
        default=list,
        help_text=_('[{"number": "3(1)", "title": "…", "summary": "…"}, …]'),
    )
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("ガイドライン版")
        verbose_name_plural = _("ガイドライン版")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.label


class ConfirmationStatement(models.Model):
    """The text of the two statements a staff member confirms for every answer."""

    version = models.CharField(_("版"), max_length=50, unique=True)
    fact_check_text = models.TextField(_("事実確認の宣言"))
    responsibility_text = models.TextField(_("責任の宣言"))
    active_from = models.DateTimeField(_("適用開始"), auto_now_add=True)

    class Meta:
        verbose_name = _("確認文言")
        verbose_name_plural = _("確認文言")
        ordering = ["-active_from", "-id"]

    def __str__(self) -> str:
        return self.version


class BusinessPurpose(models.Model):
    label = models.CharField(_("業務目的"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    active = models.BooleanField(_("有効"), default=True)

    class Meta:
        verbose_name = _("業務目的")
        verbose_name_plural = _("業務目的")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.label


class PromptTemplate(models.Model):
    title = models.CharField(_("名称"), max_length=100)
    body = models.TextField(_("本文"))
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    active = models.BooleanField(_("有効"), default=True)

    class Meta:
        verbose_name = _("プロンプトテンプレート")
        verbose_name_plural = _("プロンプトテンプレート")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class ModelKind(models.TextChoices):
    OPENAI = "openai", _("OpenAI")
    AZURE = "azure", _("Azure OpenAI")
    COMPATIBLE = "compatible", _("OpenAI互換（vLLM・Ollama など）")
    STANDIN = "standin", _("ローカルのスタンドインLLM（実際のAIではありません）")


class ApprovedModel(models.Model):
    """An AI service the information-policy division has approved (guideline 2)."""

    display_name = models.CharField(_("表示名"), max_length=100)
    kind = models.CharField(_("種類"), max_length=20, choices=ModelKind)
    base_url = models.URLField(
        _("エンドポイント"), blank=True, help_text=_("空欄なら OPENAI_BASE_URL")
    )
    model_name = models.CharField(_("モデル名／デプロイ名"), max_length=100)
    api_version = models.CharField(_("APIバージョン"), max_length=40, blank=True)
    api_key_env = models.CharField(
        _("APIキーの環境変数名"),
        max_length=100,
        blank=True,
        help_text=_("空欄で暗号化キーも無ければ OPENAI_API_KEY"),
    )
    api_key_encrypted = models.BinaryField(_("APIキー（暗号化）"), blank=True, default=b"")
    knowledge_cutoff = models.DateField(_("学習データの期限"))
    context_window = models.PositiveIntegerField(_("コンテキスト長（トークン）"), default=8192)
    enabled = models.BooleanField(_("有効"), default=True)
    departments = models.ManyToManyField(
        Department, verbose_name=_("利用できる所属"), blank=True, related_name="models"
    )
    all_departments = models.BooleanField(_("全所属で利用可"), default=False)

    class Meta:
        verbose_name = _("承認済みモデル")
        verbose_name_plural = _("承認済みモデル")
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_standin(self) -> bool:
        return self.kind == ModelKind.STANDIN


class Classification(models.TextChoices):
    """重要性分類: only III and IV may be entered (guideline 3(1))."""

    I = "I", _("重要性分類Ⅰ（個人情報・最小限の者のみ）")  # noqa: E741
    II = "II", _("重要性分類Ⅱ（公開を予定していない情報）")
    III = "III", _("重要性分類Ⅲ（公開する情報のうち業務上重要なもの）")
    IV = "IV", _("重要性分類Ⅳ（その他の公開情報）")


ENTERABLE_CLASSIFICATIONS = (Classification.III, Classification.IV)


class Conversation(models.Model):
    user = models.ForeignKey(
        User, verbose_name=_("利用者"), on_delete=models.PROTECT, related_name="conversations"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("所属"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("件名"), max_length=200)
    purpose = models.ForeignKey(
        BusinessPurpose, verbose_name=_("業務目的"), on_delete=models.PROTECT
    )
    purpose_detail = models.CharField(_("業務目的（詳細）"), max_length=500, blank=True)
    model = models.ForeignKey(
        ApprovedModel, verbose_name=_("モデル"), on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)

    class Meta:
        verbose_name = _("会話")
        verbose_name_plural = _("会話")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return self.title


class MessageRole(models.TextChoices):
    USER = "user", _("職員")
    ASSISTANT = "assistant", _("AI")


class Message(models.Model):
    """One turn. `content` is what was sent / received; retention may clear it."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    role = models.CharField(max_length=10, choices=MessageRole)
    content = models.TextField(blank=True)
    content_deleted_at = models.DateTimeField(null=True, blank=True)
    classification = models.CharField(max_length=3, choices=Classification, blank=True)
    masked = models.BooleanField(_("マスク済みで送信"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("メッセージ")
        verbose_name_plural = _("メッセージ")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} #{self.pk}"


class LLMRequestStatus(models.TextChoices):
    QUEUED = "queued", _("送信待ち")
    RUNNING = "running", _("生成中")
    RETRYING = "retrying", _("再試行待ち")
    SUCCEEDED = "succeeded", _("完了")
    FAILED = "failed", _("失敗")


class LLMRequest(models.Model):
    """One call to the approved model, held in Celery; answers exactly once."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="requests"
    )
    prompt = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="requests")
    answer = models.OneToOneField(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="request"
    )
    model = models.ForeignKey(ApprovedModel, on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=10, choices=LLMRequestStatus, default=LLMRequestStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    first_token_ms = models.PositiveIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("LLMリクエスト")
        verbose_name_plural = _("LLMリクエスト")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "dispatched_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="succeeded") | Q(answer__isnull=False),
                name="llmrequest_succeeded_has_answer",
            )
        ]

    def __str__(self) -> str:
        return f"LLMRequest #{self.pk} ({self.status})"


class SiteSettings(models.Model):
    """Limits and periods the information-policy division sets (one row)."""

    max_upload_bytes = models.PositiveIntegerField(_("アップロード上限（バイト）"), default=10_000_000)
    max_upload_rows = models.PositiveIntegerField(_("アップロード上限（行）"), default=200_000)
    retention_days = models.PositiveIntegerField(_("本文の保存期間（日）"), default=365)
    user_daily_requests = models.PositiveIntegerField(_("1人1日のリクエスト上限"), default=200)
    user_daily_tokens = models.PositiveIntegerField(_("1人1日のトークン上限"), default=200_000)
    department_monthly_tokens = models.PositiveIntegerField(
        _("所属1か月のトークン上限"), default=5_000_000
    )
    prompts_per_minute = models.PositiveIntegerField(_("1人1分の送信上限"), default=10)

    class Meta:
        verbose_name = _("ポータル設定")
        verbose_name_plural = _("ポータル設定")

    def __str__(self) -> str:
        return str(_("ポータル設定"))

    @classmethod
    def current(cls) -> SiteSettings:
        return cls.objects.order_by("id").first() or cls()


class TableAttachment(models.Model):
    """A CSV that passed screening, in the compact form the LLM receives."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.OneToOneField(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachment"
    )
    file_name = models.CharField(_("ファイル名"), max_length=255)
    size = models.PositiveIntegerField(_("サイズ（バイト）"))
    encoding = models.CharField(_("文字コード"), max_length=20)
    rows = models.PositiveIntegerField(_("行数"))
    columns = models.PositiveIntegerField(_("列数"))
    dropped_columns = models.JSONField(_("除外した列"), default=list)
    compact = models.TextField(_("AIに送る内容"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("添付された表")
        verbose_name_plural = _("添付された表")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name
