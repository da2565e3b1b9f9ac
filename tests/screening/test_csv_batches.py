"""The blind-written CSV batches as a regression set (see tests/data/csv_batches/README.md).

Each folder holds the files a writing session generated without seeing the engine, and
their labels in the format of `../shared/eval/csv_dev/labels.jsonl`. Every file must get its
expected decision, and every labelled column must be among the columns reported.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening.detectors import DEFAULT_ALLOW_TERMS
from screening.tabular import screen_csv_path
from screening.types import EngineConfig

BATCHES = Path(__file__).resolve().parent.parent / "data" / "csv_batches"
CONFIG = EngineConfig(allow_terms=frozenset(DEFAULT_ALLOW_TERMS))
CASES = [
    (folder.name, json.loads(line))
    for folder in sorted(BATCHES.iterdir())
    if folder.is_dir()
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize(("folder", "label"), CASES, ids=[f"{f}/{c['file']}" for f, c in CASES])
def test_decision_and_columns(folder: str, label: dict) -> None:
    record = screen_csv_path(BATCHES / folder / label["file"], CONFIG)
    assert record["decision"] == label["expect"], record
    found = {f["column"] for f in record.get("findings", [])}
    missing = set(label["columns"]) - found
    assert not missing, f"labelled columns not reported: {missing}"


def test_every_file_is_labelled() -> None:
    for folder in BATCHES.iterdir():
        if folder.is_dir():
            labelled = {json.loads(x)["file"] for x in (folder / "labels.jsonl").read_text().splitlines()}
            on_disk = {p.name for p in folder.iterdir() if p.name not in ("labels.jsonl", "make.py")}
            assert labelled == on_disk, folder.name
