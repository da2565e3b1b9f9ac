"""Checkpoints: the chain head's seq and hash written outside the database.

An attacker who can rewrite the database and recompute every hash still cannot change
the lines already appended here (keep the directory on write-once or separately
administered storage); `audit_verify` compares the chain with every line.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from audit.models import GENESIS_HASH, ChainHead
from audit.verify import Checkpoint

logger = logging.getLogger("audit.checkpoint")
FILE_NAME = "checkpoints.jsonl"


def checkpoint_path(directory: str | Path | None = None) -> Path:
    return Path(directory or settings.AUDIT_CHECKPOINT_DIR) / FILE_NAME


def checkpoint_write(*, directory: str | Path | None = None) -> Checkpoint:
    """Append the committed chain head to the checkpoint file and the log."""
    head = ChainHead.objects.filter(pk=1).values_list("seq", "hash").first() or (0, GENESIS_HASH)
    path = checkpoint_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(
        {"seq": head[0], "hash": head[1], "written_at": timezone.now().isoformat()},
        separators=(",", ":"),
    )
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, (line + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    logger.info("audit checkpoint seq=%s hash=%s", head[0], head[1])
    return Checkpoint(seq=head[0], hash=head[1], source=str(path))


def checkpoints_read(*, directory: str | Path | None = None) -> list[Checkpoint]:
    """Every checkpoint line; an unreadable line is itself a finding, so it raises."""
    path = checkpoint_path(directory)
    if not path.exists():
        return []
    checkpoints = []
    with path.open(encoding="ascii") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            data = json.loads(line)
            checkpoints.append(
                Checkpoint(seq=int(data["seq"]), hash=str(data["hash"]), source=f"{path}:{number}")
            )
    return checkpoints
