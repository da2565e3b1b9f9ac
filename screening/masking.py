"""Replace findings with typed, numbered placeholders (〔氏名1〕, 〔電話番号1〕 …)."""
from __future__ import annotations

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
    for finding in merge_overlapping(findings):
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
