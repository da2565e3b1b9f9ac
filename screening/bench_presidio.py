"""The anchor for `screening.bench`: Presidio with GiNZA, run inside `.venv-bench`.

    .venv-bench/bin/python screening/bench_presidio.py LABELS.jsonl RUNS

Prints one JSON line with the same figures `screening.bench` measures for this engine.
Standalone on purpose (no project imports): it runs under a different virtualenv.
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time

LONG_CHARS = 4000


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def timings(fn, texts, runs):  # type: ignore[no-untyped-def]
    samples, chars, total = [], 0, 0.0
    for _ in range(runs):
        for text in texts:
            t0 = time.perf_counter()
            fn(text)
            dt = time.perf_counter() - t0
            samples.append(dt * 1000)
            total += dt
            chars += len(text)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3),
        "chars_per_s": round(chars / total) if total else 0,
        "calls": len(samples),
    }


def main() -> None:
    labels, runs = sys.argv[1], int(sys.argv[2])
    with open(labels, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
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
    joined = "\n".join(texts)[:LONG_CHARS]
    long_texts = [joined[:-4] + f"{i:04d}" for i in range(20)]
    dev = timings(analyze, texts, runs)
    long = timings(analyze, long_texts, 1)
    decisions = {c["id"]: ("block" if analyze(c["text"]) else "pass") for c in cases}
    must = [c for c in cases if c["expect"] in ("block", "flag")]
    clean = [c for c in cases if c["expect"] == "pass"]
    result = {
        "engine": "Presidio 2.2 + GiNZA (ja_ginza 5.3)",
        "load_s": round(load_s, 2),
        "rss_before_mb": round(rss_before, 1),
        "rss_added_mb": round(rss_mb() - rss_before, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "dev": dev,
        "long": long,
        "leak_rate": round(sum(decisions[c["id"]] == "pass" for c in must) / len(must), 3),
        "false_block_rate": round(
            sum(decisions[c["id"]] == "block" for c in clean) / len(clean), 3
        ),
        "pass_friction_rate": 0.0,
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
