"""The division dashboard and the monthly report, as pages of the admin site."""

from __future__ import annotations

import datetime as dt

import tablib
from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.charts import bar_chart_svg, grouped_bar_svg
from audit.models import EventKind
from audit.resources import dataset_encode
from audit.services import audit_event_record
from portal import dashboard

REPORT_HEADER = (
    "所属コード",
    "所属名",
    "リクエスト数",
    "トークン数",
    "送信不可（ブロック）",
    "警告",
    "未確認の回答",
)


def _month_param(request: HttpRequest) -> dt.datetime:
    """`?month=YYYY-MM`, else this month."""
    raw = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in raw.split("-", 1))
        return dashboard.month_start(dt.date(year, month, 1))
    except (ValueError, TypeError):
        return dashboard.month_start(timezone.localdate())


def _exports_page_url() -> str:
    """The audit app's export page (monthly report as CSV/XLSX, CP932), when present."""
    try:
        return reverse("review:exports")
    except NoReverseMatch:
        return ""


def division_dashboard(request: HttpRequest) -> TemplateResponse:
    from screening.models import CategoryChoices

    start = _month_param(request)
    end = dashboard.month_next(start)
    starts = dashboard.months_back(6, until=start.date())
    labels = [f"{s:%Y-%m}" for s in starts]
    totals = dashboard.monthly_totals(starts=starts)
    rows = dashboard.department_month_rows(month=f"{start:%Y-%m}")
    categories = dict(CategoryChoices.choices)
    clause_rows = [
        (clause, str(categories.get(category, category)), n)
        for clause, category, n in dashboard.blocks_by_clause(start=start, end=end)
    ]
    by_clause: dict[str, int] = {}
    for clause, _label, n in clause_rows:
        by_clause[clause] = by_clause.get(clause, 0) + n
    models = dashboard.top_models(start=start, end=end)
    context = {
        **admin.site.each_context(request),
        "title": _("情報政策課ダッシュボード"),
        "month": f"{start:%Y-%m}",
        "months": labels,
        "rows": rows,
        "clause_rows": clause_rows,
        "models": models,
        "unconfirmed": dashboard.unconfirmed_answer_count(),
        "pending_appeals": dashboard.pending_appeal_count(),
        "report_url": reverse("admin:portal_monthly_report"),
        "exports_url": _exports_page_url(),
        "usage_chart": grouped_bar_svg(
            title=_("市全体の月別利用"),
            categories=labels,
            series=[
                (_("リクエスト"), [n for n, _t in totals]),
                (_("千トークン"), [t // 1000 for _n, t in totals]),
            ],
        ),
        "department_chart": bar_chart_svg(
            title=_("所属別リクエスト数（%(month)s）") % {"month": f"{start:%Y-%m}"},
            rows=[(r.department, r.requests) for r in rows if r.requests],
            unit=_("件"),
        ),
        "clause_chart": bar_chart_svg(
            title=_("条項別の送信不可件数"),
            rows=[
                (_("ガイドライン%(c)s") % {"c": c}, n)
                for c, n in sorted(by_clause.items())
            ],
            unit=_("件"),
        ),
        "model_chart": bar_chart_svg(
            title=_("よく使われたモデル"), rows=list(models), unit=_("件")
        ),
    }
    return TemplateResponse(request, "admin/portal/dashboard.html", context)


def monthly_report(request: HttpRequest) -> HttpResponse:
    """Per-department usage for one month as CSV (`?encoding=cp932` for Excel)."""
    start = _month_param(request)
    encoding = "cp932" if request.GET.get("encoding") == "cp932" else "utf-8"
    rows = dashboard.department_month_rows(month=f"{start:%Y-%m}")
    dataset = tablib.Dataset(headers=REPORT_HEADER)
    for r in rows:
        dataset.append(
            [r.code, r.department, r.requests, r.tokens, r.blocks, r.warns, r.unconfirmed]
        )
    # The same CSV writer as every other download: formulae neutralised, CP932 for Excel.
    body = dataset_encode(dataset, file_format="csv", encoding=encoding)
    with transaction.atomic():
        audit_event_record(
            kind=EventKind.EXPORT,
            actor=request.user,
            payload={
                "report": "monthly_usage",
                "month": f"{start:%Y-%m}",
                "rows": len(rows),
            },
            request=request,
        )
    charset = "Shift_JIS" if encoding == "cp932" else "utf-8"
    response = HttpResponse(body, content_type=f"text/csv; charset={charset}")
    response["Content-Disposition"] = (
        f'attachment; filename="monthly-report-{start:%Y-%m}.csv"'
    )
    return response
