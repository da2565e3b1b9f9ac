"""Small helpers for looking at the words around a candidate span."""
from __future__ import annotations

import re

_SENTENCE_END = "。！？!?\n"


def before(text: str, start: int, width: int, *, line: bool = True) -> str:
    """The `width` characters before `start`, cut at the previous line break."""
    lo = max(0, start - width)
    chunk = text[lo:start]
    if line:
        cut = chunk.rfind("\n")
        if cut >= 0:
            chunk = chunk[cut + 1 :]
    return chunk


def after(text: str, end: int, width: int, *, line: bool = True) -> str:
    """The `width` characters after `end`, cut at the next line break."""
    chunk = text[end : end + width]
    if line:
        cut = chunk.find("\n")
        if cut >= 0:
            chunk = chunk[:cut]
    return chunk


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def sentence_bounds(text: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    lo = start
    floor = max(0, start - limit)
    while lo > floor and text[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = end
    ceil = min(len(text), end + limit)
    while hi < ceil and text[hi] not in _SENTENCE_END:
        hi += 1
    return lo, hi


def sentence(text: str, start: int, end: int) -> str:
    lo, hi = sentence_bounds(text, start, end)
    return text[lo:hi]


def quoted_exactly(text: str, start: int, end: int) -> bool:
    """True when the span is the whole content of 「」/『』/""/“” quotes (a mention, not a use)."""
    if start == 0 or end >= len(text):
        return False
    pairs = {"「": "」", "『": "』", '"': '"', "“": "”", "'": "'", "[": "]"}
    opener = text[start - 1]
    return opener in pairs and text[end] == pairs[opener]


def compile_words(words: str) -> re.Pattern[str]:
    """Compile a |-separated word list (no regex metacharacters expected beyond |)."""
    return re.compile(words)
