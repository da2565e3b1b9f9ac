"""Rule tables the information-policy division edits, and the recorded decisions."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from screening.types import Category


class CategoryChoices(models.TextChoices):
    PERSON_NAME = Category.PERSON_NAME.value, _("氏名")
    ADDRESS = Category.ADDRESS.value, _("住所")
    PHONE = Category.PHONE.value, _("電話番号")
    EMAIL = Category.EMAIL.value, _("メールアドレス")
    BIRTH_DATE = Category.BIRTH_DATE.value, _("生年月日")
    MY_NUMBER = Category.MY_NUMBER.value, _("個人番号（マイナンバー）")
    ID_NUMBER = Category.ID_NUMBER.value, _("個人を識別する番号")
    BANK_ACCOUNT = Category.BANK_ACCOUNT.value, _("口座番号")
    CREDIT_CARD = Category.CREDIT_CARD.value, _("クレジットカード番号")
    SENSITIVE = Category.SENSITIVE.value, _("要配慮個人情報")
    NON_PUBLIC = Category.NON_PUBLIC.value, _("非公開情報")
    IMAGE_GENERATION = Category.IMAGE_GENERATION.value, _("画像・動画・音楽等の生成依頼")
    NON_BUSINESS = Category.NON_BUSINESS.value, _("業務外の利用")


class Action(models.TextChoices):
    BLOCK = "block", _("送信不可")
    WARN = "warn", _("警告（確認のうえ送信可）")
    PASS = "pass", _("通過")


class ScreeningRule(models.Model):
    """What a category causes, which clause it cites and what the user is told."""

    category = models.CharField(_("区分"), max_length=20, choices=CategoryChoices, unique=True)
    action = models.CharField(_("判定"), max_length=10, choices=Action)
    clause = models.CharField(_("ガイドライン条項"), max_length=10)
    message = models.CharField(_("利用者へのメッセージ"), max_length=300)

    class Meta:
        verbose_name = _("スクリーニング規則")
        verbose_name_plural = _("スクリーニング規則")
        ordering = ["category"]

    def __str__(self) -> str:
        return self.get_category_display()


class AllowListEntry(models.Model):
    """Public, institutional text that is never personal information."""

    term = models.CharField(_("語句"), max_length=200, unique=True)
    note = models.CharField(_("備考"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("登録日時"), auto_now_add=True)

    class Meta:
        verbose_name = _("許可リスト")
        verbose_name_plural = _("許可リスト")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class KeywordEntry(models.Model):
    category = models.CharField(_("区分"), max_length=20, choices=CategoryChoices)
    term = models.CharField(_("キーワード"), max_length=100)
    note = models.CharField(_("備考"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("キーワード")
        verbose_name_plural = _("キーワード")
        ordering = ["category", "term"]
        constraints = [
            models.UniqueConstraint(fields=["category", "term"], name="keyword_unique")
        ]

    def __str__(self) -> str:
        return self.term


class PatternEntry(models.Model):
    category = models.CharField(_("区分"), max_length=20, choices=CategoryChoices)
    pattern = models.CharField(_("正規表現"), max_length=300)
    note = models.CharField(_("備考"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("パターン")
        verbose_name_plural = _("パターン")
        ordering = ["category", "id"]

    def __str__(self) -> str:
        return self.pattern


class DecisionSource(models.TextChoices):
    PROMPT = "prompt", _("プロンプト")
    UPLOAD = "upload", _("ファイル")


class ScreeningDecision(models.Model):
    """One screening outcome: categories and a masked copy, never the detected values."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    department_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    conversation = models.ForeignKey(
        "portal.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="screenings",
    )
    source = models.CharField(max_length=10, choices=DecisionSource)
    decision = models.CharField(_("判定"), max_length=10)
    categories = models.JSONField(_("区分"), default=list)
    clauses = models.JSONField(_("条項"), default=list)
    masked_text = models.TextField(_("マスク済みの本文"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("スクリーニング判定")
        verbose_name_plural = _("スクリーニング判定")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.decision} #{self.pk}"


class DecisionCategory(models.Model):
    """One category of a decision, for counting by category and clause."""

    decision = models.ForeignKey(
        ScreeningDecision, on_delete=models.CASCADE, related_name="category_rows"
    )
    category = models.CharField(max_length=20, choices=CategoryChoices)
    clause = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("判定の区分")
        verbose_name_plural = _("判定の区分")

    def __str__(self) -> str:
        return f"{self.category} ×{self.count}"


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("審査中")
    APPROVED = "approved", _("承認")
    DECLINED = "declined", _("却下")


class Appeal(models.Model):
    """A staff member's false-positive appeal against a blocked prompt.

    The division sees the decision's masked copy and categories only; the optional
    `allow_term` is what the staff member declares public (e.g. a published number).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申立者"),
        on_delete=models.PROTECT,
        related_name="screening_appeals",
    )
    decision = models.ForeignKey(
        ScreeningDecision,
        verbose_name=_("スクリーニング判定"),
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    reason = models.TextField(_("申立ての理由"), max_length=1000)
    allow_term = models.CharField(
        _("許可リストに加える語句"),
        max_length=200,
        blank=True,
        help_text=_("公表済みの語句（施設の代表電話番号など）だけを記入してください。"),
    )
    status = models.CharField(
        _("状態"), max_length=10, choices=AppealStatus, default=AppealStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("判断者"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_note = models.TextField(_("判断の理由・連絡事項"), blank=True)
    created_at = models.DateTimeField(_("申立日時"), auto_now_add=True)
    decided_at = models.DateTimeField(_("判断日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("誤検知の申立て")
        verbose_name_plural = _("誤検知の申立て")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision"],
                condition=models.Q(status="pending"),
                name="appeal_one_pending_per_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending")
                | models.Q(decided_at__isnull=False),
                name="appeal_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"申立て #{self.pk}"
