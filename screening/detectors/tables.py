"""Tables pasted into a prompt (tab-, bar- or comma-separated): the header says what each column holds.

A cell under 宛名番号 or 住所 is that value even with no label beside it (0004417283,
前橋市粕川町膳1402); the other detectors look for a label next to the value.
"""
from __future__ import annotations

import re
import unicodedata

from screening.detectors.context import fast_compile
from screening.detectors.numbers import ID_CONTEXT, digits_only, luhn_valid
from screening.types import Category, Finding

_CARD_HEADER = fast_compile(r"カード番号|クレジットカード|[Cc]ard (?:number|no)")
_ACCOUNT_HEADER = fast_compile(r"口座番号|[Aa]ccount (?:number|no)")
_ADDRESS_HEADER = fast_compile(r"住所|現住所|居所|自宅|転居先|転出先|[Aa]ddress")
# 施設名 | 住所 | 電話: a list of places, whose addresses are theirs (公民館の一覧)
_PLACE_LIST_HEADER = fast_compile(r"^(?:施設名?|会場名?|名称|事業所名?|店舗名?|機関名?|学校名|館名|避難所名?|公民館名?)$")
_FACILITY_CELL = fast_compile(
    r"(?:公民館|図書館|体育館|会館|館|センター|学校|小学校|中学校|保育所|保育園|こども園|幼稚園|市役所|支所|"
    r"出張所|事務所|病院|公園|プラザ|ホール|斎場|浄水場|消防署|分署|交番)$"
)
_ID_CELL = re.compile(r"[0-9A-Z][0-9A-Z\-]{3,23}")
_ADDRESS_CELL = fast_compile(r"[市町村区郡].*\d|丁目|番地")


def _cells(line: str, offset: int, sep: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell, offsets into the whole text."""
    out, at = [], offset
    for cell in line.split(sep):
        lead = len(cell) - len(cell.lstrip())
        value = cell.strip()
        out.append((at + lead, at + lead + len(value), value))
        at += len(cell) + 1
    return out


def _cell_holds(category: Category, plain: str) -> bool:
    """Whether a cell's (NFKC) text has the shape of what its column holds."""
    if category is Category.CREDIT_CARD:
        digits = digits_only(plain)
        return 14 <= len(digits) <= 19 and luhn_valid(digits)
    if category is Category.BANK_ACCOUNT:
        return plain.isdigit() and 6 <= len(plain) <= 8
    if category is Category.ID_NUMBER:
        return bool(_ID_CELL.fullmatch(plain)) and sum(c.isdigit() for c in plain) >= 4
    return bool(_ADDRESS_CELL.search(plain))


def detect_table_columns(text: str) -> list[Finding]:
    if "\t" in text:
        sep = "\t"
    elif "｜" in text and "\n" in text:
        sep = "｜"  # a table typed with full-width bars
    elif "|" in text and "\n" in text:
        sep = "|"  # a Markdown table
    elif "," in text and "\n" in text:
        sep = ","  # a CSV pasted into the prompt; a 1,234 in a row only shifts that row's cells
    else:
        return []
    findings: list[Finding] = []
    columns: dict[int, Category] = {}
    width = 0
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line, offset, sep)
        offset += len(line) + 1
        if len(cells) < 2:
            columns = {}
            continue
        heads: dict[int, Category] = {}
        for i, (_s, _e, value) in enumerate(cells):
            head = unicodedata.normalize("NFKC", value)
            if len(head) > 12:
                continue
            if _CARD_HEADER.search(head):
                heads[i] = Category.CREDIT_CARD
            elif _ACCOUNT_HEADER.search(head):
                heads[i] = Category.BANK_ACCOUNT
            elif ID_CONTEXT.search(head):
                heads[i] = Category.ID_NUMBER
            elif _ADDRESS_HEADER.search(head):
                heads[i] = Category.ADDRESS
        if heads and not any(sum(c.isdigit() for c in v) >= 4 for _s, _e, v in cells):
            # a header row (labels, no values) starts a new table
            columns, width = heads, len(cells)
            if any(_PLACE_LIST_HEADER.match(unicodedata.normalize("NFKC", v)) for _s, _e, v in cells):
                columns = {i: c for i, c in heads.items() if c is not Category.ADDRESS}
            continue
        if not columns or abs(len(cells) - width) > 1:
            continue
        for i, category in columns.items():
            if i >= len(cells):
                continue
            start, end, value = cells[i]
            plain = unicodedata.normalize("NFKC", value)
            if category is Category.ADDRESS and any(
                _FACILITY_CELL.search(v) for k, (_s, _e, v) in enumerate(cells) if k != i
            ):
                continue  # 中央公民館 | 前橋市千代田町2-5-1: the facility's own address
            if _cell_holds(category, plain):
                findings.append(Finding(category, start, end, 0.85, "table_column"))
    return findings
