"""Length-preserving text normalisation, so offsets in the result are offsets in the input.

NFKC is applied character by character and only where it yields exactly one character
(full-width digits and Latin letters, ideographic space, half-width punctuation …); dash
variants become "-". Characters whose NFKC form has another length are kept as they are.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u30fc\uff0d\uff70\u02d7\u2043\ufe63"
# ー (U+30FC) is a prolonged sound mark inside katakana words, so it is only turned into a
# hyphen between digits (see `normalize`); the others always are.
_ALWAYS_DASH = {ord(c): "-" for c in _DASHES if c not in "\u30fc\uff70"}

_table: dict[int, str] = dict(_ALWAYS_DASH)
_table[0x3000] = " "  # ideographic space
_table[0x00A0] = " "
_seen: set[int] = set(_table)
_LONG_MARK_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ーｰ](?=\d)")

KANJI_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}
KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_NUMERAL_CHARS = "〇零一二三四五六七八九十百千"


def _extend_table(text: str) -> None:
    new = {ord(ch) for ch in set(text)} - _seen
    for code in new:
        _seen.add(code)
        if code < 0x80:
            continue
        ch = chr(code)
        mapped = unicodedata.normalize("NFKC", ch)
        if len(mapped) == 1 and mapped != ch:
            _table[code] = "-" if mapped in _DASHES else mapped


@lru_cache(maxsize=8)
def normalize(text: str) -> str:
    """Return NFKC-like normalised text of exactly the same length as `text`."""
    if text.isascii():
        return text
    _extend_table(text)
    out = text.translate(_table)
    if "ー" in out or "ｰ" in out:
        out = _LONG_MARK_BETWEEN_DIGITS.sub("-", out)
    return out


def kanji_to_int(numeral: str) -> int | None:
    """Convert a kanji numeral (二, 十二, 五百二十, 一〇三) or Arabic digits to an int."""
    if not numeral:
        return None
    if numeral.isdigit():
        return int(numeral)
    if all(c in KANJI_DIGITS for c in numeral):
        return int("".join(str(KANJI_DIGITS[c]) for c in numeral))
    total = 0
    current = 0
    for ch in numeral:
        if ch in KANJI_DIGITS:
            current = KANJI_DIGITS[ch]
        elif ch in KANJI_UNITS:
            total += (current or 1) * KANJI_UNITS[ch]
            current = 0
        elif ch.isdigit():
            current = current * 10 + int(ch)
        else:
            return None
    return total + current


def digits_only(value: str) -> str:
    """Keep the ASCII digits of an already-normalised value."""
    return "".join(c for c in value if "0" <= c <= "9")
