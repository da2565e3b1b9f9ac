"""The screening engine's public entry point (pure: no Django, no database).

`screen_text(text, config)` is the one function the portal, the CSV screener and the
`screen` command call. The detectors behind it live in `screening.detectors`.
"""
from __future__ import annotations

from screening.detectors import detect_all
from screening.masking import mask_text
from screening.types import DEFAULT_ACTIONS, Decision, EngineConfig, ScreenResult

_RANK = {Decision.PASS: 0, Decision.WARN: 1, Decision.BLOCK: 2}


def screen_text(text: str, config: EngineConfig | None = None) -> ScreenResult:
    """Detect, decide and mask one prompt."""
    config = config or EngineConfig()
    findings = tuple(detect_all(text, config))
    decision = Decision.PASS
    for finding in findings:
        action = Decision(
            config.actions.get(finding.category, DEFAULT_ACTIONS[finding.category])
        )
        if action is Decision.BLOCK and finding.confidence < 0.5:
            action = Decision.WARN
        if _RANK[action] > _RANK[decision]:
            decision = action
    masked, _ = mask_text(text, findings)
    return ScreenResult(decision=decision, findings=findings, masked_text=masked)
