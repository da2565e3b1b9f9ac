"""Detector behaviour on tables of cases (pure functions: no database)."""
from __future__ import annotations

import pytest

from screening.detectors import detect_all, validate_pattern
from screening.detectors.normalize import kanji_to_int, normalize
from screening.detectors.numbers import luhn_valid, my_number_valid
from screening.engine import DEFAULT_CONFIG
from screening.types import Category, EngineConfig


def found(text: str, config: EngineConfig = DEFAULT_CONFIG, min_conf: float = 0.25) -> set[tuple[str, str]]:
    return {
        (f.category.value, text[f.start : f.end])
        for f in detect_all(text, config)
        if f.confidence >= min_conf
    }


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # names: honorifics, labels, scripts
        ("相談者は関 孝之さんです。", "person_name", "関 孝之"),
        # the whole given name, even when the tokenizer splits it or it stands alone
        ("佐々木 優斗くん（2015年8月21日生まれ）の入所決定通知", "person_name", "佐々木 優斗"),
        ("来月1日付の人事異動（内示前）で、福祉部長に中川 誠が就く予定です。", "person_name", "中川 誠"),
        # a well-known test card number given as someone's card
        ("カード番号 4111 1111 1111 1111 で決済できなかった市民への案内文", "credit_card", "4111 1111 1111 1111"),
        ("彼女の誕生日プレゼントに何を買えばいいか", "non_business", "彼女の誕生日"),
        ("宛名は 朴成浩（パク・ソンホ）様です。", "person_name", "パク・ソンホ"),
        ("いのうえ まなみ さんに連絡する。", "person_name", "いのうえ まなみ"),
        ("氏名：ヤマダ タロウ\n住所：", "person_name", "ヤマダ タロウ"),
        ("名義 TAKUMI OGAWA", "person_name", "TAKUMI OGAWA"),
        ("Please write to Mr. Hiroshi Kaneko today.", "person_name", "Hiroshi Kaneko"),
        ("ヴー・ティ・ラン 様", "person_name", "ヴー・ティ・ラン"),
        ("佐藤課長に確認してください。", "person_name", "佐藤"),
        # numbers
        ("携帯 090-6218-4475 まで", "phone", "090-6218-4475"),
        ("携帯の０９０３３１７８８２０まで", "phone", "０９０３３１７８８２０"),
        ("連絡先 (027)251-8836", "phone", "(027)251-8836"),
        ("携帯 +81 80-6642-1937", "phone", "+81 80-6642-1937"),
        ("個人番号 9139-0996-0300", "my_number", "9139-0996-0300"),
        ("JCB 3541 4852 5388 8534", "credit_card", "3541 4852 5388 8534"),
        # the bank, branch and kind before the number are part of the account (masked with it)
        ("群馬銀行 前橋南支店 普通 3058172", "bank_account", "群馬銀行 前橋南支店 普通 3058172"),
        ("旅券番号 TK4829175", "id_number", "TK4829175"),
        ("被保険者番号は 10234587 です", "id_number", "10234587"),
        ("kenta.y1988@gmail.com から", "email", "kenta.y1988@gmail.com"),
        # addresses, dates
        ("住所は前橋市六供町五百二十番地の三です", "address", "前橋市六供町五百二十番地の三"),
        ("前橋市岩神町２丁目１４－６ 清水様", "address", "前橋市岩神町２丁目１４－６"),
        ("氏名 山本 一郎（昭和60年5月5日生）", "birth_date", "昭和60年5月5日"),
        ("生年月日：平成元年1月8日", "birth_date", "平成元年1月8日"),
        ("DOB 14 March 1985", "birth_date", "14 March 1985"),
        # sensitive, non-public, requests
        ("山本 一郎さん（82歳）は人工透析（週3回）を受けている", "sensitive", "人工透析（週3回）を受けている"),
        ("【取扱注意】次の資料を要約して", "non_public", "【取扱注意】"),
        ("予定価格 48,500,000円で公告文を作って", "non_public", "予定価格"),
        ("ポスター画像を作ってください", "image_generation", "ポスター画像を作ってください"),
        ("今夜の晩ごはんのレシピを教えて", "non_business", "今夜の晩ごはん"),
    ],
)
def test_detects(text: str, category: str, value: str) -> None:
    assert (category, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "前橋市役所（前橋市大手町二丁目12番1号、電話027-224-1111）にお越しください。",
        "問い合わせ：観光振興課（027-898-6911）",
        "「○○様」「[氏名]」「【氏名】」のように伏せ字で示してください。",
        "記入例の氏名欄は「山田 太郎」としています。",
        "テスト用のカード番号の例として4111 1111 1111 1111がよく使われます。",
        "徳川家康と前橋城のかかわりについて説明してください。",
        "会期：令和7年2月1日（土）〜3月30日（日）",
        "山崎製パンや森永乳業と連携した食育イベント",
        "「取扱注意」や「秘」の表示の付け方を説明してください。",
        "画像・動画・音楽の生成が禁止されている理由を説明する文章を作って",
        "障害者差別解消法の合理的配慮について具体例を挙げて",
        "受付番号（12桁、例：202410150037）の先頭8桁",
        "携帯電話番号の例は 090-0000-0000 のように書きます",
        "申込フォームの入力例は sample@example.jp です",
        "札幌市手稲区前田の地区センターを視察しました",
    ],
)
def test_public_or_placeholder_text_is_clean(text: str) -> None:
    assert not found(text, min_conf=0.5)


def test_allow_terms_suppress_values_and_values_inside_them() -> None:
    text = "窓口（前橋市本町1-2-3、電話 027-111-2222）"
    assert ("address", "前橋市本町1-2-3") in found(text, EngineConfig())
    config = EngineConfig(allow_terms=frozenset({"前橋市本町1-2-3", "027-111-2222"}))
    assert not found(text, config)


def test_admin_keywords_and_patterns_are_honoured() -> None:
    config = EngineConfig(
        keywords={"non_public": ("プロジェクトX",)},
        patterns={"id_number": (r"KOKU-\d{6}",)},
    )
    result = found("プロジェクトXの件、番号 KOKU-123456", config)
    assert ("non_public", "プロジェクトX") in result
    assert ("id_number", "KOKU-123456") in result


def test_bad_admin_patterns_are_refused_and_ignored() -> None:
    assert validate_pattern("(") is not None
    assert validate_pattern(r"(x+x+)+y") is not None
    assert validate_pattern(r"KOKU-\d{6}") is None
    config = EngineConfig(patterns={"id_number": ("(", r"(x+x+)+y")})
    assert detect_all("x" * 3000, config) == []


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("913909960300", True), ("913909960301", False), ("123", False)],
)
def test_my_number_check_digit(digits: str, valid: bool) -> None:
    assert my_number_valid(digits) is valid


@pytest.mark.parametrize(
    ("digits", "valid"), [("4599528907866668", True), ("4599528907866669", False)]
)
def test_luhn(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


@pytest.mark.parametrize(
    ("numeral", "value"), [("五百二十", 520), ("二", 2), ("一〇三", 103), ("十二", 12), ("12", 12)]
)
def test_kanji_numerals(numeral: str, value: int) -> None:
    assert kanji_to_int(numeral) == value


def test_normalisation_keeps_offsets() -> None:
    text = "０９０ー１２３４ー５６７８　ｶﾀｶﾅ ㈱"
    assert len(normalize(text)) == len(text)
    assert normalize(text).startswith("090-1234-5678 ")


def test_offsets_point_into_the_original_text() -> None:
    text = "電話　０２７－２３３－４１０８（清水　智子様）"
    for f in detect_all(text, DEFAULT_CONFIG):
        assert 0 <= f.start < f.end <= len(text)
    assert (Category.PHONE.value, "０２７－２３３－４１０８") in found(text)


# ---------------------------------------------------------------- issue 3: name split by a
# placeholder rule (山田〔氏名1〕さん) and an example-number exemption in a personal context


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("山田太郎さん（090-1234-5678）への案内文を作ってください。", {"山田太郎"}),
        ("田中花子様から相談がありました。", {"田中花子"}),
        ("千葉 花子さんに連絡してください。", {"千葉 花子"}),  # 姓 tagged as a place
        ("上野樹里さんに連絡してください。", {"上野樹里"}),
        ("岡山さくら様から相談がありました。", {"岡山さくら"}),  # kana given name
        ("館林 アキラさんに連絡してください。", {"館林 アキラ"}),
        ("申請者は熊本さくらです。", {"熊本さくら"}),
        ("申請者は山田太郎です。", {"山田太郎"}),
    ],
)
def test_surname_and_given_name_are_one_span(text: str, names: set[str]) -> None:
    got = {v for c, v in found(text) if c == "person_name"}
    assert got == names


def test_issue3_prompt_is_masked_whole() -> None:
    from screening.engine import screen_text

    result = screen_text("山田太郎さん（090-1234-5678）への案内文を作ってください。")
    assert result.decision.value == "block"
    assert result.masked_text == "〔氏名1〕さん（〔電話番号1〕）への案内文を作ってください。"
    assert "山田" not in result.masked_text and "1234" not in result.masked_text


@pytest.mark.parametrize(
    ("text", "is_phone"),
    [
        ("山田太郎さん（090-1234-5678）への案内文を作ってください。", True),
        ("鈴木様 090-1234-5678", True),
        ("連絡先：090-1234-5678 に折り返してください", True),
        ("携帯電話番号の例は 090-1234-5678 のように書きます", False),
        ("090-1234-5678 の形式にマッチする正規表現を作って", False),
        ("電話番号は000-0000-0000の形式で入力してください", False),
    ],
)
def test_example_number_is_a_phone_in_a_personal_context(text: str, is_phone: bool) -> None:
    assert any(c == "phone" for c, _ in found(text)) is is_phone


@pytest.mark.parametrize(
    "text",
    [
        "記入例: 氏名 山田太郎 電話 090-1234-5678",
        "申請書の記入例では氏名欄に「山田 太郎」と書きます。",
    ],
)
def test_sample_names_in_an_example_are_not_names(text: str) -> None:
    assert not found(text)


def _name_values(text: str) -> set[str]:
    from screening.detectors.names import detect_names

    norm = normalize(text)
    return {norm[f.start : f.end] for f in detect_names(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会議の冒頭で岡田社長が新しい方針を説明した。", "岡田"),
        ("ピーター・ザルツェンコは作家だ。ザルツェンコで有名な町もある。", "ザルツェンコ"),
        ("山崎浩二が監督を務めた。翌年、山崎は引退した。", "山崎"),
        ("1920年、ボルデンスキは艦隊を率いて出航した。", "ボルデンスキ"),
        ("その頃ヴェルトハイマー伯爵は領地を失った。", "ヴェルトハイマー"),
        ("菅は記者会見で反論した。", "菅"),
        ("講演したのはロバート・K・ハンフォードだった。", "ロバート・K・ハンフォード"),
        ("当時の国王はカール12世であった。", "カール12世"),
        ("会見にはアブ=ザイダーンも出席した。", "アブ=ザイダーン"),
        ("当日は金璟鐸が演説した。", "金璟鐸"),
        ("弟子の碓氷洞山が跡を継いだ。", "碓氷洞山"),
        ("大企業の社長ブロンスキヴェーデが来日した。", "ブロンスキヴェーデ"),
        ("ズヴェルチコフによれば、計画は失敗していた。", "ズヴェルチコフ"),
        ("会談には尹潽烈候補も同席した。", "尹潽烈"),
    ],
)
def test_names_found_by_context(text: str, name: str) -> None:
    assert name in _name_values(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("前橋市長が記者会見を開いた。", "前橋"),
        ("ワーナー・ブラザースは新作を発表した。", "ワーナー・ブラザース"),
        ("ジェファーソン・スタジアムで試合が行われた。", "ジェファーソン・スタジアム"),
        ("魏王朝の時代に都が移された。", "魏王朝"),
        ("妻の遺志を継いで基金を設けた。", "遺志"),
        ("翌年の「ルパン」は好評だった。", "ルパン"),
    ],
)
def test_places_and_companies_are_not_names(text: str, value: str) -> None:
    assert value not in _name_values(text)
