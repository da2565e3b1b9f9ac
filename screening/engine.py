"""The screening engine's public entry point (pure: no Django, no database).

`screen_text(text, config)` is the one function the portal, the CSV screener and the
`screen` command call. The detectors behind it live in `screening.detectors`.
"""
from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass

from screening.detectors import DEFAULT_ALLOW_TERMS, detect_all
from screening.masking import mask_text
from screening.types import (
    CATEGORY_LABELS,
    CLAUSES,
    DEFAULT_ACTIONS,
    EMPTY_PROMPT_NOTICE,
    HINT_CONFIDENCE,
    WARN_BELOW,
    Decision,
    EngineConfig,
    Finding,
    ScreenResult,
)

_RANK = {Decision.PASS: 0, Decision.WARN: 1, Decision.BLOCK: 2}

# Used when the caller has no configuration of its own (tests, scripts, the benchmark).
DEFAULT_CONFIG = EngineConfig(allow_terms=DEFAULT_ALLOW_TERMS)


def finding_action(finding: Finding, config: EngineConfig) -> Decision:
    """The decision one finding calls for under `config`."""
    if finding.confidence < HINT_CONFIDENCE:
        return Decision.PASS
    raw = config.actions.get(finding.category, DEFAULT_ACTIONS[finding.category])
    try:
        action = Decision(raw)
    except ValueError:
        action = Decision.BLOCK
    if action is Decision.REJECT:
        action = Decision.BLOCK
    if action is Decision.BLOCK and finding.confidence < WARN_BELOW:
        action = Decision.WARN
    return action


def decide(findings: Iterable[Finding], config: EngineConfig) -> Decision:
    decision = Decision.PASS
    for finding in findings:
        action = finding_action(finding, config)
        if _RANK[action] > _RANK[decision]:
            decision = action
    return decision


def screen_text(
    text: str,
    config: EngineConfig | None = None,
    mapping: MutableMapping[str, str] | None = None,
) -> ScreenResult:
    """Detect, decide and mask one prompt.

    Pass the conversation's `mapping` to keep placeholders consistent across prompts.
    """
    config = config or DEFAULT_CONFIG
    if not text or text.isspace():
        return ScreenResult(Decision.PASS, (), text or "", notice=EMPTY_PROMPT_NOTICE)
    findings = tuple(detect_all(text, config))
    decision = decide(findings, config)
    masked, _ = mask_text(text, findings, mapping)
    return ScreenResult(decision=decision, findings=findings, masked_text=masked)


@dataclass(frozen=True)
class Explanation:
    """What the page shows for one finding."""

    category: str
    label: str  # Japanese category name
    clause: str  # guideline clause, e.g. "3(1)"
    action: Decision
    start: int
    end: int
    excerpt: str
    confidence: float
    reason: str


def explain(text: str, result: ScreenResult, config: EngineConfig | None = None) -> list[Explanation]:
    """One explanation per finding that affects the decision, in text order."""
    config = config or DEFAULT_CONFIG
    out: list[Explanation] = []
    for f in result.findings:
        action = finding_action(f, config)
        if action is Decision.PASS:
            continue
        out.append(
            Explanation(
                category=f.category.value,
                label=CATEGORY_LABELS[f.category.value],
                clause=CLAUSES[f.category.value],
                action=action,
                start=f.start,
                end=f.end,
                excerpt=text[f.start : f.end],
                confidence=f.confidence,
                reason=f.reason,
            )
        )
    return out
