"""Person-name lexicon from JMnedict (EDRDG, CC-BY-SA 4.0), for names Sudachi does not know.

The data comes from the `jamdict-data` package (a compressed SQLite build of JMdict and
JMnedict). Only JMnedict entries typed as a person (person, surname, given, fem, masc,
unclass) are kept, in kanji and katakana forms, with the entry's types as flags. The
lexicon is generated once from the installed package (about 10 s) into a marisa-trie
(1.4 MB) plus one flag byte per word, cached beside the virtualenv, and memory-mapped:
it adds well under 1 MB of private memory to a process.

Nothing is committed: without `jamdict-data` (or `marisa-trie`) the lexicon is empty
and the name detector works from Sudachi and the rules alone.

    python -m screening.detectors.lexicon build   # generate now (install time)
    python -m screening.detectors.lexicon CHECK…  # look words up
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

SURNAME, GIVEN, PERSON, UNCLASS, OTHER = 1, 2, 4, 8, 16
"""Flags: a surname, a given name (given/fem/masc), a full person entry, an unclassified
name, and also a place, station, company … (川崎, 本田: both a surname and a place)."""

_TYPES = {"surname": SURNAME, "given": GIVEN, "fem": GIVEN, "masc": GIVEN,
          "person": PERSON, "unclass": UNCLASS}
_PERSON_TYPES = tuple(_TYPES)
_FORM = re.compile(r"^(?:[一-龥々〆ヶ]{1,8}|[ァ-ヴ][ァ-ヴー]{0,15}(?:[・=][ァ-ヴ][ァ-ヴー]*){0,3})$")
_VERSION = "1"  # bump when the selection above changes

_lock = threading.Lock()
_state: dict[str, Any] = {}


def _source_db() -> Path | None:
    try:
        import jamdict_data  # type: ignore[import-untyped]
    except ImportError:
        return None
    path = Path(jamdict_data.JAMDICT_DB_PATH)
    return path if path.is_file() else None


def _cache_dirs() -> list[Path]:
    dirs = []
    if os.environ.get("SCREENING_LEXICON_DIR"):
        dirs.append(Path(os.environ["SCREENING_LEXICON_DIR"]))
    dirs.append(Path(sys.prefix) / "share" / "screening")
    dirs.append(Path(__file__).resolve().parents[2] / "var" / "lexicon")
    return dirs


def extract(db_path: Path) -> dict[str, int]:
    """Person-name forms and their flags, read from a jamdict SQLite file."""
    import sqlite3

    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        types: dict[int, int] = {}
        for idseq, kind in con.execute(
            "SELECT t.idseq, tt.text FROM NETranslation t JOIN NETransType tt ON tt.tid = t.ID"
        ):
            types[idseq] = types.get(idseq, 0) | _TYPES.get(kind, OTHER)
        forms: dict[str, int] = {}
        for table in ("NEKanji", "NEKana"):
            for idseq, text in con.execute(f"SELECT idseq, text FROM {table}"):  # noqa: S608
                flags = types.get(idseq, 0)
                if flags & ~OTHER and _FORM.match(text):
                    forms[text] = forms.get(text, 0) | flags
        return forms
    finally:
        con.close()


def build(forms: dict[str, int], directory: Path) -> Path:
    """Write the trie and its flag bytes into `directory`; returns the trie's path."""
    import marisa_trie  # type: ignore[import-not-found]

    directory.mkdir(parents=True, exist_ok=True)
    trie = marisa_trie.Trie(forms)
    flags = bytearray(len(trie))
    for word, flag in forms.items():
        flags[trie[word]] = flag
    target = directory / f"jmnedict-names-{_VERSION}.marisa"
    with tempfile.NamedTemporaryFile(dir=directory, delete=False) as tmp:
        pass
    trie.save(tmp.name)
    os.chmod(tmp.name, 0o644)
    Path(tmp.name + ".flags").write_bytes(bytes(flags))
    os.replace(tmp.name + ".flags", str(target) + ".flags")
    os.replace(tmp.name, target)
    return target


class Lexicon:
    """A memory-mapped word → flags table (empty when nothing could be loaded)."""

    def __init__(self, trie: Any = None, flags: bytes = b"") -> None:
        self._trie = trie
        self._flags = flags

    def __len__(self) -> int:
        return len(self._flags)

    def flags(self, word: str) -> int:
        if self._trie is None:
            return 0
        key = self._trie.get(word)
        return 0 if key is None else self._flags[key]

    @classmethod
    def from_forms(cls, forms: dict[str, int]) -> Lexicon:
        """An in-memory lexicon (tests, or a deployment that ships its own list)."""
        import marisa_trie

        trie = marisa_trie.Trie(forms)
        flags = bytearray(len(trie))
        for word, flag in forms.items():
            flags[trie[word]] = flag
        return cls(trie, bytes(flags))

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        import marisa_trie

        trie = marisa_trie.Trie()
        trie.mmap(str(path))
        return cls(trie, Path(str(path) + ".flags").read_bytes())


def _find_or_build() -> Lexicon:
    name = f"jmnedict-names-{_VERSION}.marisa"
    try:
        import marisa_trie  # noqa: F401
    except ImportError:
        return Lexicon()
    for directory in _cache_dirs():
        path = directory / name
        if path.is_file() and Path(str(path) + ".flags").is_file():
            return Lexicon.load(path)
    db = _source_db()
    if db is None:
        return Lexicon()
    forms = extract(db)
    for directory in _cache_dirs():
        try:
            return Lexicon.load(build(forms, directory))
        except OSError:
            continue
    return Lexicon.from_forms(forms)


def lexicon() -> Lexicon:
    """The process-wide lexicon (loaded, or generated and cached, on first use)."""
    lex = _state.get("lex")
    if lex is None:
        with _lock:
            lex = _state.get("lex")
            if lex is None:
                if os.environ.get("SCREENING_NAME_LEXICON", "1") == "0":
                    lex = Lexicon()
                else:
                    lex = _find_or_build()
                _state["lex"] = lex
    return lex


def set_lexicon(lex: Lexicon | None) -> None:
    """Replace the process-wide lexicon (tests); None reloads it on next use."""
    with _lock:
        if lex is None:
            _state.pop("lex", None)
        else:
            _state["lex"] = lex


def name_flags(word: str) -> int:
    return lexicon().flags(word)


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        db = _source_db()
        if db is None:
            print("jamdict-data is not installed: no lexicon", file=sys.stderr)
            return 1
        forms = extract(db)
        for directory in _cache_dirs():
            try:
                path = build(forms, directory)
            except OSError:
                continue
            print(f"{len(forms)} names → {path}")
            return 0
        return 1
    lex = lexicon()
    print(f"{len(lex)} names")
    for word in argv:
        print(word, lex.flags(word))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
