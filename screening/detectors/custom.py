"""Administrator rules: keywords, regular expressions and allow-listed terms.

Patterns run on the `regex` engine with a time limit, so a pattern that backtracks badly
costs at most that limit and is then skipped; `validate_pattern` refuses such patterns
when they are saved.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import regex

from screening.detectors.normalize import digits_only, normalize
from screening.types import Category, Finding

PATTERN_TIMEOUT_S = 0.02
_VALID_CATEGORIES = {c.value for c in Category}
# Inputs that make a backtracking pattern explode, used to refuse one at save time.
_PROBES = ("a" * 64 + "!", "0" * 64 + "x", "あ" * 64 + "!", " " * 64 + "x", "aA0-" * 24 + "!")


# A group that repeats something and is itself repeated: the classic exponential shape.
_NESTED_QUANTIFIER = regex.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]")


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> regex.Pattern[str] | None:
    try:
        return regex.compile(pattern, regex.V1)
    except (regex.error, TypeError, ValueError, OverflowError):
        return None


def validate_pattern(pattern: str) -> str | None:
    """Return a Japanese error message when `pattern` is unusable, else None."""
    if not pattern:
        return "パターンが空です。"
    compiled = _compiled(pattern)
    if compiled is None:
        return "正規表現として解釈できません。"
    if compiled.search("") is not None and compiled.fullmatch("") is not None:
        return "空文字列に一致するパターンは使えません。"
    if _NESTED_QUANTIFIER.search(pattern):
        return "繰り返しを入れ子にしたパターン（例: (a+)+）は使えません。"
    literal = {c for c in pattern if c.isalnum()} or {"a"}
    probes = list(_PROBES) + [c * 200 + "!" for c in sorted(literal)[:20]]
    for probe in probes:
        try:
            compiled.search(probe * 4, timeout=0.05)
        except TimeoutError:
            return "処理に時間がかかりすぎるパターンです（破滅的なバックトラッキングのおそれ）。"
    return None


def detect_custom(
    text: str,
    keywords: Mapping[str, Iterable[str]],
    patterns: Mapping[str, Iterable[str]],
) -> list[Finding]:
    """Findings for administrator keywords (substring) and patterns (regex)."""
    if not keywords and not patterns:
        return []
    norm = normalize(text)
    folded = norm.casefold() if norm.isascii() else norm
    findings: list[Finding] = []
    for category, words in keywords.items():
        if category not in _VALID_CATEGORIES:
            continue
        for word in words:
            key = normalize(word.strip())
            if not key:
                continue
            haystack = folded if folded is not norm else norm
            needle = key.casefold() if folded is not norm else key
            start = haystack.find(needle)
            while start >= 0:
                findings.append(
                    Finding(Category(category), start, start + len(needle), 0.9, "admin_keyword")
                )
                start = haystack.find(needle, start + len(needle))
    for category, items in patterns.items():
        if category not in _VALID_CATEGORIES:
            continue
        for pattern in items:
            compiled = _compiled(pattern)
            if compiled is None:
                continue
            try:
                for m in compiled.finditer(norm, timeout=PATTERN_TIMEOUT_S):
                    if m.end() > m.start():
                        findings.append(
                            Finding(Category(category), m.start(), m.end(), 0.9, "admin_pattern")
                        )
            except TimeoutError:
                continue
    return findings


def _term_keys(term: str) -> tuple[str, str]:
    norm = normalize(term.strip())
    digits = digits_only(norm)
    compact = "".join(norm.split())
    return compact, digits if len(digits) >= 6 and len(digits) >= len(compact) // 2 else ""


@lru_cache(maxsize=64)
def _allow_index(terms: frozenset[str]) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    values: set[str] = set()
    digit_keys: set[str] = set()
    for term in terms:
        compact, digits = _term_keys(term)
        if compact:
            values.add(compact)
        if digits:
            digit_keys.add(digits)
    needles = tuple(sorted({normalize(t.strip()) for t in terms if t.strip()}, key=len))
    return frozenset(values), frozenset(digit_keys), needles


def apply_allow_terms(text: str, findings: list[Finding], terms: frozenset[str]) -> list[Finding]:
    """Drop findings whose value is an allowed term, or that lie inside one in the text."""
    if not terms or not findings:
        return findings
    values, digit_keys, needles = _allow_index(terms)
    norm = normalize(text)
    covered: list[tuple[int, int]] = []
    for needle in needles:
        start = norm.find(needle)
        while start >= 0:
            covered.append((start, start + len(needle)))
            start = norm.find(needle, start + 1)
    kept: list[Finding] = []
    for f in findings:
        if f.category in (Category.NON_PUBLIC, Category.IMAGE_GENERATION, Category.NON_BUSINESS):
            kept.append(f)
            continue
        value = "".join(norm[f.start : f.end].split())
        if value in values:
            continue
        digits = digits_only(value)
        if value.startswith("+81"):
            digits = "0" + digits[2:].removeprefix("0")  # +81-27-224-1111 is 027-224-1111
        if digits and digits in digit_keys and len(digits) >= len(value) // 2:
            continue
        if any(s <= f.start and f.end <= e for s, e in covered):
            continue
        kept.append(f)
    return kept
