"""False-positive appeals: every write, with its audit event in the same transaction.

Kept beside `services.py` (owned by the screening engine) so the two can change apart.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import EventKind
from audit.services import audit_event_record
from screening.models import (
    AllowListEntry,
    Appeal,
    AppealStatus,
    DecisionSource,
    ScreeningDecision,
)
from screening.selectors import engine_config_invalidate
from screening.types import Decision


class AppealError(Exception):
    """A refusal the user must read (Japanese)."""


def appealable_decision_get(*, user: Any, pk: int) -> ScreeningDecision:
    """The user's own blocked prompt decision, or 404."""
    decision = ScreeningDecision.objects.filter(
        pk=pk, user=user, source=DecisionSource.PROMPT, decision=Decision.BLOCK.value
    ).first()
    if decision is None:
        raise Http404
    return decision


def appealable_decision_list(
    *, user: Any, limit: int = 20
) -> QuerySet[ScreeningDecision]:
    """The user's recent blocked prompts that have no appeal yet."""
    return ScreeningDecision.objects.filter(
        user=user, source=DecisionSource.PROMPT, decision=Decision.BLOCK.value
    ).exclude(appeals__isnull=False)[:limit]


def appeal_list(*, user: Any) -> QuerySet[Appeal]:
    return Appeal.objects.filter(user=user).select_related("decision")


def appeal_notices(*, user: Any, days: int = 14) -> QuerySet[Appeal]:
    """The user's appeals decided in the last `days` days (shown on their pages)."""
    since = timezone.now() - timezone.timedelta(days=days)
    return Appeal.objects.filter(user=user, decided_at__gte=since).exclude(
        status=AppealStatus.PENDING
    )


@transaction.atomic
def appeal_file(
    *,
    user: Any,
    decision: ScreeningDecision,
    reason: str,
    allow_term: str = "",
    request: HttpRequest | None = None,
) -> Appeal:
    """File an appeal against one of the user's own blocked prompts."""
    if decision.user_id != user.pk or decision.decision != Decision.BLOCK.value:
        raise AppealError(_("この判定には申立てできません。"))
    if not reason.strip():
        raise AppealError(_("申立ての理由を入力してください。"))
    if Appeal.objects.filter(decision=decision, status=AppealStatus.PENDING).exists():
        raise AppealError(_("この判定には審査中の申立てがあります。"))
    appeal = Appeal.objects.create(
        user=user,
        decision=decision,
        reason=reason.strip(),
        allow_term=allow_term.strip(),
    )
    audit_event_record(
        kind=EventKind.APPEAL_FILED,
        actor=user,
        target=appeal,
        payload={
            "decision_id": decision.pk,
            "categories": decision.categories,
            "clauses": decision.clauses,
            "reason": appeal.reason,
            "allow_term_requested": bool(appeal.allow_term),
        },
        request=request,
    )
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    appeal: Appeal,
    actor: Any,
    approve: bool,
    note: str = "",
    allow_term: str | None = None,
    request: HttpRequest | None = None,
) -> Appeal:
    """Approve (optionally adding an allow-list entry) or decline a pending appeal."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status != AppealStatus.PENDING:
        raise AppealError(_("この申立ては判断済みです。"))
    term = (appeal.allow_term if allow_term is None else allow_term).strip()
    added: AllowListEntry | None = None
    if approve and term:
        added, created = AllowListEntry.objects.get_or_create(
            term=term,
            defaults={"note": _("申立て #%(pk)s により追加") % {"pk": appeal.pk}},
        )
        if created:
            audit_event_record(
                kind=EventKind.ADMIN_CHANGE,
                actor=actor,
                target=added,
                payload={
                    "action": "add",
                    "model": "screening.allowlistentry",
                    "object": str(added.pk),
                    "via": f"appeal #{appeal.pk}",
                },
                request=request,
            )
            transaction.on_commit(engine_config_invalidate)
    appeal.status = AppealStatus.APPROVED if approve else AppealStatus.DECLINED
    appeal.allow_term = term
    appeal.decided_by = actor
    appeal.decision_note = note.strip()
    appeal.decided_at = timezone.now()
    appeal.save(
        update_fields=[
            "status",
            "allow_term",
            "decided_by",
            "decision_note",
            "decided_at",
        ]
    )
    audit_event_record(
        kind=EventKind.APPEAL_DECIDED,
        actor=actor,
        target=appeal,
        payload={
            "status": appeal.status,
            "appellant_id": appeal.user_id,
            "decision_id": appeal.decision_id,
            "allow_list_entry_id": added.pk if added else None,
            "note": appeal.decision_note,
        },
        request=request,
    )
    return appeal
