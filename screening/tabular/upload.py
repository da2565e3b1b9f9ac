"""The entry points the portal and the `screen --csv` command call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screening.tabular.columns import DEFAULT_SAMPLE_ROWS, TableScreening, screen_table
from screening.tabular.detection import CellScreeningError
from screening.tabular.reading import (
    DEFAULT_LIMITS,
    MSG_TOO_LARGE,
    Limits,
    Table,
    TableRejected,
    read_table,
)
from screening.types import Decision, EngineConfig

MSG_SCREENING_FAILED = (
    "内容の確認（スクリーニング）中にエラーが発生したため、このファイルは利用できません。"
    "情報政策課にお問い合わせください。"
)


@dataclass(frozen=True)
class UploadResult:
    """A screened upload: `record` is what the command prints and the audit keeps.

    `table` is the parsed table (None when rejected); it holds the values, so keep it
    out of the audit, the logs and the broker.
    """

    record: dict[str, Any]
    table: Table | None = None
    screening: TableScreening | None = None
    size: int = 0

    @property
    def decision(self) -> Decision:
        return Decision(self.record["decision"])

    def audit_record(self) -> dict[str, Any]:
        """What the audit keeps: name, size, encoding, rows, columns, decision and the
        categories per column — never a cell value."""
        record: dict[str, Any] = {
            "file": self.record["file"],
            "size": self.size,
            "decision": self.record["decision"],
        }
        if self.screening is None:
            record["error_code"] = self.record.get("code", "")
            return record
        record.update(
            encoding=self.record["encoding"],
            rows=self.screening.rows,
            rows_screened=self.screening.rows_screened,
            columns=len(self.screening.columns),
            categories=self.screening.categories_by_column(),
        )
        return record


def reject_record(name: str, exc: TableRejected) -> dict[str, Any]:
    record: dict[str, Any] = {
        "file": name,
        "decision": Decision.REJECT.value,
        "error": exc.message,
        "code": exc.code,
    }
    if exc.candidates:
        record["candidates"] = list(exc.candidates)
    return record


def screening_record(
    name: str, encoding: str, result: TableScreening
) -> dict[str, Any]:
    return {
        "file": name,
        "decision": result.decision.value,
        "encoding": encoding,
        "rows": result.rows,
        "findings": [f.as_dict() for f in result.findings],
    }


def screen_upload(
    data: bytes,
    name: str,
    config: EngineConfig,
    *,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    sample_rows: int = DEFAULT_SAMPLE_ROWS,
    progress: Callable[[int, int], None] | None = None,
) -> UploadResult:
    """Read and screen uploaded bytes; `encoding` is the user's answer to an
    `encoding_uncertain` reject (re-read with that encoding, never guessed)."""
    try:
        table = read_table(data, encoding=encoding, limits=limits)
        result = screen_table(table, config, sample_rows=sample_rows, progress=progress)
    except TableRejected as exc:
        return UploadResult(reject_record(name, exc), size=len(data))
    except CellScreeningError:
        failed = TableRejected("screening_failed", MSG_SCREENING_FAILED)
        return UploadResult(reject_record(name, failed), size=len(data))
    screened = result.table or table
    return UploadResult(
        screening_record(name, screened.encoding, result),
        table=screened,
        screening=result,
        size=len(data),
    )


def screen_csv_path(
    path: Path,
    config: EngineConfig,
    *,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> dict[str, Any]:
    """Screen one CSV file and return the record the `screen --csv` command prints."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        exc = TableRejected("unreadable", "ファイルを開けませんでした。")
        return reject_record(name, exc)
    if size > limits.max_bytes:
        exc = TableRejected(
            "too_large", MSG_TOO_LARGE.format(size=size, limit=limits.max_bytes)
        )
        return reject_record(name, exc)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError:
        exc = TableRejected("unreadable", "ファイルを開けませんでした。")
        return reject_record(name, exc)
    return screen_upload(data, name, config, encoding=encoding, limits=limits).record
