"""Length-preserving text normalisation, so offsets in the result are offsets in the input.

NFKC is applied character by character and only where it yields exactly one character
(full-width digits and Latin letters, ideographic space, half-width punctuation …); dash
variants become "-", and a Latin middle dot (·) the katakana one (・). Characters whose NFKC
form has another length are kept as they are.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u30fc\uff0d\uff70\u02d7\u2043\ufe63"
# ー (U+30FC) is a prolonged sound mark inside katakana words, so it is only turned into a
# hyphen between digits (see `normalize`); the others always are.
_ALWAYS_DASH = {c: "-" for c in _DASHES if c not in "\u30fc\uff70"}

# Mappings found so far (characters NFKC leaves alone, or makes longer, map to themselves).
_table: dict[str, str] = dict(_ALWAYS_DASH)
_table["\u3000"] = " "  # ideographic space
_table["\u00a0"] = " "
_table["\u00b7"] = "・"  # ヘンリー·フォスター: a Latin middle dot between the parts of a name
_seen: set[str] = set(_table)
_LONG_MARK_BETWEEN_DIGITS = re.compile(r"[ーｰ](?<=\d[ーｰ])(?=\d)")


def _nfkc_char(ch: str) -> str | None:
    """The one character NFKC makes of `ch` (a dash as "-"), or None where `ch` stays."""
    mapped = unicodedata.normalize("NFKC", ch)
    if len(mapped) == 1 and mapped != ch:
        return "-" if mapped in _DASHES else mapped
    return None


def _kept_ranges(*blocks: range) -> str:
    """Regex class ranges of the characters of `blocks` that `normalize` leaves as they are."""
    runs: list[list[int]] = []
    for cp in (cp for block in blocks for cp in block):
        ch = chr(cp)
        if ch in _table or _nfkc_char(ch) is not None:
            continue
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in runs)


# Everything but ASCII and the CJK punctuation, kana and kanji NFKC leaves alone (all but
# 〶, the ideographic space …): most of a Japanese text is skipped at C speed, and only the
# few other characters are looked up.
_OTHER = re.compile(f"([^\\x00-\\x7f{_kept_ranges(range(0x3000, 0x3100), range(0x4E00, 0xA000))}])")

KANJI_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}
KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_NUMERAL_CHARS = "〇零一二三四五六七八九十百千"


def _extend_table(chars: list[str]) -> None:
    for ch in set(chars) - _seen:
        _seen.add(ch)
        mapped = _nfkc_char(ch)
        if mapped is not None:
            _table[ch] = mapped


@lru_cache(maxsize=8)
def normalize(text: str) -> str:
    """Return NFKC-like normalised text of exactly the same length as `text`."""
    if text.isascii():
        return text
    # Split around the characters that may change (every other part) and map only those.
    parts = _OTHER.split(text)
    if len(parts) > 1:
        others = parts[1::2]
        _extend_table(others)
        parts[1::2] = map(_table.get, others, others)
        text = "".join(parts)
    if "ー" in text or "ｰ" in text:
        text = _LONG_MARK_BETWEEN_DIGITS.sub("-", text)
    return text


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
