"""The anchor for `screening.bench`: Presidio with GiNZA, run inside `.venv-bench`.

    PYTHONPATH=. .venv-bench/bin/python -P screening/bench_presidio.py LABELS.jsonl RUNS

Prints one JSON line with the same figures `screening.bench` measures for this engine.
It runs under a different virtualenv, so it imports only `screening.bench` (standard
library only at module level) from the project.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

# Shared with this project's side of the bench; screening.bench imports only the standard
# library at module level, so this virtualenv can load it (PYTHONPATH is the project root).
from screening.bench import load_cases, long_prompt, peak_rss_mb, rates, rss_mb, timings


def main() -> None:
    labels, runs = sys.argv[1], int(sys.argv[2])
    cases = load_cases(Path(labels))
    rss_before = rss_mb()
    t0 = time.perf_counter()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
    )

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "ja", "model_name": "ja_ginza"}],
            "ner_model_configuration": {
                "model_to_presidio_entity_mapping": {
                    "Person": "PERSON", "PERSON": "PERSON",
                    "Province": "LOCATION", "City": "LOCATION", "GPE": "LOCATION",
                    "LOC": "LOCATION", "Address": "LOCATION",
                },
                "low_confidence_score_multiplier": 0.4,
                "low_score_entity_names": [],
            },
        }
    )
    nlp_engine = provider.create_engine()
    registry = RecognizerRegistry(supported_languages=["ja"])
    registry.add_recognizer(EmailRecognizer(supported_language="ja"))
    registry.add_recognizer(PhoneRecognizer(supported_language="ja", supported_regions=("JP",)))
    registry.add_recognizer(CreditCardRecognizer(supported_language="ja"))
    registry.add_recognizer(
        SpacyRecognizer(supported_language="ja", supported_entities=["PERSON", "LOCATION"])
    )
    analyzer = AnalyzerEngine(
        registry=registry, nlp_engine=nlp_engine, supported_languages=["ja"]
    )

    def analyze(text: str):  # type: ignore[no-untyped-def]
        return analyzer.analyze(text=text, language="ja")

    analyze("山田太郎さんの電話は090-1234-5678です。")
    load_s = time.perf_counter() - t0
    texts = [c["text"] for c in cases]
    long_texts = [long_prompt(cases)[:-4] + f"{i:04d}" for i in range(20)]
    dev = timings(analyze, texts, runs)
    long = timings(analyze, long_texts, 1)
    decisions = {c["id"]: ("block" if analyze(c["text"]) else "pass") for c in cases}
    result = {
        "engine": "Presidio 2.2 + GiNZA (ja_ginza 5.3)",
        "load_s": round(load_s, 2),
        "rss_before_mb": round(rss_before, 1),
        "rss_added_mb": round(rss_mb() - rss_before, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "dev": dev,
        "long": long,
        **rates(decisions, cases),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
