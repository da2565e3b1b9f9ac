"""Reads of the chat flow, with the access check built in."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent, EventKind
from portal.models import (
    ApprovedModel,
    ConfirmationStatement,
    Conversation,
    GuidelineVersion,
    LLMRequest,
    LLMRequestStatus,
    Message,
    MessageRole,
    SiteSettings,
    User,
)


def guideline_current() -> GuidelineVersion | None:
    return (
        GuidelineVersion.objects.filter(published_at__isnull=False)
        .order_by("-published_at", "-id")
        .first()
    )


def guideline_acknowledged(*, user: User, version: GuidelineVersion | None = None) -> bool:
    version = version or guideline_current()
    if version is None:
        return True
    return AuditEvent.objects.filter(
        kind=EventKind.GUIDELINE_ACKNOWLEDGED,
        actor_id=user.pk,
        target_type="portal.guidelineversion",
        target_id=str(version.pk),
    ).exists()


def confirmation_statement_current() -> ConfirmationStatement | None:
    return ConfirmationStatement.objects.order_by("-active_from", "-id").first()


def model_list_for(*, user: User) -> QuerySet[ApprovedModel]:
    """Models enabled for the user's department (guideline 2)."""
    return ApprovedModel.objects.filter(enabled=True).filter(
        Q(all_departments=True) | Q(departments=user.department_id)
    ).distinct()


def conversation_list(*, user: User) -> QuerySet[Conversation]:
    return Conversation.objects.filter(user=user).select_related("model", "purpose")


def conversation_get(*, user: User, pk: int) -> Conversation:
    """The user's own conversation, or 404 (never someone else's)."""
    conversation = conversation_list(user=user).filter(pk=pk).first()
    if conversation is None:
        raise Http404
    return conversation


def answer_get(*, user: User, pk: int) -> Message:
    answer = (
        Message.objects.filter(pk=pk, role=MessageRole.ASSISTANT, conversation__user=user)
        .select_related("conversation")
        .first()
    )
    if answer is None:
        raise Http404
    return answer


def request_get(*, user: User, pk: int) -> LLMRequest:
    llm_request = LLMRequest.objects.filter(pk=pk, conversation__user=user).first()
    if llm_request is None:
        raise Http404
    return llm_request


def confirmed_answer_ids(*, answer_ids: list[int]) -> set[int]:
    return {
        int(target_id)
        for target_id in AuditEvent.objects.filter(
            kind=EventKind.ANSWER_CONFIRMED,
            target_type="portal.message",
            target_id__in=[str(i) for i in answer_ids],
        ).values_list("target_id", flat=True)
    }


def answer_is_confirmed(*, answer: Message) -> bool:
    return bool(confirmed_answer_ids(answer_ids=[answer.pk]))


@dataclass
class ConversationState:
    pending_request: LLMRequest | None
    unconfirmed_answer: Message | None
    failed_request: LLMRequest | None


def conversation_state(*, conversation: Conversation) -> ConversationState:
    """What blocks the next prompt: an answer being generated or not yet confirmed."""
    latest = conversation.requests.order_by("-id").first()
    pending = failed = unconfirmed = None
    if latest is not None:
        if latest.status in (
            LLMRequestStatus.QUEUED,
            LLMRequestStatus.RUNNING,
            LLMRequestStatus.RETRYING,
        ):
            pending = latest
        elif latest.status == LLMRequestStatus.FAILED:
            failed = latest
        elif latest.answer_id and not confirmed_answer_ids(answer_ids=[latest.answer_id]):
            unconfirmed = latest.answer
    return ConversationState(pending, unconfirmed, failed)


@dataclass
class QuotaStatus:
    requests_left: int
    tokens_left: int
    department_tokens_left: int


def quota_status(*, user: User) -> QuotaStatus:
    limits = SiteSettings.current()
    now = timezone.localtime()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    month_start = day_start.replace(day=1)
    mine_today = LLMRequest.objects.filter(conversation__user=user, created_at__gte=day_start)
    tokens_today = mine_today.aggregate(
        t=Sum("prompt_tokens") + Sum("completion_tokens")
    )["t"] or 0
    dept_tokens = LLMRequest.objects.filter(
        conversation__department_id=user.department_id, created_at__gte=month_start
    ).aggregate(t=Sum("prompt_tokens") + Sum("completion_tokens"))["t"] or 0
    return QuotaStatus(
        requests_left=max(0, limits.user_daily_requests - mine_today.count()),
        tokens_left=max(0, limits.user_daily_tokens - tokens_today),
        department_tokens_left=max(0, limits.department_monthly_tokens - dept_tokens),
    )


def quota_refusal(*, user: User) -> str:
    """A Japanese refusal when a quota or the per-minute rate is exhausted, else ''."""
    status = quota_status(user=user)
    if status.requests_left <= 0:
        return _("本日のリクエスト上限に達しました。明日以降に利用してください。")
    if status.tokens_left <= 0:
        return _("本日のトークン上限に達しました。明日以降に利用してください。")
    if status.department_tokens_left <= 0:
        return _("所属の今月のトークン上限に達しました。情報政策課に相談してください。")
    limits = SiteSettings.current()
    recent = LLMRequest.objects.filter(
        conversation__user=user, created_at__gte=timezone.now() - timedelta(minutes=1)
    ).count()
    if recent >= limits.prompts_per_minute:
        return _("短時間に送信が集中しています。1分ほど待ってから送信してください。")
    return ""


def upload_refusal(*, user: User, size: int) -> str:
    """A Japanese refusal when the file is too large or uploads come too fast, else ''."""
    from screening.models import DecisionSource, ScreeningDecision

    limits = SiteSettings.current()
    if size > limits.max_upload_bytes:
        return _("ファイルが大きすぎます（上限 %(mb).1f MB）。分割するか、必要な列だけにしてください。") % {
            "mb": limits.max_upload_bytes / 1_000_000
        }
    recent = ScreeningDecision.objects.filter(
        user=user,
        source=DecisionSource.UPLOAD,
        created_at__gte=timezone.now() - timedelta(minutes=1),
    ).count()
    if recent >= limits.prompts_per_minute:
        return _("短時間にアップロードが集中しています。1分ほど待ってから試してください。")
    return ""
