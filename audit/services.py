"""Every write to the audit tables goes through here, inside the caller's transaction."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.chain import chain_hash
from audit.models import GENESIS_HASH, AuditEvent, ChainHead, EventKind

RETENTION_BATCH = 2_000


def client_meta(request: HttpRequest | None) -> dict[str, str | None]:
    """Return the IP and user agent of a request, for the audit row."""
    if request is None:
        return {"ip": None, "user_agent": ""}
    ip = request.META.get("REMOTE_ADDR") or None
    if ip is not None:
        # Hash what the column will hold (IPv6 is stored in its normalised form).
        ip = AuditEvent._meta.get_field("ip").get_prep_value(ip)
    return {"ip": ip, "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300]}


@transaction.atomic
def audit_event_record(
    *,
    kind: EventKind,
    actor: Any = None,
    target: Any = None,
    payload: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    department_id: int | None = None,
    actor_username: str = "",
) -> AuditEvent:
    """Append one event to the chain; the head row lock keeps the chain linear."""
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head, _ = ChainHead.objects.get_or_create(pk=1, defaults={"hash": GENESIS_HASH})
        head = ChainHead.objects.select_for_update().get(pk=1)
    actor_id = getattr(actor, "pk", None)
    if department_id is None and actor is not None:
        department_id = getattr(actor, "department_id", None)
    fields: dict[str, Any] = {
        "seq": head.seq + 1,
        "kind": str(kind),
        "created_at": timezone.now().astimezone(dt.UTC),
        "actor_id": actor_id,
        "actor_username": (getattr(actor, "username", "") or actor_username)[:150],
        "department_id": department_id,
        "target_type": target._meta.label_lower if target is not None else "",
        "target_id": str(target.pk) if target is not None else "",
        "payload": payload or {},
        **client_meta(request),
    }
    digest = chain_hash(head.hash, fields)
    event = AuditEvent.objects.create(prev_hash=head.hash, hash=digest, **fields)
    ChainHead.objects.filter(pk=1).update(seq=fields["seq"], hash=digest)
    return event


def access_denied_record(
    *, user: Any, request: HttpRequest, reason: str, target: Any = None
) -> AuditEvent:
    """Log a refused access (OWASP ASVS V16): who, which path, why."""
    return audit_event_record(
        kind=EventKind.ACCESS_DENIED,
        actor=user if getattr(user, "is_authenticated", False) else None,
        target=target,
        payload={"path": request.path[:300], "method": request.method, "reason": reason},
        request=request,
    )


def review_access_record(
    *, reviewer: Any, conversation: Any, reason: str, request: HttpRequest | None = None
) -> AuditEvent:
    """Record that a reviewer opened a member's conversation, and why."""
    return audit_event_record(
        kind=EventKind.REVIEW_ACCESS,
        actor=reviewer,
        target=conversation,
        payload={
            "reason": reason,
            "member_id": conversation.user_id,
            "member_department_id": conversation.department_id,
            "role": getattr(reviewer, "role", ""),
        },
        request=request,
    )


def export_record(
    *, user: Any, what: str, file_format: str, rows: int, filters: dict[str, Any],
    request: HttpRequest | None = None,
) -> AuditEvent:
    return audit_event_record(
        kind=EventKind.EXPORT,
        actor=user,
        payload={"what": what, "format": file_format, "rows": rows, "filters": filters},
        request=request,
    )


@dataclass(frozen=True)
class RetentionOutcome:
    retention_days: int
    cutoff: dt.datetime | None
    messages_cleared: int
    event: AuditEvent


@transaction.atomic
def retention_run(*, now: dt.datetime | None = None, actor: Any = None) -> RetentionOutcome:
    """Clear prompt and answer text older than the retention period; keep the evidence.

    Decisions, masked copies, confirmations and the chain itself are not touched: they
    never contain the clear text, so the chain still verifies after a run.
    """
    from portal.models import Message, SiteSettings

    now = now or timezone.now()
    days = SiteSettings.current().retention_days
    cutoff = now - dt.timedelta(days=days) if days else None
    cleared = 0
    conversations: set[int] = set()
    if cutoff is not None:
        expired = Message.objects.filter(created_at__lt=cutoff, content_deleted_at__isnull=True)
        while True:
            batch = list(expired.values_list("pk", "conversation_id")[:RETENTION_BATCH])
            if not batch:
                break
            Message.objects.filter(pk__in=[pk for pk, _ in batch]).update(
                content="", content_deleted_at=now
            )
            conversations.update(conversation_id for _, conversation_id in batch)
            cleared += len(batch)
    event = audit_event_record(
        kind=EventKind.RETENTION_RUN,
        actor=actor,
        payload={
            "retention_days": days,
            "cutoff": cutoff.isoformat() if cutoff else None,
            "messages_cleared": cleared,
            "conversations": len(conversations),
        },
    )
    return RetentionOutcome(days, cutoff, cleared, event)
