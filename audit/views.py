"""Review pages for section heads and the policy division, staff history, exports."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

import tablib
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from audit import charts, selectors, services
from audit.forms import AuditExportForm, ReviewReasonForm, UsageExportForm
from audit.models import AuditEvent
from audit.resources import AuditEventResource, MonthlyUsageResource, dataset_encode
from portal.models import MessageRole, Role, User
from portal.selectors import confirmed_answer_ids

View = Callable[..., HttpResponseBase]
CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def denials_logged(view: View) -> View:
    """Refusals (403) and out-of-scope objects (404) become ACCESS_DENIED events."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            services.access_denied_record(user=request.user, request=request, reason="role")
            raise
        except Http404:
            services.access_denied_record(user=request.user, request=request, reason="scope")
            raise

    return wrapper


def _policy_admin(request: HttpRequest) -> User:
    user: User = request.user  # type: ignore[assignment]
    if user.role != Role.POLICY_ADMIN:
        raise PermissionDenied
    return user


def _int_or_none(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise Http404 from None


@denials_logged
def dashboard(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    department_id = _int_or_none(request.GET.get("department"))
    scope = selectors.review_scope(user=user, department_id=department_id)
    month = request.GET.get("month", "")
    period = selectors.period_for(month=month)
    review = selectors.team_review(user=user, department_ids=scope, period=period)
    days = period.days
    member_rows = [
        {
            "usage": m,
            "chart": charts.columns_svg(
                title=_("%(name)s の日別リクエスト数") % {"name": m.label},
                days=days,
                values=m.requests_by_day,
            ),
        }
        for m in review.members
    ]
    categories = sorted({(r["clause"], r["category"]) for r in review.screening})
    labels = dict(_category_labels())
    by_key = {(r["clause"], r["category"], r["decision__decision"]): r["decisions"] for r in review.screening}
    screening_chart = charts.grouped_bar_svg(
        title=_("区分・条項別の送信不可と警告"),
        categories=[f"{clause} {labels.get(cat, cat)}" for clause, cat in categories],
        series=[
            (_("送信不可"), [by_key.get((c, k, "block"), 0) for c, k in categories]),
            (_("警告"), [by_key.get((c, k, "warn"), 0) for c, k in categories]),
        ],
    )
    tokens_chart = charts.bar_chart_svg(
        title=_("職員別トークン使用量"),
        rows=[(m.label, m.tokens) for m in review.members if m.tokens],
    )
    models_chart = charts.bar_chart_svg(
        title=_("モデル別リクエスト数"),
        rows=[(r["model__display_name"], r["requests"]) for r in review.models],
        unit="件",
    )
    return render(
        request,
        "audit/dashboard.html",
        {
            "review": review,
            "member_rows": member_rows,
            "screening_rows": [
                {**r, "label": labels.get(r["category"], r["category"])} for r in review.screening
            ],
            "screening_chart": screening_chart,
            "tokens_chart": tokens_chart,
            "models_chart": models_chart,
            "departments": selectors.review_departments(user=user),
            "department_id": department_id,
            "month": month,
            "period_end": period.end - dt.timedelta(days=1),
        },
    )


def _category_labels() -> list[tuple[str, str]]:
    from screening.models import CategoryChoices

    return [(value, str(label)) for value, label in CategoryChoices.choices]


@denials_logged
def member(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    person = selectors.review_member_get(user=user, pk=pk)
    return render(
        request,
        "audit/member.html",
        {
            "member": person,
            "conversations": selectors.review_conversation_list(user=user, member=person)[:200],
            "reviews": selectors.review_access_list(member=person)[:50],
            "form": ReviewReasonForm(),
        },
    )


@denials_logged
@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a member's conversation only after a stated reason, which is recorded."""
    user: User = request.user  # type: ignore[assignment]
    conv = selectors.review_conversation_get(user=user, pk=pk)
    form = ReviewReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            services.review_access_record(
                reviewer=user, conversation=conv, reason=form.cleaned_data["reason"], request=request
            )
        turns = list(conv.messages.all())
        confirmed = confirmed_answer_ids(
            answer_ids=[m.pk for m in turns if m.role == MessageRole.ASSISTANT]
        )
        return render(
            request,
            "audit/conversation.html",
            {
                "conversation": conv,
                "turns": [{"message": m, "confirmed": m.pk in confirmed} for m in turns],
                "reason": form.cleaned_data["reason"],
                "decisions": conv.screenings.order_by("created_at"),
            },
        )
    return render(
        request,
        "audit/conversation_reason.html",
        {"conversation": conv, "form": form},
        status=200 if request.method == "GET" else 400,
    )


def history(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    record = selectors.history_for(user=user)
    reviewers = {
        u.pk: u for u in User.objects.filter(pk__in={e.actor_id for e in record.reviews})
    }
    return render(
        request,
        "audit/history.html",
        {
            "record": record,
            "reviews": [
                {"event": e, "reviewer": reviewers.get(e.actor_id) or e.actor_username}
                for e in record.reviews
            ],
        },
    )


@denials_logged
@require_http_methods(["GET", "POST"])
def exports(request: HttpRequest) -> HttpResponse:
    user = _policy_admin(request)
    today = timezone.localdate()
    audit_form = AuditExportForm(
        request.POST if request.POST.get("what") == "events" else None,
        initial={"date_from": today.replace(day=1), "date_to": today},
    )
    usage_form = UsageExportForm(
        request.POST if request.POST.get("what") == "usage" else None,
        initial={"month": f"{today:%Y-%m}"},
    )
    if request.method == "POST":
        if audit_form.is_bound and audit_form.is_valid():
            data = audit_form.cleaned_data
            start = timezone.make_aware(dt.datetime.combine(data["date_from"], dt.time()))
            end = timezone.make_aware(
                dt.datetime.combine(data["date_to"] + dt.timedelta(days=1), dt.time())
            )
            events = AuditEvent.objects.filter(created_at__gte=start, created_at__lt=end).order_by("seq")
            dataset = AuditEventResource().export(queryset=events, force_native_type=True)
            filters = {"from": str(data["date_from"]), "to": str(data["date_to"])}
            name = f"audit-events-{data['date_from']:%Y%m%d}-{data['date_to']:%Y%m%d}"
            return _download(request, user, "audit_events", dataset, data, filters, name)
        if usage_form.is_bound and usage_form.is_valid():
            data = usage_form.cleaned_data
            rows = selectors.monthly_usage_rows(month=data["month"])
            dataset = MonthlyUsageResource().export(queryset=rows, force_native_type=True)
            name = f"usage-{data['month']}"
            return _download(request, user, "monthly_usage", dataset, data, {"month": data["month"]}, name)
    return render(
        request, "audit/exports.html", {"audit_form": audit_form, "usage_form": usage_form}
    )


def _download(
    request: HttpRequest, user: User, what: str, dataset: tablib.Dataset,
    data: dict[str, Any], filters: dict[str, Any], name: str,
) -> HttpResponse:
    file_format, encoding = data["file_format"], data["encoding"]
    body = dataset_encode(dataset, file_format=file_format, encoding=encoding)
    with transaction.atomic():
        services.export_record(
            user=user, what=what, file_format=f"{file_format}/{encoding}",
            rows=len(dataset), filters=filters, request=request,
        )
    charset = "" if file_format == "xlsx" else ("; charset=Shift_JIS" if encoding == "cp932" else "; charset=utf-8")
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format] + charset)
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
