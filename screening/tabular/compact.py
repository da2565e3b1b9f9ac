"""A passed table outside the screener: sent to the LLM, shown, exported."""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from screening.tabular.reading import Table
from screening.tabular.values import looks_like_date

# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?")
_NUMBER_CLEAN = re.compile(r"[,¥￥円%％\s]")
_DELIMITER_NAMES = {",": "カンマ", "\t": "タブ", ";": "セミコロン"}


def neutralise_cell(value: str, *, keep_numbers: bool = True) -> str:
    """Prefix `'` to a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR).

    Plain signed numbers (-119715, +3.5) are left alone by default: no spreadsheet runs
    them, and the LLM needs the sign.
    """
    if not value or not value.startswith(FORMULA_STARTS):
        return value
    if keep_numbers and _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def neutralise_rows(rows: Iterable[Sequence[str]]) -> Iterable[list[str]]:
    """Neutralise every cell of every row (for display and CSV export)."""
    for row in rows:
        yield [neutralise_cell(cell) for cell in row]


def _number(value: str) -> float | None:
    text = _NUMBER_CLEAN.sub("", value)
    if not text or len(text) > 30:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _fmt(number: float) -> str:
    if number == int(number) and abs(number) < 1e15:
        return f"{int(number):,}"
    return f"{number:,.4g}" if abs(number) >= 1e6 else f"{number:,.2f}"


def _short(value: str, limit: int) -> str:
    value = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def column_summary(name: str, values: Sequence[str], top: int = 5) -> str:
    """One line: type, filled and distinct counts, range and mean, or the top values."""
    filled = [v.strip() for v in values if v.strip()]
    n, distinct = len(filled), len(set(filled))
    head = f"- {neutralise_cell(name)}: "
    if not filled:
        return head + "空欄のみ"
    numbers = [x for v in filled if (x := _number(v)) is not None]
    if len(numbers) >= 0.9 * n:
        mean = sum(numbers) / len(numbers)
        return head + (
            f"数値, 入力 {n:,} 件, 異なる値 {distinct:,}, 最小 {_fmt(min(numbers))}, "
            f"最大 {_fmt(max(numbers))}, 平均 {_fmt(mean)}, 合計 {_fmt(sum(numbers))}"
        )
    sample = filled[:200]
    if sum(looks_like_date(v) for v in sample) >= 0.9 * len(sample):
        return head + (
            f"日付, 入力 {n:,} 件, 異なる値 {distinct:,}, "
            f"最初 {min(filled)}, 最後 {max(filled)}"
        )
    counts = Counter(filled).most_common(top)
    tops = "、".join(f"{neutralise_cell(_short(v, 30))}（{c:,}）" for v, c in counts)
    kind = "文字列" if distinct > 0.5 * n else "区分"
    return head + f"{kind}, 入力 {n:,} 件, 異なる値 {distinct:,}, 多い値: {tops}"


def _csv_line(cells: Sequence[str], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", delimiter=delimiter).writerow(cells)
    return buffer.getvalue()


def table_for_llm(
    table: Table, budget_chars: int, *, name: str = "", max_cell_chars: int = 200
) -> str:
    """The table as the LLM receives it: header, size, column summaries, as many rows
    as fit in `budget_chars`, and a note when rows (or summaries) were left out."""
    note_room = 160
    title = f"# 表データ{f'（{name}）' if name else ''}\n"
    size = (
        f"{table.n_rows:,} 行 × {table.n_columns} 列"
        f"（区切り文字: {_DELIMITER_NAMES.get(table.delimiter, table.delimiter)}）\n"
    )
    header_line = _csv_line(
        [neutralise_cell(_short(c, max_cell_chars)) for c in table.columns]
    )
    data_title = "## データ（CSV）\n"
    out = [title, size, "## 列の要約\n"]
    used = sum(map(len, out))
    fixed = len(data_title) + len(header_line) + note_room
    summaries_cut = False
    for col, values in zip(table.columns, table.data, strict=True):
        line = column_summary(col, values) + "\n"
        if used + len(line) + fixed > budget_chars:
            summaries_cut = True
            break
        out.append(line)
        used += len(line)
    out += [data_title, header_line]
    used += len(data_title) + len(header_line)
    shown = 0
    for row in table.rows():
        line = _csv_line([neutralise_cell(_short(c, max_cell_chars)) for c in row])
        if used + len(line) + note_room > budget_chars:
            break
        out.append(line)
        used += len(line)
        shown += 1
    notes = []
    if shown < table.n_rows:
        notes.append(
            f"全 {table.n_rows:,} 行のうち先頭 {shown:,} 行のみ掲載し、残り "
            f"{table.n_rows - shown:,} 行は文字数の上限のため省略しました。"
            "全体の傾向は列の要約を参照してください。"
        )
    if summaries_cut:
        notes.append("列の要約も文字数の上限のため一部のみです。")
    if notes:
        out.append(f"（注: {''.join(notes)}）\n")
    return "".join(out)[:budget_chars]
