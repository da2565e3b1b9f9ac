"""Replace findings with typed, numbered placeholders (〔氏名1〕, 〔電話番号1〕 …)."""
from __future__ import annotations

import re
from collections.abc import Iterable, MutableMapping

from screening.types import Category, Finding

PLACEHOLDER_LABELS: dict[str, str] = {
    Category.PERSON_NAME: "氏名",
    Category.ADDRESS: "住所",
    Category.PHONE: "電話番号",
    Category.EMAIL: "メールアドレス",
    Category.BIRTH_DATE: "生年月日",
    Category.MY_NUMBER: "個人番号",
    Category.ID_NUMBER: "識別番号",
    Category.BANK_ACCOUNT: "口座番号",
    Category.CREDIT_CARD: "カード番号",
    Category.SENSITIVE: "要配慮情報",
    Category.NON_PUBLIC: "非公開情報",
    Category.IMAGE_GENERATION: "画像等生成依頼",
    Category.NON_BUSINESS: "業務外の依頼",
}


def merge_overlapping(findings: Iterable[Finding]) -> list[Finding]:
    """Keep one finding per overlapping run: the longest, then the most confident."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), -f.confidence))
    merged: list[Finding] = []
    for finding in ordered:
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            if finding.end > last.end:
                # Extend the kept span so no part of either value stays visible.
                merged[-1] = Finding(
                    last.category, last.start, finding.end, last.confidence, last.reason
                )
            continue
        merged.append(finding)
    return merged


_NAME_SPLIT = re.compile(r"[\s\u3000・･]+")
# Values shorter than this are not searched for elsewhere in the text (a one-character
# surname such as 森 would otherwise mask every 森 in the prompt).
_MIN_PROPAGATE = 2
_KANJI = re.compile(r"[一-龥々〆ヶ]")


def _is_kanji(char: str) -> bool:
    return bool(char) and _KANJI.fullmatch(char) is not None


def _propagate(text: str, findings: list[Finding]) -> list[Finding]:
    """Add a finding for every other occurrence of a detected value (and of each part of a
    detected name), so the masked text never shows a value that was found once."""
    values: dict[str, Finding] = {}
    singles: dict[str, Finding] = {}
    for f in findings:
        value = text[f.start : f.end]
        if len(value.strip()) >= _MIN_PROPAGATE:
            values.setdefault(value, f)
        if f.category is not Category.PERSON_NAME:
            continue
        if len(value.strip()) >= _MIN_PROPAGATE:
            for part in _NAME_SPLIT.split(value):
                if len(part) >= _MIN_PROPAGATE and part != value:
                    values.setdefault(part, f)
        elif len(value) == 1 and _is_kanji(value):
            singles.setdefault(value, f)
    extra: list[Finding] = []
    # A one-character name (誠さん) is masked again where it stands alone (誠が…), not
    # inside another word (誠実, 森林): that would blank ordinary vocabulary.
    for value, source in singles.items():
        start = text.find(value)
        while start >= 0:
            before = text[start - 1] if start else ""
            after = text[start + 1] if start + 1 < len(text) else ""
            if not (_is_kanji(before) or _is_kanji(after)):
                extra.append(Finding(source.category, start, start + 1, source.confidence, "repeat"))
            start = text.find(value, start + 1)
    for value, source in sorted(values.items(), key=lambda kv: -len(kv[0])):
        start = text.find(value)
        while start >= 0:
            extra.append(
                Finding(source.category, start, start + len(value), source.confidence, "repeat")
            )
            start = text.find(value, start + len(value))
    return findings + extra


def mask_text(
    text: str,
    findings: Iterable[Finding],
    mapping: MutableMapping[str, str] | None = None,
) -> tuple[str, MutableMapping[str, str]]:
    """Return the masked text and the value → placeholder mapping used.

    Pass the same `mapping` for every prompt of a conversation so that one value keeps
    one placeholder. The mapping holds personal values: keep it out of the database,
    the logs and the broker.
    """
    mapping = {} if mapping is None else mapping
    counters: dict[str, int] = {}
    for placeholder in mapping.values():
        label = placeholder.strip("〔〕").rstrip("0123456789")
        counters[label] = counters.get(label, 0) + 1
    parts: list[str] = []
    cursor = 0
    for finding in merge_overlapping(_propagate(text, list(findings))):
        value = text[finding.start : finding.end]
        placeholder = mapping.get(value)
        if placeholder is None:
            label = PLACEHOLDER_LABELS[finding.category]
            counters[label] = counters.get(label, 0) + 1
            placeholder = f"〔{label}{counters[label]}〕"
            mapping[value] = placeholder
        parts.append(text[cursor : finding.start])
        parts.append(placeholder)
        cursor = finding.end
    parts.append(text[cursor:])
    return "".join(parts), mapping


def unmask_text(text: str, mapping: MutableMapping[str, str]) -> str:
    """Put the original values back (for the staff member's own view only)."""
    for value, placeholder in sorted(mapping.items(), key=lambda kv: -len(kv[1])):
        text = text.replace(placeholder, value)
    return text
