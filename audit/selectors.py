"""Reads for the review pages; the department scope is checked here, never in templates."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from audit.models import AuditEvent, EventKind
from portal.models import (
    Conversation,
    Department,
    LLMRequest,
    Message,
    MessageRole,
    Role,
    User,
)
from portal.selectors import confirmed_answer_ids
from screening.models import DecisionCategory, ScreeningDecision

REVIEW_ROLES = (Role.SECTION_HEAD, Role.POLICY_ADMIN)


def review_allowed(*, user: User) -> bool:
    return user.is_authenticated and user.role in REVIEW_ROLES


def review_department_ids(*, user: User) -> list[int]:
    """Departments the user may review: all for the policy division, else own subtree."""
    if not review_allowed(user=user):
        raise PermissionDenied
    if user.role == Role.POLICY_ADMIN:
        return list(Department.objects.values_list("pk", flat=True))
    if user.department_id is None:
        return []
    own = Department.objects.get(pk=user.department_id)
    scope = [own.pk]
    if own.heads_review_subdepartments:
        children: dict[int | None, list[int]] = defaultdict(list)
        for pk, parent_id in Department.objects.values_list("pk", "parent_id"):
            children[parent_id].append(pk)
        frontier = list(children[own.pk])
        while frontier:
            pk = frontier.pop()
            if pk not in scope:
                scope.append(pk)
                frontier.extend(children[pk])
    return scope


def review_departments(*, user: User) -> QuerySet[Department]:
    return Department.objects.filter(pk__in=review_department_ids(user=user))


def review_scope(*, user: User, department_id: int | None = None) -> list[int]:
    """The scope narrowed to one department; 404 when it is outside the user's scope."""
    scope = review_department_ids(user=user)
    if department_id is None:
        return scope
    if department_id not in scope:
        raise Http404
    return [department_id]


def review_member_list(*, user: User, department_ids: list[int]) -> QuerySet[User]:
    allowed = set(review_department_ids(user=user))
    return User.objects.filter(
        department_id__in=[d for d in department_ids if d in allowed]
    ).select_related("department").order_by("department__code", "username")


def review_member_get(*, user: User, pk: int) -> User:
    """A member of a department in scope, or 404 (whether or not the member exists)."""
    member = review_member_list(user=user, department_ids=review_department_ids(user=user))
    found = member.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def review_conversation_list(*, user: User, member: User) -> QuerySet[Conversation]:
    return Conversation.objects.filter(
        user=member, department_id__in=review_department_ids(user=user)
    ).select_related("purpose", "model")


def review_conversation_get(*, user: User, pk: int) -> Conversation:
    """A conversation held by a department in scope, or 404."""
    conversation = (
        Conversation.objects.filter(pk=pk, department_id__in=review_department_ids(user=user))
        .select_related("user", "department", "purpose", "model")
        .first()
    )
    if conversation is None:
        raise Http404
    return conversation


@dataclass(frozen=True)
class Period:
    start: dt.datetime
    end: dt.datetime

    @property
    def days(self) -> list[dt.date]:
        first = timezone.localtime(self.start).date()
        last = timezone.localtime(self.end - dt.timedelta(microseconds=1)).date()
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def period_for(*, month: str = "", days: int = 30) -> Period:
    """A calendar month 'YYYY-MM' in local time, or the last `days` days."""
    if month:
        try:
            year, number = (int(part) for part in month.split("-", 1))
            start = timezone.make_aware(dt.datetime(year, number, 1))
        except (ValueError, TypeError):
            raise Http404 from None
        end = timezone.make_aware(
            dt.datetime(year + number // 12, number % 12 + 1, 1)
        )
        return Period(start, end)
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Period(today - dt.timedelta(days=days - 1), today + dt.timedelta(days=1))


@dataclass
class MemberUsage:
    member_id: int
    label: str
    requests_by_day: list[int]
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass
class TeamReview:
    department_ids: list[int]
    period: Period
    members: list[MemberUsage]
    screening: list[dict[str, Any]]
    unconfirmed: list[dict[str, Any]]
    non_business: list[ScreeningDecision]
    models: list[dict[str, Any]]
    totals: dict[str, int] = field(default_factory=dict)


def _requests(department_ids: list[int], period: Period) -> QuerySet[LLMRequest]:
    return LLMRequest.objects.filter(
        conversation__department_id__in=department_ids,
        created_at__gte=period.start,
        created_at__lt=period.end,
    )


def team_review(*, user: User, department_ids: list[int], period: Period) -> TeamReview:
    """Everything the review page shows, for departments already checked by review_scope."""
    allowed = set(review_department_ids(user=user))
    department_ids = [d for d in department_ids if d in allowed]
    days = period.days
    index = {day: i for i, day in enumerate(days)}
    members = {
        m.pk: MemberUsage(m.pk, f"{m}（{m.username}）", [0] * len(days))
        for m in review_member_list(user=user, department_ids=department_ids)
    }
    requests = _requests(department_ids, period)
    per_day = (
        requests.annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values("conversation__user_id", "day")
        .annotate(n=Count("id"))
    )
    for row in per_day:
        usage = members.get(row["conversation__user_id"])
        if usage is not None and row["day"] in index:
            usage.requests_by_day[index[row["day"]]] += row["n"]
            usage.requests += row["n"]
    for row in requests.values("conversation__user_id").annotate(
        p=Sum("prompt_tokens"), c=Sum("completion_tokens")
    ):
        usage = members.get(row["conversation__user_id"])
        if usage is not None:
            usage.prompt_tokens = row["p"] or 0
            usage.completion_tokens = row["c"] or 0

    screening = list(
        DecisionCategory.objects.filter(
            decision__department_id__in=department_ids,
            decision__created_at__gte=period.start,
            decision__created_at__lt=period.end,
            decision__decision__in=("block", "warn", "reject"),
        )
        .values("category", "clause", "decision__decision")
        .annotate(decisions=Count("decision", distinct=True), findings=Sum("count"))
        .order_by("clause", "category", "decision__decision")
    )

    answers = list(
        Message.objects.filter(
            role=MessageRole.ASSISTANT,
            conversation__department_id__in=department_ids,
            created_at__gte=period.start,
            created_at__lt=period.end,
        )
        .select_related("conversation__user")
        .order_by("-created_at")
        .values("pk", "created_at", "conversation_id", "conversation__title",
                "conversation__user_id", "conversation__user__username")[:2000]
    )
    confirmed = confirmed_answer_ids(answer_ids=[a["pk"] for a in answers])
    unconfirmed = [a for a in answers if a["pk"] not in confirmed]

    non_business = list(
        ScreeningDecision.objects.filter(
            department_id__in=department_ids,
            created_at__gte=period.start,
            created_at__lt=period.end,
            category_rows__category="non_business",
        )
        .select_related("user", "conversation")
        .distinct()
        .order_by("-created_at")[:200]
    )

    models = list(
        requests.values("model__display_name")
        .annotate(
            requests=Count("id"), prompt=Sum("prompt_tokens"), completion=Sum("completion_tokens")
        )
        .order_by("-requests")
    )
    member_list = sorted(members.values(), key=lambda m: (-m.requests, m.label))
    totals = {
        "requests": sum(m.requests for m in member_list),
        "tokens": sum(m.tokens for m in member_list),
        "blocked": sum(r["decisions"] for r in screening if r["decision__decision"] == "block"),
        "warned": sum(r["decisions"] for r in screening if r["decision__decision"] == "warn"),
        "unconfirmed": len(unconfirmed),
    }
    return TeamReview(
        department_ids, period, member_list, screening, unconfirmed, non_business, models, totals
    )


def review_access_list(*, member: User) -> QuerySet[AuditEvent]:
    """Who opened the member's conversations, when and why (shown to the member)."""
    conversation_ids = [
        str(pk) for pk in Conversation.objects.filter(user=member).values_list("pk", flat=True)
    ]
    return AuditEvent.objects.filter(
        kind=EventKind.REVIEW_ACCESS,
        target_type="portal.conversation",
        target_id__in=conversation_ids,
    ).order_by("-seq")


@dataclass
class History:
    conversations: list[Conversation]
    decisions: list[ScreeningDecision]
    confirmations: list[AuditEvent]
    reviews: list[AuditEvent]


def history_for(*, user: User, limit: int = 200) -> History:
    """A staff member's own record: conversations, decisions, confirmations, reviewers."""
    return History(
        conversations=list(
            Conversation.objects.filter(user=user).select_related("purpose", "model")[:limit]
        ),
        decisions=list(
            ScreeningDecision.objects.filter(user=user).order_by("-created_at")[:limit]
        ),
        confirmations=list(
            AuditEvent.objects.filter(kind=EventKind.ANSWER_CONFIRMED, actor_id=user.pk)
            .order_by("-seq")[:limit]
        ),
        reviews=list(review_access_list(member=user)[:limit]),
    )


def monthly_usage_rows(*, month: str, department_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """One row per department for the month: the administrators' report."""
    period = period_for(month=month)
    departments = Department.objects.all()
    if department_ids is not None:
        departments = departments.filter(pk__in=department_ids)
    ids = list(departments.values_list("pk", flat=True))
    requests = _requests(ids, period)
    usage = {
        r["conversation__department_id"]: r
        for r in requests.values("conversation__department_id").annotate(
            requests=Count("id"),
            users=Count("conversation__user", distinct=True),
            failed=Count("id", filter=Q(status="failed")),
            prompt=Sum("prompt_tokens"),
            completion=Sum("completion_tokens"),
        )
    }
    decisions = {
        (r["department_id"], r["decision"]): r["n"]
        for r in ScreeningDecision.objects.filter(
            department_id__in=ids, created_at__gte=period.start, created_at__lt=period.end
        ).values("department_id", "decision").annotate(n=Count("id"))
    }
    answers = {
        r["pk"]: r["conversation__department_id"]
        for r in Message.objects.filter(
            role=MessageRole.ASSISTANT,
            conversation__department_id__in=ids,
            created_at__gte=period.start,
            created_at__lt=period.end,
        ).values("pk", "conversation__department_id")
    }
    confirmed = confirmed_answer_ids(answer_ids=list(answers))
    unconfirmed: dict[int, int] = defaultdict(int)
    for pk, department_id in answers.items():
        if pk not in confirmed:
            unconfirmed[department_id] += 1
    rows = []
    for department in departments.order_by("code"):
        u = usage.get(department.pk, {})
        rows.append(
            {
                "month": month,
                "department_code": department.code,
                "department_name": department.name,
                "users": u.get("users", 0),
                "requests": u.get("requests", 0),
                "failed": u.get("failed", 0),
                "prompt_tokens": u.get("prompt") or 0,
                "completion_tokens": u.get("completion") or 0,
                "blocked": decisions.get((department.pk, "block"), 0),
                "warned": decisions.get((department.pk, "warn"), 0),
                "unconfirmed_answers": unconfirmed.get(department.pk, 0),
            }
        )
    return rows
