"""Train the phrase model (`screening/detectors/phrase_model.json`) from labelled batches.

    python -m screening.train_phrase_model [--cv] [--threshold T] [BATCH.jsonl ...]

Reads labelled prompts in the evaluation format (by default every
tests/data/prompt_batches/batch*.jsonl, written blind for this project; never the
evaluation sets in ../shared/eval). Each sentence becomes one example:

- a sentence holding a labelled non_public / image_generation / non_business span is an
  example of that category (a one-sentence prompt with the category but no span, too);
- every sentence of a prompt without those categories is an example of "none";
- the other sentences of a phrase-category prompt are left out (their label is unknown).

`--cv` holds out one batch at a time and prints, per threshold, the share of that batch's
phrase-category prompts the model alone would mark and the share of its clean prompts it
would mark (a false warn). scikit-learn is needed here only; the portal reads the JSON.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from screening.detectors.model_file import jsonl_cases, training_main
from screening.detectors.normalize import normalize
from screening.detectors.phrase_model import (
    MODEL_PATH,
    PHRASE_CATEGORIES,
    as_model,
    flag_score,
    sentence_features,
    sentence_spans,
    text_words,
)
from screening.detectors.tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
BATCHES = ROOT / "tests" / "data" / "prompt_batches"
PHRASE = {c.value for c in PHRASE_CATEGORIES}
C = 1.0
DEFAULT_THRESHOLD = 0.8
# Weights smaller than this in every class are dropped from the JSON (they move no decision).
PRUNE = 0.02
_DIGIT = re.compile(r"[0-9]")


def prompt_sentences(text: str) -> list[tuple[int, int, list[str]]]:
    """(lo, hi, words) for each sentence, split as the detector splits them."""
    norm = normalize(text)
    words, starts = text_words(tokenize(norm))
    return [(lo, hi, words[k:j]) for lo, hi, k, j in sentence_spans(norm, starts)]


def _without_digits(features: list[str]) -> list[str]:
    """Amounts, dates and counts teach nothing about wording: a feature with a digit gets no
    weight (the detector then adds nothing for it, as for any word it has not seen)."""
    return [f for f in features if not _DIGIT.search(f)]


def load_batch(path: Path) -> list[dict[str, Any]]:
    rows = []
    for case in jsonl_cases(path):
        text = case["text"]
        spans = []
        for span in case.get("spans", []):
            i = text.find(span["text"])
            if span["category"] in PHRASE and i >= 0:
                spans.append((i, i + len(span["text"]), span["category"]))
        cats = set(case.get("categories", [])) & PHRASE
        sentences = prompt_sentences(text)
        examples = []
        for lo, hi, words in sentences:
            label = next((c for a, b, c in spans if a < hi and b > lo), None)
            if label is None and cats and not spans and len(sentences) == 1:
                label = sorted(cats)[0]
            if label is None and cats:
                continue
            examples.append((_without_digits(sentence_features(words)), label or "none"))
        rows.append({"expect": case["expect"], "cats": cats, "sentences": sentences,
                     "examples": examples})
    return rows


def _logistic(feats: list[list[str]], labels: list[str]) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([Counter(f) for f in feats])
    return vec, LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(x, labels)


def fit(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Two logistic regressions: phrase category or not, and which one for a flagged sentence."""
    examples = [e for r in rows for e in r["examples"]]
    vec, flag = _logistic([f for f, _ in examples], ["none" if lab == "none" else "phrase" for _, lab in examples])
    sign = 1.0 if list(flag.classes_).index("phrase") == 1 else -1.0
    flag_weights = {}
    for name, col in vec.vocabulary_.items():
        w = sign * float(flag.coef_[0, col])
        if abs(w) >= PRUNE:
            flag_weights[name] = round(w, 4)
    positives = [(f, lab) for f, lab in examples if lab != "none"]
    vec, cat = _logistic([f for f, _ in positives], [lab for _, lab in positives])
    classes = list(cat.classes_)
    category_weights = {}
    for name, col in vec.vocabulary_.items():
        row = [float(cat.coef_[k, col]) for k in range(len(classes))]
        if max(abs(w) for w in row) >= PRUNE:
            category_weights[name] = [round(w, 4) for w in row]
    return {
        "flag_intercept": round(sign * float(flag.intercept_[0]), 4),
        "flag_weights": dict(sorted(flag_weights.items())),
        "classes": classes,
        "category_intercept": [round(float(b), 4) for b in cat.intercept_],
        "category_weights": dict(sorted(category_weights.items())),
    }


def prompt_flag(model: dict[str, Any], sentences: list[tuple[int, int, list[str]]]) -> float:
    return max((flag_score(words, model) for _, _, words in sentences), default=0.0)


def cross_validate(batches: dict[str, list[dict[str, Any]]]) -> None:
    thresholds = (0.5, 0.6, 0.7, 0.8, 0.9)
    print("held out   " + "  ".join(f"th {t:.1f} mark/false" for t in thresholds))
    for name in batches:
        train = [r for other, rows in batches.items() if other != name for r in rows]
        model = as_model(fit(train), 1.0)
        rows = batches[name]
        flags = [prompt_flag(model, r["sentences"]) for r in rows]
        must = [f for r, f in zip(rows, flags, strict=True) if r["cats"] and r["expect"] != "pass"]
        clean = [f for r, f in zip(rows, flags, strict=True) if r["expect"] == "pass"]
        cells = []
        for t in thresholds:
            hit = sum(f >= t for f in must) / max(len(must), 1)
            false = sum(f >= t for f in clean) / max(len(clean), 1)
            cells.append(f"   {hit:.2f} / {false:.2f}   ")
        print(f"{name:<10} " + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    return training_main(
        argv, doc=__doc__ or "", noun="batch", default_paths=lambda: sorted(BATCHES.glob("batch*.jsonl")),
        load=load_batch, fit=fit, cross_validate=cross_validate, out=MODEL_PATH,
        threshold=DEFAULT_THRESHOLD, count=lambda model: len(model["flag_weights"]),
    )

if __name__ == "__main__":
    raise SystemExit(main())
