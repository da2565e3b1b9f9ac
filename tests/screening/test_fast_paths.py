"""The engine's shortcuts give exactly what the plain code they replace gives."""
from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import screening.detectors
from screening.detectors import names
from screening.detectors.context import sentence_bounds
from screening.detectors.normalize import normalize

_pieces = st.sampled_from(
    [
        "山田", "太郎", "さん", "様", "氏名:", "関係者外秘", "課限り", "【秘】", "090-1234-5678",
        "０２７", "前橋市", "二丁目", "5-12", "昭和60年", "ヤマダ", "ー", "ｰ", "・", "John Smith",
        "Mr. ", "Nguyen Van", "（", "）", "。", "\n", "\u3000", "糖尿病", "の", "は", "が", "@",
    ]
)
_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_pieces, st.text(max_size=4)), max_size=80).map("".join),
)

_PATTERNS = [
    value
    for module in pkgutil.iter_modules(screening.detectors.__path__)
    for value in vars(importlib.import_module(f"screening.detectors.{module.name}")).values()
    if isinstance(value, re.Pattern)
]


@settings(max_examples=150, deadline=None)
@given(_text)
def test_detector_patterns_match_as_re_compiles_them(text: str) -> None:
    for pattern in _PATTERNS:
        plain = re.compile(pattern.pattern, pattern.flags)
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]
        for pos in range(0, len(text), 7):
            found, expected = pattern.match(text, pos), plain.match(text, pos)
            assert (found and found.span()) == (expected and expected.span())


def test_first_character_sets_are_in_use() -> None:
    # Falls back to the plain pattern where `re`'s internals differ (another Python):
    # correct but slower, which this test makes visible.
    assert names._TITLE_NOUN != re.compile(names._TITLE_NOUN.pattern)


def _normalize_reference(text: str) -> str:
    out = []
    for ch in text:
        mapped = unicodedata.normalize("NFKC", ch)
        if ch in "\u3000\u00a0":
            out.append(" ")
        elif ch == "\u00b7":  # a Latin middle dot: the katakana one (ヘンリー·フォスター)
            out.append("・")
        elif ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\uff0d\u02d7\u2043\ufe63":
            out.append("-")
        elif ord(ch) >= 0x80 and len(mapped) == 1 and mapped != ch:
            out.append("-" if mapped in "\u30fc\uff70" else mapped)
        else:
            out.append(ch)
    return re.sub(r"(?<=\d)[ーｰ](?=\d)", "-", "".join(out))


@settings(max_examples=300, deadline=None)
@given(_text)
def test_normalize_maps_each_character_by_the_nfkc_rule(text: str) -> None:
    assert normalize(text) == _normalize_reference(text)


def _sentence_bounds_reference(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    lo, floor = start, max(0, start - limit)
    while lo > floor and text[lo - 1] not in "。！？!?\n":
        lo -= 1
    hi, ceil = end, min(len(text), end + limit)
    while hi < ceil and text[hi] not in "。！？!?\n":
        hi += 1
    return lo, hi


@settings(max_examples=300, deadline=None)
@given(_text, st.data())
def test_sentence_bounds_stop_at_the_nearest_marks(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    limit = data.draw(st.sampled_from([0, 1, 5, 300]))
    assert sentence_bounds(text, start, end, limit) == _sentence_bounds_reference(
        text, start, end, limit
    )
