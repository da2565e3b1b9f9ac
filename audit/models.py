"""Append-only, hash-chained audit events: the city's evidence that the guideline was followed.

The database itself refuses UPDATE and DELETE on these tables (see the triggers migration).
"""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.chain import CanonicalJSONEncoder


class EventKind(models.TextChoices):
    LOGIN_SUCCEEDED = "auth.login", _("ログイン")
    LOGIN_FAILED = "auth.login_failed", _("ログイン失敗")
    LOGOUT = "auth.logout", _("ログアウト")
    ACCESS_DENIED = "auth.denied", _("アクセス拒否")
    GUIDELINE_ACKNOWLEDGED = "guideline.ack", _("ガイドライン確認")
    GUIDELINE_PUBLISHED = "guideline.published", _("ガイドライン公開")
    CONVERSATION_CREATED = "conversation.created", _("会話の作成")
    SCREENING_DECIDED = "screening.decided", _("スクリーニング判定")
    WARNING_ACKNOWLEDGED = "screening.warn_ack", _("警告の確認")
    CLASSIFICATION_REFUSED = "screening.classification_refused", _("重要性分類による送信拒否")
    UPLOAD_SCREENED = "upload.screened", _("ファイルのスクリーニング")
    REQUEST_QUEUED = "llm.queued", _("LLMリクエスト受付")
    REQUEST_ATTEMPT = "llm.attempt", _("LLM呼出し")
    REQUEST_FAILED = "llm.failed", _("LLMリクエスト失敗")
    ANSWER_RECEIVED = "llm.answered", _("回答の受信")
    ANSWER_CONFIRMED = "answer.confirmed", _("回答の確認（事実確認・責任）")
    ANSWER_EXPORTED = "answer.exported", _("回答のエクスポート")
    REVIEW_ACCESS = "review.access", _("所属長等による閲覧")
    ADMIN_CHANGE = "admin.change", _("管理画面での変更")
    EXPORT = "admin.export", _("データのエクスポート")
    IMPORT = "admin.import", _("データのインポート")
    RETENTION_RUN = "retention.run", _("保存期間経過データの削除")
    APPEAL_FILED = "appeal.filed", _("誤検知の申立て")
    APPEAL_DECIDED = "appeal.decided", _("申立ての判断")
    QUOTA_REFUSED = "quota.refused", _("利用上限による拒否")


class AuditEvent(models.Model):
    """One event. `hash` = sha256(prev_hash ‖ canonical JSON of the event)."""

    seq = models.PositiveBigIntegerField(_("通番"), unique=True)
    kind = models.CharField(_("種別"), max_length=40, choices=EventKind, db_index=True)
    created_at = models.DateTimeField(_("日時"), db_index=True)
    # Snapshots, not foreign keys: evidence must outlive the rows it speaks of.
    actor_id = models.BigIntegerField(_("利用者ID"), null=True, blank=True, db_index=True)
    actor_username = models.CharField(_("利用者名"), max_length=150, blank=True)
    department_id = models.BigIntegerField(_("所属ID"), null=True, blank=True, db_index=True)
    target_type = models.CharField(_("対象種別"), max_length=40, blank=True)
    target_id = models.CharField(_("対象ID"), max_length=64, blank=True, db_index=True)
    payload = models.JSONField(_("内容"), default=dict, encoder=CanonicalJSONEncoder)
    ip = models.GenericIPAddressField(_("IPアドレス"), null=True, blank=True)
    user_agent = models.CharField(_("ユーザーエージェント"), max_length=300, blank=True)
    prev_hash = models.CharField(_("前のハッシュ"), max_length=64)
    hash = models.CharField(_("ハッシュ"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("監査イベント")
        verbose_name_plural = _("監査イベント")
        ordering = ["-seq"]
        indexes = [models.Index(fields=["target_type", "target_id", "kind"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.get_kind_display()}"


class ChainHead(models.Model):
    """The single row that serialises appends (locked FOR UPDATE by every writer)."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("チェーン先頭")
        verbose_name_plural = _("チェーン先頭")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"


GENESIS_HASH = "0" * 64
