"""CSV reading and cell-by-cell screening (pure: no Django). First stub."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from screening.types import EngineConfig


def screen_csv_path(path: Path, config: EngineConfig) -> dict[str, Any]:
    """Screen one CSV file and return the record the `screen --csv` command prints."""
    return {"file": path.name, "decision": "reject", "error": "未実装"}
