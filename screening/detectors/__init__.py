"""Detectors: pure functions text → findings. (First minimal set; replaced by the full engine.)"""
from __future__ import annotations

import re

from screening.types import Category, EngineConfig, Finding

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"0\d{1,4}-\d{1,4}-\d{4}")


def detect_all(text: str, config: EngineConfig) -> list[Finding]:
    findings = [
        Finding(Category.EMAIL, m.start(), m.end(), 0.9, "pattern")
        for m in _EMAIL.finditer(text)
    ]
    findings += [
        Finding(Category.PHONE, m.start(), m.end(), 0.9, "pattern")
        for m in _PHONE.finditer(text)
        if m.group() not in config.allow_terms
    ]
    return findings
