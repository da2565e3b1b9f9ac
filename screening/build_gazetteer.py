"""Write `screening/detectors/name_gazetteer.tsv.gz` from JMdict and JMnedict.

    python -m screening.build_gazetteer [--db PATH] [--out PATH]

Reads the SQLite database of the jamdict-data package (JMdict, JMnedict; © the Electronic
Dictionary Research and Development Group, CC BY-SA 4.0) and keeps, with what the dictionaries
call each word:
- every katakana word of two or more characters (・ and ＝ allowed between parts; ＝ written =
  as in normalised text): JMnedict's name types folded into person / unclassified / place /
  organization, and `word` for a JMdict entry;
- `notable`: the full name, in three to seven kanji, of one individual JMnedict lists as a
  person (織田信長, 芥川龍之介), unless JMnedict also has it as a place or an organisation;
- `given_kana`: a given name of two to four hiragana that JMnedict lists without any kanji
  form (あかり, あすか).
jamdict-data is needed here only; the portal reads the file.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

from screening.detectors.gazetteer import GAZETTEER_PATH, KINDS

_KATAKANA = re.compile(r"[ァ-ヴー][ァ-ヴー・=]*[ァ-ヴー]")
_KANJI_FULL_NAME = re.compile(r"[一-龥々]{3,7}")
_HIRAGANA_GIVEN = re.compile(r"[ぁ-ゖ]{2,4}")
_GIVEN_TYPES = frozenset({"given", "fem", "masc"})
_NOT_ONE_PERSON = frozenset(
    {"place", "station", "company", "organization", "product", "work", "service"}
)
# JMnedict's name types (name_type in its DTD) by the kind the name model reads.
NAME_TYPES = {
    "surname": "person", "given": "person", "fem": "person", "masc": "person",
    "person": "person", "unclass": "unclassified", "place": "place", "station": "place",
    "company": "organization", "organization": "organization", "product": "organization",
    "work": "organization", "service": "organization",
}


def default_db() -> Path:
    import jamdict_data

    return Path(jamdict_data.JAMDICT_DB_PATH)


def entries(db: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        names = conn.execute(
            "SELECT k.text, tt.text FROM NEKana k JOIN NETranslation t ON t.idseq = k.idseq "
            "JOIN NETransType tt ON tt.tid = t.ID"
        )
        for word, name_type in names:
            word = word.replace("＝", "=")
            if name_type in NAME_TYPES and _KATAKANA.fullmatch(word):
                found[word].add(NAME_TYPES[name_type])
        for (word,) in conn.execute("SELECT text FROM Kana"):
            word = word.replace("＝", "=")
            if _KATAKANA.fullmatch(word):
                found[word].add("word")
        types: dict[str, set[str]] = defaultdict(set)
        for word, name_type in conn.execute(
            "SELECT k.text, tt.text FROM NEKanji k JOIN NETranslation t ON t.idseq = k.idseq "
            "JOIN NETransType tt ON tt.tid = t.ID"
        ):
            if _KANJI_FULL_NAME.fullmatch(word):
                types[word].add(name_type)
        for word, kinds in types.items():
            if "person" in kinds and not kinds & _NOT_ONE_PERSON:
                found[word].add("notable")
        for word, name_type in conn.execute(
            "SELECT k.text, tt.text FROM NEKana k JOIN NETranslation t ON t.idseq = k.idseq "
            "JOIN NETransType tt ON tt.tid = t.ID "
            "WHERE NOT EXISTS (SELECT 1 FROM NEKanji j WHERE j.idseq = k.idseq)"
        ):
            if name_type in _GIVEN_TYPES and _HIRAGANA_GIVEN.fullmatch(word):
                found[word].add("given_kana")
    return found


def render(found: dict[str, set[str]]) -> str:
    order = {kind: i for i, kind in enumerate(KINDS)}
    return "".join(
        f"{word}\t{','.join(sorted(kinds, key=order.__getitem__))}\n"
        for word, kinds in sorted(found.items())
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--db", type=Path, default=None, help="jamdict.db (default: jamdict-data's)")
    ap.add_argument("--out", type=Path, default=GAZETTEER_PATH)
    args = ap.parse_args(argv)
    text = render(entries(args.db or default_db()))
    # mtime 0: the same dictionaries give the same bytes
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
        f.write(text.encode("utf-8"))
    print(f"{text.count(chr(10))} entries -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
