"""Every write of the chat flow; each writes its audit event in the same transaction."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import EventKind
from audit.services import audit_event_record
from portal import selectors
from portal.llm import LLMError, StreamEnd, chat_stream
from portal.models import (
    ENTERABLE_CLASSIFICATIONS,
    ApprovedModel,
    BusinessPurpose,
    ConfirmationStatement,
    Conversation,
    GuidelineVersion,
    LLMRequest,
    LLMRequestStatus,
    Message,
    MessageRole,
    User,
)
from portal.streams import stream_publish
from screening.masking import mask_text
from screening.models import DecisionSource
from screening.services import PromptScreening, prompt_screen, screening_decision_record
from screening.types import Decision

logger = logging.getLogger(__name__)

STANDIN_NOTICE = "ローカルのスタンドインLLM（実際のAIではありません）"


class PortalError(Exception):
    """A refusal the user must read; the message is Japanese and cites the clause."""


@dataclass
class SubmitOutcome:
    """What happened to a prompt: sent (request), or stopped (screening explains why)."""

    status: str  # "queued", "blocked", "warn", "refused", "duplicate"
    screening: PromptScreening | None = None
    request: LLMRequest | None = None
    message: str = ""
    masked_text: str = ""
    mapping: dict[str, str] = field(default_factory=dict)
    decision_id: int | None = None


@transaction.atomic
def guideline_acknowledge(
    *, user: User, version: GuidelineVersion, request: HttpRequest | None = None
) -> None:
    """Record that the user read and acknowledged the guideline version."""
    audit_event_record(
        kind=EventKind.GUIDELINE_ACKNOWLEDGED,
        actor=user,
        target=version,
        payload={"version": version.label},
        request=request,
    )


@transaction.atomic
def guideline_publish(
    *, version: GuidelineVersion, actor: User, request: HttpRequest | None = None
) -> GuidelineVersion:
    """Publish a version: every user must acknowledge it before the next chat."""
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    audit_event_record(
        kind=EventKind.GUIDELINE_PUBLISHED,
        actor=actor,
        target=version,
        payload={"version": version.label},
        request=request,
    )
    return version


@transaction.atomic
def conversation_create(
    *,
    user: User,
    title: str,
    purpose: BusinessPurpose,
    purpose_detail: str,
    model: ApprovedModel,
    request: HttpRequest | None = None,
) -> Conversation:
    """Start a conversation with a declared business purpose (guideline 3(3))."""
    if model not in selectors.model_list_for(user=user):
        raise PortalError(_("このモデルはあなたの所属では利用できません（ガイドライン2）。"))
    conversation = Conversation.objects.create(
        user=user,
        department_id=user.department_id,
        title=title,
        purpose=purpose,
        purpose_detail=purpose_detail,
        model=model,
    )
    audit_event_record(
        kind=EventKind.CONVERSATION_CREATED,
        actor=user,
        target=conversation,
        payload={"purpose": purpose.label, "model": model.display_name},
        request=request,
    )
    return conversation


def _refuse(user: User, kind: EventKind, message: str, request: HttpRequest | None, **payload: Any) -> SubmitOutcome:
    with transaction.atomic():
        audit_event_record(kind=kind, actor=user, payload=payload, request=request)
    return SubmitOutcome(status="refused", message=message)


def prompt_submit(
    *,
    user: User,
    conversation: Conversation,
    text: str,
    classification: str,
    idempotency_key: str,
    acknowledge_warning: bool = False,
    send_masked: bool = False,
    mapping: dict[str, str] | None = None,
    request: HttpRequest | None = None,
) -> SubmitOutcome:
    """Screen a prompt synchronously; store and queue it only when it may leave."""
    existing = LLMRequest.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return SubmitOutcome(status="duplicate", request=existing)
    if not text.strip():
        return SubmitOutcome(status="refused", message=_("プロンプトが空です。内容を入力してください。"))
    if classification not in ENTERABLE_CLASSIFICATIONS:
        return _refuse(
            user,
            EventKind.CLASSIFICATION_REFUSED,
            _(
                "重要性分類Ⅰ・Ⅱの情報は生成AIに入力できません（ガイドライン3(1)）。"
                "公開情報（分類Ⅲ・Ⅳ）だけにしてから送信してください。"
            ),
            request,
            classification=classification,
            conversation_id=conversation.pk,
        )
    state = selectors.conversation_state(conversation=conversation)
    if state.unconfirmed_answer is not None:
        return SubmitOutcome(
            status="refused",
            message=_("前の回答の確認（事実確認と責任の宣言）を済ませてから続けてください（ガイドライン3(5)・3(6)）。"),
        )
    if state.pending_request is not None:
        return SubmitOutcome(status="refused", message=_("前の質問の回答を生成中です。完了までお待ちください。"))
    quota_message = selectors.quota_refusal(user=user)
    if quota_message:
        return _refuse(user, EventKind.QUOTA_REFUSED, quota_message, request)

    screening = prompt_screen(text=text)
    mapping = dict(mapping or {})
    masked, mapping = mask_text(text, screening.result.findings, mapping)
    counts: dict[str, int] = {}
    for e in screening.explanations:
        counts[e.category] = counts.get(e.category, 0) + 1

    outgoing = text
    sent_masked = False
    if screening.decision is not Decision.PASS:
        if send_masked:
            # Placeholders only leave the building; the masked text must itself pass.
            recheck = prompt_screen(text=masked)
            if recheck.decision is Decision.BLOCK:
                return SubmitOutcome(status="blocked", screening=screening, masked_text=masked)
            outgoing, sent_masked = masked, True
        elif screening.decision is Decision.BLOCK:
            record = screening_decision_record(
                user=user,
                source=DecisionSource.PROMPT,
                decision=Decision.BLOCK.value,
                category_counts=counts,
                masked_text=masked,
                conversation=conversation,
                request=request,
            )
            return SubmitOutcome(
                status="blocked",
                screening=screening,
                masked_text=masked,
                mapping=mapping,
                decision_id=record.pk,
            )
        elif not acknowledge_warning:
            return SubmitOutcome(status="warn", screening=screening, masked_text=masked, mapping=mapping)

    try:
        llm_request = _prompt_store_and_queue(
            user=user,
            conversation=conversation,
            outgoing=outgoing,
            classification=classification,
            idempotency_key=idempotency_key,
            screening=screening,
            counts=counts,
            masked=masked,
            sent_masked=sent_masked,
            warned=screening.decision is Decision.WARN and not sent_masked,
            request=request,
        )
    except IntegrityError:
        existing = LLMRequest.objects.get(idempotency_key=idempotency_key)
        return SubmitOutcome(status="duplicate", request=existing)
    return SubmitOutcome(status="queued", request=llm_request, screening=screening, mapping=mapping)


@transaction.atomic
def _prompt_store_and_queue(
    *,
    user: User,
    conversation: Conversation,
    outgoing: str,
    classification: str,
    idempotency_key: str,
    screening: PromptScreening,
    counts: dict[str, int],
    masked: str,
    sent_masked: bool,
    warned: bool,
    request: HttpRequest | None,
) -> LLMRequest:
    decision = Decision.PASS.value if not counts else screening.decision.value
    screening_decision_record(
        user=user,
        source=DecisionSource.PROMPT,
        decision=decision,
        category_counts=counts,
        masked_text=masked,
        conversation=conversation,
        request=request,
        extra={"sent_masked": sent_masked},
    )
    if warned:
        audit_event_record(
            kind=EventKind.WARNING_ACKNOWLEDGED,
            actor=user,
            target=conversation,
            payload={"categories": counts},
            request=request,
        )
    prompt = Message.objects.create(
        conversation=conversation,
        role=MessageRole.USER,
        content=outgoing,
        classification=classification,
        masked=sent_masked,
    )
    from portal.models import TableAttachment

    attached = TableAttachment.objects.filter(conversation=conversation, message__isnull=True).update(
        message=prompt
    )
    llm_request = LLMRequest.objects.create(
        conversation=conversation,
        prompt=prompt,
        model=conversation.model,
        idempotency_key=idempotency_key,
    )
    audit_event_record(
        kind=EventKind.REQUEST_QUEUED,
        actor=user,
        target=llm_request,
        payload={
            "conversation_id": conversation.pk,
            "model": conversation.model.display_name,
            "classification": classification,
            "sent_masked": sent_masked,
            "tables_attached": attached,
        },
        request=request,
    )
    transaction.on_commit(lambda: llm_request_dispatch(request_id=llm_request.pk))
    return llm_request


def llm_request_dispatch(*, request_id: int) -> bool:
    """Hand the request to Celery; when the broker is away the outbox sweep retries."""
    from portal.tasks import llm_request_run

    try:
        llm_request_run.apply_async(args=[request_id], retry=False)
    except Exception:  # noqa: BLE001 - kombu raises several types when Redis is away
        logger.warning("broker unavailable; request %s stays in the outbox", request_id)
        return False
    LLMRequest.objects.filter(pk=request_id, dispatched_at__isnull=True).update(
        dispatched_at=timezone.now()
    )
    return True


def llm_request_outbox_sweep(*, older_than_seconds: int = 5) -> int:
    """Queue every request that was stored but never reached the broker."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    pending = LLMRequest.objects.filter(
        status=LLMRequestStatus.QUEUED, dispatched_at__isnull=True, created_at__lte=cutoff
    ).values_list("pk", flat=True)
    return sum(llm_request_dispatch(request_id=pk) for pk in pending)


def _history(conversation: Conversation, up_to: Message) -> list[dict[str, str]]:
    messages = [
        {
            "role": "system",
            "content": (
                "あなたは市役所職員の業務を補助するアシスタントです。日本語で簡潔に答えてください。"
                "〔氏名1〕のような括弧書きは個人情報を伏せた記号なので、そのまま使ってください。"
            ),
        }
    ]
    turns = conversation.messages.filter(id__lte=up_to.id).select_related("attachment").order_by("id")
    for message in turns:
        content = message.content
        table = getattr(message, "attachment", None)
        if table is not None:
            content = f"{content}\n\n{table.compact}"
        if content:
            messages.append({"role": message.role, "content": content})
    return messages


DELTA_RELAY_SECONDS = 0.05


def llm_request_execute(*, request_id: int) -> str:
    """Call the model for one request; a second delivery of a finished one does nothing."""
    with transaction.atomic():
        # Lock the request row only: FOR UPDATE on the joined user row deadlocks (PostgreSQL)
        # with the same user's concurrent write, whose deferred FK check needs that row
        # while it holds the audit chain head.
        llm_request = LLMRequest.objects.select_for_update(of=("self",)).select_related(
            "conversation", "prompt", "model", "conversation__user"
        ).get(pk=request_id)
        if llm_request.status in (LLMRequestStatus.SUCCEEDED, LLMRequestStatus.FAILED):
            return llm_request.status
        llm_request.status = LLMRequestStatus.RUNNING
        llm_request.attempts += 1
        llm_request.started_at = timezone.now()
        llm_request.save(update_fields=["status", "attempts", "started_at"])
        audit_event_record(
            kind=EventKind.REQUEST_ATTEMPT,
            actor=llm_request.conversation.user,
            target=llm_request,
            payload={"attempt": llm_request.attempts, "model": llm_request.model.model_name},
        )
    messages = _history(llm_request.conversation, llm_request.prompt)
    token = llm_request.idempotency_key
    stream_publish(request_id, token, "start", {"attempt": llm_request.attempts})
    started = time.monotonic()
    first_token_ms: int | None = None
    parts: list[str] = []
    end = StreamEnd(0, 0)
    pending: list[str] = []  # deltas not yet relayed
    relayed_at = 0.0
    for item in chat_stream(llm_request.model, messages):
        if isinstance(item, StreamEnd):
            end = item
            continue
        now = time.monotonic()
        if first_token_ms is None:
            first_token_ms = int((now - started) * 1000)
        parts.append(item)
        pending.append(item)
        # The first token goes out at once; later ones at most every DELTA_RELAY_SECONDS,
        # joined: the reader sees the same text with far fewer Redis writes and SSE events.
        if now - relayed_at >= DELTA_RELAY_SECONDS:
            stream_publish(request_id, token, "delta", {"text": "".join(pending)})
            pending.clear()
            relayed_at = now
    if pending:
        stream_publish(request_id, token, "delta", {"text": "".join(pending)})
    answer_text = "".join(parts)
    latency_ms = int((time.monotonic() - started) * 1000)
    llm_request_complete(
        request_id=request_id,
        answer_text=answer_text,
        prompt_tokens=end.prompt_tokens,
        completion_tokens=end.completion_tokens,
        first_token_ms=first_token_ms,
        latency_ms=latency_ms,
    )
    stream_publish(request_id, token, "done", {})
    return LLMRequestStatus.SUCCEEDED


@transaction.atomic
def llm_request_complete(
    *,
    request_id: int,
    answer_text: str,
    prompt_tokens: int,
    completion_tokens: int,
    first_token_ms: int | None,
    latency_ms: int,
) -> Message | None:
    """Store the answer once: the row lock and the status check stop a duplicate."""
    llm_request = LLMRequest.objects.select_for_update(of=("self",)).select_related(
        "conversation__user"
    ).get(pk=request_id)
    if llm_request.status == LLMRequestStatus.SUCCEEDED:
        return llm_request.answer
    answer = Message.objects.create(
        conversation_id=llm_request.conversation_id, role=MessageRole.ASSISTANT, content=answer_text
    )
    llm_request.answer = answer
    llm_request.status = LLMRequestStatus.SUCCEEDED
    llm_request.finished_at = timezone.now()
    llm_request.prompt_tokens = prompt_tokens
    llm_request.completion_tokens = completion_tokens
    llm_request.first_token_ms = first_token_ms
    llm_request.latency_ms = latency_ms
    llm_request.error_code = ""
    llm_request.error_message = ""
    llm_request.save()
    audit_event_record(
        kind=EventKind.ANSWER_RECEIVED,
        actor=llm_request.conversation.user,
        target=answer,
        payload={
            "request_id": llm_request.pk,
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "latency_ms": latency_ms,
            "attempts": llm_request.attempts,
        },
    )
    return answer


@transaction.atomic
def llm_request_attempt_failed(*, request_id: int, error: LLMError, final: bool) -> None:
    """Record a failed attempt; on the last one tell the user in Japanese."""
    llm_request = LLMRequest.objects.select_for_update(of=("self",)).select_related(
        "conversation__user"
    ).get(pk=request_id)
    if llm_request.status == LLMRequestStatus.SUCCEEDED:
        return
    llm_request.status = LLMRequestStatus.FAILED if final else LLMRequestStatus.RETRYING
    llm_request.error_code = error.code
    llm_request.error_message = str(error)[:500]
    if final:
        llm_request.finished_at = timezone.now()
    llm_request.save(update_fields=["status", "error_code", "error_message", "finished_at"])
    audit_event_record(
        kind=EventKind.REQUEST_FAILED,
        actor=llm_request.conversation.user,
        target=llm_request,
        payload={"code": error.code, "final": final, "attempt": llm_request.attempts},
    )
    if final:
        stream_publish(request_id, llm_request.idempotency_key, "failed", {"message": str(error)})


@transaction.atomic
def llm_request_resend(*, user: User, failed: LLMRequest, idempotency_key: str, request: HttpRequest | None = None) -> LLMRequest:
    """Queue a failed request's prompt again (the prompt was screened already)."""
    if failed.status != LLMRequestStatus.FAILED or failed.conversation.user_id != user.pk:
        raise PortalError(_("この依頼は再送信できません。"))
    retry = LLMRequest.objects.create(
        conversation=failed.conversation,
        prompt=failed.prompt,
        model=failed.model,
        idempotency_key=idempotency_key,
    )
    audit_event_record(
        kind=EventKind.REQUEST_QUEUED,
        actor=user,
        target=retry,
        payload={"conversation_id": failed.conversation_id, "resend_of": failed.pk},
        request=request,
    )
    transaction.on_commit(lambda: llm_request_dispatch(request_id=retry.pk))
    return retry


@transaction.atomic
def answer_confirm(
    *,
    user: User,
    answer: Message,
    statement: ConfirmationStatement,
    fact_checked: bool,
    responsibility: bool,
    request: HttpRequest | None = None,
) -> None:
    """Store the staff member's two statements for one answer (guideline 3(5), 3(6))."""
    if not (fact_checked and responsibility):
        raise PortalError(_("二つの宣言の両方に同意してください（ガイドライン3(5)・3(6)）。"))
    if answer.role != MessageRole.ASSISTANT or answer.conversation.user_id != user.pk:
        raise PortalError(_("この回答は確認できません。"))
    if selectors.answer_is_confirmed(answer=answer):
        return
    audit_event_record(
        kind=EventKind.ANSWER_CONFIRMED,
        actor=user,
        target=answer,
        payload={
            "statement_version": statement.version,
            "fact_check_text": statement.fact_check_text,
            "responsibility_text": statement.responsibility_text,
            "conversation_id": answer.conversation_id,
        },
        request=request,
    )


@transaction.atomic
def answer_export_record(*, user: User, answer: Message, request: HttpRequest | None = None) -> None:
    audit_event_record(
        kind=EventKind.ANSWER_EXPORTED,
        actor=user,
        target=answer,
        payload={"conversation_id": answer.conversation_id},
        request=request,
    )


@transaction.atomic
def defaults_install() -> None:
    """Install the default rules, texts and the stand-in model if they are missing."""
    from portal import demo
    from portal.models import ModelKind, PromptTemplate, SiteSettings
    from screening.detectors.defaults import DEFAULT_ALLOW_TERMS
    from screening.models import AllowListEntry, ScreeningRule
    from screening.selectors import engine_config_invalidate
    from screening.types import CLAUSES, DEFAULT_ACTIONS

    if not SiteSettings.objects.exists():
        SiteSettings.objects.create()
    for category, message in demo.RULE_MESSAGES.items():
        ScreeningRule.objects.get_or_create(
            category=category,
            defaults={"action": DEFAULT_ACTIONS[category], "clause": CLAUSES[category], "message": message},
        )
    for term in DEFAULT_ALLOW_TERMS:
        AllowListEntry.objects.get_or_create(term=term, defaults={"note": "公開されている連絡先・施設"})
    engine_config_invalidate()
    if not GuidelineVersion.objects.exists():
        GuidelineVersion.objects.create(
            label="第5版",
            issued_on=timezone.datetime(2025, 4, 1).date(),
            summary=demo.GUIDELINE_SUMMARY,
            clauses=demo.GUIDELINE_CLAUSES,
            published_at=timezone.now(),
        )
    ConfirmationStatement.objects.get_or_create(
        version=demo.CONFIRMATION["version"], defaults=demo.CONFIRMATION
    )
    for order, label in enumerate(demo.PURPOSES):
        BusinessPurpose.objects.get_or_create(label=label, defaults={"order": order})
    for order, (title, body) in enumerate(demo.TEMPLATES):
        PromptTemplate.objects.get_or_create(title=title, defaults={"body": body, "order": order})
    if not ApprovedModel.objects.exists():
        ApprovedModel.objects.create(
            display_name="スタンドインLLM（動作確認用）",
            kind=ModelKind.STANDIN,
            model_name="standin-chat",
            knowledge_cutoff=demo.STANDIN_CUTOFF,
            context_window=8192,
            all_departments=True,
        )


@transaction.atomic
def demo_users_install() -> None:
    """Create the demo departments and users (staff, section heads, an administrator)."""
    from portal import demo
    from portal.models import Department, Role

    by_code: dict[str, Department] = {}
    for code, name, parent in demo.DEPARTMENTS:
        by_code[code], _ = Department.objects.get_or_create(
            code=code, defaults={"name": name, "parent": by_code.get(parent) if parent else None}
        )
    for username, last, first, dept, role, email in demo.USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username,
            last_name=last,
            first_name=first,
            email=email,
            department=by_code[dept],
            role=role,
            is_staff=role == Role.POLICY_ADMIN,
            is_superuser=role == Role.POLICY_ADMIN,
        )
        user.set_password(demo.DEMO_PASSWORD)
        user.save()


@dataclass
class UploadOutcome:
    """A screened CSV: attached when it passed, else the column report or the error."""

    decision: str
    record: dict[str, Any]
    attachment: Any = None
    error: str = ""
    candidates: list[str] = field(default_factory=list)


def _upload_category_counts(record: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in record.get("findings", []):
        counts[finding["category"]] = counts.get(finding["category"], 0) + int(finding.get("count", 1))
    return counts


def table_upload_screen(
    *,
    user: User,
    conversation: Conversation,
    data: bytes,
    file_name: str,
    encoding: str | None = None,
    drop_columns: list[str] | None = None,
    progress: Any = None,
    request: HttpRequest | None = None,
) -> UploadOutcome:
    """Screen an uploaded CSV cell by cell (3(2)); attach it to the conversation if it passes."""
    from portal.models import SiteSettings, TableAttachment
    from screening.selectors import engine_config_current
    from screening.tabular import (
        Limits,
        UploadResult,
        rescreen_without,
        screen_upload,
        table_for_llm,
    )
    from screening.tabular.upload import screening_record

    limits_row = SiteSettings.current()
    limits = Limits(max_bytes=limits_row.max_upload_bytes, max_rows=limits_row.max_upload_rows)
    config = engine_config_current()
    result: UploadResult = screen_upload(
        data, file_name, config, encoding=encoding or None, limits=limits, progress=progress
    )
    dropped: list[str] = []
    table = result.table
    if drop_columns and table is not None:
        dropped = [c for c in drop_columns if c in table.columns]
        table, rescreened = rescreen_without(table, dropped, config, progress=progress)
        result = UploadResult(
            screening_record(file_name, table.encoding, rescreened),
            table=table,
            screening=rescreened,
            size=len(data),
        )
    record = result.record
    audit_payload = {**result.audit_record(), "dropped_columns": dropped}
    with transaction.atomic():
        screening_decision_record(
            user=user,
            source=DecisionSource.UPLOAD,
            decision=record["decision"],
            category_counts=_upload_category_counts(record),
            conversation=conversation,
            request=request,
            extra={"upload": audit_payload},
        )
        attachment = None
        if record["decision"] == Decision.PASS.value and table is not None:
            budget = max(2000, min(60_000, conversation.model.context_window))
            attachment = TableAttachment.objects.create(
                conversation=conversation,
                file_name=file_name[:255],
                size=len(data),
                encoding=table.encoding,
                rows=table.n_rows,
                columns=table.n_columns,
                dropped_columns=dropped,
                compact=table_for_llm(table, budget, name=file_name),
            )
    return UploadOutcome(
        decision=record["decision"],
        record=record,
        attachment=attachment,
        error=record.get("error", ""),
        candidates=list(record.get("candidates", [])),
    )
