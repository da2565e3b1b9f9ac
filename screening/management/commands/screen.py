"""`manage.py screen --jsonl FILE` / `--csv FILE …`: the command the quality is measured with."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from screening.engine import screen_text
from screening.selectors import engine_config_current
from screening.tabular import screen_csv_path


class Command(BaseCommand):
    help = "Screen prompts (JSON lines with id/text) or CSV files and print one JSON line each."

    def add_arguments(self, parser: Any) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--jsonl", metavar="FILE", help="JSON lines with 'id' and 'text'")
        group.add_argument("--csv", metavar="FILE", nargs="+", help="CSV files to screen")

    def handle(self, *args: Any, **options: Any) -> None:
        config = engine_config_current()
        out = sys.stdout
        if options["jsonl"]:
            path = Path(options["jsonl"])
            if not path.exists():
                raise CommandError(f"{path}: no such file")
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    if not line.strip():
                        continue
                    case = json.loads(line)
                    result = screen_text(case["text"], config)
                    record = {
                        "id": case.get("id"),
                        "decision": result.decision.value,
                        "findings": [
                            {
                                "category": f.category.value,
                                "start": f.start,
                                "end": f.end,
                                "confidence": round(f.confidence, 2),
                                "reason": f.reason,
                            }
                            for f in result.findings
                        ],
                        "masked_text": result.masked_text,
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        for name in options["csv"]:
            record = screen_csv_path(Path(name), config)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
