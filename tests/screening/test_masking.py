"""Masking: typed numbered placeholders, consistent per conversation, reversible locally."""
from __future__ import annotations

import pytest

from screening.engine import screen_text
from screening.masking import mask_text, merge_overlapping, unmask_text
from screening.types import Category, Decision, Finding


def test_placeholders_are_typed_and_numbered() -> None:
    text = "山田 花子 090-1111-2222 と 鈴木 一郎"
    findings = [
        Finding(Category.PERSON_NAME, 0, 5, 0.9, "t"),
        Finding(Category.PHONE, 6, 19, 0.9, "t"),
        Finding(Category.PERSON_NAME, 22, 27, 0.9, "t"),
    ]
    masked, mapping = mask_text(text, findings)
    assert masked == "〔氏名1〕 〔電話番号1〕 と 〔氏名2〕"
    assert unmask_text(masked, mapping) == text


def test_mapping_is_consistent_across_prompts() -> None:
    mapping: dict[str, str] = {}
    first, _ = mask_text("鈴木 一郎さん", [Finding(Category.PERSON_NAME, 0, 5, 0.9, "t")], mapping)
    second, _ = mask_text(
        "高橋 次郎と鈴木 一郎",
        [Finding(Category.PERSON_NAME, 0, 5, 0.9, "t"), Finding(Category.PERSON_NAME, 6, 11, 0.9, "t")],
        mapping,
    )
    assert first == "〔氏名1〕さん"
    assert second == "〔氏名2〕と〔氏名1〕"


def test_every_occurrence_of_a_found_value_is_masked() -> None:
    text = "氏名：松本 和夫\n松本さんは来週来庁します。"
    result = screen_text(text)
    assert "松本" not in result.masked_text


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(0, 5), (3, 8)], [(0, 8)]),
        ([(0, 5), (5, 8)], [(0, 5), (5, 8)]),
        ([(2, 4), (0, 6)], [(0, 6)]),
    ],
)
def test_merge_overlapping(spans: list[tuple[int, int]], expected: list[tuple[int, int]]) -> None:
    findings = [Finding(Category.PHONE, s, e, 0.9, "t") for s, e in spans]
    assert [(f.start, f.end) for f in merge_overlapping(findings)] == expected


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("相談者：桑原 秀樹 様、携帯 080-7346-2915", Decision.BLOCK),
        ("ダイエット中なので献立を考えて", Decision.WARN),
        ("熱中症予防の呼びかけ文を作ってください。", Decision.PASS),
    ],
)
def test_decisions(text: str, decision: Decision) -> None:
    assert screen_text(text).decision is decision


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_prompt_gets_a_notice(text: str) -> None:
    result = screen_text(text)
    assert result.findings == ()
    assert result.notice


def test_glued_addresses_are_masked_whole():
    text = "名簿の列: taro.sato@mail-box.jptaro.sato@mail-box.jp（区切りなし）"
    result = screen_text(text)
    assert "@" not in result.masked_text and "mail-box" not in result.masked_text
    assert result.masked_text == "名簿の列: 〔メールアドレス1〕（区切りなし）"


def test_one_character_name_is_masked_where_it_stands_alone():
    result = screen_text("誠さんから電話。誠は明日来庁し、誠実に対応したいとのこと。")
    assert result.masked_text == "〔氏名1〕さんから電話。〔氏名1〕は明日来庁し、誠実に対応したいとのこと。"
