"""Every write to the audit tables goes through here, inside the caller's transaction."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.chain import chain_hash
from audit.models import GENESIS_HASH, AuditEvent, ChainHead, EventKind


def client_meta(request: HttpRequest | None) -> dict[str, str | None]:
    """Return the IP and user agent of a request, for the audit row."""
    if request is None:
        return {"ip": None, "user_agent": ""}
    return {
        "ip": request.META.get("REMOTE_ADDR") or None,
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
    }


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
        "actor_username": getattr(actor, "username", "") or actor_username,
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
