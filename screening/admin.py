"""Admin of the screening rules, the recorded decisions (read-only) and the appeals."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import regex
from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from portal.admin_base import AuditedModelAdmin, ReadOnlyAdminMixin
from screening import appeals
from screening.models import (
    AllowListEntry,
    Appeal,
    AppealStatus,
    CategoryChoices,
    DecisionCategory,
    KeywordEntry,
    PatternEntry,
    ScreeningDecision,
    ScreeningRule,
)
from screening.selectors import engine_config_invalidate

# ---------------------------------------------------------------- pattern safety

PROBE_TIMEOUT_SECONDS = 0.05
# The detectors use Python's `re`, which has no timeout: the same probes run in a child
# process that is killed when it takes longer than this.
RE_PROBE_TOTAL_SECONDS = 2.0
_RE_PROBE_CODE = (
    "import json, re, sys\n"
    "data = json.load(sys.stdin)\n"
    "p = re.compile(data['pattern'])\n"
    "for s in data['probes']:\n"
    "    p.search(s)\n"
)
_PROBE_CHARS = ("a", "A", "1", "１", "あ", "ア", "漢", " ", "-", ".", "@", "_", "\n")
_PROBE_LENGTHS = (24, 3000)


def _nested_unbounded_repeat(parsed: Any, inside: bool = False) -> bool:
    """True when an unbounded repeat sits inside another (the classic (a+)+ shape)."""
    from re import _constants as c  # type: ignore[attr-defined]

    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)}
    for op, av in parsed:
        if op in repeats:
            _low, high, sub = av
            unbounded = high == c.MAXREPEAT or high > 64
            if unbounded and inside:
                return True
            if _nested_unbounded_repeat(sub, inside or unbounded):
                return True
        elif op == c.SUBPATTERN:
            if _nested_unbounded_repeat(av[-1], inside):
                return True
        elif op == c.BRANCH:
            if any(_nested_unbounded_repeat(branch, inside) for branch in av[1]):
                return True
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if _nested_unbounded_repeat(av[1], inside):
                return True
        elif op == getattr(c, "ATOMIC_GROUP", None):
            if _nested_unbounded_repeat(av, inside):
                return True
    return False


def pattern_problem(pattern: str) -> str:
    """A Japanese reason why the pattern may not be used, or '' when it is safe."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        re.compile(pattern)
        compiled = regex.compile(pattern, flags=regex.VERSION0)
    except (re.error, regex.error) as error:
        return _t("正規表現として正しくありません（%(error)s）。") % {"error": error}
    if compiled.fullmatch("") is not None:
        return _t(
            "空の文字列に一致するパターンは使えません（すべての文に一致してしまいます）。"
        )
    if _nested_unbounded_repeat(_parser.parse(pattern)):
        return _t(
            "繰り返しの中に繰り返しがあるパターン（例：(a+)+）は、入力によって処理が"
            "止まらなくなるおそれがあるため使えません。書き換えてください。"
        )
    too_slow = _t(
        "このパターンは特定の入力で処理に時間がかかりすぎます（破滅的バックトラック）。"
        "繰り返しの重なりをなくすよう書き換えてください。"
    )
    literal = {ch for ch in pattern if ch.isalnum()}
    probes = [
        ch * length + "\u0000"
        for ch in (*_PROBE_CHARS, *sorted(literal)[:20])
        for length in _PROBE_LENGTHS
    ]
    for probe in probes:
        try:
            compiled.search(probe, timeout=PROBE_TIMEOUT_SECONDS)
        except TimeoutError:
            return too_slow
    try:
        subprocess.run(
            [sys.executable, "-I", "-c", _RE_PROBE_CODE],
            input=json.dumps({"pattern": pattern, "probes": probes}),
            text=True,
            capture_output=True,
            timeout=RE_PROBE_TOTAL_SECONDS,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return too_slow
    except subprocess.CalledProcessError:
        return _t("正規表現として正しくありません。")
    return ""


class PatternEntryForm(forms.ModelForm):
    class Meta:
        model = PatternEntry
        fields = ("category", "pattern", "note")

    def clean_pattern(self) -> str:
        pattern: str = self.cleaned_data["pattern"]
        problem = pattern_problem(pattern)
        if problem:
            raise forms.ValidationError(problem)
        return pattern


# ---------------------------------------------------------------- rule tables


class RulesAdmin(AuditedModelAdmin):
    """Every save or delete makes all processes reload the rules after commit."""

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        transaction.on_commit(engine_config_invalidate)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        transaction.on_commit(engine_config_invalidate)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)
        transaction.on_commit(engine_config_invalidate)

    def save_formset(
        self, request: HttpRequest, form: Any, formset: Any, change: bool
    ) -> None:
        super().save_formset(request, form, formset, change)
        transaction.on_commit(engine_config_invalidate)


class TryForm(forms.Form):
    text = forms.CharField(
        label=_("試しに判定する文"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        max_length=20000,
        strip=False,
        help_text=_(
            "入力した文は保存も記録もされません。実在の個人情報は使わないでください。"
        ),
    )


@admin.register(ScreeningRule)
class ScreeningRuleAdmin(RulesAdmin):
    list_display = ("category", "action", "clause", "message")
    list_editable = ("action",)
    list_filter = ("action", "clause")
    change_list_template = "admin/screening/screeningrule/change_list.html"

    def get_urls(self) -> list[Any]:
        return [
            path(
                "try/",
                self.admin_site.admin_view(self.try_view),
                name="screening_screeningrule_try",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> Any:
        extra_context = {**(extra_context or {}), "try_form": TryForm()}
        return super().changelist_view(request, extra_context)

    def try_view(self, request: HttpRequest) -> HttpResponse:
        """Screen a sample text with the rules in force; nothing is stored."""
        from screening.services import highlight_segments, prompt_screen

        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        form = TryForm(request.POST or None)
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _t("スクリーニングを試す"),
            "try_form": form,
        }
        if request.method == "POST" and form.is_valid():
            text = form.cleaned_data["text"]
            screening = prompt_screen(text=text)
            decision_labels = {
                "pass": _t("通過"),
                "warn": _t("警告（確認のうえ送信可）"),
                "block": _t("送信不可"),
            }
            context.update(
                {
                    "decision": screening.decision.value,
                    "decision_label": decision_labels.get(screening.decision.value, ""),
                    "explanations": screening.explanations,
                    "segments": highlight_segments(text, screening.explanations),
                    "masked_text": screening.result.masked_text,
                }
            )
        return TemplateResponse(request, "admin/screening/try.html", context)


@admin.register(AllowListEntry)
class AllowListEntryAdmin(RulesAdmin):
    list_display = ("term", "note", "created_at")
    search_fields = ("term", "note")


@admin.register(KeywordEntry)
class KeywordEntryAdmin(RulesAdmin):
    list_display = ("term", "category", "note")
    list_filter = ("category",)
    search_fields = ("term", "note")


@admin.register(PatternEntry)
class PatternEntryAdmin(RulesAdmin):
    form = PatternEntryForm
    list_display = ("pattern", "category", "note")
    list_filter = ("category",)
    search_fields = ("pattern", "note")


# ---------------------------------------------------------------- decisions (evidence)


class DecisionCategoryInline(ReadOnlyAdminMixin, admin.TabularInline):  # type: ignore[type-arg]
    model = DecisionCategory
    fields = ("category", "clause", "count")
    readonly_fields = fields
    extra = 0


def _labels(categories: list[str]) -> str:
    names = dict(CategoryChoices.choices)
    return "、".join(str(names.get(c, c)) for c in categories)


@admin.register(ScreeningDecision)
class ScreeningDecisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Categories and masked copies only: detected values are never stored."""

    list_display = (
        "id",
        "created_at",
        "user",
        "source",
        "decision",
        "category_labels",
        "clauses",
    )
    list_filter = ("decision", "source")
    list_select_related = ("user",)
    fields = (
        "id",
        "created_at",
        "user",
        "department_id",
        "conversation",
        "source",
        "decision",
        "category_labels",
        "clauses",
        "masked_text",
    )
    readonly_fields = fields
    inlines = [DecisionCategoryInline]
    date_hierarchy = "created_at"

    @admin.display(description=_("区分"))
    def category_labels(self, obj: ScreeningDecision) -> str:
        return _labels(obj.categories)


# ---------------------------------------------------------------- appeals


class AppealDecisionForm(forms.ModelForm):
    verdict = forms.ChoiceField(
        label=_("判断"),
        choices=[
            ("", _("（未判断のまま保存）")),
            ("approve", _("承認する（語句があれば許可リストに追加）")),
            ("decline", _("却下する")),
        ],
        required=False,
    )

    class Meta:
        model = Appeal
        fields = ("allow_term", "decision_note")
        widgets = {"decision_note": forms.Textarea(attrs={"rows": 3})}


@admin.register(Appeal)
class AppealAdmin(AuditedModelAdmin):
    """The division sees the masked prompt and the categories, decides, and the staff
    member sees the outcome on their appeals page."""

    form = AppealDecisionForm
    list_display = (
        "id",
        "created_at",
        "user",
        "category_labels",
        "status",
        "decided_by",
    )
    list_filter = ("status",)
    list_select_related = ("user", "decided_by", "decision")
    readonly_fields = (
        "user",
        "created_at",
        "category_labels",
        "clauses",
        "masked_text",
        "reason",
        "status",
        "decided_by",
        "decided_at",
    )

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        base = [
            "user",
            "created_at",
            "category_labels",
            "clauses",
            "masked_text",
            "reason",
            "status",
        ]
        if obj is not None and obj.status == AppealStatus.PENDING:
            return [*base, "allow_term", "verdict", "decision_note"]
        return [*base, "allow_term", "decision_note", "decided_by", "decided_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and obj.status != AppealStatus.PENDING:
            return (*self.readonly_fields, "allow_term", "decision_note")
        return self.readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # staff file appeals from their own page

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("区分"))
    def category_labels(self, obj: Appeal) -> str:
        return _labels(obj.decision.categories)

    @admin.display(description=_("条項"))
    def clauses(self, obj: Appeal) -> str:
        return "・".join(obj.decision.clauses)

    @admin.display(description=_("伏せ字にした本文"))
    def masked_text(self, obj: Appeal) -> str:
        return obj.decision.masked_text

    def save_model(
        self, request: HttpRequest, obj: Appeal, form: Any, change: bool
    ) -> None:
        verdict = form.cleaned_data.get("verdict", "")
        if not verdict:
            super().save_model(request, obj, form, change)
            return
        try:
            appeals.appeal_decide(
                appeal=obj,
                actor=request.user,
                approve=verdict == "approve",
                note=form.cleaned_data.get("decision_note", ""),
                allow_term=form.cleaned_data.get("allow_term", ""),
                request=request,
            )
        except appeals.AppealError as error:
            messages.error(request, str(error))
            return
        obj.refresh_from_db()
        messages.success(
            request,
            _t(
                "申立て #%(pk)s を「%(status)s」としました。"
                "職員の申立て一覧に結果が表示されます。"
            )
            % {"pk": obj.pk, "status": obj.get_status_display()},
        )
