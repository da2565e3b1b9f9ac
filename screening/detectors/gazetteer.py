"""Words two public dictionaries know, and as what: a person, a place, a company …

A katakana word alone says little (ブラウン is a surname, ブラウン管 a tube; パーク is a surname
and a park). What the EDRDG's dictionaries say of it is one more piece of evidence for the name
model (`name_model`): JMnedict lists ~77,000 katakana names with their kind (surname, given
name, person, place, company, product … or "unclassified", mostly foreign surnames), and JMdict
~60,000 katakana words of the language (loanwords). Two more kinds serve the name rules
(`names`): `notable`, a full name in kanji that JMnedict lists as one person's (~46,000:
織田信長, 杉浦太陽, whose given names the tokenizer may read as words), and `given_kana`, a
given name JMnedict writes in hiragana only (~3,900: あかり, ひな). `name_gazetteer.tsv.gz`
beside this file holds those entries, one `word<TAB>kinds` a line;
`python -m screening.build_gazetteer` writes it from the jamdict-data package (JMdict and
JMnedict, © the Electronic Dictionary Research and Development Group, CC BY-SA 4.0; the file
is a derived work under the same licence).

In memory the entries are one sorted array of 64-bit integers (a CRC-32 of the word with its
length, then its kinds as bits): ~1 MB, where a dict of the strings would hold ~15 MB.
A lookup is a binary search. Two words with the same CRC and length (one in a few hundred
thousand lookups) share their kinds: the model reads them as a hint only.
"""
from __future__ import annotations

import gzip
import threading
import zlib
from array import array
from bisect import bisect_left
from pathlib import Path
from typing import Any

from screening.detectors.model_file import loaded_once

GAZETTEER_PATH = Path(__file__).with_name("name_gazetteer.tsv.gz")
# The kinds, in bit order; a line of the file lists them by name.
KINDS = ("person", "unclassified", "place", "organization", "word", "notable", "given_kana")
_BITS = {kind: 1 << i for i, kind in enumerate(KINDS)}
_KIND_BITS = len(KINDS)
_MASK = (1 << _KIND_BITS) - 1
_lock = threading.Lock()
_state: dict[str, Any] = {}


def _key(word: str) -> int:
    return (zlib.crc32(word.encode("utf-8")) << 8 | min(len(word), 255)) << _KIND_BITS


def load(path: Path = GAZETTEER_PATH) -> dict[str, Any]:
    merged: dict[int, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, _, kinds = line.rstrip("\n").partition("\t")
            bits = 0
            for kind in kinds.split(","):
                bits |= _BITS[kind]
            key = _key(word)
            merged[key] = merged.get(key, 0) | bits
    return {"model": array("Q", sorted(key | bits for key, bits in merged.items()))}


def loaded_table() -> array:
    """The table, read from its file once per process (thread-safe)."""
    return loaded_once(_state, _lock, lambda: load())["model"]


def kinds(word: str) -> tuple[str, ...]:
    """What the dictionaries call `word` (empty when neither has it)."""
    table = loaded_table()
    key = _key(word)
    at = bisect_left(table, key)
    if at == len(table) or table[at] & ~_MASK != key:
        return ()
    bits = table[at] & _MASK
    return tuple(kind for kind in KINDS if bits & _BITS[kind])


def is_given_kana(word: str) -> bool:
    """A given name JMnedict writes in hiragana only, the word given in hiragana or katakana
    (ショウ is looked up as しょう)."""
    hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in word)
    return "given_kana" in kinds(hiragana)
