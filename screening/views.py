"""Staff pages of the screening app: false-positive appeals against blocked prompts."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from screening import appeals
from screening.models import CategoryChoices


class AppealForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("申立ての理由"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "例：公表済みの情報です（市のホームページに掲載されている代表電話番号）。"
        ),
        error_messages={"required": gettext_lazy("申立ての理由を入力してください。")},
    )
    allow_term = forms.CharField(
        label=gettext_lazy("許可リストに加えてほしい語句（任意）"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "公表済みの語句だけを記入してください。個人情報は絶対に記入しないでください。"
        ),
    )


def _category_labels(categories: list[str]) -> list[str]:
    labels = dict(CategoryChoices.choices)
    return [str(labels.get(c, c)) for c in categories]


def appeal_list(request: HttpRequest) -> HttpResponse:
    """The user's appeals with their outcome, and blocked prompts they may appeal."""
    user = request.user
    rows = [
        {"appeal": a, "labels": _category_labels(a.decision.categories)}
        for a in appeals.appeal_list(user=user)[:100]
    ]
    open_decisions = [
        {"decision": d, "labels": _category_labels(d.categories)}
        for d in appeals.appealable_decision_list(user=user)
    ]
    return render(
        request,
        "screening/appeal_list.html",
        {"rows": rows, "open_decisions": open_decisions},
    )


@require_http_methods(["GET", "POST"])
def appeal_new(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = appeals.appealable_decision_get(user=request.user, pk=decision_id)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            appeals.appeal_file(
                user=request.user,
                decision=decision,
                reason=form.cleaned_data["reason"],
                allow_term=form.cleaned_data["allow_term"],
                request=request,
            )
        except appeals.AppealError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "申立てを受け付けました。情報政策課が確認し、結果をこのページでお知らせします。"
                ),
            )
            return redirect("screening:appeals")
    return render(
        request,
        "screening/appeal_form.html",
        {
            "decision": decision,
            "labels": _category_labels(decision.categories),
            "form": form,
        },
        status=200 if form.is_bound is False or form.is_valid() else 422,
    )
