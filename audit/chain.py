"""Canonical form and hashing of audit events (pure; shared by writer and verifier)."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

HASHED_FIELDS = (
    "seq",
    "kind",
    "created_at",
    "actor_id",
    "actor_username",
    "department_id",
    "target_type",
    "target_id",
    "payload",
    "ip",
    "user_agent",
)


class CanonicalJSONEncoder(json.JSONEncoder):
    """Sorted keys, no spaces, UTF-8 as is: one byte string per value.

    Also the payload column's encoder, so the stored text is already canonical and the
    verifier can hash it without parsing it again.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        super().__init__(**kwargs)


_ENCODER = CanonicalJSONEncoder()


def canonical_json(fields: dict[str, Any]) -> bytes:
    """Serialise the hashed fields deterministically."""
    data = {}
    for name in HASHED_FIELDS:
        value = fields[name]
        if isinstance(value, datetime):
            value = value.isoformat(timespec="microseconds")
        data[name] = value
    return _ENCODER.encode(data).encode("utf-8")


def chain_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """Return sha256(prev_hash ‖ canonical JSON)."""
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(fields)).hexdigest()
