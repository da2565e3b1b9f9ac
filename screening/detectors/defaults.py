"""Built-in public terms that are never personal information (copied by the DB seed).

Institutional contact details of the city (guideline 3(1) concerns individuals' data; a
city hall's published address and switchboard are public). Administrators extend the list
in Django admin; the engine uses this default when no configuration is given.
"""
from __future__ import annotations

DEFAULT_ALLOW_TERMS: frozenset[str] = frozenset(
    {
        # 前橋市役所 本庁舎
        "前橋市大手町二丁目12番1号",
        "前橋市大手町2丁目12番1号",
        "前橋市大手町2-12-1",
        "大手町二丁目12番1号",
        "大手町2丁目12番1号",
        "大手町2-12-1",
        "〒371-8601",
        "371-8601",
        "027-224-1111",
        "0272241111",
        "2-12-1 Otemachi, Maebashi, Gunma 371-8601",
        "2-12-1 Otemachi, Maebashi",
        # 前橋市保健所, 群馬県庁
        "前橋市朝日町三丁目36番17号",
        "027-220-5777",
        "前橋市大手町一丁目1番1号",
        "027-223-1111",
        # Emergency and public consultation numbers
        "#7119",
        "#8000",
        "#9110",
        "188",
        "189",
    }
)

# Reserved example values that documentation and training material use.
EXAMPLE_VALUES: frozenset[str] = frozenset(
    {
        "000-0000-0000",
        "090-0000-0000",
        "sample@example.jp",
        "example@example.com",
        "山田太郎",
        "山田 太郎",
        "山田花子",
        "山田 花子",
    }
)
