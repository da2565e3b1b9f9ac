"""Cell-level detection for tables: the prompt detectors, run once per distinct value.

Calling the full engine on each of a million cells is too slow, so `CellDetector`
- remembers the result for every distinct value (most columns repeat a few values);
- skips cells no detector can fire on (empty, ≤ 6-digit amounts, ratios), unless an
  administrator's pattern or keyword matches them;
- screens short ASCII codes (R06-000123: ≤ 8 digits, ≤ 3 letters, no spaces, no @,
  not a date) by shape: too few digits for a phone, 個人番号 or card number, so what
  the detectors say depends on the shape alone. The first `SHAPE_SAMPLE` codes of a
  shape and one in `SHAPE_SPOT_CHECK` after that go through the detectors; one hit
  sends every code of that shape through them;
- runs short values through the detectors in batches, one value a line with a separator
  line between them, and confirms every hit on the value alone. A sample of the values
  the batch found clean is re-checked alone too; one disagreement switches the column
  back to value-by-value detection (so batching can never lose a finding silently).
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from screening.detectors import detect_all
from screening.tabular.values import is_inert
from screening.types import (
    DEFAULT_ACTIONS,
    PERSONAL_CATEGORIES,
    Category,
    EngineConfig,
    Finding,
)

SCREENED_CATEGORIES = frozenset({*PERSONAL_CATEGORIES, Category.NON_PUBLIC})
# Values longer than this are screened alone: their own words are their context.
BATCH_MAX_VALUE_CHARS = 40
BATCH_MIN_VALUES = 64
BATCH_TEXT_CHARS = 3000
# Between two values: a line no pattern (digits, spaces, hyphens) can run across.
SEPARATOR = "\n■■\n"
SHAPE_SAMPLE = 24
SHAPE_SPOT_CHECK = 500
_CODE = re.compile(r"[!-~]{1,24}")  # printable ASCII, no spaces
_CODE_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:19|20)\d{6}")
_SHAPE = str.maketrans(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0" * 10 + "a" * 26 + "A" * 26,
)


def code_shape(value: str) -> str | None:
    """The shape of a short ASCII code (R06-000123 → A00-000000), or None."""
    if not _CODE.fullmatch(value) or "@" in value:
        return None
    shape = value.translate(_SHAPE)
    digits = shape.count("0")
    if not 1 <= digits <= 8 or shape.count("a") + shape.count("A") > 3:
        return None
    if _CODE_DATE.search(value):
        return None
    return shape


# Values that must be found the same way in a batch as alone before batching is used.
BATCH_PROBES = (
    "山田 太郎",
    "佐藤花子",
    "髙橋 一郎",
    "ヤマダ タロウ",
    "ﾓﾃｷﾞ ﾏｻﾙ",
    "Kenji Sato",
    "090-1234-5678",
    "027-243-4966",
    "+81 90-7390-1230",
    "taro.yamada@gmail.com",
    "前橋市大手町三丁目5番12号",
    "前橋市朝倉町1350-5",
    "昭和41年1月2日",
    "H03.10.05",
    "568829611313",
    "4111 1111 1111 1111",
    "秘",
    "取扱注意",
    "人工透析（週3回）",
    "隣に住む小池 正樹さんが毎晩ごみを出す",
    "自宅 027-265-4419（夜なら出られます）",
)
_VERIFY_FIRST = 48
_VERIFY_EACH = 4


@dataclass(frozen=True, slots=True)
class Hit:
    """One category found in one cell value (the value itself is never kept here)."""

    category: Category
    confidence: float  # the best finding of this category in the cell
    bare: bool  # the finding is (almost) the whole cell: no surrounding words

    @property
    def strong(self) -> bool:
        return self.confidence >= 0.5


Detect = Callable[[str, EngineConfig], list[Finding]]


def _hits(
    value: str, findings: Iterable[Finding], config: EngineConfig
) -> tuple[Hit, ...]:
    core = len(value.strip()) or 1
    best: dict[Category, Hit] = {}
    for f in findings:
        category = Category(f.category)
        if category not in SCREENED_CATEGORIES:
            continue
        action = config.actions.get(category.value, DEFAULT_ACTIONS[category.value])
        if action == "pass":
            continue
        hit = Hit(category, f.confidence, (f.end - f.start) >= 0.6 * core)
        old = best.get(category)
        if old is None or (hit.confidence, hit.bare) > (old.confidence, old.bare):
            best[category] = hit
    return tuple(best.values())


class CellScreeningError(Exception):
    """The detectors failed on a value: the file is refused rather than passed."""


class CellDetector:
    """Per-value detector results for one run (holds values: keep it in memory)."""

    def __init__(self, config: EngineConfig, detect: Detect = detect_all) -> None:
        self.config = config
        self.detect = detect
        self.cache: dict[str, tuple[Hit, ...]] = {"": ()}
        self.calls = 0
        self._rng = random.Random(0)
        self._no_batch: set[object] = set()
        self._batch_clean: dict[object, list[str]] = {}
        self._admin = _admin_matcher(config)
        self._batch_safe: bool | None = None
        # shape → codes screened alone so far (None once a code of it had a finding)
        self._shape_checked: dict[str, int | None] = {}
        self._shape_trusted: dict[str, list[str]] = {}

    def hits(self, value: str) -> tuple[Hit, ...]:
        return self.cache[value]

    def solo(self, value: str) -> tuple[Hit, ...]:
        self.calls += 1
        try:
            findings = self.detect(value, self.config)
        except (
            Exception
        ) as exc:  # a detector bug must not let a file through: refuse it
            raise CellScreeningError(str(exc)) from exc
        return _hits(value, findings, self.config)

    def ensure(self, values: Iterable[str], column: object = None) -> None:
        """Screen every value not seen yet; `column` keys the batching fallback."""
        cache = self.cache
        pending: list[str] = []
        for value in set(values):
            if value in cache:
                continue
            stripped = value.strip()
            if not stripped or (is_inert(stripped) and not self._admin(stripped)):
                cache[value] = ()
            elif (shape := code_shape(value)) is not None and not self._admin(value):
                self._ensure_code(value, shape)
            else:
                pending.append(value)
        if not pending:
            return
        short = [v for v in pending if len(v) <= BATCH_MAX_VALUE_CHARS]
        if (
            len(short) < BATCH_MIN_VALUES
            or column in self._no_batch
            or not self.batch_safe()
        ):
            for value in pending:
                cache[value] = self.solo(value)
            return
        for value in pending:
            if len(value) > BATCH_MAX_VALUE_CHARS:
                cache[value] = self.solo(value)
        self._ensure_batched(sorted(short), column)

    def _ensure_code(self, value: str, shape: str) -> None:
        checked = self._shape_checked.get(shape, 0)
        trusted = self._shape_trusted.setdefault(shape, [])
        if checked is not None and checked >= SHAPE_SAMPLE:
            self._shape_checked[shape] = checked + 1
            if (checked - SHAPE_SAMPLE) % SHAPE_SPOT_CHECK:
                self.cache[value] = ()
                trusted.append(value)
                return
        hits = self.solo(value)
        self.cache[value] = hits
        if checked is None:
            return
        if hits:
            # The shape is not as plain as it looked: every code of it, alone.
            self._shape_checked[shape] = None
            for other in trusted:
                self.cache[other] = self.solo(other)
            trusted.clear()
        elif checked < SHAPE_SAMPLE:
            self._shape_checked[shape] = checked + 1

    def batch_safe(self) -> bool:
        """Whether the detectors find the probes in a batch as alone (checked once)."""
        if self._batch_safe is None:
            alone = {v for v in BATCH_PROBES if self.solo(v)}
            filler = ("R06-000123", "中央公民館", "2024/05/01", "特になし", "利用")
            mixed = [x for v in BATCH_PROBES for x in (v, filler[len(v) % len(filler)])]
            together = self._batch(mixed)
            self._batch_safe = alone <= together
        return self._batch_safe

    def _ensure_batched(self, values: Sequence[str], column: object) -> None:
        trusted = self._batch_clean.setdefault(column, [])
        for group in _groups(values):
            if column in self._no_batch:
                for value in group:
                    self.cache[value] = self.solo(value)
                continue
            found = self._batch(group)
            clean = [v for v in group if v not in found]
            n_checks = _VERIFY_FIRST if not trusted else _VERIFY_EACH
            checks = self._rng.sample(clean, min(len(clean), n_checks))
            disagree = False
            for value in checks:
                hits = self.solo(value)
                self.cache[value] = hits
                disagree = disagree or bool(hits)
            for value in found:
                self.cache[value] = self.solo(
                    value
                )  # every batch hit is confirmed alone
            if disagree:
                # The batch missed something: redo this column value by value, including
                # every value an earlier batch of it found clean.
                self._no_batch.add(column)
                for value in [*trusted, *clean]:
                    if value not in checks:
                        self.cache[value] = self.solo(value)
                trusted.clear()
                continue
            for value in clean:
                if value not in self.cache:
                    self.cache[value] = ()
                    trusted.append(value)

    def _batch(self, group: Sequence[str]) -> set[str]:
        """Values of `group` with any finding when screened together."""
        starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for value in group:
            starts.append(pos)
            parts.append(value)
            pos += len(value) + len(SEPARATOR)
        text = SEPARATOR.join(parts)
        self.calls += 1
        try:
            findings = self.detect(text, self.config)
        except Exception:  # noqa: BLE001 - fall back to value-by-value
            return set(group)
        found: set[str] = set()

        for f in findings:
            if Category(f.category) not in SCREENED_CATEGORIES:
                continue
            i = bisect.bisect_right(starts, f.start) - 1
            j = bisect.bisect_right(starts, max(f.start, f.end - 1)) - 1
            for k in range(max(i, 0), j + 1):
                found.add(group[k])
        return found


def _groups(values: Sequence[str]) -> Iterable[list[str]]:
    group: list[str] = []
    size = 0
    for value in values:
        group.append(value)
        size += len(value) + len(SEPARATOR)
        if size >= BATCH_TEXT_CHARS:
            yield group
            group, size = [], 0
    if group:
        yield group


def _admin_matcher(config: EngineConfig) -> Callable[[str], bool]:
    """True when an administrator's pattern or keyword matches a value we would skip."""
    patterns: list[re.Pattern[str]] = []
    for items in config.patterns.values():
        for pattern in items:
            try:
                patterns.append(re.compile(pattern))
            except re.error:
                continue
    keywords = [k for items in config.keywords.values() for k in items if k]
    if not patterns and not keywords:
        return lambda value: False

    def matches(value: str) -> bool:
        return any(p.search(value) for p in patterns) or any(
            k in value for k in keywords
        )

    return matches
