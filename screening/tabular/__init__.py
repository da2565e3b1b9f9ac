"""CSV uploads: reading, cell-by-cell screening, and the compact form sent to the LLM.

Pure Python (no Django). The portal calls `screen_upload` on the uploaded bytes and
keeps `UploadResult.record` in the audit; `rescreen_without` drops flagged columns and
screens the rest; `table_for_llm` builds what the model receives; `neutralise_cell`
protects every cell shown or exported again.
"""

from __future__ import annotations

from screening.tabular.columns import (
    ColumnFinding,
    TableScreening,
    drop_columns,
    rescreen_without,
    screen_table,
)
from screening.tabular.compact import neutralise_cell, neutralise_rows, table_for_llm
from screening.tabular.reading import (
    Limits,
    Table,
    TableRejected,
    read_table,
    read_table_path,
)
from screening.tabular.upload import UploadResult, screen_csv_path, screen_upload

__all__ = [
    "ColumnFinding",
    "Limits",
    "Table",
    "TableRejected",
    "TableScreening",
    "UploadResult",
    "drop_columns",
    "neutralise_cell",
    "neutralise_rows",
    "read_table",
    "read_table_path",
    "rescreen_without",
    "screen_csv_path",
    "screen_table",
    "screen_upload",
    "table_for_llm",
]
