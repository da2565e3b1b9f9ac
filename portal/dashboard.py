"""Reads for the division dashboard (city-wide: only administrators reach them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import CharField, Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from audit.models import AuditEvent, EventKind
from audit.selectors import monthly_usage_rows
from portal.models import LLMRequest, Message, MessageRole


def month_start(day: dt.date) -> dt.datetime:
    """Midnight of the first of `day`'s month, in the portal's time zone."""
    return timezone.make_aware(dt.datetime(day.year, day.month, 1))


def month_next(start: dt.datetime) -> dt.datetime:
    year, month = (
        (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    )
    return timezone.make_aware(dt.datetime(year, month, 1))


def months_back(count: int, *, until: dt.date | None = None) -> list[dt.datetime]:
    """The starts of the last `count` months, oldest first, up to `until`."""
    current = month_start(until or timezone.localdate())
    starts = [current]
    for _ in range(count - 1):
        prev_day = (starts[0] - dt.timedelta(days=1)).date()
        starts.insert(0, month_start(prev_day))
    return starts


def _unconfirmed_answers() -> QuerySet[Message]:
    confirmed = AuditEvent.objects.filter(
        kind=EventKind.ANSWER_CONFIRMED,
        target_type="portal.message",
        target_id=Cast(OuterRef("pk"), CharField()),
    )
    return Message.objects.filter(role=MessageRole.ASSISTANT).exclude(Exists(confirmed))


@dataclass
class DepartmentMonth:
    department: str
    code: str
    requests: int
    tokens: int
    blocks: int
    warns: int
    unconfirmed: int


def department_month_rows(*, month: str) -> list[DepartmentMonth]:
    """Per department: requests, tokens, blocks, warns, unconfirmed answers.

    The figures of the monthly usage report (`audit.selectors.monthly_usage_rows`), so the
    dashboard and both downloads count the same way.
    """
    return [
        DepartmentMonth(
            department=row["department_name"],
            code=row["department_code"],
            requests=row["requests"],
            tokens=row["prompt_tokens"] + row["completion_tokens"],
            blocks=row["blocked"],
            warns=row["warned"],
            unconfirmed=row["unconfirmed_answers"],
        )
        for row in monthly_usage_rows(month=month)
    ]


def monthly_totals(*, starts: list[dt.datetime]) -> list[tuple[int, int]]:
    """(requests, tokens) city-wide for each month start."""
    totals = []
    for start in starts:
        agg = LLMRequest.objects.filter(
            created_at__gte=start, created_at__lt=month_next(start)
        ).aggregate(
            n=Count("id"),
            t=Coalesce(Sum("prompt_tokens"), 0) + Coalesce(Sum("completion_tokens"), 0),
        )
        totals.append((agg["n"], agg["t"]))
    return totals


def blocks_by_clause(
    *, start: dt.datetime, end: dt.datetime
) -> list[tuple[str, str, int]]:
    """(clause, category, count) of blocked prompts and files in the period."""
    from screening.models import DecisionCategory

    return list(
        DecisionCategory.objects.filter(
            decision__decision="block",
            decision__created_at__gte=start,
            decision__created_at__lt=end,
        )
        .values("clause", "category")
        .annotate(n=Count("id"))
        .order_by("clause", "-n")
        .values_list("clause", "category", "n")
    )


def top_models(
    *, start: dt.datetime, end: dt.datetime, limit: int = 8
) -> list[tuple[str, int]]:
    return list(
        LLMRequest.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("model__display_name")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("model__display_name", "n")[:limit]
    )


def unconfirmed_answer_count() -> int:
    return _unconfirmed_answers().count()


def pending_appeal_count() -> int:
    from screening.models import Appeal, AppealStatus

    return Appeal.objects.filter(status=AppealStatus.PENDING).count()
