"""Screening with the rules in force, and the record of each decision."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from audit.models import EventKind
from audit.services import audit_event_record
from screening.detectors.phrase_model import REASON as MODEL_REASON
from screening.engine import screen_text
from screening.masking import merge_overlapping
from screening.models import CategoryChoices, DecisionCategory, DecisionSource, ScreeningDecision
from screening.selectors import engine_config_current, rule_messages
from screening.types import CLAUSES, Decision, ScreenResult

# The learned second look (detectors/phrase_model.py) states that it is a judgement of wording.
MODEL_MESSAGE = _(
    "規則には当たりませんが、文面が判定モデルの学習例の「{label}」に近いと推定されました。"
    "公表済みの情報や業務上問題のない内容であることを確かめてから送信してください。"
)


@dataclass(frozen=True)
class Explanation:
    """One finding as the user sees it (the value itself stays in the request only)."""

    category: str
    label: str
    clause: str
    message: str
    start: int
    end: int


@dataclass(frozen=True)
class PromptScreening:
    result: ScreenResult
    explanations: tuple[Explanation, ...]

    @property
    def decision(self) -> Decision:
        return self.result.decision

    @property
    def categories(self) -> list[str]:
        return sorted({e.category for e in self.explanations})

    @property
    def clauses(self) -> list[str]:
        return sorted({e.clause for e in self.explanations})


def prompt_screen(*, text: str) -> PromptScreening:
    """Screen one prompt with the rules in force (no writes)."""
    result = screen_text(text, engine_config_current())
    messages = rule_messages() if result.findings else {}
    labels = dict(CategoryChoices.choices)
    explanations = tuple(
        Explanation(
            category=f.category.value,
            label=str(labels.get(f.category.value, f.category.value)),
            clause=messages.get(f.category.value, (CLAUSES[f.category.value], ""))[0],
            message=(
                str(MODEL_MESSAGE).format(label=labels.get(f.category.value, f.category.value))
                if f.reason == MODEL_REASON
                else messages.get(f.category.value, ("", ""))[1]
            ),
            start=f.start,
            end=f.end,
        )
        for f in merge_overlapping(result.findings)
    )
    return PromptScreening(result=result, explanations=explanations)


def highlight_segments(text: str, explanations: tuple[Explanation, ...]) -> list[dict[str, Any]]:
    """Split text into plain and highlighted segments for the template."""
    segments: list[dict[str, Any]] = []
    cursor = 0
    for e in sorted(explanations, key=lambda e: e.start):
        if e.start < cursor:
            continue
        if e.start > cursor:
            segments.append({"text": text[cursor : e.start], "finding": None})
        segments.append({"text": text[e.start : e.end], "finding": e})
        cursor = e.end
    if cursor < len(text):
        segments.append({"text": text[cursor:], "finding": None})
    return segments


@transaction.atomic
def screening_decision_record(
    *,
    user: Any,
    source: DecisionSource,
    decision: str,
    category_counts: dict[str, int],
    masked_text: str = "",
    conversation: Any = None,
    request: Any = None,
    extra: dict[str, Any] | None = None,
) -> ScreeningDecision:
    """Store a decision with its categories and masked copy, and its audit event."""
    clauses = sorted({CLAUSES.get(c, "") for c in category_counts})
    record = ScreeningDecision.objects.create(
        user=user,
        department_id=user.department_id,
        conversation=conversation,
        source=source,
        decision=decision,
        categories=sorted(category_counts),
        clauses=clauses,
        masked_text=masked_text,
    )
    DecisionCategory.objects.bulk_create(
        DecisionCategory(decision=record, category=c, clause=CLAUSES.get(c, ""), count=n)
        for c, n in sorted(category_counts.items())
    )
    audit_event_record(
        kind=EventKind.SCREENING_DECIDED if source == DecisionSource.PROMPT else EventKind.UPLOAD_SCREENED,
        actor=user,
        target=record,
        payload={
            "decision": decision,
            "categories": category_counts,
            "clauses": clauses,
            "conversation_id": getattr(conversation, "pk", None),
            **(extra or {}),
        },
        request=request,
    )
    return record
