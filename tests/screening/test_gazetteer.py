"""What JMdict and JMnedict call a word (screening/detectors/gazetteer.py), and the name rules
that read it."""
from __future__ import annotations

import gzip

import pytest

from screening import build_gazetteer
from screening.detectors import gazetteer, name_model
from screening.detectors.names import rule_candidates
from screening.engine import screen_text
from screening.types import Category, Decision


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


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("織田信長", "notable"),  # JMnedict: one person, in kanji
        ("あかり", "given_kana"),  # a given name JMnedict writes in hiragana only
    ],
)
def test_kanji_notables_and_hiragana_given_names(word: str, kind: str) -> None:
    assert kind in gazetteer.kinds(word)


def test_a_notable_full_name_the_rules_miss_is_a_hint() -> None:
    text = "杉浦太陽の出演作を調べて"  # 太陽 read as the sun
    result = screen_text(text)
    names = [f for f in result.findings if f.category is Category.PERSON_NAME]
    assert [(text[f.start:f.end], f.reason) for f in names] == [("杉浦太陽", "notable_name")]
    assert result.decision is Decision.PASS  # a public figure: masked if sent masked, never blocked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("同年、藤井あかりが窓口で申請した", "藤井あかり"),  # あかり read as a lamp
        ("編集者の宮内あすかとともに", "宮内あすか"),  # 宮内 read as a word, あすか as a place
    ],
)
def test_a_surname_with_a_hiragana_given_name_is_one_name(text: str, name: str) -> None:
    spans = [text[f.start:f.end] for f in screen_text(text).findings if f.category is Category.PERSON_NAME]
    assert spans == [name]


@pytest.mark.parametrize(
    "text", ["部屋のあかりがついた", "前橋まつりの交通規制", "佐藤ことの件で"]
)
def test_hiragana_words_after_a_surname_like_word_are_not_names(text: str) -> None:
    assert not [f for f in screen_text(text).findings if f.category is Category.PERSON_NAME]


def test_a_notable_with_a_national_office_is_a_public_figure() -> None:
    result = screen_text("中曽根康弘元首相の行政改革について研修資料を")
    assert result.decision is Decision.PASS
    # the same full name with a citizen's honorific is someone's name
    assert screen_text("窓口に来た中曽根康弘さんの申請").decision is Decision.BLOCK


def test_the_name_model_reads_kanji_surnames_alone_by_what_the_sentence_says() -> None:
    text = "翌年、森は監督に就任し、林と結婚した。"
    spans = [text[f.start:f.end] for f in screen_text(text).findings if f.category is Category.PERSON_NAME]
    assert spans == ["森", "林"]
    assert not [f for f in screen_text("森の中を歩き、林を抜けた。").findings
                if f.category is Category.PERSON_NAME]
    norm, tokens, by_start, by_end, cands = rule_candidates(text)
    kinds = {norm[s:e]: k for s, e, k, _i, _j in name_model.candidates(norm, tokens, by_start, by_end, [])}
    assert kinds == {"森": "kanji", "林": "kanji"}


def test_a_part_of_a_name_found_is_found_alone_later() -> None:
    text = "邸宅でメリッサ・クレインと口論となり、クレインが警察に通報した。"
    spans = [text[f.start:f.end] for f in screen_text(text).findings if f.category is Category.PERSON_NAME]
    assert spans == ["メリッサ・クレイン", "クレイン"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("編集長の大谷耕一が担当した", "大谷耕一"), ("画家の大川五岳などが参加した", "大川五岳")],
)
def test_a_name_after_a_title_and_no(text: str, name: str) -> None:
    spans = [text[f.start:f.end] for f in screen_text(text).findings if f.category is Category.PERSON_NAME]
    assert spans == [name]


@pytest.mark.parametrize("text", ["社長の判断で決めた", "教授の研究室を訪ねた"])
def test_a_word_after_a_title_and_no_is_not_a_name(text: str) -> None:
    assert not [f for f in screen_text(text).findings if f.category is Category.PERSON_NAME]


def _names(text: str) -> list[str]:
    return [text[f.start:f.end] for f in screen_text(text).findings if f.category is Category.PERSON_NAME]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("イタリアのデ・ロッシ首相が来日した。", "デ・ロッシ"),  # a particle as a part of its own
        ("フォン・ブラウムは講演で計画を説明した。", "フォン・ブラウム"),
        ("脚本はジャン・ド・ヴォルガールが書いた。", "ジャン・ド・ヴォルガール"),
        ("ヘンリー·フォスターが寄贈した絵画を展示する。", "ヘンリー·フォスター"),  # a Latin middle dot
        ("市長選ではピエール・ブルンシュタインが勝った。", "ピエール・ブルンシュタイン"),
        ("少年は父親・ゴルディ博士の研究所を訪ねた。", "ゴルディ"),  # a kanji word in apposition
        ("番組は女優山根明美を招いた。", "山根明美"),  # a role right before the name
        ("協会会長の杉浦明をはじめとする役員", "杉浦明"),
        ("安田本人が経緯を説明した。", "安田"),
        ("ブルトノフ自身は会議に出なかった。", "ブルトノフ"),
        ("大沢派の議員が集まった。", "大沢"),
        ("作曲家の故ヤマネタケシの作品を演奏した。", "ヤマネタケシ"),
        ("長女あかねは医師になった。", "あかね"),
        ("ZUKKOは、日本のイラストレーター。", "ZUKKO"),
        # a roster's "Surname, Given name": one name, one placeholder
        ("申請者：Moreira Lima, Carlos（父）の収入を確認", "Moreira Lima, Carlos"),
        ("担当はSmith, Johnさんです。", "Smith, John"),
    ],
)
def test_names_found_by_the_words_around_them(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "ル・マンで開かれたレースを見た。",  # an article only: a place
        "エコール・デ・ボーヌの卒業生が集まった。",  # a school
        "クルーベ・デ・レガタスと契約した。",  # a club
        "ジ・ワンダラーズのアルバムを聴いた。",  # "the": a band
        "市長杯少年野球大会の選手登録票の記入例を整えて。",
        "父の所得要件を確認してください。",
        "姪の高校受験の面接練習をして",
        "私自身は反対です。",
        "市長本人が出席した。",
        "印象派の画家を調べて",
        "妹のことが心配です。",
        "口座名義 マエバシシ サイガイギエンキン",
        "Tokyo, Japanで開催された会議",
    ],
)
def test_words_around_a_word_that_is_no_name(text: str) -> None:
    assert _names(text) == []


def test_a_roster_column_of_full_names_takes_a_latin_name_in_it() -> None:
    # the rows' 久保田 ひかり and 水野 颯 are full names only once their given names are joined
    # on; the column rule runs after that, so the Latin name in the same column is one too
    text = (
        "学籍番号 2311045　久保田 ひかり　欠課時数超過\n"
        "学籍番号 2311072　Adrian Petrov　欠席日数 41日\n"
        "学籍番号 2312018　水野 颯　単位未修得 2科目\n"
    )
    found = {text[f.start:f.end]: f for f in screen_text(text).findings if f.category is Category.PERSON_NAME}
    assert set(found) == {"久保田 ひかり", "Adrian Petrov", "水野 颯"}
    assert found["Adrian Petrov"].reason == "table_column"
