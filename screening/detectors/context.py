"""Small helpers for looking at the words around a candidate span."""
from __future__ import annotations

import re
from typing import Any

_SENTENCE_END = "。！？!?\n"
_NEXT_END = re.compile(f"[{_SENTENCE_END}]")
_UP_TO_LAST_END = re.compile(f"(?s).*[{_SENTENCE_END}]")  # greedy: up to the last one


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
    """The sentence around `start`–`end`: from after the previous 。！？!? or line break to
    the next one, at most `limit` characters either side.

    Both ends are found by a regex (C speed): detectors ask for the sentence of every
    candidate, and a Python step per character cost ~0.5 ms per 4,000-character prompt.
    """
    floor = max(0, start - limit)
    last = _UP_TO_LAST_END.match(text, floor, start)
    ceil = min(len(text), end + limit)
    nxt = _NEXT_END.search(text, end, ceil)
    return (last.end() if last else floor), (nxt.start() if nxt else max(end, ceil))


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


# Words that say a prompt writes a sample form: its names and numbers are examples.
SAMPLE_FORM = re.compile(r"記入例|記載例|見本")


def compile_words(words: str) -> re.Pattern[str]:
    """Compile a |-separated word list (no regex metacharacters expected beyond |)."""
    return re.compile(words)


# ---------------------------------------------------------------- fast regexes
#
# Python's `re` tries every branch of a long alternation at every position of the text.
# `fast_compile` puts a one-character lookahead built from the pattern's possible first
# characters in front of it, so positions that cannot start a match are skipped at the
# cost of one set test. The lookahead is a necessary condition only: matches, groups and
# `match(text, pos)` behave exactly as with `re.compile`.

try:  # Python 3.11+
    from re import _constants as _sre_c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_CATEGORY_CLASS = {
    _sre_c.CATEGORY_DIGIT: r"\d",
    _sre_c.CATEGORY_SPACE: r"\s",
    _sre_c.CATEGORY_WORD: r"\w",
}


def _first_seq(items: Any) -> tuple[set[str], bool] | None:
    out: set[str] = set()
    for op, av in list(items):
        r = _first_item(op, av)
        if r is None:
            return None
        out |= r[0]
        if not r[1]:
            return out, False
    return out, True


def _first_item(op: Any, av: Any) -> tuple[set[str], bool] | None:
    if op is _sre_c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _sre_c.IN:
        frags: set[str] = set()
        for o, a in av:
            if o is _sre_c.LITERAL:
                frags.add(re.escape(chr(a)))
            elif o is _sre_c.RANGE:
                frags.add(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is _sre_c.CATEGORY and a in _CATEGORY_CLASS:
                frags.add(_CATEGORY_CLASS[a])
            else:
                return None  # negated classes and the like: no shortcut
        return frags, False
    if op is _sre_c.CATEGORY and av in _CATEGORY_CLASS:
        return {_CATEGORY_CLASS[av]}, False
    if op is _sre_c.BRANCH:
        frags, nullable = set(), False
        for alt in av[1]:
            r = _first_seq(alt)
            if r is None:
                return None
            frags |= r[0]
            nullable |= r[1]
        return frags, nullable
    if op is _sre_c.SUBPATTERN:
        return _first_seq(av[-1])
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
        r = _first_seq(av[2])
        return None if r is None else (r[0], r[1] or av[0] == 0)
    if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
        return set(), True  # zero-width: look at what follows
    return None


def fast_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile` with a first-character lookahead when one can be derived."""
    try:
        first = _first_seq(_sre_parse.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - fall back to the plain pattern
        first = None
    if first is None or first[1] or not first[0] or (flags & re.VERBOSE):
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{''.join(sorted(first[0]))}])(?:{pattern})", flags)
