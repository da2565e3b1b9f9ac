"""Trained weights kept as JSON beside the detectors: read once per process, written by the
training scripts (`screening.train_phrase_model`, `screening.train_name_model`)."""
from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any


def loaded_once(state: dict[str, Any], lock: threading.Lock,
                load: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """`state["model"]`, loaded by `load` the first time it is asked for (thread-safe)."""
    model = state.get("model")
    if model is None:
        with lock:
            model = state.get("model")
            if model is None:
                model = state["model"] = load()
    return model


def save_model(model: dict[str, Any], out: Path, threshold: float, sources: Sequence[Path],
               what: str) -> None:
    """Write the trained weights with their threshold and the files they came from."""
    model["threshold"] = threshold
    model["trained_on"] = [p.name for p in sources]
    with out.open("w", encoding="utf-8") as f:
        json.dump(model, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{what} from {len(sources)} files -> {out}", file=sys.stderr)


def training_main(
    argv: list[str] | None, *, doc: str, noun: str, default_paths: Callable[[], list[Path]],
    load: Callable[[Path], list[Any]], fit: Callable[[list[Any]], dict[str, Any]],
    cross_validate: Callable[[dict[str, list[Any]]], None], out: Path, threshold: float,
    count: Callable[[dict[str, Any]], int],
) -> int:
    """The command line both training scripts share: files, --cv, --threshold, --out."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--cv", action="store_true", help=f"leave-one-{noun}-out figures; writes nothing")
    ap.add_argument("--threshold", type=float, default=threshold)
    ap.add_argument("--out", type=Path, default=out)
    args = ap.parse_args(argv)
    paths = args.files or default_paths()
    loaded = {p.stem: load(p) for p in paths}
    if args.cv:
        cross_validate(loaded)
        return 0
    model = fit([r for rows in loaded.values() for r in rows])
    save_model(model, args.out, args.threshold, paths, f"{count(model)} features")
    return 0


def jsonl_cases(path: Path) -> Iterator[dict[str, Any]]:
    """The labelled cases of a JSON-lines file, blank lines skipped."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
