"""Detectors: pure functions text → findings, and `detect_all`, which runs them all.

Every detector works on a length-preserving normalisation of the text (NFKC per
character, dashes unified), so the offsets it reports are offsets in the original text.
Nothing here imports Django.
"""
from __future__ import annotations

import re

from screening.detectors.address import detect_addresses
from screening.detectors.context import sentence
from screening.detectors.custom import apply_allow_terms, detect_custom, validate_pattern
from screening.detectors.dates import detect_birth_dates
from screening.detectors.defaults import DEFAULT_ALLOW_TERMS
from screening.detectors.email import detect_emails
from screening.detectors.gazetteer import loaded_table as loaded_gazetteer
from screening.detectors.name_model import loaded_model as loaded_name_model
from screening.detectors.names import detect_names
from screening.detectors.non_public import detect_non_public
from screening.detectors.normalize import normalize
from screening.detectors.numbers import detect_numbers
from screening.detectors.phrase_model import detect_phrase_model, loaded_model
from screening.detectors.requests import detect_requests
from screening.detectors.sensitive import detect_sensitive
from screening.detectors.tables import detect_table_columns
from screening.detectors.tokens import warm_up as _warm_up_tokens
from screening.types import Category, EngineConfig, Finding

__all__ = [
    "DEFAULT_ALLOW_TERMS",
    "detect_all",
    "validate_pattern",
    "warm_up",
]

# Identifying data: their presence makes 要配慮 terms and bare names about a person.
_IDENTIFYING = frozenset(
    {
        Category.PERSON_NAME, Category.ADDRESS, Category.PHONE, Category.EMAIL,
        Category.BIRTH_DATE, Category.MY_NUMBER, Category.ID_NUMBER,
        Category.BANK_ACCOUNT, Category.CREDIT_CARD,
    }
)
_CONTACT = frozenset(
    {Category.PHONE, Category.EMAIL, Category.ADDRESS, Category.ID_NUMBER,
     Category.MY_NUMBER, Category.BIRTH_DATE, Category.BANK_ACCOUNT}
)


def warm_up() -> None:
    """Load the phrase and name models, the katakana gazetteer and the dictionary at process
    start, not on the first prompt (and before the tokenizer's warm-up freezes what was loaded
    out of the cyclic GC)."""
    loaded_model()
    loaded_name_model()
    loaded_gazetteer()
    _warm_up_tokens()


# 記入例の人物は架空の「前橋 太郎（昭和60年1月1日生）、…」: values quoted as made up
_MADE_UP = re.compile(r"架空(?!請求|口座|取引|計上|発注|名義)|記入例|記載例|ダミー|テストデータ|サンプルデータ")


_FICTIONAL_CASE = re.compile(
    r"架空(?:の)?事例|架空のケース|(?:登場人物|人物|氏名)[^。\n]{0,10}(?:すべて|全て|いずれも)架空|"
    r"実在の(?:人物|個人)(?:・団体)?とは(?:一切)?関係"
)
# What a made-up story is told with (a number with a check digit or a card is not: a writer
# who calls real data "made up" still sends it)
_STORY_VALUES = frozenset({Category.PERSON_NAME, Category.ADDRESS, Category.BIRTH_DATE, Category.PHONE})


def _in_made_up_quote(text: str, start: int, end: int) -> bool:
    """The span lies inside 「…」 whose sentence says the quoted data are made up."""
    opening = text.rfind("「", max(0, start - 80), start)
    if opening < 0 or "」" in text[opening:start]:
        return False
    closing = text.find("」", end, end + 120)
    if closing < 0:
        return False
    return bool(_MADE_UP.search(sentence(text, opening, closing)))


def _apply_context(text: str, findings: list[Finding]) -> list[Finding]:
    """Raise confidence where findings corroborate each other; lower it for values quoted as
    made up."""
    if _MADE_UP.search(text):
        # 【研修用・架空事例】登場人物・住所はすべて架空: the whole text is a made-up case
        fictional = _FICTIONAL_CASE.search(text) is not None
        findings = [
            Finding(f.category, f.start, f.end, 0.15, f.reason + "+made_up")
            if f.category in _IDENTIFYING and f.confidence > 0.15 and (
                (fictional and f.category in _STORY_VALUES) or _in_made_up_quote(text, f.start, f.end)
            ) else f
            for f in findings
        ]
    identified = any(f.category in _IDENTIFYING and f.confidence >= 0.5 for f in findings)
    contacts = [f for f in findings if f.category in _CONTACT and f.confidence >= 0.5]
    out: list[Finding] = []
    for f in findings:
        conf = f.confidence
        if f.category is Category.SENSITIVE and identified:
            conf = max(conf, 0.9)
        elif f.category is Category.PERSON_NAME and conf < 0.5 and contacts:
            # A name written right next to a phone number or an address is someone's.
            for c in contacts:
                gap = text[f.end : c.start] if c.start >= f.end else text[c.end : f.start]
                if len(gap) <= 3 and "\n" not in gap:
                    conf = 0.85
                    break
        out.append(f if conf == f.confidence else
                   Finding(f.category, f.start, f.end, conf, f.reason + "+context"))
    return out


# 氏 名 片 桐 昭 二 、 既 往 に: OCR of a form puts a space between every letter (digits stay
# grouped: 三 丁 目 8 番 14 号). Such a run is read again with the spaces taken out.
_LETTER_SPACED = re.compile(r"(?<!\S)(?:(?:\d+|\S) ){3,}(?:\d+|\S)(?!\S)")


def _letter_spaced_findings(text: str, findings: list[Finding], config: EngineConfig) -> list[Finding]:
    """Personal values found in `text` once its letter-spaced runs are closed up, at their
    places in `text` (those not found already)."""
    norm = normalize(text)
    runs = [m.span() for m in _LETTER_SPACED.finditer(norm) if m.end() - m.start() >= 9]
    if not runs:
        return []
    chars: list[str] = []
    index: list[int] = []  # index[i]: where character i of the closed-up text stands in `text`
    pos = 0
    for start, end in runs:
        for k in range(pos, end):
            if not (k >= start and norm[k] == " "):
                chars.append(text[k])
                index.append(k)
        pos = end
    chars.append(text[pos:])
    index.extend(range(pos, len(text)))
    out = []
    for f in detect_all("".join(chars), config, letter_spacing=False):
        if f.category not in _IDENTIFYING or f.confidence < 0.5:
            continue
        start, end = index[f.start], index[f.end - 1] + 1
        if not any(g.category is f.category and g.start < end and start < g.end for g in findings):
            out.append(Finding(f.category, start, end, f.confidence, f.reason + "+letter_spaced"))
    return out


def detect_all(text: str, config: EngineConfig, *, letter_spacing: bool = True) -> list[Finding]:
    """Run every detector over `text` and return findings in text order."""
    if not text or text.isspace():
        return []
    findings: list[Finding] = []
    # Fast path (short CSV cells such as 12,345 or 2024-04-01): without any letter there
    # is no name, e-mail address, 要配慮 term, mark or request to find.
    words = not text.isascii() or any(c.isalpha() for c in text)
    if words:
        findings += detect_names(text)
    findings += detect_numbers(text)
    if "@" in normalize(text):
        findings += detect_emails(text)
    people = [(f.start, f.end) for f in findings
              if f.category is Category.PERSON_NAME and f.confidence >= 0.5]
    findings += detect_addresses(text, people)
    findings += detect_table_columns(text)
    findings += detect_birth_dates(text)
    if words:
        findings += detect_sensitive(text)
        findings += detect_non_public(text)
        findings += detect_requests(text)
    findings += detect_custom(text, config.keywords, config.patterns)
    findings = apply_allow_terms(text, findings, frozenset(config.allow_terms))
    findings = _apply_context(text, findings)
    if letter_spacing and words and (" " in text or "\u3000" in text):
        findings += _letter_spaced_findings(text, findings, config)
    if words:
        # Where the rules found nothing that counts: a learned second look at the wording,
        # warn level at most.
        findings += detect_phrase_model(text, findings)
    findings = [f for f in findings if 0 <= f.start < f.end <= len(text)]
    findings.sort(key=lambda f: (f.start, -f.end, f.category.value))
    return findings
