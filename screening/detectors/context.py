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
    candidate: ~1 µs a call, where a Python step per character took ~3 µs.
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
# The person of a sample form: a stock name, or a name marked as the example
SAMPLE_PERSON = re.compile(
    r"(?:山田|前橋|見本|群馬|市役)\s?(?:太郎|花子|一郎|次郎)|[（(](?:記入例|記載例|見本|架空)[）)]"
)


def compile_words(words: str) -> re.Pattern[str]:
    """Compile a |-separated word list (no regex metacharacters expected beyond |)."""
    return re.compile(words)


# ---------------------------------------------------------------- fast regexes
#
# Python's `re` tries every branch of a long alternation at every position of the text,
# unless every branch starts with a literal character: then it skips ahead, at C speed, to
# the positions holding one of those characters. `fast_compile` gives every pattern that
# skip: it works out the characters a match can begin with and puts them in the compiled
# pattern's info block, where `re` puts its own first-character set. The set is a
# necessary condition only: matches, groups and `match(text, pos)` behave exactly as with
# `re.compile`. (A lookahead such as (?=[…]) in front of the pattern skips the same
# positions, but `re` then evaluates it at every position: three times slower.)

try:  # Python 3.11+
    from re import _compiler as _sre_compile
    from re import _constants as _sre_c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]
import _sre  # noqa: E402 - the compiled-pattern constructor `re` itself calls

_CATEGORIES = frozenset({_sre_c.CATEGORY_DIGIT, _sre_c.CATEGORY_SPACE, _sre_c.CATEGORY_WORD})
_Items = set[tuple[Any, Any]]  # (LITERAL, code) / (RANGE, (lo, hi)) / (CATEGORY, name)


def _first_seq(items: Any) -> tuple[_Items, bool] | None:
    out: _Items = set()
    for op, av in list(items):
        r = _first_item(op, av)
        if r is None:
            return None
        out |= r[0]
        if not r[1]:
            return out, False
    return out, True


def _first_item(op: Any, av: Any) -> tuple[_Items, bool] | None:
    if op is _sre_c.LITERAL:
        return {(op, av)}, False
    if op is _sre_c.IN:
        items: _Items = set()
        for o, a in av:
            if o is _sre_c.LITERAL or (o is _sre_c.CATEGORY and a in _CATEGORIES):
                items.add((o, a))
            elif o is _sre_c.RANGE:
                items.add((o, tuple(a)))
            else:
                return None  # negated classes and the like: no shortcut
        return items, False
    if op is _sre_c.CATEGORY and av in _CATEGORIES:
        return {(op, av)}, False
    if op is _sre_c.BRANCH:
        items, nullable = set(), False
        for alt in av[1]:
            r = _first_seq(alt)
            if r is None:
                return None
            items |= r[0]
            nullable |= r[1]
        return items, nullable
    if op is _sre_c.SUBPATTERN:
        return _first_seq(av[-1])
    if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
        r = _first_seq(av[2])
        return None if r is None else (r[0], r[1] or av[0] == 0)
    if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
        return set(), True  # zero-width: look at what follows
    return None


def fast_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, with the characters a match can begin with in its info block."""
    if flags & re.VERBOSE or "(?i" in pattern:
        # an inline case-free group: its letters would be read as the only first characters
        return re.compile(pattern, flags)
    try:
        if flags & re.IGNORECASE:  # a set of both cases (and ſ, K …): left to a lookahead
            return _with_lookahead(pattern, flags) or re.compile(pattern, flags)
        return _with_first_chars(pattern, flags)
    except Exception:  # noqa: BLE001 - internals of another Python: the plain pattern
        return re.compile(pattern, flags)


_CLASS_ESCAPES = {
    _sre_c.CATEGORY_DIGIT: r"\d", _sre_c.CATEGORY_SPACE: r"\s", _sre_c.CATEGORY_WORD: r"\w",
}


def _with_lookahead(pattern: str, flags: int) -> re.Pattern[str] | None:
    """The pattern behind a lookahead for its first characters (None: no use for one)."""
    first = _first_seq(_sre_parse.parse(pattern, flags))
    if first is None or first[1] or not first[0]:
        return None
    chars = "".join(sorted(
        _CLASS_ESCAPES[av] if op is _sre_c.CATEGORY
        else f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}" if op is _sre_c.RANGE
        else re.escape(chr(av))
        for op, av in first[0]
    ))
    return re.compile(f"(?=[{chars}])(?:{pattern})", flags)


_ANCHORS = frozenset({_sre_c.AT_BEGINNING, _sre_c.AT_BEGINNING_STRING})

# ------------------------------------------------------- long alternations as a trie
#
# At every position a long alternation (a|b|c …, a hundred words for the 非公開 cues) tries
# its branches one after the other. `re` skips a branch in a few instructions when it starts
# with a literal character that is not the one in the text, but enters every branch that
# starts otherwise: an optional word ((?:まだ)?決裁前), a group ((?:部長|市長)決裁前). So the
# branches are rewritten to start with a literal where that is exact ((?:X)?Y is XY|Y,
# (?:A|B)Y is AY|BY, [ab]Y is aY|bY: the same matches, tried in the same order), and the
# branches that start with the same character are put under it (決(?:裁前|定前)): a
# character that starts no branch is then turned away by one test per first character.
# Branches starting with different characters never both match at one position, so their
# relative order is free; one that can start with several characters (a class, a lookbehind)
# keeps its place, and branches after it start new groups.

_EXPANSION_LIMIT = 24  # branches one branch may become


def _leading_literal_forms(alt: list[tuple[Any, Any]], budget: int, state: Any) -> list[list[tuple[Any, Any]]]:
    """`alt` as branches in the order `re` tries them, each starting with a literal where
    that takes at most `budget` branches (else `alt` itself, with a long alternation at its
    start made a trie)."""
    if not alt:
        return [alt]
    op, av = alt[0]
    rest = alt[1:]
    if op is _sre_c.LITERAL:
        return [alt]
    single = (_sre_c.LITERAL, _sre_c.IN, _sre_c.ANY)
    if op is _sre_c.BRANCH and av[0] is None:
        parts = [list(sub) + rest for sub in av[1]]
    elif op is _sre_c.MAX_REPEAT and av[0] == 0 and av[1] == 1 and not _has_group(av[2]):
        parts = [list(av[2]) + rest, rest]  # greedy: with the optional part first
    elif (op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1
          and av[2][0][0] in single):
        # X{1,4} is X X{0,3}: the class is then tested before the repeat is entered
        high = av[1] if av[1] == _sre_c.MAXREPEAT else av[1] - 1
        return [[av[2][0], (op, (av[0] - 1, high, av[2]))] + rest]
    elif op is _sre_c.IN and av and all(o is _sre_c.LITERAL for o, _ in av) and len(av) <= 8:
        parts = [[(_sre_c.LITERAL, a)] + rest for _, a in av]
    else:
        return [alt]
    if len(parts) > budget:
        if op is _sre_c.BRANCH and not _has_group(alt[:1]):
            return [[_trie_branch(av[1], state)] + rest]
        return [alt]
    out: list[list[tuple[Any, Any]]] = []
    for part in parts:
        out += _leading_literal_forms(part, budget, state)
        if len(out) > budget:
            return [alt]
    return out


def _trie_branch(alts: Any, state: Any) -> tuple[Any, Any]:
    branches = _trie([list(a) for a in alts], state, 3)
    return (_sre_c.BRANCH, (None, [_sre_parse.SubPattern(state, b) for b in branches]))


def _has_group(items: Any) -> bool:
    for op, av in items:
        if op is _sre_c.SUBPATTERN and av[0] is not None:
            return True
        if op is _sre_c.BRANCH and any(_has_group(sub) for sub in av[1]):
            return True
        if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, _sre_c.POSSESSIVE_REPEAT) and _has_group(av[2]):
            return True
        if op in (_sre_c.SUBPATTERN, _sre_c.ATOMIC_GROUP) and _has_group(av[-1]):
            return True
        if op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT) and _has_group(av[1]):
            return True
    return False


def _starts_with(first: tuple[_Items, bool] | None, code: int) -> bool:
    """Whether a branch with first-character set `first` may start with chr(code)."""
    if first is None or first[1]:
        return True
    for op, av in first[0]:
        if op is _sre_c.LITERAL and av == code:
            return True
        if op is _sre_c.RANGE and av[0] <= code <= av[1]:
            return True
        if op is _sre_c.CATEGORY:
            return True
    return False


def _trie(alts: list[list[tuple[Any, Any]]], state: Any, depth: int) -> list[list[tuple[Any, Any]]]:
    """The branches `alts`, those with the same first literal put under it (see above)."""
    expanded: list[list[tuple[Any, Any]]] = []
    for alt in alts:
        expanded += _leading_literal_forms(list(alt), _EXPANSION_LIMIT, state)
    out: list[Any] = []  # a branch, or [code, [tails]] for a group under one literal
    open_groups: dict[int, list[Any]] = {}
    for alt in expanded:
        if alt and alt[0][0] is _sre_c.LITERAL:
            code = alt[0][1]
            group = open_groups.get(code)
            if group is None:
                group = open_groups[code] = [code, []]
                out.append(group)
            group[1].append(alt[1:])
            continue
        first = _first_seq(alt)
        for code in [c for c in open_groups if _starts_with(first, c)]:
            del open_groups[code]  # later branches with this character come after this one
        out.append(alt)
    result: list[list[tuple[Any, Any]]] = []
    for item in out:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], int)):
            result.append(item)
            continue
        code, tails = item
        if len(tails) == 1:
            result.append([(_sre_c.LITERAL, code)] + tails[0])
            continue
        if depth > 1 and all(tails):
            tails = _trie(tails, state, depth - 1)
        branch = (_sre_c.BRANCH, (None, [_sre_parse.SubPattern(state, t) for t in tails]))
        result.append([(_sre_c.LITERAL, code), branch])
    return result


def _as_trie(parsed: Any) -> Any:
    """`parsed` with its alternations at the start made a trie (unchanged when it has
    capturing groups, which must not be copied)."""
    if parsed.state.groups > 1 or not parsed.data:
        return parsed
    if len(parsed.data) == 1 and parsed.data[0][0] is _sre_c.BRANCH:
        alts = [list(sub) for sub in parsed.data[0][1][1]]
    else:
        alts = [list(parsed.data)]
    branches = _trie(alts, parsed.state, 3)
    if len(branches) == 1:
        return _sre_parse.SubPattern(parsed.state, branches[0])
    data = [(_sre_c.BRANCH, (None, [_sre_parse.SubPattern(parsed.state, b) for b in branches]))]
    return _sre_parse.SubPattern(parsed.state, data)


def _with_first_chars(pattern: str, flags: int) -> re.Pattern[str]:
    """The pattern compiled as `re` does, plus a first-character set where one helps."""
    parsed = _as_trie(_sre_parse.parse(pattern, flags))
    first = _first_seq(parsed)
    code = _sre_compile._code(parsed, flags)
    # <INFO skip=4 flags=0 min max>: `re` found no prefix of its own, and the pattern cannot
    # match the empty string (then a first character says nothing). One anchored at ^ is
    # tried at the start only anyway.
    if (first is not None and not first[1] and first[0] and code[:3] == [_sre_c.INFO, 4, 0]
            and code[3] and not (parsed.data[0][0] is _sre_c.AT and parsed.data[0][1] in _ANCHORS)):
        charset, _ = _sre_compile._optimize_charset(sorted(first[0]))
        info: list[int] = []
        _sre_compile._compile_charset(charset, parsed.state.flags | flags, info)
        code[1:3] = [4 + len(info), _sre_c.SRE_INFO_CHARSET]
        code[5:5] = info
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(pattern, parsed.state.flags | flags, code, parsed.state.groups - 1,
                        groupindex, tuple(indexgroup))


# Material that says it is already public: minutes on the council's site, a press release,
# a premium table in the city's pamphlet, election results as published.
PUBLISHED_TEXT = fast_compile(
    r"(?:ホームページ|HP|ウェブサイト|サイト|広報紙?)(?:に|で)?(?:も)?(?:掲載|公開|公表)(?:済|し|され|中|分|[）)])|"
    r"(?:告示|公示)(?:済|され|し)(?!て(?:い)?(?:ない|ません))|"
    r"(?:ホームページ|HP|ウェブサイト|サイト|広報紙?)に(?:も)?載せて(?:いる|います|ある|あります|おり)|"
    r"掲載済|公開済|公表済|公表中|(?:公表|公開|掲載)して(?:いる|います|おり)|報道発表(?:し|済|資料)|会議録|"
    r"記者会見で(?:公表|発表)|公表資料|公表値|議事録(?:が|は|を)?(?:公開|公表)|"
    r"が(?:\d{1,2}月に)?公表した(?!い|ら)|公表された(?!い|ら)"
)
