"""Screen a parsed table column by column and decide pass / block (guideline 3(2)).

Every cell goes through the prompt detectors (`CellDetector`); the header adds what a
lone cell cannot say (a name under 氏名, a date under 生年月日). Table-level rules then
remove what is not personal in context:
- a date under 受付日 / 資格取得日 is never a birth date;
- in a table that names no individual, a bare address / phone / e-mail cell next to a
  facility or department column is institutional (mobile numbers and free-mail
  addresses excepted), and a bare health word is a statistic, not a fact about a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from screening.tabular.detection import CellDetector, Hit
from screening.tabular.headers import (
    KIND_CATEGORY,
    HeaderKind,
    header_is_personal_contact,
    header_kind,
)
from screening.tabular.reading import Table, without_header
from screening.tabular.values import (
    header_confirms,
    is_inert,
    is_mobile_phone,
    is_organisation,
    is_personal_email,
    looks_like_email,
    looks_like_phone,
)
from screening.types import Category, Decision, EngineConfig

CHUNK_ROWS = 2048
DEFAULT_SAMPLE_ROWS = 10_000
EXAMPLE_ROWS = 5
_ORG_SAMPLE = (
    2000  # distinct values per column looked at to call a column institutional
)
_CONTACT = frozenset({Category.ADDRESS, Category.PHONE, Category.EMAIL})
# Categories that by themselves mean the table is about identifiable individuals.
_IDENTIFYING = frozenset(
    {
        Category.PERSON_NAME,
        Category.MY_NUMBER,
        Category.ID_NUMBER,
        Category.BIRTH_DATE,
        Category.BANK_ACCOUNT,
        Category.CREDIT_CARD,
    }
)

# How a finding was made, which decides whether context rules may remove it.
WEAK = "weak"  # a low-confidence detector hit: counts only when the table corroborates
TEXT = "text"  # a detector hit inside longer text: the engine had its context
BARE = "bare"  # a detector hit that is the whole cell
HEADER = "header"  # the header announced it and the value has the shape
PERSONAL = (
    "personal"  # a mobile number / free-mail address / 携帯 column: always personal
)


@dataclass(frozen=True, slots=True)
class ColumnFinding:
    """One category in one column: cell count and a few record numbers (no values)."""

    column: str
    category: str
    count: int
    rows: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "column": self.column,
            "count": self.count,
            "rows": list(self.rows),
        }


@dataclass(frozen=True)
class TableScreening:
    """The outcome for one table; `complete` is False when screening stopped early."""

    decision: Decision
    findings: tuple[ColumnFinding, ...]
    rows: int
    rows_screened: int
    columns: tuple[str, ...]
    has_header: bool = True
    # The table as screened (the header row re-read as data when it held values).
    table: Table | None = field(default=None, repr=False, compare=False)

    @property
    def complete(self) -> bool:
        return self.rows_screened >= self.rows

    @property
    def flagged_columns(self) -> tuple[str, ...]:
        seen = dict.fromkeys(f.column for f in self.findings)
        return tuple(seen)

    def categories_by_column(self) -> dict[str, list[str]]:
        """What the audit keeps: column → categories (never values)."""
        out: dict[str, list[str]] = {}
        for f in self.findings:
            out.setdefault(f.column, []).append(f.category)
        return out


@dataclass
class _Tally:
    count: int = 0
    rows: list[int] = field(default_factory=list)

    def add(self, row: int) -> None:
        self.count += 1
        if len(self.rows) < EXAMPLE_ROWS:
            self.rows.append(row)


@dataclass
class _ColumnState:
    name: str
    kind: HeaderKind
    personal_contact: bool
    # (category, how) → tally
    tallies: dict[tuple[Category, str], _Tally] = field(default_factory=dict)
    org_values: int = 0
    text_values: int = 0
    distinct_values: int = 0  # non-empty distinct values seen
    filled: int = 0  # non-empty cells seen
    named_values: int = 0  # … of which the detectors read as a full name
    # value → (category, how) keys, decided once per distinct value of this column
    value_keys: dict[str, tuple[tuple[Category, str], ...]] = field(
        default_factory=dict
    )
    # value → hits from the header check (cached per column)
    header_cache: dict[str, tuple[Hit, ...]] = field(default_factory=dict)


def _header_hits(
    state: _ColumnState, value: str, config: EngineConfig
) -> tuple[Hit, ...]:
    cached = state.header_cache.get(value)
    if cached is not None:
        return cached
    hits: tuple[Hit, ...] = ()
    stripped = value.strip()
    kind = state.kind
    if (
        stripped
        and stripped not in config.allow_terms
        and header_confirms(kind, stripped)
    ):
        if kind is HeaderKind.CONTACT:
            category = Category.EMAIL if looks_like_email(stripped) else Category.PHONE
        else:
            category = KIND_CATEGORY[kind]
        hits = (Hit(category, 1.0, True),)
    state.header_cache[value] = hits
    return hits


def _how(state: _ColumnState, hit: Hit, value: str, from_header: bool) -> str:
    if hit.category in _CONTACT and (
        state.personal_contact
        or (hit.category is Category.PHONE and is_mobile_phone(value))
        or (hit.category is Category.EMAIL and is_personal_email(value))
    ):
        return PERSONAL
    if from_header:
        return HEADER
    return BARE if hit.bare else TEXT


def _screen_column_chunk(
    state: _ColumnState,
    values: Sequence[str],
    row_numbers: Sequence[int],
    detector: CellDetector,
    config: EngineConfig,
) -> None:
    detector.ensure(values, column=state.name)
    cache = detector.cache
    tallies = state.tallies
    use_header = state.kind in KIND_CATEGORY or state.kind is HeaderKind.CONTACT
    per_value = state.value_keys
    state.filled += len(values) - values.count("")
    for value, row in zip(values, row_numbers, strict=True):
        keys = per_value.get(value)
        if keys is None:
            keys = _value_keys(state, value, cache[value], use_header, config)
            per_value[value] = keys
        if not keys:
            continue
        for key in keys:
            tally = tallies.get(key)
            if tally is None:
                tally = tallies[key] = _Tally()
            tally.add(row)


_VACCINE_HEADER = re.compile(r"ワクチン|接種(?:の)?(?:種類|名)|vaccine", re.I)


def _value_keys(
    state: _ColumnState,
    value: str,
    detected: tuple[Hit, ...],
    use_header: bool,
    config: EngineConfig,
) -> tuple[tuple[Category, str], ...]:
    stripped = value.strip()
    if stripped:
        state.distinct_values += 1
    if not detected and not use_header and state.text_values >= _ORG_SAMPLE:
        return ()
    if stripped and state.text_values < _ORG_SAMPLE and not is_inert(stripped):
        state.text_values += 1
        if is_organisation(stripped):
            state.org_values += 1
    header = _header_hits(state, value, config) if use_header else ()
    header_categories = {h.category for h in header}
    keys: dict[Category, str] = {}
    for hit in header:
        keys[hit.category] = _how(state, hit, stripped, True)
    for hit in detected:
        if hit.category is Category.SENSITIVE and _VACCINE_HEADER.search(state.name):
            continue  # B型肝炎 under ワクチン: the vaccine given, not anyone's illness
        weak = not hit.strong and hit.category not in header_categories
        if weak and hit.category is Category.PERSON_NAME:
            if hit.confidence < NAME_FULL_CONFIDENCE:
                continue  # a surname-like word with nothing in the header to back it
            state.named_values += 1
        if hit.category is Category.PERSON_NAME and (
            (
                state.kind in (HeaderKind.PERSON_NAME, HeaderKind.KANA_NAME)
                and not header_categories
            )  # the header check already judged this value (a role, a company)
            or state.kind in _STRUCTURED
            or (state.kind in _LABELS and len(stripped) <= LABEL_MAX_CHARS)
        ):
            continue
        how = WEAK if weak else _how(state, hit, stripped, False)
        old = keys.get(hit.category)
        if old is None or _RANK[how] > _RANK[old]:
            keys[hit.category] = how
    return tuple(keys.items())


_RANK = {WEAK: -1, BARE: 0, HEADER: 1, TEXT: 2, PERSONAL: 3}
# A bare full name without a space (佐藤花子) scores 0.4 in the name detector; a lone
# surname-like word (大胡, 敷島) 0.15 and never counts without a header.
NAME_FULL_CONFIDENCE = 0.35
# Share of a column's distinct values that must read as full names before weak name
# hits there count on their own (a column of names, not a few place names).
NAME_COLUMN_SHARE = 0.5
NAME_COLUMN_MIN = 3
# Columns whose header fixes what their cells are: a person-name hit there is a word
# inside an address, an e-mail or a date, already reported under its own category.
_STRUCTURED = frozenset(
    {
        HeaderKind.ADDRESS,
        HeaderKind.PHONE,
        HeaderKind.EMAIL,
        HeaderKind.CONTACT,
        HeaderKind.BIRTH_DATE,
        HeaderKind.MY_NUMBER,
        HeaderKind.ID_NUMBER,
        HeaderKind.BANK_ACCOUNT,
        HeaderKind.CREDIT_CARD,
        HeaderKind.OTHER_DATE,
    }
)
# Columns of names of things (施設名, 町丁目名, イベント名): a short cell there is a
# label, and a surname-like word in it (石倉町, 朔太郎忌) is not a private individual.
_LABELS = frozenset({HeaderKind.ORGANISATION, HeaderKind.LABEL})
LABEL_MAX_CHARS = 30


def _first_row_is_data(table: Table, detector: CellDetector) -> bool:
    """True when the 'header' row already holds personal values (no header)."""
    cells = [c for c in table.header_cells if c.strip()]
    if not cells:
        return False
    if any(looks_like_phone(c) or looks_like_email(c) for c in cells):
        return True
    detector.ensure(cells, column=None)
    return any(
        hit.strong and hit.category is not Category.NON_PUBLIC
        for c in cells
        for hit in detector.hits(c)
    )


def _is_name_column(state: _ColumnState) -> bool:
    """Most distinct values of the column read as full names (佐藤花子)."""
    return (
        state.named_values >= NAME_COLUMN_MIN
        and state.named_values >= NAME_COLUMN_SHARE * state.distinct_values
    )


_PERSON_ATTRIBUTES = (re.compile(r"^(?:年齢|age)$", re.I), re.compile(r"^(?:性別|sex|gender)$", re.I))
_VEHICLE_HEADER = re.compile(r"登録番号|車両番号|ナンバー|車番|plate", re.I)


def _categorical(state: _ColumnState, tally: _Tally) -> bool:
    """A column of a dozen values or fewer, each repeated ten times or more on average, with
    no header saying it holds names: a category (a branch, a district), not people."""
    return (
        state.kind not in (HeaderKind.PERSON_NAME, HeaderKind.KANA_NAME)
        and 0 < state.distinct_values <= 12
        and state.filled >= 10 * state.distinct_values
        and tally.count >= 5
    )


def _apply_context(states: Sequence[_ColumnState]) -> list[ColumnFinding]:
    """Table-level rules (see the module docstring) → the findings that stand."""
    name_columns = {s.name for s in states if _is_name_column(s)}
    # 年齢 and 性別 columns: each row is one person (an ambulance log: 78, 男, 急病, 前橋市日吉町…)
    one_person_a_row = all(
        any(header.match(s.name.strip()) for s in states) for header in _PERSON_ATTRIBUTES
    )
    person_bearing = bool(name_columns) or one_person_a_row or any(
        cat in _IDENTIFYING
        and how != WEAK
        and (cat is not Category.BIRTH_DATE or s.kind is HeaderKind.BIRTH_DATE)
        and not (cat is Category.ID_NUMBER and _VEHICLE_HEADER.search(s.name))
        for s in states
        for (cat, how), t in s.tallies.items()
        if t.count
    )
    institutional = any(
        s.kind is HeaderKind.ORGANISATION
        or (s.text_values >= 3 and s.org_values >= 0.5 * s.text_values)
        for s in states
    )
    findings: list[ColumnFinding] = []
    for s in states:
        merged: dict[Category, _Tally] = {}
        for (category, how), tally in s.tallies.items():
            if category is Category.BIRTH_DATE and s.kind is HeaderKind.OTHER_DATE:
                continue
            if category is Category.PERSON_NAME and _categorical(s, tally):
                continue  # kan: 上川淵, 大胡, … again and again: a branch, not a borrower
            if category is Category.ID_NUMBER and not person_bearing and _VEHICLE_HEADER.search(s.name):
                continue  # 登録番号 of a fleet's cars (群馬 480 さ 75-71) with no one in the table
            if how == WEAK and not (
                person_bearing
                or (category is Category.PERSON_NAME and s.name in name_columns)
            ):
                continue  # a low-confidence guess nothing else in the table supports
            if not person_bearing:
                if category is Category.SENSITIVE and how in (BARE, HEADER):
                    continue
                if category in _CONTACT and how in (BARE, HEADER) and institutional:
                    continue
            into = merged.setdefault(category, _Tally())
            into.count += tally.count
            into.rows = sorted({*into.rows, *tally.rows})[:EXAMPLE_ROWS]
        for category, tally in merged.items():
            findings.append(
                ColumnFinding(s.name, category.value, tally.count, tuple(tally.rows))
            )
    return findings


def screen_table(
    table: Table,
    config: EngineConfig,
    *,
    sample_rows: int = DEFAULT_SAMPLE_ROWS,
    progress: Callable[[int, int], None] | None = None,
    detector: CellDetector | None = None,
) -> TableScreening:
    """Screen every cell; once the file is certainly blocked, stop after `sample_rows`.

    `progress(rows_done, rows_total)` is called after each chunk (for a progress bar).
    Row numbers in the findings are record numbers as a spreadsheet shows them.
    """
    detector = detector or CellDetector(config)
    if table.has_header and table.header_cells and _first_row_is_data(table, detector):
        table = without_header(table)
    states = [
        _ColumnState(name, header_kind(name), header_is_personal_contact(name))
        for name in table.columns
    ]
    if not table.has_header:
        for s in states:
            s.kind = HeaderKind.NONE
    header_findings = _screen_header_cells(table, detector) + _marked_drafts(table, detector)
    total = table.n_rows
    done = 0
    findings: list[ColumnFinding] = []
    while done < total:
        end = min(done + CHUNK_ROWS, total)
        row_numbers = table.row_numbers[done:end]
        for state, column in zip(states, table.data, strict=True):
            _screen_column_chunk(state, column[done:end], row_numbers, detector, config)
        done = end
        if progress is not None:
            progress(done, total)
        findings = _apply_context(states)
        if (findings or header_findings) and done >= sample_rows:
            break
    if done == 0:
        findings = _apply_context(states)
    findings += _split_address(table, findings, done)
    findings = _without_public_speakers(table, findings, done)
    findings = _without_officials(table, findings, done)
    findings = _without_councillors(table, findings, done)
    findings = _merge_header_findings(findings, header_findings)
    decision = Decision.BLOCK if findings else Decision.PASS
    return TableScreening(
        decision=decision,
        findings=tuple(findings),
        rows=total,
        rows_screened=done,
        columns=tuple(table.columns),
        has_header=table.has_header,
        table=table,
    )


_TOWN_HEADER = re.compile(r"^(?:町名|町丁目名?|町域|大字|町字|住所1|所在地1|address1)$", re.I)
_LOT_HEADER = re.compile(r"^(?:番地|番地等|番地号|番地・号|地番|住所2|所在地2|address2)$", re.I)
_LOT_VALUE = re.compile(r"^\d{1,5}(?:番地?)?(?:[-ー－の]\d{1,5}(?:号)?){0,2}$")


def _split_address(
    table: Table, findings: list[ColumnFinding], done: int
) -> list[ColumnFinding]:
    """町名 | 番地 side by side in a list of people: together they are a home address.

    Neither column alone reaches street level (富田町二丁目 is a place, 11-18 a number),
    so neither is caught on its own.
    """
    if not any(f.category == Category.PERSON_NAME.value for f in findings):
        return []
    if any(f.category == Category.ADDRESS.value for f in findings):
        return []
    names = [n.strip() for n in table.columns]
    out: list[ColumnFinding] = []
    for i in range(len(names) - 1):
        if not (_TOWN_HEADER.match(names[i]) and _LOT_HEADER.match(names[i + 1])):
            continue
        lots = [v.strip() for v in table.data[i + 1][:done] if v.strip()]
        hits = [k for k, v in enumerate(table.data[i + 1][:done]) if _LOT_VALUE.match(v.strip())]
        if not lots or len(hits) * 2 < len(lots):
            continue
        rows = tuple(table.row_numbers[k] for k in hits[:EXAMPLE_ROWS])
        for column in (table.columns[i], table.columns[i + 1]):
            out.append(ColumnFinding(column, Category.ADDRESS.value, len(hits), rows))
    return out


_SPEAKER_HEADER = re.compile(r"^(?:発言者名?|質問者|答弁者|発言議員|speaker)$", re.I)
_PUBLIC_OFFICE = re.compile(
    r"議員|議長|委員長|委員|[市町村]長|知事|教育長|部長|局長|課長|管理者|理事|参与|公述人|参考人"
)


def _without_public_speakers(
    table: Table, findings: list[ColumnFinding], done: int
) -> list[ColumnFinding]:
    """Minutes of an assembly: the people speaking are councillors and officials in session.

    A 発言者 column whose values are mostly offices (篠原美和議員, 議長（坂井信夫）, 教育長)
    names public office-holders acting in public; their names are not personal
    information to keep from the LLM (the guideline's 3(1) protects private persons).
    """
    if not _column_mostly(table, _SPEAKER_HEADER, _PUBLIC_OFFICE, done):
        return findings
    return [f for f in findings if f.category != Category.PERSON_NAME.value]


def _column_mostly(table: Table, header: re.Pattern[str], value: re.Pattern[str], done: int) -> bool:
    """The first column under `header` has values, 80 % of them matching `value`."""
    index = next((i for i, n in enumerate(table.columns) if header.match(n.strip())), None)
    return index is not None and _mostly(table.data[index][:done], value)


def _mostly(cells: list[str], value: re.Pattern[str]) -> bool:
    """The cells have values, 80 % of them matching `value`."""
    values = [v.strip() for v in cells if v.strip()]
    return bool(values) and sum(1 for v in values if value.search(v)) * 10 >= len(values) * 8


_ROLE_HEADER = re.compile(r"^(?:役職名?|職名|職|肩書)$")
_HEAD_OF_OFFICE = re.compile(r"長$|議員|委員|理事|参与|監$")
_SWITCHBOARD_HEADER = re.compile(r"代表|庁舎|事務所|所属")


def _without_officials(
    table: Table, findings: list[ColumnFinding], done: int
) -> list[ColumnFinding]:
    """An attendance list of agencies: heads of offices named with their office and its switchboard.

    所属 | 役職 (所長, 部長, 課長 …) | 氏名 | 代表電話: officials acting in office, reachable at their
    office's number. A staff roster (主事, 主任) is a list of people all the same.
    """
    if not any(header_kind(n.strip()) is HeaderKind.ORGANISATION for n in table.columns) or not (
        _column_mostly(table, _ROLE_HEADER, _HEAD_OF_OFFICE, done)
    ):
        return findings
    return [
        f for f in findings
        if f.category != Category.PERSON_NAME.value
        and not (f.category in (Category.PHONE.value, Category.EMAIL.value)
                 and _SWITCHBOARD_HEADER.search(f.column))
    ]


_COUNCIL_HEADER = re.compile(r"^(?:会派名?|議席番号|議席|当選回数)$")
_INSTITUTION_VALUE = re.compile(r"事務局|市役所|役場|議会|庁舎|代表|[課局室]\b|センター")


def _without_councillors(
    table: Table, findings: list[ColumnFinding], done: int
) -> list[ColumnFinding]:
    """A list of assembly members (議席番号, 会派, 当選回数): elected officials in their public
    role. Their names are public; a contact column that gives the assembly office's number in
    every row (議会事務局 027-…) is the office's, not theirs. A home phone stays a finding."""
    if not any(_COUNCIL_HEADER.match(n.strip()) for n in table.columns):
        return findings
    out = []
    for f in findings:
        if f.category == Category.PERSON_NAME.value:
            continue
        if f.category in (Category.PHONE.value, Category.EMAIL.value) and f.column in table.columns and (
            _mostly(table.data[table.columns.index(f.column)][:done], _INSTITUTION_VALUE)
        ):
            continue
        out.append(f)
    return out


def _screen_header_cells(table: Table, detector: CellDetector) -> list[ColumnFinding]:
    """Header cells go to the LLM too: a 取扱注意 header is itself non-public."""
    if not table.has_header:
        return []
    detector.ensure(table.header_cells, column=None)
    out: list[ColumnFinding] = []
    for name, cell in zip(table.columns, table.header_cells, strict=True):
        for hit in detector.hits(cell):
            if hit.strong and hit.category is Category.NON_PUBLIC:
                out.append(
                    ColumnFinding(name, hit.category.value, 1, (table.header_row,))
                )
    return out


# 評価点(案), 次期方針(案), 上限額(予定): a draft or a planned figure.
_DRAFT_HEADER = re.compile(
    r"[(（](?:[^)）]*[・、])?(?:案|素案|予定|見込み?|内示|未定稿)(?:[・、][^)）]*)?[)）]|案$|予定(?:額|価格)?$|"
    # 予定価格(税抜), 最低制限価格, 設計金額 in a file marked 秘: the figures of a tender not yet opened
    r"予定価格|最低制限価格|調査基準価格|設計金額|積算額"
)


def _marked_drafts(table: Table, detector: CellDetector) -> list[ColumnFinding]:
    """A file whose title line carries a classification mark (【内部限り】…評価（素案・取扱注意）):
    its draft and planned columns are the non-public part. The title line itself is not sent."""
    if not table.title_lines:
        return []
    detector.ensure(table.title_lines, column=None)
    if not any(hit.strong and hit.category is Category.NON_PUBLIC
               for line in table.title_lines for hit in detector.hits(line)):
        return []
    return [
        ColumnFinding(name, Category.NON_PUBLIC.value, 1, (table.header_row,))
        for name in table.columns
        if _DRAFT_HEADER.search(name)
    ]


def _merge_header_findings(
    findings: list[ColumnFinding], header_findings: list[ColumnFinding]
) -> list[ColumnFinding]:
    if not header_findings:
        return findings
    by_key = {(f.column, f.category): f for f in findings}
    for h in header_findings:
        old = by_key.get((h.column, h.category))
        if old is None:
            by_key[(h.column, h.category)] = h
        else:
            rows = tuple(sorted({*h.rows, *old.rows})[:EXAMPLE_ROWS])
            by_key[(h.column, h.category)] = ColumnFinding(
                old.column, old.category, old.count + 1, rows
            )
    order = {
        name: i for i, name in enumerate(dict.fromkeys(f.column for f in findings))
    }
    return sorted(by_key.values(), key=lambda f: (order.get(f.column, -1), f.category))


def drop_columns(table: Table, names: Sequence[str]) -> Table:
    """Return a copy of `table` without the named columns (for drop-and-rescreen)."""
    drop = set(names)
    keep = [i for i, name in enumerate(table.columns) if name not in drop]
    return Table(
        columns=[table.columns[i] for i in keep],
        data=[table.data[i] for i in keep],
        row_numbers=table.row_numbers,
        encoding=table.encoding,
        delimiter=table.delimiter,
        has_header=table.has_header,
        header_cells=[table.header_cells[i] for i in keep]
        if table.header_cells
        else [],
        header_row=table.header_row,
    )


def rescreen_without(
    table: Table,
    names: Sequence[str],
    config: EngineConfig,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Table, TableScreening]:
    """Drop the named columns and screen what is left, every row (no early stop)."""
    remaining = drop_columns(table, names)
    return remaining, screen_table(
        remaining, config, sample_rows=remaining.n_rows, progress=progress
    )
