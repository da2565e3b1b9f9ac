"""What JMdict and JMnedict call a katakana word (screening/detectors/gazetteer.py)."""
from __future__ import annotations

import gzip

import pytest

from screening import build_gazetteer
from screening.detectors import gazetteer, name_model
from screening.detectors.names import rule_candidates


@pytest.mark.parametrize(
    ("word", "kinds"),
    [
        ("トヨタ", {"organization"}),  # a company in JMnedict
        ("ブラウン", {"person", "word"}),  # a surname, and the colour
        ("リスク", {"word"}),  # a loanword only
        ("シェイクスピア", {"person"}),
        ("ゴルバチョフ", {"unclassified"}),  # JMnedict's many foreign names without a type
        ("マイナポータル", set()),  # in neither
        ("ア", set()),  # one character: not kept
    ],
)
def test_kinds_of_a_word(word: str, kinds: set[str]) -> None:
    assert set(gazetteer.kinds(word)) == kinds


def test_the_table_is_a_compact_array() -> None:
    table = gazetteer.loaded_table()
    assert table.typecode == "Q" and len(table) > 100_000
    assert all(table[i] < table[i + 1] for i in range(0, len(table) - 1, 997))


def test_the_committed_file_is_what_the_build_script_makes() -> None:
    """Rebuilt from the jamdict-data package (requirements.txt): JMdict and JMnedict give the
    same lines, so nothing was edited by hand."""
    built = build_gazetteer.render(build_gazetteer.entries(build_gazetteer.default_db()))
    with gzip.open(gazetteer.GAZETTEER_PATH, "rt", encoding="utf-8") as f:
        committed = f.read()
    assert built == committed


def test_the_name_model_reads_the_gazetteer() -> None:
    text = "翌年、アインシュタインはトヨタの工場を視察した。"
    norm, tokens, by_start, by_end, cands = rule_candidates(text)
    feats = {
        norm[start:end]: name_model.features(norm, tokens, start, end, kind, i, j)
        for start, end, kind, i, j in name_model.candidates(norm, tokens, by_start, by_end, [])
    }
    assert "g:person" in feats["アインシュタイン"]
    assert "g:organization" in feats["トヨタ"]
    # the weights learned for them point the right way
    weights = name_model.loaded_model()["weights"]
    assert weights.get("g:person", 0.0) > weights.get("g:organization", 0.0)
