"""The learned look at words the name rules leave (screening/detectors/name_model.py)."""
from __future__ import annotations

import json

import pytest

from screening import train_name_model
from screening.detectors import name_model
from screening.detectors.names import detect_names
from screening.engine import screen_text
from screening.types import HINT_CONFIDENCE, Decision


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ワーグナーの妻コジマは、フランツ・リストの娘で、初めは指揮者ビューローと結婚していた。", "コジマ"),
        ("『老人と海』の老漁師サンチャゴは、84日間の不漁の末に巨大なカジキと格闘する。", "サンチャゴ"),
        ("マーラーの妻アルマは作曲家でもあり、夫の死後に建築家グロピウスと再婚した。", "アルマ"),
    ],
)
def test_a_name_no_rule_reads_is_found_by_the_model_at_hint_level(text: str, name: str) -> None:
    found = {text[f.start : f.end]: f for f in detect_names(text)}
    assert name in found, found
    assert found[name].reason == name_model.REASON
    assert found[name].confidence <= HINT_CONFIDENCE


def test_without_the_model_those_names_are_missed() -> None:
    """The model adds what the rules miss; with its threshold out of reach it adds nothing."""
    text = "『老人と海』の老漁師サンチャゴは、84日間の不漁の末に巨大なカジキと格闘する。"
    model = name_model.loaded_model()
    try:
        name_model._state["model"] = {**model, "threshold": 1.01}
        assert "サンチャゴ" not in {text[f.start : f.end] for f in detect_names(text)}
    finally:
        name_model._state["model"] = model


@pytest.mark.parametrize(
    "text",
    [
        "マイナポータルから転出届をオンラインで出す手順を教えて。",
        "リスクの高い業務を洗い出して、データの管理方法を整理して。",
        "翌年、ソニーは新型のテレビを発売し、ヤマハはピアノの生産を拡大した。",
    ],
)
def test_words_of_work_and_companies_are_not_names(text: str) -> None:
    assert [f for f in detect_names(text) if f.reason == name_model.REASON] == []


def test_a_hint_never_decides() -> None:
    """The model's names are masked with the rest; alone they never block or warn."""
    text = "『老人と海』の老漁師サンチャゴは、84日間の不漁の末にカジキと格闘する。あらすじをまとめて。"
    result = screen_text(text)
    assert result.decision is Decision.PASS
    assert "サンチャゴ" not in result.masked_text


def test_committed_model_is_what_the_training_script_makes() -> None:
    """The JSON is reproducible from the committed corpus and batches; no evaluation set fed it."""
    committed = json.loads(name_model.MODEL_PATH.read_text(encoding="utf-8"))
    files = train_name_model.default_files()
    assert committed["trained_on"] == [p.name for p in files]
    assert all("shared" not in str(p) for p in files)
    fresh = train_name_model.fit([r for p in files for r in train_name_model.load_file(p)])
    assert fresh["intercept"] == pytest.approx(committed["intercept"], abs=2e-3)
    for name in set(fresh["weights"]) | set(committed["weights"]):
        assert fresh["weights"].get(name, 0.0) == pytest.approx(
            committed["weights"].get(name, 0.0), abs=0.03
        ), name
