"""Property tests: whatever bytes arrive, the answer is pass, block or reject."""

from __future__ import annotations

import csv
import io
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.tabular import screen_upload, table_for_llm
from screening.types import EngineConfig

CONFIG = EngineConfig(allow_terms=frozenset({"027-224-1111"}))
DECISIONS = {"pass", "block", "reject"}
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CELL_TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ019 ,;\t\"'\r\n=+-@")
        + list("山田太郎前橋市丁目番号あいうアイウｱｲｳ①㈱髙﨑")
    ),
    max_size=20,
)
CELLS = st.one_of(
    CELL_TEXT,
    st.sampled_from(
        [
            "山田 太郎",
            "090-1234-5678",
            "前橋市大手町1-2-3",
            "",
            "2024/05/01",
            "=SUM(A1)",
        ]
    ),
)
TABLES = st.lists(st.lists(CELLS, min_size=0, max_size=6), min_size=0, max_size=25)


def _check(record: dict) -> None:
    assert record["decision"] in DECISIONS
    if record["decision"] == "reject":
        assert isinstance(record["error"], str) and record["error"]
    else:
        assert record["encoding"]
        assert isinstance(record["rows"], int) and record["rows"] >= 0
        for finding in record["findings"]:
            assert finding["count"] >= 1 and finding["rows"]


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_never_raise(data: bytes) -> None:
    _check(screen_upload(data, "random.csv", CONFIG).record)


@SETTINGS
@given(
    TABLES,
    st.sampled_from([",", "\t", ";"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16", "euc-jp"]),
    st.sampled_from(["\r\n", "\n"]),
)
def test_random_csv_structures(
    rows: list[list[str]], delimiter: str, encoding: str, newline: str
) -> None:
    if newline == "\n":  # the writer leaves a lone CR unquoted: a line break when read
        rows = [[cell.replace("\r", "") for cell in row] for row in rows]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        data = buffer.getvalue().encode("utf-8")
    result = screen_upload(data, "t.csv", CONFIG)
    _check(result.record)
    if result.table is not None:
        assert result.record["rows"] <= len(rows)
        widths = {len(col) for col in result.table.data}
        assert len(widths) <= 1  # every column as long as the others
        text = table_for_llm(result.table, 2000)
        assert len(text) <= 2000


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=3000), st.integers(min_value=1, max_value=12))
def test_memory_stays_bounded(rows: int, columns: int) -> None:
    line = ",".join(f"値{c}" for c in range(columns))
    data = ("\n".join([line] * (rows + 1)) + "\n").encode("cp932")
    tracemalloc.start()
    try:
        record = screen_upload(data, "m.csv", CONFIG).record
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    _check(record)
    # A few hundred bytes a cell at most (strings, lists, caches), plus fixed overhead.
    assert peak < 20_000_000 + 600 * rows * columns
