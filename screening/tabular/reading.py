"""Bytes → a parsed table: encoding detection, delimiter sniffing, limits, rejects.

Pure Python (no Django). Every refusal is a `TableRejected` carrying a machine code and
a Japanese message the UI shows as is; `encoding_uncertain` also carries the candidate
encodings so the UI can ask the user and call `read_table(data, encoding=…)` again.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_ROWS = 200_000
DEFAULT_MAX_COLUMNS = 16_384  # Excel's own limit
DELIMITERS = (",", "\t", ";", "|")
# Encodings we accept without asking, in the names the result reports.
KNOWN_ENCODINGS = ("utf-8", "utf-8-sig", "cp932", "euc-jp", "utf-16")
_ENCODING_ALIASES = {
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf_8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "utf_8_sig": "utf-8-sig",
    "utf8-sig": "utf-8-sig",
    "cp932": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "euc-jp": "euc-jp",
    "euc_jp": "euc-jp",
    "eucjp": "euc-jp",
    "utf-16": "utf-16",
    "utf_16": "utf-16",
    "utf-16-le": "utf-16-le",
    "utf_16_le": "utf-16-le",
    "utf-16le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "utf_16_be": "utf-16-be",
    "utf-16be": "utf-16-be",
}
_SAMPLE_BYTES = 256 * 1024
# Encodings worth offering to the user when detection is unsure (codec names).
_OFFERED_GUESSES = frozenset(
    {
        "cp932",
        "euc-jp",
        "euc_jis_2004",
        "shift_jis_2004",
        "iso2022_jp",
        "gb18030",
        "big5",
        "euc_kr",
        "cp949",
        "cp1252",
        "latin-1",
        "iso8859-1",
    }
)
_SNIFF_RECORDS = 200


@dataclass(frozen=True, slots=True)
class Limits:
    """Upload limits; the database (admin) supplies the values."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_rows: int = DEFAULT_MAX_ROWS
    max_columns: int = DEFAULT_MAX_COLUMNS


DEFAULT_LIMITS = Limits()


class TableRejected(Exception):
    """The file cannot be used as a table; `message` is shown to the user."""

    def __init__(self, code: str, message: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.candidates = tuple(candidates)


@dataclass
class Table:
    """A parsed CSV, column-major (one list of strings per column, all the same length).

    `row_numbers[i]` is the record number of data row i as a spreadsheet shows it (the
    header is record 1), so reports can point at rows without quoting values.
    """

    columns: list[str]
    data: list[list[str]]
    row_numbers: array[int]  # array("l")
    encoding: str
    delimiter: str
    has_header: bool = True
    header_cells: list[str] = field(default_factory=list)
    header_row: int = 1
    # Title lines above the header (not sent with the table): their text, joined per line.
    title_lines: list[str] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.row_numbers)

    @property
    def n_columns(self) -> int:
        return len(self.columns)

    def column(self, name: str) -> list[str]:
        return self.data[self.columns.index(name)]

    def rows(self, limit: int | None = None) -> Iterator[list[str]]:
        """Yield rows (row-major) without materialising the whole table twice."""
        n = self.n_rows if limit is None else min(limit, self.n_rows)
        for i in range(n):
            yield [col[i] for col in self.data]


# --------------------------------------------------------------------------------
# Messages (user-facing, Japanese)

MSG_EMPTY = "ファイルが空です。データの入った CSV ファイルを選んでください。"
MSG_ARCHIVE = (
    "Excel ブック（.xlsx）または ZIP 形式のファイルです。"
    "CSV ではないため読み込めません。"
    "Excel で「CSV（コンマ区切り）」を選んで保存し直してからアップロードしてください。"
)
MSG_XLS = (
    "旧形式の Excel ブック（.xls）などのバイナリファイルです。"
    "CSV ではないため読み込めません。"
    "Excel で「CSV（コンマ区切り）」を選んで保存し直してからアップロードしてください。"
)
MSG_BINARY = (
    "テキストではないファイル（バイナリ）のため、CSV として読み込めません。"
    "ファイルの種類を確認してください。"
)
MSG_UNDECODABLE = (
    "文字コードを判別できず、CSV として読み込めません。"
    "UTF-8 または Shift_JIS（CP932）で保存し直してからアップロードしてください。"
)
MSG_UNCERTAIN = (
    "文字コードを確実に判別できませんでした。文字化けを防ぐため、"
    "このファイルの文字コードを選んでください（候補: {candidates}）。"
)
MSG_CHOSEN_FAILED = (
    "指定された文字コード（{encoding}）ではこのファイルを読み取れませんでした。"
    "別の文字コードを選んでください。"
)
MSG_UNKNOWN_ENCODING = "指定された文字コード（{encoding}）には対応していません。"
MSG_TOO_LARGE = (
    "ファイルが大きすぎます（{size:,} バイト）。上限は {limit:,} バイトです。"
    "分割してからアップロードしてください。"
)
MSG_TOO_MANY_ROWS = (
    "行数が上限（{limit:,} 行）を超えています。分割してからアップロードしてください。"
)
MSG_TOO_MANY_COLUMNS = (
    "列数が上限（{limit:,} 列）を超えています。CSV の形式を確認してください。"
)
MSG_NOT_CSV = "CSV として解析できませんでした（{detail}）。"
MSG_NO_DATA = "ファイルにデータ（列）が見つかりませんでした。"


# --------------------------------------------------------------------------------
# Encoding


def normalise_encoding_name(name: str) -> str:
    """Map a user-chosen or detected encoding name to the one we report."""
    key = name.strip().lower().replace(" ", "")
    if key in _ENCODING_ALIASES:
        return _ENCODING_ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError as exc:
        raise TableRejected(
            "encoding_unknown", MSG_UNKNOWN_ENCODING.format(encoding=name)
        ) from exc


def _control_share(text: str) -> float:
    """Share of characters that never occur in a text table (C0 controls, U+FFFD)."""
    if not text:
        return 0.0
    bad = len(_CONTROL_RE.findall(text))
    return bad / len(text)


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def _kanji_level(ch: str) -> int:
    """1 for JIS level-1 (common) kanji, 2 for other kanji, 0 when not a JIS kanji."""
    try:
        b = ch.encode("euc-jp")
    except UnicodeEncodeError:
        return 2
    if len(b) != 2:
        return 2
    return 1 if 0xB0 <= b[0] <= 0xCF else 2


def japanese_plausibility(text: str) -> float:
    """Score 0..1: how much the non-ASCII part of `text` reads like ordinary Japanese.

    Mojibake of EUC-JP read as CP932 (and the reverse) yields half-width katakana glued
    to rare kanji and private-use characters; real files are dominated by kana, common
    kanji and full-width punctuation.
    """
    good = bad = total = 0.0
    for i, ch in enumerate(text):
        o = ord(ch)
        if o < 0x80:
            continue
        total += 1
        if 0x3040 <= o <= 0x30FF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
            good += 1
        elif 0x4E00 <= o <= 0x9FFF:
            if _kanji_level(ch) == 1:
                good += 1
            else:
                good += 0.3
        elif 0xFF61 <= o <= 0xFF65:
            pass  # ｡｢｣､･: what EUC-JP kana and punctuation turn into when read as CP932
        elif 0xFF9E <= o <= 0xFF9F:
            # ﾞ ﾟ only ever follow a half-width kana letter in real text.
            good += 0.9 if i and 0xFF66 <= ord(text[i - 1]) <= 0xFF9D else 0.0
        elif 0xFF66 <= o <= 0xFF9D:
            # Half-width katakana: normal in runs (ｶﾅ氏名), suspicious glued to kanji.
            good += 0.1 if _glued_to_wide(text, i) else 0.9
        elif 0xE000 <= o <= 0xF8FF or 0x80 <= o <= 0x9F:
            bad += 1
        elif 0x2460 <= o <= 0x24FF or 0x3200 <= o <= 0x33FF or 0x2150 <= o <= 0x218F:
            good += 0.8  # ①, ㈱, ㍻, Ⅳ: CP932 extensions seen in real files
        elif 0xF900 <= o <= 0xFAFF:
            good += 0.5  # 﨑 and other compatibility ideographs
        else:
            good += 0.2
    if total == 0:
        return 1.0
    return max(0.0, (good - bad) / total)


def _glued_to_wide(text: str, i: int) -> bool:
    """True when a half-width katakana touches a kanji or a full-width kana."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(text):
            o = ord(text[j])
            if 0x3040 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF:
                return True
    return False


def _strict_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _charset_normalizer_guesses(data: bytes) -> list[str]:
    """Encodings charset-normalizer proposes for a sample, best first."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is in requirements.txt
        return []
    sample = data[:_SAMPLE_BYTES]
    try:
        matches = from_bytes(sample)
    except Exception:  # noqa: BLE001 - a detector failure means "no guess"
        return []
    names: list[str] = []
    for match in matches:
        try:
            names.append(normalise_encoding_name(match.encoding))
        except TableRejected:
            continue
    return list(dict.fromkeys(names))


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one byte parity (no BOM)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> tuple[str, str]:
    """Return (encoding name to report, decoded text) or raise `TableRejected`."""
    if not data:
        raise TableRejected("empty", MSG_EMPTY)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        raise TableRejected("archive", MSG_ARCHIVE)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise TableRejected("binary", MSG_XLS)
    if data.startswith(codecs.BOM_UTF8):
        text = _strict_decode(data[3:], "utf-8")
        if text is None:
            raise TableRejected("undecodable", MSG_UNDECODABLE)
        return "utf-8-sig", text
    if data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ) and not data.startswith(codecs.BOM_UTF32_LE):
        text = _strict_decode(data, "utf-16")
        if text is None:
            raise TableRejected("undecodable", MSG_UNDECODABLE)
        return "utf-16", text
    if b"\x1b$B" in data[:_SAMPLE_BYTES] or b"\x1b$@" in data[:_SAMPLE_BYTES]:
        text = _strict_decode(data, "iso2022_jp")
        if text is not None:
            return "iso-2022-jp", text
    if b"\x00" in data:
        variant = _utf16_without_bom(data)
        if variant and _strict_decode(data, variant) is not None:
            raise TableRejected(
                "encoding_uncertain",
                MSG_UNCERTAIN.format(candidates=variant),
                candidates=(variant,),
            )
        raise TableRejected("binary", MSG_BINARY)
    text = _strict_decode(data, "utf-8")
    if text is not None:
        return "utf-8", text
    decoded = {
        enc: t
        for enc in ("cp932", "euc-jp")
        if (t := _strict_decode(data, enc)) is not None
    }
    scores = {enc: japanese_plausibility(t[:50_000]) for enc, t in decoded.items()}
    ranked = sorted(scores, key=lambda e: -scores[e])
    if len(ranked) == 1 and scores[ranked[0]] >= 0.6:
        return ranked[0], decoded[ranked[0]]
    if len(ranked) == 2:
        best, second = ranked
        if scores[best] >= 0.6 and scores[best] - scores[second] >= 0.15:
            return best, decoded[best]
    # Unsure: offer what decoded plus what charset-normalizer proposes, never guess.
    guesses = [g for g in _charset_normalizer_guesses(data) if g in _OFFERED_GUESSES]
    candidates = list(dict.fromkeys(ranked + guesses))[:4]
    if not candidates:
        raise TableRejected("undecodable", MSG_UNDECODABLE)
    raise TableRejected(
        "encoding_uncertain",
        MSG_UNCERTAIN.format(candidates="、".join(candidates)),
        candidates=candidates,
    )


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode with the user's choice, else detect; reject binaries either way."""
    if encoding is None:
        encoding, text = detect_encoding(data)
    else:
        if not data:
            raise TableRejected("empty", MSG_EMPTY)
        encoding = normalise_encoding_name(encoding)
        codec = encoding
        if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
            encoding = codec = "utf-8-sig"
        decoded = _strict_decode(data, codec)
        if decoded is None:
            raise TableRejected(
                "undecodable", MSG_CHOSEN_FAILED.format(encoding=encoding)
            )
        text = decoded
    if text.startswith("\ufeff"):
        text = text[1:]
    if _control_share(text[:200_000]) > 0.001 or "\x00" in text:
        raise TableRejected("binary", MSG_BINARY)
    if not text.strip():
        raise TableRejected("empty", MSG_EMPTY)
    return encoding, text


# --------------------------------------------------------------------------------
# Delimiter and parsing


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter whose field count is steadiest over the first records."""
    sample = text[:65536]
    best = ","
    best_key: tuple[int, float, int, int] = (-(10**9), 0.0, 0, 0)
    for rank, delim in enumerate(DELIMITERS):
        if delim not in sample:
            continue
        counts: list[int] = []
        stray_quotes = 0  # a quote left inside a field: quoting misread, wrong delimiter
        try:
            reader = csv.reader(io.StringIO(sample), delimiter=delim, strict=False)
            for record in reader:
                if record:
                    counts.append(len(record))
                    stray_quotes += sum('"' in field for field in record)
                if len(counts) >= _SNIFF_RECORDS:
                    break
        except csv.Error:
            continue
        if len(counts) > 1 and len(sample) == 65536:
            counts.pop()  # the sample may cut the last record short
        if not counts:
            continue
        multi = Counter(c for c in counts if c >= 2)
        if not multi:
            continue
        mode, freq = max(multi.items(), key=lambda kv: (kv[1], kv[0]))
        share = freq / len(counts)
        # Prefer quoting that reads cleanly, then consistency, then more fields, then
        # comma, tab, semicolon.
        key = (-stray_quotes, round(share, 2), mode, -rank)
        if key > best_key:
            best, best_key = delim, key
    return best


def _ensure_field_limit(max_bytes: int) -> None:
    limit = max(max_bytes, 131072)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def parse_text(
    text: str,
    *,
    encoding: str,
    limits: Limits = DEFAULT_LIMITS,
    delimiter: str | None = None,
) -> Table:
    """Parse text into a column-major `Table`, enforcing the row limit as it goes."""
    delimiter = delimiter or sniff_delimiter(text)
    _ensure_field_limit(limits.max_bytes)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, strict=False
    )
    header: list[str] | None = None
    header_row = 1
    records: list[list[str]] = []
    row_numbers = array("l")
    record_no = 0
    max_rows = limits.max_rows
    opening: list[tuple[int, list[str]]] = []  # the first records, until the header is known
    try:
        for record in reader:
            record_no += 1
            if not record or not "".join(record).strip():
                continue  # blank lines and Excel's trailing ",,,," rows
            if len(record) > limits.max_columns:
                raise TableRejected(
                    "too_many_columns",
                    MSG_TOO_MANY_COLUMNS.format(limit=limits.max_columns),
                )
            if header is None:
                opening.append((record_no, record))
                if len(opening) == _OPENING_RECORDS:
                    header_row, header = _choose_header(opening, records, row_numbers)
                    titles = _titles(opening, header_row)
                continue
            if len(records) >= max_rows:
                raise TableRejected(
                    "too_many_rows", MSG_TOO_MANY_ROWS.format(limit=max_rows)
                )
            records.append(record)
            row_numbers.append(record_no)
    except csv.Error as exc:
        raise TableRejected("not_csv", MSG_NOT_CSV.format(detail=str(exc))) from exc
    if header is None and opening:
        header_row, header = _choose_header(opening, records, row_numbers)  # a short file
        titles = _titles(opening, header_row)
    if header is None:
        raise TableRejected("empty", MSG_EMPTY)
    if len(records) > max_rows:
        raise TableRejected("too_many_rows", MSG_TOO_MANY_ROWS.format(limit=max_rows))
    # Ragged rows: short ones are padded, a long one opens unnamed columns.
    width = max(len(header), max(map(len, records), default=0))
    for record in records:
        if len(record) < width:
            record.extend([""] * (width - len(record)))
    data = (
        [list(col) for col in zip(*records, strict=True)]
        if records
        else [[] for _ in range(width)]
    )
    del records
    header_cells = list(header) + [""] * (width - len(header))
    return Table(
        columns=unique_column_names(header_cells),
        data=data,
        row_numbers=row_numbers,
        encoding=encoding,
        delimiter=delimiter,
        has_header=True,
        header_cells=header_cells,
        header_row=header_row,
        title_lines=titles,
    )


_OPENING_RECORDS = 12  # records read before the header row is chosen
_MAX_TITLE_ROWS = 8


def _split_opening(
    opening: list[tuple[int, list[str]]],
) -> tuple[tuple[int, list[str]], list[tuple[int, list[str]]]]:
    """The header record, and the data records after it, from the file's first records.

    Exports from business systems open with a title, the extraction conditions and the
    time of output (ケース台帳 抽出結果 / 抽出条件,地区担当=第2係 / 出力日時,…) before the
    header. Such a line is narrower than the table: fewer fields, or mostly empty ones.
    Those lines are left out of the table (they are not sent with it either).
    """
    widths = [len(r) for _n, r in opening]
    filled = [sum(1 for c in r if c.strip()) for _n, r in opening]
    for i in range(min(_MAX_TITLE_ROWS, len(opening) - 2)):
        later_widths = sorted(widths[i + 1 :])
        later_filled = sorted(filled[i + 1 :])
        width = later_widths[len(later_widths) // 2]
        full = later_filled[len(later_filled) // 2]
        if width >= 2 and (widths[i] * 4 < width * 3 or filled[i] * 2 < full):
            continue  # a title line above the table
        return opening[i], opening[i + 1 :]
    if len(opening) > 2:
        i = min(_MAX_TITLE_ROWS, len(opening) - 2)
        if all(filled[j] * 2 < filled[i] or widths[j] * 4 < widths[i] * 3 for j in range(i)):
            return opening[i], opening[i + 1 :]
    return opening[0], opening[1:]


def _choose_header(
    opening: list[tuple[int, list[str]]], records: list[list[str]], row_numbers: array[int]
) -> tuple[int, list[str]]:
    """The header's record number and cells; the records after it join the data."""
    (number, cells), rest = _split_opening(opening)
    for early_number, early in rest:
        records.append(early)
        row_numbers.append(early_number)
    return number, cells


def _titles(opening: list[tuple[int, list[str]]], header_row: int) -> list[str]:
    return [" ".join(c.strip() for c in cells if c.strip()) for n, cells in opening if n < header_row]


def unique_column_names(cells: Sequence[str]) -> list[str]:
    """Header cells as column names: blanks become 列N, duplicates get a suffix."""
    names: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(cells, start=1):
        name = cell.strip() or f"列{i}"
        candidate, k = name, 2
        while candidate in seen:
            candidate = f"{name}_{k}"
            k += 1
        seen.add(candidate)
        names.append(candidate)
    return names


def without_header(table: Table) -> Table:
    """Re-read the header row as data (for files whose first row is already data)."""
    data = [
        [cell, *col] for cell, col in zip(table.header_cells, table.data, strict=True)
    ]
    row_numbers = array("l", [table.header_row]) + table.row_numbers
    return Table(
        columns=[f"列{i}" for i in range(1, len(data) + 1)],
        data=data,
        row_numbers=row_numbers,
        encoding=table.encoding,
        delimiter=table.delimiter,
        has_header=False,
        header_cells=[],
    )


def read_table(
    data: bytes, *, encoding: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Table:
    """Bytes → `Table`, or raise `TableRejected` with a Japanese message."""
    if len(data) > limits.max_bytes:
        raise TableRejected(
            "too_large", MSG_TOO_LARGE.format(size=len(data), limit=limits.max_bytes)
        )
    name, text = decode_bytes(data, encoding)
    return parse_text(text, encoding=name, limits=limits)


def read_table_path(
    path: Path, *, encoding: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Table:
    """Read a file from disk, refusing an oversized one before reading it."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise TableRejected(
            "too_large", MSG_TOO_LARGE.format(size=size, limit=limits.max_bytes)
        )
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    return read_table(data, encoding=encoding, limits=limits)
