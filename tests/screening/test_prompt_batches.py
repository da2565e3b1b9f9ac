"""The blind-written prompt batches as a regression set (see tests/data/prompt_batches/README.md)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening.engine import screen_text

BATCHES = Path(__file__).resolve().parent.parent / "data" / "prompt_batches"
MUST_STOP = ("block", "flag")

# (must-stop prompts that pass, clean prompts blocked) when the batches were committed.
CEILINGS = {
    "batch05": (0, 0), "batch06": (0, 0), "batch07": (1, 0), "batch08": (0, 0), "batch09": (0, 0),
    "batch10": (0, 0), "batch11": (0, 0), "batch12": (0, 0), "batch13": (0, 1), "batch14": (0, 0),
    "batch15": (0, 0), "batch16": (0, 0), "batch17": (0, 0), "batch18": (0, 0),
    "batch19": (2, 0), "batch20": (0, 0), "batch21": (0, 0), "batch22": (0, 0),
    "batch23": (4, 0), "batch24": (0, 0), "batch25": (1, 0), "batch26": (0, 0),
    "batch27": (2, 0), "batch28": (0, 0), "batch29": (1, 0), "batch30": (1, 0), "batch31": (0, 1),
    "batch32": (0, 0), "batch33": (1, 0), "batch34": (0, 1), "batch35": (1, 1),
    "batch36": (0, 0), "batch37": (0, 0), "batch38": (0, 0), "batch39": (0, 0),
    "batch40": (0, 0), "batch41": (0, 0), "batch42": (0, 3), "batch43": (1, 0), "batch44": (0, 0),
    "batch45": (0, 0), "batch46": (1, 0), "batch47": (0, 0),
    "batch48": (0, 0), "batch49": (0, 0), "batch50": (0, 0), "batch51": (0, 0), "batch52": (0, 0),
    "batch53": (0, 0), "batch54": (0, 1), "batch55": (0, 0), "batch56": (0, 0), "batch57": (0, 0),
    "batch58": (0, 0), "batch59": (0, 0), "batch60": (1, 0), "batch61": (0, 0), "batch62": (1, 0),
    "batch63": (0, 0), "batch64": (1, 0), "batch65": (0, 0), "batch66": (0, 0), "batch67": (0, 0),
    "batch68": (0, 0), "batch69": (0, 0), "batch70": (0, 0), "batch71": (0, 0),
}


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_no_more_leaks_or_false_blocks_than_when_committed(name: str) -> None:
    leaked, blocked = [], []
    with (BATCHES / f"{name}.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            case = json.loads(line)
            decision = screen_text(case["text"]).decision.value
            if case["expect"] in MUST_STOP and decision not in ("block", "warn"):
                leaked.append(case["id"])
            elif case["expect"] == "pass" and decision == "block":
                blocked.append(case["id"])
    max_leaks, max_blocks = CEILINGS[name]
    assert len(leaked) <= max_leaks, f"must-stop prompts that now pass: {leaked}"
    assert len(blocked) <= max_blocks, f"clean prompts now blocked: {blocked}"


def test_every_batch_is_checked() -> None:
    assert sorted(p.stem for p in BATCHES.glob("*.jsonl")) == sorted(CEILINGS)
