"""SudachiPy tokenisation, loaded once per process (lazy) and cached for the last texts."""
from __future__ import annotations

import ctypes
import gc
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from typing import Any

# Sudachi refuses inputs above 49,149 UTF-8 bytes; chunks of this many characters stay
# below it even when every character takes three bytes.
_CHUNK = 12000

_lock = threading.Lock()
_state: dict[str, Any] = {}


# Parts of speech whose OOV flag no detector reads (saves a call per token).
_NO_OOV = frozenset({"補助記号", "空白", "助詞", "助動詞"})

_PERSON, _SURNAME, _GIVEN, _PLACE, _PROPER, _COMMON = 1, 2, 4, 8, 16, 32


def _flags(pos: tuple[str, ...]) -> int:
    flags = 0
    if len(pos) > 2 and pos[2] == "人名":
        flags |= _PERSON
        if pos[3] == "姓":
            flags |= _SURNAME
        elif pos[3] == "名":
            flags |= _GIVEN
    if len(pos) > 2 and pos[2] == "地名":
        flags |= _PLACE
    if len(pos) > 1 and pos[1] == "固有名詞":
        flags |= _PROPER
    if pos[0] == "名詞" and len(pos) > 1 and pos[1] == "普通名詞":
        flags |= _COMMON
    return flags


class Token(tuple):  # noqa: SLOT001 - a tuple subclass is the cheapest record to build
    """One morpheme: (surface, start, end, pos, oov, flags); offsets into the text."""

    __slots__ = ()

    surface = property(itemgetter(0))
    start = property(itemgetter(1))
    end = property(itemgetter(2))
    pos = property(itemgetter(3))
    oov = property(itemgetter(4))

    @property
    def is_person(self) -> bool:
        return bool(self[5] & _PERSON)

    @property
    def is_surname(self) -> bool:
        return bool(self[5] & _SURNAME)

    @property
    def is_given(self) -> bool:
        return bool(self[5] & _GIVEN)

    @property
    def is_place(self) -> bool:
        return bool(self[5] & _PLACE)

    @property
    def is_proper(self) -> bool:
        return bool(self[5] & _PROPER)

    @property
    def is_common_noun(self) -> bool:
        return bool(self[5] & _COMMON)


NAME_OR_PLACE = _PERSON | _PLACE
PERSON_OR_PROPER = _PERSON | _PROPER


def indices_with(tokens: tuple[Token, ...], flags: int) -> list[int]:
    """Indices of the tokens carrying any of `flags` (one C-speed pass, no property calls)."""
    return [i for i, t in enumerate(tokens) if t[5] & flags]


def make_token(surface: str, start: int, end: int, pos: tuple[str, ...], oov: bool) -> Token:
    return Token((surface, start, end, pos, oov, _flags(pos)))


_MADV_RANDOM, _MADV_DONTNEED = 1, 4


def _dictionary_advise(marker: str = "system.dic") -> int:
    """Tell the kernel the dictionary mapping is read at random, and drop what loading touched.

    Sudachi maps its 200 MB dictionary and reads a few entries per word. The kernel's
    default read-ahead pulls in 128 KB around every page a lookup touches, and loading
    reads the tables once: without this advice a process holds ~80 MB of the file it does
    not use. Pages dropped here come back from the page cache when a lookup needs them.
    Read-only mappings only (dropping a written private page would lose the write).
    Returns the bytes advised; 0 where /proc or madvise is not available.
    """
    if not sys.platform.startswith("linux"):
        return 0
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        madvise = libc.madvise
        madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        advised = 0
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for line in maps:
                fields = line.split()
                if len(fields) < 6 or not fields[-1].endswith(marker) or "w" in fields[1]:
                    continue
                start, end = (int(x, 16) for x in fields[0].split("-"))
                if madvise(start, end - start, _MADV_RANDOM) == 0:
                    madvise(start, end - start, _MADV_DONTNEED)
                    advised += end - start
        return advised
    except (OSError, AttributeError, ValueError):
        return 0


_local = threading.local()


def _dictionary() -> tuple[Any, list[tuple[tuple[str, ...], int, bool]]]:
    """The dictionary and its part-of-speech table, loaded once per process."""
    state = _state.get("dict")
    if state is None:
        with _lock:
            state = _state.get("dict")
            if state is None:
                from sudachipy import Dictionary

                dictionary = Dictionary(dict="core")
                pos_table: list[tuple[tuple[str, ...], int, bool]] = []
                while True:
                    pos = dictionary.pos_of(len(pos_table))
                    if pos is None:
                        break
                    pos = tuple(pos)
                    pos_table.append((pos, _flags(pos), pos[0] not in _NO_OOV))
                _dictionary_advise()
                state = (dictionary, pos_table)
                _state["dict"] = state
    return state


def _tokenizer() -> tuple[Any, list[tuple[tuple[str, ...], int, bool]]]:
    """This thread's tokenizer: a Sudachi Tokenizer refuses to be used by two threads at
    once ("Tokenizer is already in use"), and threaded servers screen in parallel."""
    tokenizer = getattr(_local, "tokenizer", None)
    dictionary, pos_table = _dictionary()
    if tokenizer is None:
        from sudachipy import SplitMode

        # Only the part of speech is read (surfaces are sliced from the text).
        tokenizer = dictionary.tokenizer(mode=SplitMode.C, fields={"pos"})
        _local.tokenizer = tokenizer
    return tokenizer, pos_table


def warm_up() -> None:
    """Load the dictionary now (at process start) instead of on the first prompt."""
    tokenize("前橋市役所の山田太郎さん")
    # Everything loaded so far (Django, the dictionary's tables, compiled patterns) lives
    # for the whole process: keep it out of the cyclic collector's full passes, which
    # otherwise land on a random prompt as a 10–100 ms pause (the p99).
    gc.collect()
    gc.freeze()
    # A 4,000-character prompt allocates ~10,000 objects (tokens, spans), almost all freed
    # by reference counting; with the default threshold (700) that is a dozen young-
    # generation passes per prompt and, every few prompts, an older-generation pass over
    # the cached tokenisations: measured as +1.3 ms on the p99. Collect less often.
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 20_000), max(threshold[1], 50), max(threshold[2], 100))


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= _CHUNK:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + _CHUNK, len(text))
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind("。", start, end))
            if cut > start + _CHUNK // 2:
                end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


def _has_letters(text: str) -> bool:
    """True when `text` has any letter (Latin, kana, kanji …), i.e. something to tokenise."""
    if text.isascii():
        return any(c.isalpha() for c in text)
    return True


# Sudachi releases the GIL while it analyses a text, so a long prompt is cut in two at a
# sentence boundary near its middle and the halves are analysed on two cores at once.
_PARALLEL_MIN = 1500
_pools: dict[int, ThreadPoolExecutor] = {}


def _parallel_pool() -> ThreadPoolExecutor | None:
    """One helper thread per process, made on first use; keyed by pid because a forked
    child (a prefork Celery worker) inherits the pool object but not its thread."""
    if (os.cpu_count() or 1) < 2:
        return None
    pid = os.getpid()
    pool = _pools.get(pid)
    if pool is None:
        with _lock:
            pool = _pools.get(pid)
            if pool is None:
                _pools.clear()
                pool = _pools[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sudachi")
    return pool


def _split_middle(base: int, chunk: str) -> list[tuple[int, str]]:
    """Cut a chunk in two at the newline or 。 closest to its middle (none: keep it whole)."""
    if len(chunk) < _PARALLEL_MIN:
        return [(base, chunk)]
    middle = len(chunk) // 2
    lo, hi = len(chunk) // 4, len(chunk) * 3 // 4
    cuts = [c for c in (chunk.rfind("\n", lo, middle), chunk.find("\n", middle, hi),
                        chunk.rfind("。", lo, middle), chunk.find("。", middle, hi)) if c >= 0]
    if not cuts:
        return [(base, chunk)]
    cut = min(cuts, key=lambda c: abs(c - middle)) + 1
    return [(base, chunk[:cut]), (base + cut, chunk[cut:])]


# A piece is analysed in units of about this many characters, cut at line breaks. Sudachi's
# number joining moves the rest of its result for every number it joins, so its cost grows
# with the square of the length analysed at once (callgrind: 110.8M -> 102.6M instructions
# for a 4,000-character prompt with units against whole halves).
_UNIT = 700


def _units(piece: str) -> list[tuple[int, str]]:
    """`piece` cut at lone line breaks into units of about _UNIT characters; each unit after
    the first starts with the line break the one before ends with."""
    if len(piece) < 2 * _UNIT:
        return [(0, piece)]
    units: list[tuple[int, str]] = []
    start = 0
    while len(piece) - start >= 2 * _UNIT:
        cut = piece.find("\n", start + _UNIT, len(piece) - _UNIT)
        while cut >= 0 and (piece[cut - 1].isspace() or piece[cut + 1].isspace()):
            cut = piece.find("\n", cut + 1, len(piece) - _UNIT)
        if cut < 0:
            break
        units.append((start, piece[start : cut + 1]))
        start = cut
    units.append((start, piece[start:]))
    return units


def _joins_cleanly(before: Any, after: Any) -> bool:
    """The unit before ends with, and the next one starts with, the one-character token of
    the line break they share."""
    if before is None or after is None or len(before) == 0 or len(after) == 0:
        return False
    last = before[len(before) - 1]
    return last.end() - last.begin() == 1 and after[0].end() == 1


def _analyse(chunk: str) -> list[tuple[int, Any, int]] | None:
    """Sudachi's morphemes for one chunk, with this thread's tokenizer, as (offset in the
    chunk, morphemes, leading morphemes to skip) per unit; None if refused.

    Units overlap by the line break between them and the second copy is skipped. That gives
    the tokens of one pass over the chunk: every path through Sudachi's lattice goes through
    a line break's single node (no word holds one, and only spaces group with it into a
    longer unknown word, hence "lone"), so the best path is the best path up to it followed
    by the best path from it. Both copies are checked to be that one-character token; the
    chunk is analysed in one pass otherwise.
    """
    tokenizer, _ = _tokenizer()
    try:
        parts: list[tuple[int, Any, int]] = []
        for offset, unit in _units(chunk):
            morphemes = tokenizer.tokenize(unit)
            if parts and not _joins_cleanly(parts[-1][1], morphemes):
                return [(0, tokenizer.tokenize(chunk), 0)]
            parts.append((offset, morphemes, 1 if parts else 0))
        return parts
    except Exception:  # noqa: BLE001 - Sudachi rejects some odd inputs; the chunk has no words
        return None


def _add_records(tokens: list[Token], text: str, base: int,
                 parts: list[tuple[int, Any, int]] | None) -> None:
    """Append the records of one piece's morphemes (the piece starts at `base` in `text`)."""
    if parts is None:
        return
    for offset, morphemes, skip in parts:
        _add_unit_records(tokens, text, base + offset, morphemes, skip)


def _add_unit_records(tokens: list[Token], text: str, base: int, morphemes: Any,
                      skip: int) -> None:
    _, pos_table = _dictionary()
    # Token(t) goes through the type's vectorcall; Token.__new__(Token, t) built an argument
    # tuple per token (~25 % slower).
    record = Token
    append = tokens.append
    begin = base + skip  # the skipped morphemes are one character each (a line break)
    # Morphemes cover the piece without gaps, so each begins where the last ended;
    # the OOV flag is only asked for parts of speech a detector looks it up on.
    for m in islice(morphemes, skip, None) if skip else morphemes:
        end = base + m.end()
        pos, flags, wants_oov = pos_table[m.part_of_speech_id()]
        append(record((text[begin:end], begin, end, pos,
                       m.is_oov() if wants_oov else False, flags)))
        begin = end


@lru_cache(maxsize=4)
def tokenize(text: str) -> tuple[Token, ...]:
    """Tokenise normalised text; offsets are character offsets into `text`."""
    if not _has_letters(text):
        return ()  # digits, punctuation and spaces only (a CSV cell 2024-04-01): no words
    pieces = [p for base, chunk in _chunks(text) for p in _split_middle(base, chunk) if p[1].strip()]
    pool = _parallel_pool() if len(pieces) > 1 else None
    later = [pool.submit(_analyse, chunk) for _, chunk in pieces[1:]] if pool is not None else []
    tokens: list[Token] = []
    # The first piece's records are built while the helper may still be in Sudachi; a piece
    # the helper has not started (busy with another prompt) is analysed here instead.
    for k, (base, chunk) in enumerate(pieces):
        job = later[k - 1] if k and later else None
        morphemes = job.result() if job is not None and not job.cancel() else _analyse(chunk)
        _add_records(tokens, text, base, morphemes)
    return tuple(tokens)


@lru_cache(maxsize=8192)
def can_be_surname(word: str) -> bool:
    """True when the dictionary has a 姓 entry for `word`, whichever reading the sentence
    was given (小川 the stream, 野村 the company, 石田 the place)."""
    dictionary, pos_table = _dictionary()
    with _lock:  # a lookup is cheap and rare (once per word); no need to share it
        entries = dictionary.lookup(word)
    return any(pos_table[m.part_of_speech_id()][0][2:4] == ("人名", "姓") for m in entries)


@lru_cache(maxsize=8192)
def person_kind(word: str) -> str | None:
    """Sudachi's 人名 subtype (姓, 名, 一般) when `word` is one person-name token."""
    tokenizer, pos_table = _tokenizer()
    try:
        morphemes = tokenizer.tokenize(word)
    except Exception:  # noqa: BLE001
        return None
    if len(morphemes) != 1:
        return None
    pos = pos_table[morphemes[0].part_of_speech_id()][0]
    return pos[3] if len(pos) > 3 and pos[2] == "人名" else None
