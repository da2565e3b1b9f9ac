"""Plain data types shared by the detectors, the engine and the CSV reader.

Nothing here imports Django: the screening hot path stays pure and fast.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    PERSON_NAME = "person_name"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"
    MY_NUMBER = "my_number"
    ID_NUMBER = "id_number"
    BANK_ACCOUNT = "bank_account"
    CREDIT_CARD = "credit_card"
    SENSITIVE = "sensitive"
    NON_PUBLIC = "non_public"
    IMAGE_GENERATION = "image_generation"
    NON_BUSINESS = "non_business"


PERSONAL_CATEGORIES = frozenset(
    {
        Category.PERSON_NAME,
        Category.ADDRESS,
        Category.PHONE,
        Category.EMAIL,
        Category.BIRTH_DATE,
        Category.MY_NUMBER,
        Category.ID_NUMBER,
        Category.BANK_ACCOUNT,
        Category.CREDIT_CARD,
        Category.SENSITIVE,
    }
)


class Decision(StrEnum):
    PASS = "pass"
    WARN = "warn"
    BLOCK = "block"
    REJECT = "reject"  # only for files that cannot be read at all


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected span; offsets are Python string offsets into the original text."""

    category: Category
    start: int
    end: int
    confidence: float  # 0..1; the engine turns low confidence into warn
    reason: str  # short machine-readable reason code, e.g. "honorific", "check_digit"


@dataclass(frozen=True)
class EngineConfig:
    """What the database contributes to a screening run (rules editable in admin).

    `actions` maps a category to the decision it causes; categories missing from it use
    DEFAULT_ACTIONS. `allow_terms` are exact strings (institutional addresses, switchboard
    numbers, public facilities) that are never personal information. `keywords` and
    `patterns` add administrator-maintained keywords / regular expressions per category.
    """

    actions: Mapping[str, str] = field(default_factory=dict)
    allow_terms: frozenset[str] = frozenset()
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


DEFAULT_ACTIONS: Mapping[str, str] = {
    **{c.value: Decision.BLOCK.value for c in PERSONAL_CATEGORIES},
    Category.NON_PUBLIC.value: Decision.BLOCK.value,
    Category.IMAGE_GENERATION.value: Decision.BLOCK.value,
    Category.NON_BUSINESS.value: Decision.WARN.value,
}

# Guideline clause each category enforces (shown in refusals and the UI).
CLAUSES: Mapping[str, str] = {
    **{c.value: "3(1)" for c in PERSONAL_CATEGORIES},
    Category.NON_PUBLIC.value: "3(1)",
    Category.IMAGE_GENERATION.value: "3(4)",
    Category.NON_BUSINESS.value: "3(3)",
}


# A finding below HINT_CONFIDENCE is shown and masked but does not change the decision
# (a famous person's name, a 要配慮 word used as a topic); below WARN_BELOW a finding whose
# category blocks only warns.
HINT_CONFIDENCE = 0.25
WARN_BELOW = 0.5

# Japanese names of the categories, for explanations in the UI.
CATEGORY_LABELS: Mapping[str, str] = {
    Category.PERSON_NAME.value: "氏名",
    Category.ADDRESS.value: "住所",
    Category.PHONE.value: "電話番号",
    Category.EMAIL.value: "メールアドレス",
    Category.BIRTH_DATE.value: "生年月日",
    Category.MY_NUMBER.value: "個人番号（マイナンバー）",
    Category.ID_NUMBER.value: "個人を識別する番号",
    Category.BANK_ACCOUNT.value: "口座番号",
    Category.CREDIT_CARD.value: "クレジットカード番号",
    Category.SENSITIVE.value: "要配慮個人情報",
    Category.NON_PUBLIC.value: "非公開情報",
    Category.IMAGE_GENERATION.value: "画像・動画・音楽等の生成依頼",
    Category.NON_BUSINESS.value: "業務外の利用",
}

EMPTY_PROMPT_NOTICE = "入力が空です。質問や依頼の内容を入力してください。"


@dataclass(frozen=True)
class ScreenResult:
    decision: Decision
    findings: tuple[Finding, ...]
    masked_text: str
    notice: str = ""  # a message for the user that is not about a finding (empty prompt)
