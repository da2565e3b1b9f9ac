"""Reads of the rule tables, cached and invalidated on save (all processes see edits)."""
from __future__ import annotations

import logging
from collections import defaultdict

from django.core.cache import cache
from django.db import DatabaseError

from screening.types import CLAUSES, DEFAULT_ACTIONS, EngineConfig

logger = logging.getLogger(__name__)

RULES_CACHE_KEY = "screening:rules:v1"
RULES_CACHE_SECONDS = 300


def engine_config_from_db() -> EngineConfig:
    from screening.models import AllowListEntry, KeywordEntry, PatternEntry, ScreeningRule

    keywords: dict[str, list[str]] = defaultdict(list)
    for category, term in KeywordEntry.objects.values_list("category", "term"):
        keywords[category].append(term)
    patterns: dict[str, list[str]] = defaultdict(list)
    for category, pattern in PatternEntry.objects.values_list("category", "pattern"):
        patterns[category].append(pattern)
    return EngineConfig(
        actions=dict(ScreeningRule.objects.values_list("category", "action")),
        allow_terms=frozenset(AllowListEntry.objects.values_list("term", flat=True)),
        keywords={k: tuple(v) for k, v in keywords.items()},
        patterns={k: tuple(v) for k, v in patterns.items()},
    )


def engine_config_current() -> EngineConfig:
    """Return the rules in force; the defaults when the database is not set up yet."""
    try:
        config = cache.get(RULES_CACHE_KEY)
    except Exception:  # noqa: BLE001 - a missing cache must not stop screening
        config = None
    if config is not None:
        return config
    try:
        config = engine_config_from_db()
    except DatabaseError:
        from screening.detectors.defaults import DEFAULT_ALLOW_TERMS

        return EngineConfig(allow_terms=frozenset(DEFAULT_ALLOW_TERMS))
    try:
        cache.set(RULES_CACHE_KEY, config, RULES_CACHE_SECONDS)
    except Exception:  # noqa: BLE001 - without the cache every request reads the tables
        logger.warning("rules cache unavailable", exc_info=True)
    return config


def engine_config_invalidate() -> None:
    try:
        cache.delete(RULES_CACHE_KEY)
    except Exception:  # noqa: BLE001
        logger.error("rules cache could not be invalidated; edits apply within %ss", RULES_CACHE_SECONDS)


def rule_messages() -> dict[str, tuple[str, str]]:
    """category → (clause, Japanese message) for explanations."""
    from screening.models import ScreeningRule

    rows = {r.category: (r.clause, r.message) for r in ScreeningRule.objects.all()}
    for category, clause in CLAUSES.items():
        rows.setdefault(category, (clause, ""))
    return rows


__all__ = ["DEFAULT_ACTIONS", "engine_config_current", "engine_config_invalidate"]
