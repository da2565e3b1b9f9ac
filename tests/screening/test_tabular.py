"""CSV reading, column screening, drop-and-rescreen, neutralisation and the LLM form.

No database: the tabular package is pure Python. Tests of the table-level rules use a
small fake detector so they pin this package's logic, not the detectors' recall; the
tests marked `engine` run the real detectors end to end.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from screening.tabular import (
    Limits,
    TableRejected,
    TableScreening,
    drop_columns,
    neutralise_cell,
    read_table,
    read_table_path,
    rescreen_without,
    screen_csv_path,
    screen_table,
    screen_upload,
    table_for_llm,
)
from screening.tabular.detection import CellDetector
from screening.tabular.headers import HeaderKind, header_kind
from screening.types import Category, EngineConfig, Finding

CONFIG = EngineConfig(allow_terms=frozenset({"027-224-1111"}))
DEV = Path("/work/shared/eval/csv_dev")

ROSTER = (
    "氏名,フリガナ,所属,携帯電話,住所,備考\n"
    "髙橋 一郎,タカハシ イチロウ,市民課,090-1234-5678,前橋市大手町1-2-3,①会議\n"
    "山﨑 花子,ヤマサキ ハナコ,税務課,080-2345-6789,前橋市本町二丁目4番5号,㈱対応\n"
)


def fake_detect(text: str, config: EngineConfig) -> list[Finding]:
    """Stand-in detector: 様-names, 090 numbers and the word 秘 (offsets exact)."""
    out = []
    for m in re.finditer(r"[一-龥]{1,3} ?[一-龥ぁ-ん]{1,3}(?=様)", text):
        out.append(Finding(Category.PERSON_NAME, m.start(), m.end(), 0.9, "fake"))
    for m in re.finditer(r"0[789]0-\d{4}-\d{4}", text):
        out.append(Finding(Category.PHONE, m.start(), m.end(), 0.9, "fake"))
    for m in re.finditer(r"秘", text):
        out.append(Finding(Category.NON_PUBLIC, m.start(), m.end(), 0.9, "fake"))
    return out


def screen_fake(data: bytes) -> TableScreening:
    table = read_table(data)
    return screen_table(table, CONFIG, detector=CellDetector(CONFIG, fake_detect))


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp932", "cp932"),
        ("utf-16", "utf-16"),
    ],
)
def test_encodings_are_detected_and_reported(codec: str, reported: str) -> None:
    table = read_table(ROSTER.encode(codec))
    assert table.encoding == reported
    assert table.columns == ["氏名", "フリガナ", "所属", "携帯電話", "住所", "備考"]
    assert table.data[0] == ["髙橋 一郎", "山﨑 花子"]
    assert table.data[5] == ["①会議", "㈱対応"]


def test_euc_jp_is_detected() -> None:
    text = (
        "氏名,住所,備考\n鈴木 太郎,前橋市大手町1-2-3,ひらがなとカタカナの説明文です\n"
        * 5
    )
    table = read_table(text.encode("euc-jp"))
    assert table.encoding == "euc-jp"
    assert table.data[0][0] == "鈴木 太郎"


def test_utf16_big_endian_with_bom() -> None:
    table = read_table(codecs.BOM_UTF16_BE + ROSTER.encode("utf-16-be"))
    assert table.encoding == "utf-16"
    assert table.data[0][1] == "山﨑 花子"


def test_shift_jis_cp932_extensions_survive() -> None:
    text = "区分,名称\n1,①髙﨑㈱\n"
    table = read_table(text.encode("cp932"))
    assert (table.encoding, table.data[1]) == ("cp932", ["①髙﨑㈱"])


def test_ambiguous_bytes_ask_the_user_then_read_with_the_choice() -> None:
    data = "山田,太郎\n".encode("euc-jp")  # also valid CP932 (half-width katakana)
    with pytest.raises(TableRejected) as info:
        read_table(data)
    assert info.value.code == "encoding_uncertain"
    assert {"euc-jp", "cp932"} <= set(info.value.candidates)
    assert "文字コード" in info.value.message
    table = read_table(data, encoding="EUC-JP")
    assert (table.encoding, table.columns) == ("euc-jp", ["山田", "太郎"])


def test_uncertain_upload_record_carries_candidates() -> None:
    result = screen_upload("山田,太郎\n".encode("euc-jp"), "a.csv", CONFIG)
    assert result.record["decision"] == "reject"
    assert result.record["code"] == "encoding_uncertain"
    assert "euc-jp" in result.record["candidates"]
    again = screen_upload(
        "山田,太郎\n".encode("euc-jp"), "a.csv", CONFIG, encoding="euc-jp"
    )
    assert again.record["encoding"] == "euc-jp"


def test_chosen_encoding_that_does_not_fit_is_refused() -> None:
    with pytest.raises(TableRejected) as info:
        read_table("氏名\n髙橋\n".encode("cp932"), encoding="utf-8")
    assert info.value.code == "undecodable"


def test_utf16_without_bom_asks() -> None:
    with pytest.raises(TableRejected) as info:
        read_table("a,b\n1,2\n".encode("utf-16-le"))
    assert info.value.code == "encoding_uncertain"
    assert info.value.candidates == ("utf-16-le",)


# ---------------------------------------------------- delimiters, quoting, ragged


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiters_are_sniffed(delimiter: str) -> None:
    rows = [["地区", "人口", "備考"], ["大手町", "1,234", "a;b"], ["本町", "567", "c"]]
    if delimiter == ",":
        body = "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in rows)
    else:
        body = "\n".join(delimiter.join(r) for r in rows)
    if delimiter == ";":
        body = body.replace("a;b", '"a;b"')
    table = read_table(body.encode("utf-8"))
    assert table.delimiter == delimiter
    assert table.columns == ["地区", "人口", "備考"]
    assert table.data[1] == ["1,234", "567"]


def test_quoted_fields_with_commas_and_newlines() -> None:
    text = '"番号","内容"\r\n"1","一行目,カンマ\r\n二行目"\r\n"2","""引用""あり"\r\n'
    table = read_table(text.encode("utf-8-sig"))
    assert table.n_rows == 2
    assert table.data[1] == ["一行目,カンマ\r\n二行目", '"引用"あり']
    assert list(table.row_numbers) == [2, 3]


def test_ragged_rows_are_padded_and_extended() -> None:
    text = "a,b,c\n1,2\n1,2,3,4\n\n,,\n5\n"
    table = read_table(text.encode())
    assert table.columns == ["a", "b", "c", "列4"]
    assert table.data == [["1", "1", "5"], ["2", "2", ""], ["", "3", ""], ["", "4", ""]]
    assert list(table.row_numbers) == [2, 3, 6]  # blank and ",," lines skipped


def test_blank_and_duplicate_headers_get_names() -> None:
    table = read_table("備考,,備考\n1,2,3\n".encode())
    assert table.columns == ["備考", "列2", "備考_2"]


# ------------------------------------------------------------------ limits and rejects


def test_row_limit_is_enforced_while_parsing() -> None:
    data = ("a\n" + "1\n" * 11).encode()
    with pytest.raises(TableRejected) as info:
        read_table(data, limits=Limits(max_rows=10))
    assert info.value.code == "too_many_rows"
    assert read_table(data, limits=Limits(max_rows=11)).n_rows == 11


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.truncate(2_000_001)  # sparse: nothing to read if the check comes first
    with pytest.raises(TableRejected) as info:
        read_table_path(path, limits=Limits(max_bytes=2_000_000))
    assert info.value.code == "too_large"
    record = screen_csv_path(path, CONFIG, limits=Limits(max_bytes=2_000_000))
    assert record["decision"] == "reject" and "大きすぎ" in record["error"]


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\r\n\r\n  \n", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (_xlsx_bytes(), "archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "binary"),
        (b"\x81\x20\xff\xfe\x80\x80\xa0" * 50, "undecodable"),
    ],
    ids=["empty", "blank", "binary", "xlsx", "xls", "undecodable"],
)
def test_not_csv_is_rejected_in_japanese(data: bytes, code: str) -> None:
    result = screen_upload(data, "x.csv", CONFIG)
    record = result.record
    assert record["decision"] == "reject"
    assert set(record) >= {"file", "decision", "error"}
    assert re.search(r"[ぁ-んァ-ン一-龥]", record["error"])
    assert record["code"] in (code, "encoding_uncertain")
    assert result.table is None


def test_dev_files_reject_records(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert screen_csv_path(empty, CONFIG) == {
        "file": "empty.csv",
        "decision": "reject",
        "error": "ファイルが空です。データの入った CSV ファイルを選んでください。",
        "code": "empty",
    }


# ------------------------------------------------------------------ headers


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("氏名", HeaderKind.PERSON_NAME),
        ("受給者氏名", HeaderKind.PERSON_NAME),
        ("name", HeaderKind.PERSON_NAME),
        ("Shimei", HeaderKind.PERSON_NAME),
        ("ﾌﾘｶﾞﾅ", HeaderKind.KANA_NAME),
        ("jusho", HeaderKind.ADDRESS),
        ("Tel.", HeaderKind.PHONE),
        ("携帯電話", HeaderKind.PHONE),
        ("E-mail", HeaderKind.EMAIL),
        ("生年月日", HeaderKind.BIRTH_DATE),
        ("受付日", HeaderKind.OTHER_DATE),
        ("資格取得日", HeaderKind.OTHER_DATE),
        ("事故発生年月日", HeaderKind.OTHER_DATE),
        ("個人番号", HeaderKind.MY_NUMBER),
        ("被保険者番号", HeaderKind.ID_NUMBER),
        ("口座番号", HeaderKind.BANK_ACCOUNT),
        ("口座名義", HeaderKind.PERSON_NAME),
        ("施設名", HeaderKind.ORGANISATION),
        ("事業者名", HeaderKind.ORGANISATION),
        ("利用者数", HeaderKind.NONE),
        ("列1", HeaderKind.NONE),
        ("項目2", HeaderKind.NONE),
        ("GAKUSEKI_NO", HeaderKind.ID_NUMBER),  # 学籍番号 in an old system's romaji
        ("Residence Card No.", HeaderKind.ID_NUMBER),
        ("被保番", HeaderKind.ID_NUMBER),
        ("免状番号", HeaderKind.ID_NUMBER),
        ("うまれ", HeaderKind.BIRTH_DATE),
    ],
)
def test_header_kinds(header: str, kind: HeaderKind) -> None:
    assert header_kind(header) is kind


# ------------------------------------------------------------------ screening rules


def findings_by_column(result) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in result.findings:
        out.setdefault(f.column, set()).add(f.category)
    return out


def test_roster_is_blocked_with_columns_counts_and_rows() -> None:
    result = screen_fake(ROSTER.encode("cp932"))
    assert result.decision == "block"
    assert findings_by_column(result) == {
        "氏名": {"person_name"},
        "フリガナ": {"person_name"},
        "携帯電話": {"phone"},
        "住所": {"address"},
    }
    name = next(f for f in result.findings if f.column == "氏名")
    assert (name.count, name.rows) == (2, (2, 3))


def test_reception_date_is_not_a_birth_date_but_birth_date_is() -> None:
    text = "受付日,資格取得日,生年月日\n2024/07/05,2024/08/01,昭和41年1月2日\n"
    result = screen_fake(text.encode())
    assert findings_by_column(result) == {"生年月日": {"birth_date"}}


def test_organisations_in_a_name_column_are_not_persons() -> None:
    text = (
        "契約者名,請求額\n有限会社関根商店,8384\n"
        "前橋市立第一中学校,100\n株式会社赤城精工,5\n"
    )
    result = screen_fake(text.encode("cp932"))
    assert result.decision == "pass"


def test_roles_in_a_person_column_are_not_names() -> None:
    text = "避難支援者,件数\n長男（同居）,1\n近所の方,2\nなし,3\n"
    assert screen_fake(text.encode()).decision == "pass"


def test_institutional_contacts_pass_but_mobiles_do_not() -> None:
    base = (
        "施設名,所在地,電話番号\n中央公民館,前橋市千代田町二丁目5番1号,027-210-2199\n"
    )
    assert screen_fake(base.encode()).decision == "pass"
    with_mobile = base + "東公民館,前橋市本町1-2-3,090-1111-2222\n"
    result = screen_fake(with_mobile.encode())
    assert findings_by_column(result) == {"電話番号": {"phone"}}


def test_contacts_next_to_names_are_personal() -> None:
    text = "氏名,電話番号,住所\n山田 太郎,027-243-4966,前橋市下小出町三丁目8番6号\n"
    result = screen_fake(text.encode())
    assert findings_by_column(result) == {
        "氏名": {"person_name"},
        "電話番号": {"phone"},
        "住所": {"address"},
    }


def test_allow_listed_switchboard_is_never_personal() -> None:
    text = "氏名,電話番号\n山田 太郎,027-224-1111\n"
    assert findings_by_column(screen_fake(text.encode())) == {"氏名": {"person_name"}}


def test_neutral_headers_rely_on_the_cell_detectors() -> None:
    text = "列1,列2\n山田様,100\n特になし,200\n"
    result = screen_fake(text.encode())
    assert findings_by_column(result) == {"列1": {"person_name"}}


def test_detector_findings_in_free_text_are_reported_with_rows() -> None:
    lines = ["回答ID,自由記述"] + [
        f"S{i:04d},公園をきれいにしてほしい。" for i in range(1, 60)
    ]
    lines[30] = "S0030,至急 090-4821-7365 に電話ください"
    result = screen_fake("\n".join(lines).encode())
    assert result.decision == "block"
    assert [(f.column, f.category, f.count, f.rows) for f in result.findings] == [
        ("自由記述", "phone", 1, (31,))
    ]


def test_non_public_header_cell_blocks() -> None:
    text = "項目,秘 予定価格\n工事A,1000\n"
    result = screen_fake(text.encode())
    assert [(f.column, f.category, f.rows) for f in result.findings] == [
        ("秘 予定価格", "non_public", (1,))
    ]


def test_first_row_of_data_is_not_taken_as_a_header() -> None:
    text = "山田 太郎,090-1234-5678\n佐藤 花子,080-2222-3333\n"
    result = screen_fake(text.encode())
    assert result.has_header is False
    assert result.columns == ("列1", "列2")
    phone = next(f for f in result.findings if f.category == "phone")
    assert (phone.column, phone.count, phone.rows) == ("列2", 2, (1, 2))


def test_sensitive_facts_need_identifiable_people() -> None:
    stats = "障害種別,人数\n視覚障害,120\n聴覚障害,98\n"
    assert screen_fake(stats.encode()).decision == "pass"
    roster = "氏名,要支援理由\n山田 太郎,人工透析（週3回）\n"
    assert findings_by_column(screen_fake(roster.encode())) == {
        "氏名": {"person_name"},
        "要支援理由": {"sensitive"},
    }


def test_action_pass_in_admin_turns_a_category_off() -> None:
    config = EngineConfig(actions={"phone": "pass"})
    table = read_table("備考\n090-1234-5678に電話\n".encode())
    result = screen_table(table, config, detector=CellDetector(config, fake_detect))
    assert result.decision == "pass"


def test_early_stop_still_reports_flagged_columns() -> None:
    given = ["太郎", "花子", "一郎", "桜", "翔"]
    lines = ["番号,氏名,金額"] + [f"{i},山田 {given[i % 5]},{i}" for i in range(30_000)]
    table = read_table("\n".join(lines).encode())
    result = screen_table(
        table, CONFIG, sample_rows=5000, detector=CellDetector(CONFIG, fake_detect)
    )
    assert result.decision == "block"
    assert not result.complete and 5000 <= result.rows_screened < 30_000
    assert result.rows == 30_000
    assert result.flagged_columns == ("氏名",)


def test_progress_is_reported() -> None:
    lines = ["a"] + ["x"] * 5000
    seen: list[tuple[int, int]] = []
    screen_table(
        read_table("\n".join(lines).encode()),
        CONFIG,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1] == (5000, 5000)


# ------------------------------------------------------------------ drop and rescreen


def test_drop_flagged_columns_and_rescreen() -> None:
    result = screen_upload(ROSTER.encode("cp932"), "roster.csv", CONFIG)
    assert result.decision == "block"
    assert result.screening is not None and result.table is not None
    remaining, again = rescreen_without(
        result.table, result.screening.flagged_columns, CONFIG
    )
    assert remaining.columns == ["所属", "備考"]
    assert again.decision == "pass" and again.complete
    assert result.table.columns[0] == "氏名"  # the original table is untouched


def test_drop_columns_keeps_row_numbers() -> None:
    table = read_table(b"a,b\n\n1,2\n3,4\n")
    dropped = drop_columns(table, ["a"])
    assert dropped.columns == ["b"] and dropped.data == [["2", "4"]]
    assert list(dropped.row_numbers) == [3, 4]


# ------------------------------------------------------------------ batching guard


def test_batching_falls_back_when_a_column_sample_disagrees() -> None:
    """A detector that fires on a value alone but never inside a batch still counts."""

    def alone_only(text: str, config: EngineConfig) -> list[Finding]:
        if "\n" in text or not text.startswith("NAME"):
            return fake_detect(text, config) if "\n" not in text else []
        return [Finding(Category.PERSON_NAME, 0, len(text), 0.9, "alone")]

    lines = ["列1"] + [
        f"NAME{i:05d}" if i % 10 == 0 else f"CODE{i:05d}" for i in range(3000)
    ]
    table = read_table("\n".join(lines).encode())
    detector = CellDetector(CONFIG, alone_only)
    result = screen_table(table, CONFIG, detector=detector)
    assert [(f.column, f.count) for f in result.findings] == [("列1", 300)]


def test_batching_is_not_used_when_probes_differ() -> None:
    """Calibration: a detector blind inside batches never gets batched at all."""

    def blind_in_batch(text: str, config: EngineConfig) -> list[Finding]:
        return [] if "\n" in text else fake_detect(text, config)

    lines = ["列1"] + [f"CODE{i:05d}" for i in range(3000)] + ["090-1234-5678"]
    detector = CellDetector(CONFIG, blind_in_batch)
    result = screen_table(
        read_table("\n".join(lines).encode()), CONFIG, detector=detector
    )
    assert detector.batch_safe() is False
    assert [(f.column, f.category, f.count) for f in result.findings] == [
        ("列1", "phone", 1)
    ]


def test_batching_agrees_with_value_by_value_on_the_dev_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the real detectors, batching finds exactly what value-by-value finds."""
    if not DEV.exists():
        pytest.skip("evaluation data not present")
    monkeypatch.setattr("screening.tabular.detection.BATCH_MIN_VALUES", 2)
    monkeypatch.setattr("screening.tabular.detection.BATCH_MAX_VALUE_CHARS", 400)
    for path in sorted(DEV.glob("*.*sv")):
        try:
            table = read_table_path(path)
        except TableRejected:
            continue
        batched, solo = CellDetector(CONFIG), CellDetector(CONFIG)
        for i, column in enumerate(table.data):
            values = sorted(set(column))
            batched.ensure(values, column=i)
            for value in values:
                solo.cache[value] = solo.solo(value)
            for value in values:
                got = {h.category for h in batched.hits(value)}
                want = {h.category for h in solo.hits(value)}
                assert got == want, (path.name, table.columns[i])


def test_detector_crash_rejects_instead_of_passing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(text: str, config: EngineConfig) -> list[Finding]:
        raise RuntimeError("bug")

    monkeypatch.setattr("screening.tabular.detection.detect_all", boom)
    monkeypatch.setattr(CellDetector.__init__, "__defaults__", (boom,))
    record = screen_upload("備考\n何か\n".encode(), "x.csv", CONFIG).record
    assert record["decision"] == "reject" and record["code"] == "screening_failed"


# ------------------------------------------------------------------ output format


def test_record_has_exactly_the_eval_keys(tmp_path: Path) -> None:
    path = tmp_path / "roster_cp932.csv"
    path.write_bytes(ROSTER.encode("cp932"))
    record = screen_csv_path(path, CONFIG)
    assert list(record) == ["file", "decision", "encoding", "rows", "findings"]
    assert record["file"] == "roster_cp932.csv" and record["encoding"] == "cp932"
    assert record["rows"] == 2
    for finding in record["findings"]:
        assert list(finding) == ["category", "column", "count", "rows"]
    assert "髙橋" not in json.dumps(record, ensure_ascii=False)  # never values


# ------------------------------------------------------------------ neutralisation


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-119715", "-119715"),
        ("+3.5", "+3.5"),
        ("普通の値", "普通の値"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_neutralise_cell(value: str, expected: str) -> None:
    assert neutralise_cell(value) == expected


def test_neutralise_numbers_too_when_asked() -> None:
    assert neutralise_cell("-1", keep_numbers=False) == "'-1"


# ------------------------------------------------------------------ compact form


def _big_table():
    lines = ["地区,区分,件数,受付日,計算"] + [
        f"{'大手町' if i % 3 else '本町'},{'利用' if i % 2 else '予約'},{i},"
        f"2024/05/{i % 28 + 1:02d},=A{i}*2"
        for i in range(1, 1001)
    ]
    return read_table("\n".join(lines).encode())


def test_table_for_llm_summarises_and_notes_left_out_rows() -> None:
    text = table_for_llm(_big_table(), 3000)
    assert len(text) <= 3000
    assert "1,000 行 × 5 列" in text
    assert "- 件数: 数値" in text and "最小 1" in text and "最大 1,000" in text
    assert "平均 500.50" in text
    assert "- 地区: 区分" in text and "大手町（667）" in text
    assert "- 受付日: 日付" in text
    assert "地区,区分,件数,受付日,計算\n" in text
    assert "'=A1*2" in text and "\n=A" not in text and ",=A" not in text
    assert re.search(r"全 1,000 行のうち先頭 \d+ 行のみ掲載", text)


def test_table_for_llm_small_table_has_every_row_and_no_note() -> None:
    table = read_table(b"a,b\n1,x\n2,y\n")
    text = table_for_llm(table, 10_000)
    assert text.endswith("a,b\n1,x\n2,y\n")
    assert "省略" not in text


def test_table_for_llm_respects_tiny_budgets() -> None:
    assert len(table_for_llm(_big_table(), 50)) <= 50


# ------------------------------------------------------------------ the real detectors


@pytest.mark.skipif(not DEV.exists(), reason="evaluation data not present")
def test_dev_set_scores() -> None:
    """Development files: every decision right, >= 95 % of labelled columns found."""
    labels = [
        json.loads(line) for line in (DEV / "labels.jsonl").read_text().splitlines()
    ]
    found = total = 0
    for case in labels:
        record = screen_csv_path(DEV / case["file"], CONFIG)
        assert record["decision"] == case["expect"], case["file"]
        columns = {f["column"] for f in record.get("findings", [])}
        total += len(case["columns"])
        found += len(set(case["columns"]) & columns)
    assert found / total >= 0.95


def test_column_limit() -> None:
    with pytest.raises(TableRejected) as info:
        read_table(("a," * 20 + "a\n").encode(), limits=Limits(max_columns=20))
    assert info.value.code == "too_many_columns"


def test_audit_record_keeps_no_values() -> None:
    result = screen_upload(ROSTER.encode("cp932"), "roster.csv", CONFIG)
    audit = result.audit_record()
    assert audit["file"] == "roster.csv" and audit["size"] == len(
        ROSTER.encode("cp932")
    )
    assert (audit["encoding"], audit["rows"], audit["columns"]) == ("cp932", 2, 6)
    assert audit["categories"]["氏名"] == ["person_name"]
    text = json.dumps(audit, ensure_ascii=False)
    assert "髙橋" not in text and "090" not in text
    rejected = screen_upload(b"", "e.csv", CONFIG).audit_record()
    assert rejected == {
        "file": "e.csv",
        "size": 0,
        "decision": "reject",
        "error_code": "empty",
    }


def tiered_detect(text: str, config: EngineConfig) -> list[Finding]:
    """Like the name engine: bare full names 0.4, lone name parts 0.15, health 0.3."""
    out = fake_detect(text, config)
    for m in re.finditer(r"(?m)^(佐藤|鈴木|高橋)(花子|一郎|美咲)$", text):
        out.append(Finding(Category.PERSON_NAME, m.start(), m.end(), 0.4, "full_name"))
    for m in re.finditer(r"(?m)^(大胡|粕川|敷島)$", text):
        out.append(Finding(Category.PERSON_NAME, m.start(), m.end(), 0.15, "name_part"))
    for m in re.finditer(r"人工透析|認知症", text):
        out.append(Finding(Category.SENSITIVE, m.start(), m.end(), 0.3, "health"))
    return out


def screen_tiered(text: str):
    table = read_table(text.encode())
    return screen_table(table, CONFIG, detector=CellDetector(CONFIG, tiered_detect))


def test_a_column_of_bare_full_names_blocks_on_its_own() -> None:
    result = screen_tiered("列1,列2\n佐藤花子,1\n鈴木一郎,2\n高橋美咲,3\n")
    assert findings_by_column(result) == {"列1": {"person_name"}}


def test_surname_like_place_names_do_not_block() -> None:
    assert screen_tiered("列1,列2\n大胡,1\n粕川,2\n敷島,3\n").decision == "pass"


def test_one_bare_full_name_among_other_words_does_not_block() -> None:
    rows = "\n".join(f"項目{i},{i}" for i in range(10))
    assert screen_tiered(f"列1,列2\n佐藤花子,0\n{rows}\n").decision == "pass"


def test_weak_health_words_count_only_about_identified_people() -> None:
    assert screen_tiered("講座,定員\n認知症カフェ,20\n").decision == "pass"
    result = screen_tiered("氏名,備考\n山田 太郎,人工透析\n")
    assert findings_by_column(result) == {
        "氏名": {"person_name"},
        "備考": {"sensitive"},
    }


def test_date_headers_of_a_pivot_table_stay_headers() -> None:
    result = screen_fake("地区,2024/04/01,2024/05/01\n大手町,10,12\n".encode())
    assert result.has_header and result.columns == ("地区", "2024/04/01", "2024/05/01")


REAL_ENGINE_CASES = [
    (  # institutional contacts of shelters
        "避難所名,所在地,電話番号,収容人数\n"
        "第一中学校 体育館,前橋市朝日町3-12-5,027-221-4455,300\n"
        "第二中学校 体育館,前橋市荒牧町1-20-8,027-231-8890,450\n",
        "pass",
        set(),
    ),
    (  # payroll: staff numbers and names without a space
        "職員番号,氏名,所属,給料月額\n"
        "40213,佐藤花子,市民課,251000\n41877,鈴木一郎,税務課,302000\n",
        "block",
        {"職員番号", "氏名"},
    ),
    (  # romaji headers
        "namae,jusho,denwa\n"
        "山田 花子,前橋市本町2-5-3,090-4455-6677\n"
        "佐藤 健一,前橋市朝日町1-9-2,080-3344-1122\n",
        "block",
        {"namae", "jusho", "denwa"},
    ),
    (  # names only inside free text
        "受付番号;受付日;内容\nA001;2024/05/01;街灯が切れている\n"
        "A002;2024/05/02;小池 正樹様より電話あり。折り返し希望。\n",
        "block",
        {"内容"},
    ),
    (  # statistics about disabilities: no person
        "障害種別,等級,人数\n視覚障害,1級,120\n聴覚障害,2級,98\n",
        "pass",
        set(),
    ),
    (  # district names that look like surnames
        "列1,列2\n大胡,120\n富士見,98\n粕川,77\n宮城,65\n",
        "pass",
        set(),
    ),
    (  # a neutral column of names without spaces
        "列1,列2\n佐藤花子,1000\n鈴木一郎,2000\n高橋美咲,3000\n田中健一,4000\n",
        "block",
        {"列1"},
    ),
    (  # no header at all
        "山田 花子,080-1234-9876,前橋市\n佐藤 健一,090-5555-1212,前橋市\n",
        "block",
        {"列1", "列2"},
    ),
    (  # romaji names under a neutral header, both orders
        "列1,列2\nKenji Sato,100\nSUZUKI Hiroshi,200\nMika Ito,300\n",
        "block",
        {"列1"},
    ),
]


def test_romaji_names_under_a_neutral_header_are_found_in_every_row() -> None:
    data = "列1,列2\nKenji Sato,100\nHiroshi Suzuki,200\nMika Ito,300\nSales Report,400\n"
    record = screen_upload(data.encode("utf-8"), "case.csv", CONFIG).record
    (finding,) = [f for f in record["findings"] if f["category"] == "person_name"]
    assert finding["column"] == "列1" and finding["rows"] == [2, 3, 4]  # not Sales Report


@pytest.mark.parametrize(("text", "decision", "columns"), REAL_ENGINE_CASES)
def test_real_engine_cases(text: str, decision: str, columns: set[str]) -> None:
    record = screen_upload(text.encode("cp932"), "case.csv", CONFIG).record
    assert record["decision"] == decision
    assert {f["column"] for f in record["findings"]} >= columns


def test_quoted_field_with_another_delimiter_and_newline_keeps_the_comma() -> None:
    """A semicolon and a line break inside quotes must not make ';' look like the delimiter."""
    data = b',,,";\n0"\r\n,";\n0"\r\n,,\r\n'
    table = read_table(data)
    assert table.delimiter == ","
    assert table.n_rows <= 3


def test_title_lines_above_the_header_are_not_the_header() -> None:
    """A business system's export: a title, the extraction conditions and the time first."""
    data = (
        "ケース台帳 抽出結果\n抽出条件,地区担当=第2係,,,\n出力日時,2024/10/01 08:45\n\n"
        "ケース番号,世帯主姓,世帯主名,住所,扶助種別\n"
        "C24-2149,池田,和夫,前橋市城東町2-11-4,生活扶助・医療扶助\n"
        "C08-1326,新井,美香,前橋市日吉町3-10-29,生活扶助\n"
        "C11-2628,松本,和子,前橋市紅雲町2-4-5,住宅扶助\n"
    )
    table = read_table(data.encode("utf-8"))
    assert table.columns == ["ケース番号", "世帯主姓", "世帯主名", "住所", "扶助種別"]
    assert table.header_row == 5 and table.n_rows == 3
    assert list(table.row_numbers) == [6, 7, 8]
    record = screen_upload(data.encode("utf-8"), "case.csv", CONFIG).record
    assert record["decision"] == "block"
    assert {f["column"] for f in record["findings"]} >= {"ケース番号", "世帯主姓", "住所", "扶助種別"}


def test_a_marked_title_makes_the_draft_columns_non_public() -> None:
    """【内部限り】 above the header is not sent, but it says what the draft columns are."""
    rows = "".join(
        f"{hall},株式会社まちづくり{i},{40 - i},{20 + i},人員配置の是正を要する,{300 + i}000\n"
        for i, hall in enumerate(["市民文化会館", "総合体育館", "少年自然の家", "斎場"])
    )
    data = (
        "【内部限り】指定管理者評価（選定委員会審議前の素案）,,,,,\n"
        "施設名,指定管理者,配点,評価点(案),委員所見(案),次期上限額(予定・千円)\n" + rows
    )
    table = read_table(data.encode("utf-8"))
    assert table.title_lines == ["【内部限り】指定管理者評価（選定委員会審議前の素案）"]
    record = screen_upload(data.encode("utf-8"), "hyouka.csv", CONFIG).record
    assert record["decision"] == "block"
    non_public = {f["column"] for f in record["findings"] if f["category"] == "non_public"}
    assert non_public == {"評価点(案)", "委員所見(案)", "次期上限額(予定・千円)"}
    # without the mark the same table is a draft like any other
    plain = screen_upload(data.split("\n", 1)[1].encode("utf-8"), "hyouka.csv", CONFIG).record
    assert not any(f["category"] == "non_public" for f in plain["findings"])


def test_code_tables_joint_ventures_and_template_examples_are_not_people() -> None:
    data = (
        "コード種別,コード,名称,備考\n"
        "05,01,第1段階,生活保護受給者、老齢福祉年金受給者で世帯全員が住民税非課税 等\n"
        "05,02,第2段階,世帯全員が住民税非課税で本人年金収入等80万円以下\n"
        "05,03,第3段階,世帯全員が住民税非課税で前段階に該当しない方\n"
    )
    assert screen_upload(data.encode("utf-8"), "codes.csv", CONFIG).record["decision"] == "pass"
    managers = "施設,指定管理者\n斎場,前橋斎場サービス共同企業体\n体育館,前橋スポーツ共同事業体\n公園,緑化JV\n"
    assert screen_upload(managers.encode("utf-8"), "m.csv", CONFIG).record["decision"] == "pass"
    # a template's example rows: マル マル is ○○ read aloud, ■■ a masked value
    template = "No.,氏名,フリガナ,口座番号\n記入例,○○　○○,マル　マル,*******\nマスク例,■■　■■,＊＊＊　＊＊＊,****567\n1,,,\n"
    assert screen_upload(template.encode("utf-8"), "t.csv", CONFIG).record["decision"] == "pass"


def test_a_fleet_log_and_a_branch_column_are_not_people() -> None:
    rows = "".join(
        f"2024/10/{d:02d},公{d},群馬 {300 + d} さ {10 + d}-{20 + d},建築指導課,技師,2,施設点検,{b}\n"
        for d, b in zip(range(1, 29), ["上川淵", "大胡", "富士見"] * 10, strict=False)
    )
    data = "運行日,車両No,登録番号,使用課,運転者（職）,同乗者数,用務,行先\n" + rows
    assert screen_upload(data.encode("utf-8"), "log.csv", CONFIG).record["decision"] == "pass"
    family = ["森田", "茂木", "石井", "山口", "高橋", "佐藤", "小林", "中島"]
    given = ["陽翔", "良一", "結衣", "蓮", "美咲", "大輔", "真央", "健太", "優子", "翼"]
    borrowers = "".join(
        f"21158{i:05d},{family[i % 8]} {given[i % 10]},090-1234-{i:04d},{['上川淵', '大胡'][i % 2]}\n"
        for i in range(40)
    )
    record = screen_upload(("riyosha_no,shimei,tel,kan\n" + borrowers).encode("utf-8"), "b.csv", CONFIG).record
    columns = {f["column"] for f in record["findings"]}
    assert {"riyosha_no", "shimei", "tel"} <= columns and "kan" not in columns


def test_an_inspection_list_of_premises_is_not_a_list_of_people() -> None:
    shops = ["スーパーあさくら 関根店", "ホテル前橋リバーサイド", "(株)赤城フーズ 本社工場", "ビジネスホテル新前橋"]
    rows = "".join(
        f"S7-{i:04d},R07.09.{1 + i % 28:02d},{shops[i % 4]},{['選任済', '未選任', '非該当'][i % 3]},"
        f"{['防火管理者', '総務担当者', '施設管理担当者'][i % 3]},指摘事項なし\n"
        for i in range(60)
    )
    data = "査察番号,査察日,対象物名,防火管理者,立会者,指摘事項\n" + rows
    assert screen_upload(data.encode("utf-8"), "sasatsu.csv", CONFIG).record["decision"] == "pass"


def test_tender_figures_in_a_file_marked_secret_are_non_public() -> None:
    data = (
        "【取扱注意・秘】予定価格調書,,,,\n※開札前につき内部限り,,,,\n"
        "案件番号,件名,開札予定日,設計金額(税抜),予定価格(税抜),最低制限価格(税抜)\n"
        "R7-1,雨水幹線整備工事,令和7年8月5日,\"8,138,000\",\"8,095,000\",\"7,285,000\"\n"
        "R7-2,屋上防水改修工事,令和7年9月3日,\"49,401,000\",\"48,139,000\",\"44,287,000\"\n"
        "R7-3,道路舗装補修工事,令和7年9月9日,\"9,401,000\",\"9,139,000\",\"8,287,000\"\n"
    )
    record = screen_upload(data.encode("utf-8"), "yotei.csv", CONFIG).record
    non_public = {f["column"] for f in record["findings"] if f["category"] == "non_public"}
    assert non_public == {"設計金額(税抜)", "予定価格(税抜)", "最低制限価格(税抜)"}


@pytest.mark.parametrize("header", ["被保No", "被保番号", "被保険者No", "riyosha_no"])
def test_abbreviated_insured_number_headers(header: str) -> None:
    assert header_kind(header) is HeaderKind.ID_NUMBER


@pytest.mark.parametrize(("header", "kind"), [("総合判定", HeaderKind.SENSITIVE), ("運転者（職）", HeaderKind.NONE)])
def test_more_header_kinds(header: str, kind: HeaderKind) -> None:
    assert header_kind(header) is kind


@pytest.mark.parametrize(
    "data",
    [
        "氏名,住所\n山田 太郎,前橋市大手町1-2-3\n",  # one data row: the header stays first
        "a\nb\nc\n",  # a single column
        ",,氏名,住所\n1,2,山田 太郎,前橋市大手町1-2-3\n3,4,佐藤 花子,前橋市朝日町2-3-4\n",
    ],
)
def test_an_ordinary_first_line_stays_the_header(data: str) -> None:
    table = read_table(data.encode("utf-8"))
    assert table.header_row == 1


def test_town_and_lot_columns_together_are_an_address() -> None:
    data = (
        "被保険者番号,氏名,町名,番地,要介護度\n"
        "0002773830,橋本 トミ,富田町二丁目,11-18,要介護3\n"
        "0008254604,高橋 久子,富田町,1802,要支援2\n"
        "0008704911,斎藤 武夫,総社町総社二丁目,20-15,要介護3\n"
    )
    record = screen_upload(data.encode("utf-8"), "case.csv", CONFIG).record
    address = {f["column"] for f in record["findings"] if f["category"] == "address"}
    assert address == {"町名", "番地"}
    # without people in the table, a town and a lot number are a facility list
    facilities = "施設,町名,番地\n東公民館,朝日町,3-1\n南公民館,南町,2-5\n"
    assert screen_upload(facilities.encode("utf-8"), "f.csv", CONFIG).record["decision"] == "pass"


def test_assembly_minutes_name_councillors_in_session() -> None:
    data = (
        "会議名,発言者,発言要旨\n"
        "第3回定例会,議長（坂井信夫）,篠原美和議員の発言を許します。\n"
        "第3回定例会,篠原美和議員,学校給食費の無償化について伺う。\n"
        "第3回定例会,教育長,予算編成の中で検討してまいります。\n"
        "第3回定例会,岡部隆之議員,公共交通について伺う。\n"
    )
    assert screen_upload(data.encode("utf-8"), "m.csv", CONFIG).record["decision"] == "pass"
    # a speaker column of private people is a list of people all the same
    private = "発言者,内容\n山田 太郎,道路の穴\n佐藤 花子,街灯の故障\n鈴木 一郎,ごみ出し\n"
    assert screen_upload(private.encode("utf-8"), "p.csv", CONFIG).record["decision"] == "block"


def test_a_pipe_delimited_export_is_read_by_its_columns() -> None:
    data = "氏名|生年月日|住所\n山田 太郎|昭和45年3月2日|前橋市大手町1-2-3\n佐藤 花子|平成2年4月5日|前橋市朝日町2-3-4\n"
    table = read_table(data.encode("utf-8"))
    assert table.delimiter == "|" and table.columns == ["氏名", "生年月日", "住所"]
    record = screen_upload(data.encode("utf-8"), "p.csv", CONFIG).record
    assert {f["column"] for f in record["findings"]} == {"氏名", "生年月日", "住所"}


def test_an_attendance_list_of_office_heads_is_not_a_list_of_private_people() -> None:
    data = (
        "会議名,団体名,所属,役職,氏名,代表電話\n"
        "水防連絡会議,国土交通省,河川事務所,所長,富澤 勝利,048-500-7011\n"
        "水防連絡会議,気象庁,前橋地方気象台,台長,伊藤 誠,027-896-1190\n"
        "水防連絡会議,群馬県,県土整備部,部長,伊藤 修,027-223-1111\n"
    )
    assert screen_upload(data.encode("utf-8"), "m.csv", CONFIG).record["decision"] == "pass"
    # staff in a training roster are people all the same
    roster = data.replace("所長", "主事").replace("台長", "主任").replace("部長", "主事")
    assert screen_upload(roster.encode("utf-8"), "r.csv", CONFIG).record["decision"] == "block"


def test_a_council_member_list_is_public_but_a_home_phone_in_it_is_not() -> None:
    data = (
        "議席番号,氏名,会派,当選回数,連絡先\n"
        "1,小島 和人,市民クラブ,3,議会事務局 027-898-0000\n"
        "2,吉岡 美里,新しい風,1,議会事務局 027-898-0000\n"
        "3,坂口 誠,市民クラブ,5,議会事務局 027-898-0000\n"
    )
    assert screen_upload(data.encode("utf-8"), "g.csv", CONFIG).record["decision"] == "pass"
    home = data.replace("議会事務局 027-898-0000", "090-3311-2244")
    record = screen_upload(home.encode("utf-8"), "g.csv", CONFIG).record
    assert record["decision"] == "block"
    assert {f["column"] for f in record["findings"]} == {"連絡先"}


def _reported_columns(data: str) -> dict[str, str]:
    """column → category of an uploaded UTF-8 table's findings."""
    record = screen_upload(data.encode("utf-8"), "t.csv", CONFIG).record
    return {f["column"]: f["category"] for f in record["findings"]}


def test_half_width_kana_account_holders_and_roll_numbers_are_found() -> None:
    data = (
        "名簿番号,氏名,口座番号,口座名義,ワクチン\n"
        "30-51-17,松田 隆,7796317,ﾏﾂﾀﾞ ﾀｶｼ,B型肝炎\n"
        "12-04-33,野村 恵子,6743294,ﾉﾑﾗ ｹｲｺ,BCG\n"
        "08-22-10,今井 翔,5521480,ｲﾏｲ ｼｮｳ,B型肝炎\n"
    )
    columns = _reported_columns(data)
    assert columns["口座名義"] == "person_name"
    assert columns["名簿番号"] == "id_number"
    assert "ワクチン" not in columns  # the vaccine's name (B型肝炎) is not anyone's illness


def test_kana_halves_of_a_split_name_and_bicycle_registrations_are_found() -> None:
    data = (
        "姓,名,セイ,メイ,防犯登録番号\n"
        "林,美咲,ハヤシ,ミサキ,H2547329\n"
        "清水,隆,シミズ,タカシ,K3171601\n"
        "関口,さくら,セキグチ,サクラ,G5390806\n"
    )
    columns = _reported_columns(data)
    assert columns["セイ"] == columns["メイ"] == "person_name"
    assert columns["防犯登録番号"] == "id_number"


def test_a_tender_that_found_no_winner_is_not_a_name() -> None:
    data = (
        "件名,落札者,落札金額\n"
        "舗装補修工事,株式会社赤城道路,12800000\n"
        "外壁改修工事,不調,\n"
        "管渠工事,有限会社新井組,9900000\n"
        "配水管工事,不調,\n"
    )
    assert screen_upload(data.encode("utf-8"), "n.csv", CONFIG).record["decision"] == "pass"


def test_rows_with_an_age_and_a_sex_are_people_so_their_places_and_conditions_count() -> None:
    data = (
        "事案番号,発生場所,年齢,性別,傷病程度,搬送先\n"
        "R5-0001,前橋市日吉町二丁目20-17,78,男,軽症,前橋協立病院\n"
        "R5-0002,前橋市問屋町一丁目22-22,69,男,中等症,群馬大学医学部附属病院\n"
        "R5-0003,前橋市城東町二丁目12-24,82,女,重症,前橋赤十字病院\n"
        "R5-0004,中央前橋駅構内,35,女,軽症,前橋赤十字病院\n"
        "R5-0005,前橋市関根町二丁目15番8号,90,女,重症,前橋赤十字病院\n"
    )
    columns = _reported_columns(data)
    assert columns.get("発生場所") == "address" and columns.get("傷病程度") == "sensitive"
    # the same places and counts by age band are statistics
    stats = "年代,性別,件数\n70代,男,120\n80代,女,95\n"
    assert screen_upload(stats.encode("utf-8"), "s.csv", CONFIG).record["decision"] == "pass"
