"""Public, institutional terms that are never personal information (seed for the allow-list)."""
from __future__ import annotations

DEFAULT_ALLOW_TERMS: tuple[str, ...] = (
    "027-224-1111",
    "前橋市大手町二丁目12番1号",
    "前橋市大手町2-12-1",
)
