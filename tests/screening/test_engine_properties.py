"""Property tests: any Unicode input is screened without error, with sane offsets and masks."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.engine import screen_text

# Text mixing the scripts and shapes the detectors look at, plus arbitrary Unicode.
_pieces = st.sampled_from(
    [
        "山田", " 太郎", "さん", "様", "氏名：", "090-1234-5678", "０２７－２３３－４１０８",
        "前橋市岩神町", "二丁目", "5-12", "番地", "昭和60年5月5日", "生", "個人番号",
        "913909960300", "4599 5289 0786 6668", "普通", "口座", "1234567", "@", "a.b@c.jp",
        "（", "）", "・", "ヤマダ", "Mr. ", "John Smith", "【秘】", "\n", "\u3000", "ー",
    ]
)
_text = st.one_of(
    st.text(max_size=2000),
    st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=200).map("".join),
)


_KANJI = re.compile(r"[一-龥々〆ヶ]")


def _check(text: str) -> None:
    result = screen_text(text)
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)
    if result.findings:
        masked = result.masked_text
        for f in result.findings:
            value = text[f.start : f.end]
            if len(value.strip()) > 1:
                assert value not in masked
            elif _KANJI.fullmatch(value):
                # one kanji (a name such as 誠): never left standing alone; inside another
                # word (誠実) it is vocabulary, not the value
                assert not re.search(rf"(?<!{_KANJI.pattern}){value}(?!{_KANJI.pattern})", masked)
            elif value.strip():
                assert value not in masked


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text)
def test_any_text_is_screened_safely(text: str) -> None:
    _check(text)


def _repeat_to(limit: int):  # type: ignore[no-untyped-def]
    def build(seed: str) -> str:
        return (seed * (limit // max(1, len(seed)) + 1))[:limit]

    return build


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300).map(_repeat_to(100_000)))
def test_long_text_up_to_100k(text: str) -> None:
    _check(text)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_pieces, min_size=5, max_size=60).map("".join).map(_repeat_to(100_000)))
def test_long_structured_text(text: str) -> None:
    _check(text)
