"""SudachiPy tokenisation, loaded once per process (lazy) and cached for the last texts."""
from __future__ import annotations

import gc
import threading
from functools import lru_cache
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


def make_token(surface: str, start: int, end: int, pos: tuple[str, ...], oov: bool) -> Token:
    return Token((surface, start, end, pos, oov, _flags(pos)))


def _tokenizer() -> tuple[Any, list[tuple[str, ...]]]:
    state = _state.get("tok")
    if state is None:
        with _lock:
            state = _state.get("tok")
            if state is None:
                from sudachipy import Dictionary, SplitMode

                dictionary = Dictionary(dict="core")
                tokenizer = dictionary.tokenizer(mode=SplitMode.C)
                pos_table: list[tuple[tuple[str, ...], int]] = []
                while True:
                    pos = dictionary.pos_of(len(pos_table))
                    if pos is None:
                        break
                    pos = tuple(pos)
                    pos_table.append((pos, _flags(pos), pos[0] not in _NO_OOV))
                state = (tokenizer, pos_table)
                _state["tok"] = state
    return state


def warm_up() -> None:
    """Load the dictionary now (at process start) instead of on the first prompt."""
    tokenize("前橋市役所の山田太郎さん")
    # Everything loaded so far (Django, the dictionary's tables, compiled patterns) lives
    # for the whole process: keep it out of the cyclic collector's full passes, which
    # otherwise land on a random prompt as a 10–100 ms pause (the p99).
    gc.collect()
    gc.freeze()


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


@lru_cache(maxsize=4)
def tokenize(text: str) -> tuple[Token, ...]:
    """Tokenise normalised text; offsets are character offsets into `text`."""
    if not _has_letters(text):
        return ()  # digits, punctuation and spaces only (a CSV cell 2024-04-01): no words
    tokenizer, pos_table = _tokenizer()
    tokens: list[Token] = []
    for base, chunk in _chunks(text):
        if not chunk.strip():
            continue
        try:
            morphemes = tokenizer.tokenize(chunk)
        except Exception:  # noqa: BLE001, S112 - Sudachi rejects some odd inputs; skip the chunk
            continue
        new = Token.__new__
        append = tokens.append
        begin = 0
        # Morphemes cover the chunk without gaps, so each begins where the last ended;
        # the OOV flag is only asked for parts of speech a detector looks it up on.
        for m in morphemes:
            end = m.end()
            pos, flags, wants_oov = pos_table[m.part_of_speech_id()]
            append(new(Token, (chunk[begin:end], base + begin, base + end, pos,
                               m.is_oov() if wants_oov else False, flags)))
            begin = end
    return tuple(tokens)


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
