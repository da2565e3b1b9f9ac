"""A learned look at the words the name rules left alone (hint level: masked, never a block).

The rules in `names` find a name by its dictionary tag, an honorific, a label or a title. Text
written about people names them as often with nothing of the kind: on second mention, by
surname or by a lone katakana word (「翌年、ブラウンは引退した」「これに対し伊藤は反論した」),
where the same shapes are as often companies, places or things (「ブラウン管」「トヨタは」).
This model reads such a candidate with the words around it: the word itself, its parts of
speech, its last characters, what two public dictionaries call it (`gazetteer`: a person, a
place, a company, a loanword), and the two words on each side.

Candidates are katakana runs (with ・ or = between parts), runs of capitalised Latin words, and
words of one to three kanji that can be a surname, standing alone before は, が, の … (森は,
川崎が), that no rule found. (Every kanji token was a candidate at first: on the Wikipedia set
that added 7 names for 19 false ones, and was dropped. In the ninth session kanji came back in
this narrower form, with two corpora written for them and a feature for what the sentence says
the person did: 結婚, 就任, 死去, 述べ …) A candidate the model scores at or above the
threshold becomes a hint-level person_name finding: it is masked with the others, and never
decides a block or a warning on its own.

The weights are a logistic regression trained by `python -m screening.train_name_model` on
the labelled sentences in tests/data/name_corpus (written for this project; never the
evaluation sets); they live in `name_model.json` beside this file.
"""
from __future__ import annotations

import json
import math
import re
import threading
from itertools import repeat
from pathlib import Path
from typing import Any

from screening.detectors.gazetteer import kinds as gazetteer_kinds
from screening.detectors.model_file import loaded_once
from screening.detectors.tokens import Token, can_be_surname

MODEL_PATH = Path(__file__).with_name("name_model.json")
REASON = "name_model"

_KATA_RUN = re.compile(
    r"(?<![ァ-ヴー・=A-Za-z])[ァ-ヴ][ァ-ヴー]+(?:[・=][ァ-ヴ][ァ-ヴー]+){0,3}(?![ァ-ヴー・=])"
)
_LATIN_RUN = re.compile(
    r"(?<![A-Za-z0-9@.\-/])[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-.]*){0,3}(?![A-Za-z0-9@/])"
)
_HAS_KATA = re.compile(r"[ァ-ヴ]").search
# A word of one to three kanji, not inside a longer kanji word, before what follows a surname
# used alone as a subject, object or owner (森は, 川崎が, 瀬戸との).
_KANJI_LONE = re.compile(r"(?<![一-龥々])[一-龥々]{1,3}(?=[はがのとにをもや、ら])")
_LONE_AFTER = frozenset("は が の と に を も や 、 ら".split())
# Things only people do, said later in the sentence: the strongest sign that a surname, a
# place-like word or a katakana word alone is someone.
_HUMAN_PREDICATE = re.compile(
    r"結婚|離婚|死去|死亡|亡くな|逝去|生まれ|誕生|就任|辞任|退任|引退|当選|落選|出演|主演|演じ|歌唱|歌っ|"
    r"語っ|語り|述べ|発言|反論|批判|主張|証言|告白|説得|指名|任命|雇わ|雇用|師事|入学|卒業|留学|入団|"
    r"退団|移籍|受賞|優勝|敗れ|埋葬|投獄|逮捕|処刑|暗殺|殺さ|出家|即位|隠居|学ん|執筆|作曲|監督を|"
    r"指揮|入社|退社|辞職|辞め|嫁い|妻|夫|息子|娘|父|母|兄|弟|姉|妹|弟子|本人|自ら|彼|彼女"
)
_HAS_UPPER = re.compile(r"[A-Z]").search
_PARTS = re.compile(r"[・=]").split
_lock = threading.Lock()
_state: dict[str, Any] = {}


_POS_TEXT: dict[tuple[str, ...], str] = {}


def _pos(tok: Token) -> str:
    pos = tok[3]
    text = _POS_TEXT.get(pos)
    if text is None:
        text = _POS_TEXT[pos] = "-".join(p for p in pos[1:4] if p != "*")
    return text


def _flags(tok: Token) -> str:
    """The dictionary's reading of a word: its name/place/proper/common bits, and unknown."""
    return f"{tok[5]}{'O' if tok[4] else ''}"


def candidates(
    norm: str, tokens: tuple[Token, ...], by_start: dict[int, int], by_end: dict[int, int],
    taken: list[tuple[int, int]],
) -> list[tuple[int, int, str, int, int]]:
    """(start, end, kind, first token, end token) of every span the model looks at."""
    covered = bytearray(len(norm) + 1)
    for a, b in taken:
        covered[a:b] = b"\x01" * (b - a)
    out: list[tuple[int, int, str, int, int]] = []

    def add(start: int, end: int, kind: str) -> None:
        i, j = by_start.get(start), by_end.get(end)
        if i is None or j is None or 1 in covered[start:end]:
            return
        out.append((start, end, kind, i, j + 1))

    if _HAS_KATA(norm):
        for m in _KATA_RUN.finditer(norm):
            add(m.start(), m.end(), "kata")
    if _HAS_UPPER(norm):
        for m in _LATIN_RUN.finditer(norm):
            add(m.start(), m.end(), "latin")
    # A kanji word alone that can be a surname, used as a subject, object or owner.
    last = len(tokens) - 1
    for m in _KANJI_LONE.finditer(norm):
        i = by_start.get(m.start())
        if i is None or i == last or tokens[i][2] != m.end() or covered[m.start()]:
            continue
        if tokens[i + 1][0] in _LONE_AFTER and can_be_surname(m.group()):
            out.append((m.start(), m.end(), "kanji", i, i + 1))
    return out


def features(norm: str, tokens: tuple[Token, ...], start: int, end: int, kind: str,
             i: int, j: int) -> list[str]:
    """The candidate's features, as the training script counts them."""
    text = norm[start:end]
    inner = [t for t in tokens[i:j] if t[0] not in ("・", "=", " ")]
    feats = ["k:" + kind, f"n:{min(len(text), 8)}", f"parts:{len(inner)}", "w:" + text,
             "e1:" + text[-1], "e2:" + text[-2:], "b1:" + text[0]]
    feats += ["p:" + _pos(t) for t in inner]
    # within the sentence, at most 60 characters on
    stop = norm.find("。", end, end + 60)
    if _HUMAN_PREDICATE.search(norm, end, end + 60 if stop < 0 else stop):
        feats.append("hp:" + kind)
    if start == 0 or norm[start - 1] in "。\n":
        feats.append("first:" + kind)  # the sentence begins with it
    if kind == "kata":
        # What JMdict and JMnedict call the word, and each part of a ・ or = name.
        feats += ["g:" + g for g in gazetteer_kinds(text) or ("none",)]
        parts = _PARTS(text)
        if len(parts) > 1:
            feats += ["gp:" + g for part in parts for g in gazetteer_kinds(part) or ("none",)]
    feats += ["f:" + _flags(t) for t in inner]
    left = [t for t in tokens[max(0, i - 3) : i] if t[0] != " "][-2:]
    right = [t for t in tokens[j : j + 4] if t[0] != " "][:3]
    l1 = left[-1][0] if left else "^"
    l2 = left[-2][0] if len(left) > 1 else "^"
    r1 = right[0][0] if right else "$"
    r2 = right[1][0] if len(right) > 1 else "$"
    r3 = right[2][0] if len(right) > 2 else "$"
    feats += ["l1:" + l1, "l2:" + l2, "l12:" + l2 + "|" + l1, "r1:" + r1, "r2:" + r2,
              "r12:" + r1 + "|" + r2, "r123:" + r1 + "|" + r2 + "|" + r3,
              "l1p:" + (_pos(left[-1]) if left else "^"), "r1p:" + (_pos(right[0]) if right else "$"),
              "r2p:" + (_pos(right[1]) if len(right) > 1 else "$"), "kr1:" + kind + "|" + r1]
    return feats


def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def loaded_model() -> dict[str, Any]:
    """The model, read from its JSON once per process (thread-safe)."""
    return loaded_once(_state, _lock, load_model)


def score(feats: list[str], model: dict[str, Any]) -> float:
    z = model["intercept"] + sum(map(model["weights"].get, feats, repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-z))


def model_names(
    norm: str, tokens: tuple[Token, ...], by_start: dict[int, int], by_end: dict[int, int],
    taken: list[tuple[int, int]], model: dict[str, Any] | None = None,
) -> list[tuple[int, int]]:
    """Spans the model reads as a person's name."""
    model = model or loaded_model()
    threshold = model["threshold"]
    return [
        (start, end)
        for start, end, kind, i, j in candidates(norm, tokens, by_start, by_end, taken)
        if score(features(norm, tokens, start, end, kind, i, j), model) >= threshold
    ]
