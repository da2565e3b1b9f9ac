"""A learned second look at wording the phrase rules did not catch (warn level only).

The rules in `non_public` and `requests` find the wording they were written for; prompts
written by others phrase a non-public matter, a media request or a private errand in ways
no list foresaw (the blind batches in docs/SCREENING.md: about half of the phrase-category
prompts of a new kind passed the rules). This model reads each sentence's words (Sudachi
surfaces and adjacent pairs) and, where the rules found nothing that changes the decision,
marks the sentence it finds most like a non-public matter, a media request or private use.

It never blocks: its finding has a confidence between HINT_CONFIDENCE and WARN_BELOW, so the
staff member sees the sentence highlighted with the clause and decides (the acknowledgement is
stored). The weights are two logistic regressions (is the sentence one of the three
categories; if so, which) trained by
`python -m screening.train_phrase_model` on the labelled batches in tests/data/prompt_batches
(not on the evaluation sets); they live in `phrase_model.json` beside this file.
"""
from __future__ import annotations

import json
import math
import re
import threading
from bisect import bisect_left
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from screening.detectors.context import PUBLISHED_TEXT
from screening.detectors.model_file import loaded_once
from screening.detectors.non_public import PUBLISHED_ANYWHERE, general_topic
from screening.detectors.normalize import normalize
from screening.detectors.requests import PUBLIC_WORK, TEXT_OUTPUT, WORK_PIVOT
from screening.detectors.tokens import Token, tokenize
from screening.types import HINT_CONFIDENCE, Category, Finding

MODEL_PATH = Path(__file__).with_name("phrase_model.json")
PHRASE_CATEGORIES = (Category.NON_PUBLIC, Category.IMAGE_GENERATION, Category.NON_BUSINESS)
# Warn level: shown, highlighted and acknowledged, never a block on the model's word alone.
CONFIDENCE = 0.4
REASON = "phrase_model"

# A sentence that says what a rulebook provides explains the rules (情報公開条例で非公開と
# される…); it is not itself the matter they protect. A draft of a rulebook (条例改正案) is.
_RULEBOOK = re.compile(
    r"(?:条例|ガイドライン|規程|規則|要領|要綱|指針|法律|法)(?:第\d+条(?:第\d+項)?)?"
    r"(?:で|では|により|によって|に基づ|上の?|の規定)"
    # 「取扱注意」「庁内限り」と表示された文書も同じです: a kind of document, in a rulebook
    r"|[」』]と表示された(?:文書|資料|情報)"
)
# A numbered public notice (前橋市告示第12号) is published by being issued.
_PUBLIC_NOTICE = re.compile(r"(?:告示|公告)第\s?[0-9○〇]")
_ABOUT_MEDIA_RULES = re.compile(r"著作権|肖像権|商標|考え方|ガイドライン|リスク|注意点|留意点|可否")
_PROHIBITION = re.compile(r"禁止(?:です|されて|とし|する)|(?:し|入力し|使用し|利用し)て(?:は)?(?:いけ|なら)(?:ない|ません)|入力しないで")
_SENTENCE = re.compile(r"[^。！？!?\s](?:[^。！？!?\n]*[^。！？!?\s])?")
_lock = threading.Lock()
_state: dict[str, Any] = {}


def text_words(tokens: list[Token] | tuple[Token, ...]) -> tuple[list[str], list[int]]:
    """Every token's surface (spaces included), and where each starts: two C-level maps,
    no Python step per token."""
    return list(map(itemgetter(0), tokens)), list(map(itemgetter(1), tokens))


def sentence_spans(norm: str, starts: list[int]) -> list[tuple[int, int, int, int]]:
    """(lo, hi, first word, end word) for every sentence that has a word."""
    out = []
    for m in _SENTENCE.finditer(norm):
        lo, hi = m.span()
        k, j = bisect_left(starts, lo), bisect_left(starts, hi)
        if j > k:
            out.append((lo, hi, k, j))
    return out


def sentence_features(words: list[str]) -> list[str]:
    """One sentence's features, as the training script counts them: its words ("u:") and
    its adjacent word pairs ("b:", the two words joined by NUL, which no trained text holds),
    repeats counted."""
    return ["u:" + w for w in words] + ["b:" + a + "\0" + b for a, b in zip(words, words[1:], strict=False)]


def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        raw = json.load(f)
    return as_model(raw, float(raw["threshold"]))


def as_model(raw: dict[str, Any], threshold: float) -> dict[str, Any]:
    """The in-memory model: the flag weights split into words and pairs for lookup."""
    flag = raw["flag_weights"]
    return {
        "flag_intercept": float(raw["flag_intercept"]),
        "flag_words": {k[2:]: w for k, w in flag.items() if k.startswith("u:")},
        "flag_pairs": {tuple(k[2:].split("\0", 1)): w for k, w in flag.items() if k.startswith("b:")},
        "classes": list(raw["classes"]),
        "category_intercept": tuple(raw["category_intercept"]),
        "category_weights": {k: tuple(v) for k, v in raw["category_weights"].items()},
        "threshold": threshold,
    }


def loaded_model() -> dict[str, Any]:
    """The model, read from its JSON once per process (thread-safe)."""
    return loaded_once(_state, _lock, load_model)


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p)) if 0.0 < p < 1.0 else (math.inf if p >= 1.0 else -math.inf)


def flag_score(words: list[str], model: dict[str, Any]) -> float:
    """How much one sentence reads like a phrase-category request (0..1, logistic)."""
    z = model["flag_intercept"] + sum(map(model["flag_words"].get, words, repeat(0.0)))
    z += sum(map(model["flag_pairs"].get, zip(words, words[1:], strict=False), repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(z, -30.0)))


def category_of(words: list[str], model: dict[str, Any]) -> Category:
    """Which phrase category a flagged sentence is most like."""
    totals = list(model["category_intercept"])
    weights = model["category_weights"]
    for feature in sentence_features(words):
        row = weights.get(feature)
        if row is not None:
            for k, w in enumerate(row):
                totals[k] += w
    return Category(model["classes"][totals.index(max(totals))])


def detect_phrase_model(text: str, findings: list[Finding]) -> list[Finding]:
    """At most one warn-level finding: the sentence most like a phrase-category request.

    Runs only when the rules found nothing that changes the decision (they explain
    themselves better, and a sentence-long span would swallow their findings). A non-public
    guess is dropped where the prompt says its material is published (as the rules read it:
    掲載済み, 開札済み, 入札結果) and where the sentence talks about the rules themselves.
    Every word is looked up once for the whole text and the sentences' sums are taken from
    running totals.
    """
    if any(f.confidence >= HINT_CONFIDENCE or f.category in PHRASE_CATEGORIES for f in findings):
        return []
    norm = normalize(text)
    tokens = tokenize(norm)
    if not tokens:
        return []
    model = loaded_model()
    words, starts = text_words(tokens)
    spans = sentence_spans(norm, starts)
    # Running totals: word k's weight, and the weight of the pair (k-1, k).
    word_sums = [0.0, *accumulate(map(model["flag_words"].get, words, repeat(0.0)))]
    pairs = zip(words, words[1:], strict=False)
    pair_sums = [0.0, 0.0, *accumulate(map(model["flag_pairs"].get, pairs, repeat(0.0)))]
    bar = _logit(model["threshold"]) - model["flag_intercept"]
    flagged = []
    for lo, hi, k, j in spans:
        z = word_sums[j] - word_sums[k] + pair_sums[j] - pair_sums[k + 1]
        if z >= bar:
            flagged.append((z, lo, hi, k, j))
    published = None
    for _z, lo, hi, k, j in sorted(flagged, key=lambda s: -s[0]):
        category = category_of(words[k:j], model)
        if _PROHIBITION.search(norm, lo, hi):
            continue  # 私的な利用や画像の生成は禁止です: the rules stated, not broken
        if category is Category.NON_PUBLIC:
            if published is None:
                published = bool(PUBLISHED_TEXT.search(norm) or PUBLISHED_ANYWHERE.search(norm)
                                 or _PUBLIC_NOTICE.search(norm))
            if published or _about_rules(norm, lo, hi):
                continue
        if category is Category.NON_BUSINESS and (WORK_PIVOT.search(norm, lo, hi)
                                                  or PUBLIC_WORK.search(norm, lo, hi)):
            continue  # 休日は釣りをするのですが、仕事として…: the hobby is an aside
        if category is Category.IMAGE_GENERATION and _ABOUT_MEDIA_RULES.search(norm, lo, hi):
            continue  # 生成AIで作った画像の著作権について: law and policy about pictures, no picture
        if category is Category.IMAGE_GENERATION and TEXT_OUTPUT.search(norm):
            # チラシの文案, デザインブリーフを文章で: the prompt asks for text about a picture (a
            # picture asked for in words the rules know has already been found by them)
            continue
        return [Finding(category, lo, hi, CONFIDENCE, REASON)]
    return []


def _about_rules(norm: str, lo: int, hi: int) -> bool:
    """The sentence explains a rulebook, or asks how such matters are handled in general
    (as the non-public rules read it)."""
    return bool(_RULEBOOK.search(norm, lo, hi) or general_topic(norm, lo, hi))
