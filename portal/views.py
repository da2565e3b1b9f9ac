"""Chat pages: parse input, call one service or selector, render or redirect."""
from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from functools import wraps
from typing import Any

import redis
import redis.asyncio as aioredis
from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib import messages
from django.core.handlers.asgi import ASGIRequest
from django.db import IntegrityError, connections
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal import selectors, services
from portal.forms import ConfirmForm, ConversationForm, GuidelineAckForm, PromptForm, UploadForm
from portal.maskvault import mapping_load, mapping_save
from portal.models import LLMRequest, LLMRequestStatus, MessageRole, PromptTemplate, User
from portal.rendering import markdown_to_safe_html
from portal.streams import stream_key
from screening.masking import unmask_text
from screening.models import CategoryChoices
from screening.services import highlight_segments

View = Callable[..., HttpResponseBase]
logger = logging.getLogger(__name__)


def guideline_required(view: View) -> View:
    """Send the user to the guideline page until the current version is acknowledged."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not selectors.guideline_acknowledged(user=request.user):  # type: ignore[arg-type]
            return redirect(f"{reverse('chat:guideline')}?next={request.path}")
        return view(request, *args, **kwargs)

    return wrapper


@require_http_methods(["GET", "POST"])
def guideline(request: HttpRequest) -> HttpResponse:
    version = selectors.guideline_current()
    form = GuidelineAckForm(request.POST or None)
    if request.method == "POST" and version is not None and form.is_valid():
        services.guideline_acknowledge(user=request.user, version=version, request=request)  # type: ignore[arg-type]
        target = request.GET.get("next", "")
        if not target.startswith("/") or target.startswith("//"):
            target = reverse("chat:home")
        return redirect(target)
    acknowledged = version is None or selectors.guideline_acknowledged(user=request.user, version=version)  # type: ignore[arg-type]
    return render(
        request,
        "portal/guideline.html",
        {"version": version, "form": form, "acknowledged": acknowledged},
    )


@guideline_required
@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    models_qs = selectors.model_list_for(user=user)
    form = ConversationForm(request.POST or None, models_qs=models_qs)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = services.conversation_create(
                user=user,
                title=form.cleaned_data["title"],
                purpose=form.cleaned_data["purpose"],
                purpose_detail=form.cleaned_data["purpose_detail"],
                model=form.cleaned_data["model"],
                request=request,
            )
        except services.PortalError as error:
            form.add_error(None, str(error))
        else:
            return redirect("chat:conversation", pk=conversation.pk)
    return render(
        request,
        "portal/home.html",
        {
            "form": form,
            "conversations": selectors.conversation_list(user=user)[:100],
            "quota": selectors.quota_status(user=user),
            "has_models": models_qs.exists(),
        },
    )


def _conversation_context(
    request: HttpRequest, conversation: Any, prompt_form: PromptForm, **extra: Any
) -> dict[str, Any]:
    user: User = request.user  # type: ignore[assignment]
    turns = list(conversation.messages.select_related("attachment"))
    answer_ids = [m.pk for m in turns if m.role == MessageRole.ASSISTANT]
    confirmed = selectors.confirmed_answer_ids(answer_ids=answer_ids)
    mapping = mapping_load(request, conversation.pk) if request.GET.get("reveal") == "1" else {}
    rendered = []
    for message in turns:
        text = message.content
        if mapping:
            text = unmask_text(text, mapping)
        rendered.append(
            {
                "message": message,
                "html": markdown_to_safe_html(text) if message.role == MessageRole.ASSISTANT else "",
                "text": text,
                "confirmed": message.pk in confirmed,
                "table": getattr(message, "attachment", None),
            }
        )
    state = selectors.conversation_state(conversation=conversation)
    return {
        "conversation": conversation,
        "turns": rendered,
        "state": state,
        "prompt_form": prompt_form,
        "confirm_form": ConfirmForm(),
        "statement": selectors.confirmation_statement_current(),
        "templates": PromptTemplate.objects.filter(active=True),
        "quota": selectors.quota_status(user=user),
        "upload_form": extra.pop("upload_form", None) or UploadForm(initial={"upload_token": PromptForm.new_token()}),
        "pending_tables": conversation.attachments.filter(message__isnull=True),
        "can_reveal": bool(mapping_load(request, conversation.pk)),
        "revealing": bool(mapping),
        "pending_statuses": (LLMRequestStatus.QUEUED, LLMRequestStatus.RUNNING, LLMRequestStatus.RETRYING),
        **extra,
    }


@guideline_required
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    conv = selectors.conversation_get(user=request.user, pk=pk)  # type: ignore[arg-type]
    form = PromptForm(initial={"client_token": PromptForm.new_token(), "classification": ""})
    return render(request, "portal/conversation.html", _conversation_context(request, conv, form))


@guideline_required
@require_POST
def prompt_send(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    conv = selectors.conversation_get(user=user, pk=pk)
    form = PromptForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "portal/conversation.html",
            _conversation_context(request, conv, form),
            status=400,
        )
    data = form.cleaned_data
    outcome = services.prompt_submit(
        user=user,
        conversation=conv,
        text=data["text"],
        classification=data["classification"],
        idempotency_key=f"{user.pk}:{data['client_token']}",
        acknowledge_warning=data["acknowledge_warning"],
        send_masked=data["send_masked"],
        mapping=mapping_load(request, conv.pk),
        request=request,
    )
    if outcome.status in ("queued", "duplicate"):
        response = redirect("chat:conversation", pk=conv.pk)
        if outcome.status == "queued" and outcome.mapping and data["send_masked"]:
            mapping_save(response, conv.pk, outcome.mapping)
        if outcome.status == "queued" and outcome.request and outcome.request.dispatched_at is None:
            messages.warning(
                request,
                _("処理サーバーに一時的に接続できません。質問は保存済みで、接続が回復すると自動で送信されます。"),
            )
        return response
    # Stopped: keep the text in the box, explain, offer the masked version.
    fresh = PromptForm(
        initial={
            "text": data["text"],
            "classification": data["classification"],
            "client_token": PromptForm.new_token(),
        }
    )
    extra: dict[str, Any] = {"outcome": outcome}
    if outcome.screening is not None:
        extra["segments"] = highlight_segments(data["text"], outcome.screening.explanations)
    status = 200 if outcome.status == "warn" else 422
    if outcome.status == "refused":
        status = 429 if "上限" in outcome.message or "集中" in outcome.message else 422
    return render(
        request,
        "portal/conversation.html",
        _conversation_context(request, conv, fresh, **extra),
        status=status,
    )


@guideline_required
@require_POST
def request_resend(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    failed = selectors.request_get(user=user, pk=pk)
    try:
        services.llm_request_resend(
            user=user,
            failed=failed,
            idempotency_key=f"{user.pk}:resend:{failed.pk}:{request.POST.get('client_token', '')}",
            request=request,
        )
    except services.PortalError as error:
        messages.error(request, str(error))
    except IntegrityError:  # a double click: the first resend is already queued
        pass
    return redirect("chat:conversation", pk=failed.conversation_id)


@guideline_required
@require_POST
def answer_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    answer = selectors.answer_get(user=user, pk=pk)
    form = ConfirmForm(request.POST)
    form.is_valid()
    statement = selectors.confirmation_statement_current()
    try:
        if statement is None:
            raise services.PortalError(_("確認文言が登録されていません。情報政策課に連絡してください。"))
        services.answer_confirm(
            user=user,
            answer=answer,
            statement=statement,
            fact_checked=form.cleaned_data.get("fact_checked", False),
            responsibility=form.cleaned_data.get("responsibility", False),
            request=request,
        )
    except services.PortalError as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('chat:conversation', args=[answer.conversation_id])}#m{answer.pk}")


@guideline_required
def answer_export(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    answer = selectors.answer_get(user=user, pk=pk)
    if not selectors.answer_is_confirmed(answer=answer):
        messages.error(request, _("確認（事実確認と責任の宣言）が済むまでエクスポートできません。"))
        return redirect("chat:conversation", pk=answer.conversation_id)
    services.answer_export_record(user=user, answer=answer, request=request)
    model = answer.conversation.model
    header = f"<!-- {model.display_name} / 学習データの期限 {model.knowledge_cutoff:%Y-%m-%d} / 職員が事実確認のうえ責任をもって使用 -->\n\n"
    response = HttpResponse(header + answer.content, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="answer-{answer.pk}.md"'
    return response


SSE_BLOCK_MS = 15000
SSE_MAX_IDLE_ROUNDS = 40


def _sse(event: str, data: str) -> str:
    return f"event: {event}\ndata: {data}\n\n"


def _request_finished(pk: int) -> bool:
    try:
        status = LLMRequest.objects.filter(pk=pk).values_list("status", flat=True).first()
    finally:
        connections.close_all()  # an open stream must not hold a database connection
    return status in (LLMRequestStatus.SUCCEEDED, LLMRequestStatus.FAILED)


def _owned_stream(user: Any, pk: int) -> tuple[int, str]:
    """Check ownership, then hand the connection back: the stream may stay open minutes."""
    try:
        llm_request = selectors.request_get(user=user, pk=pk)
        return llm_request.pk, stream_key(llm_request.pk, llm_request.idempotency_key)
    finally:
        connections.close_all()


def _sse_batch(batch: Any, last: str) -> tuple[str, str, bool]:
    """One XREAD result as SSE text: (last entry id, text, whether the answer ended)."""
    parts: list[str] = []
    for _stream, entries in batch:
        for entry_id, fields in entries:
            last = entry_id
            parts.append(_sse(fields["event"], fields["data"]))
            if fields["event"] in ("done", "failed"):
                return last, "".join(parts), True
    return last, "".join(parts), False


async def _sse_async(pk: int, key: str) -> AsyncIterator[str]:
    """Follow the request's Redis stream without holding a thread (ASGI)."""
    client = aioredis.from_url(
        settings.REDIS_URL, decode_responses=True, socket_connect_timeout=2,
        socket_timeout=SSE_BLOCK_MS / 1000 + 5,
    )
    last = "0"
    try:
        idle = 0
        while idle < SSE_MAX_IDLE_ROUNDS:  # only empty reads count: a long answer is many reads
            try:
                batch = await client.xread({key: last}, block=SSE_BLOCK_MS, count=200)
            except aioredis.RedisError:
                yield _sse("unavailable", "{}")
                return
            if not batch:
                idle += 1
                if await sync_to_async(_request_finished)(pk):
                    yield _sse("done", "{}")
                    return
                yield ": keep-alive\n\n"
                continue
            last, chunk, ended = _sse_batch(batch, last)
            yield chunk
            if ended:
                return
    finally:
        await client.aclose()


def _sse_sync(pk: int, key: str) -> Iterator[str]:
    """The same for WSGI servers (one thread per open stream)."""
    client = redis.Redis.from_url(
        settings.REDIS_URL, decode_responses=True, socket_connect_timeout=2,
        socket_timeout=SSE_BLOCK_MS / 1000 + 5,
    )
    last = "0"
    try:
        idle = 0
        while idle < SSE_MAX_IDLE_ROUNDS:  # only empty reads count: a long answer is many reads
            try:
                batch = client.xread({key: last}, block=SSE_BLOCK_MS, count=200)
            except redis.RedisError:
                yield _sse("unavailable", "{}")
                return
            if not batch:
                idle += 1
                if _request_finished(pk):
                    yield _sse("done", "{}")
                    return
                yield ": keep-alive\n\n"
                continue
            last, chunk, ended = _sse_batch(batch, last)
            yield chunk
            if ended:
                return
    finally:
        client.close()


async def request_stream(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Server-Sent Events: replay and follow the answer's deltas from Redis."""
    user = await request.auser()
    if not user.is_authenticated:
        return HttpResponse(status=401)
    if isinstance(request, ASGIRequest):
        # Same thread as the session and user lookups, so their connection is the one closed.
        events: Any = _sse_async(*await sync_to_async(_owned_stream)(user, pk))
    else:
        llm_request = await sync_to_async(selectors.request_get)(user=user, pk=pk)
        events = _sse_sync(llm_request.pk, stream_key(llm_request.pk, llm_request.idempotency_key))
    response = StreamingHttpResponse(events, content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response


def request_status(request: HttpRequest, pk: int) -> HttpResponse:
    llm_request = selectors.request_get(user=request.user, pk=pk)  # type: ignore[arg-type]
    return HttpResponse(
        json.dumps({"status": llm_request.status, "error": llm_request.error_message}, ensure_ascii=False),
        content_type="application/json",
    )


UPLOAD_PROGRESS_SECONDS = 600


def _progress_key(user_id: int, token: str) -> str:
    return f"upload:progress:{user_id}:{token}"


@guideline_required
@require_POST
def table_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Screen a CSV before use (3(2)); attach it when it passes, else explain per column."""
    from django.core.cache import cache

    from portal.models import SiteSettings

    user: User = request.user  # type: ignore[assignment]
    conv = selectors.conversation_get(user=user, pk=pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "portal/conversation.html",
                      _conversation_context(request, conv, _fresh_prompt_form(), upload_form=form), status=400)
    upload = form.cleaned_data["file"]
    limits = SiteSettings.current()
    refusal = selectors.upload_refusal(user=user, size=upload.size)
    if refusal:
        messages.error(request, refusal)
        return redirect("chat:conversation", pk=conv.pk)
    token = form.cleaned_data["upload_token"] or ""
    key = _progress_key(user.pk, token) if token else ""

    def progress(done: int, total: int) -> None:
        if key:
            try:
                cache.set(key, {"done": done, "total": total}, UPLOAD_PROGRESS_SECONDS)
            except Exception:  # noqa: BLE001 - progress is a courtesy
                logger.debug("upload progress not stored", exc_info=True)

    outcome = services.table_upload_screen(
        user=user,
        conversation=conv,
        data=upload.read(limits.max_upload_bytes + 1),
        file_name=upload.name,
        encoding=form.cleaned_data["encoding"] or None,
        drop_columns=form.cleaned_data["drop_columns"],
        progress=progress,
        request=request,
    )
    if outcome.attachment is not None:
        messages.success(request, _("表「%(name)s」は確認の結果、個人情報等が見つからなかったため添付しました。次の質問と一緒にAIへ送られます。") % {"name": upload.name})
        return redirect("chat:conversation", pk=conv.pk)
    labels = dict(CategoryChoices.choices)
    for finding in outcome.record.get("findings", []):
        finding["label"] = labels.get(finding["category"], finding["category"])
    fresh = UploadForm(initial={"upload_token": PromptForm.new_token(), "encoding": form.cleaned_data["encoding"]})
    return render(
        request,
        "portal/conversation.html",
        _conversation_context(request, conv, _fresh_prompt_form(), upload_form=fresh, upload_outcome=outcome),
        status=422,
    )


def upload_progress(request: HttpRequest, token: str) -> HttpResponse:
    from django.core.cache import cache

    try:
        state = cache.get(_progress_key(request.user.pk, token)) or {}
    except Exception:  # noqa: BLE001
        state = {}
    return HttpResponse(json.dumps(state), content_type="application/json")


def _fresh_prompt_form() -> PromptForm:
    return PromptForm(initial={"client_token": PromptForm.new_token(), "classification": ""})
