"""The test suite: the same real components, faster hashing."""
from __future__ import annotations

from portal.settings.base import *  # noqa: F403
from portal.settings.base import CACHES, DATABASES
from portal.settings.env import BASE_DIR, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default="portal-test")
LLM_TIMEOUT_SECONDS = env.float("LLM_TIMEOUT_SECONDS", default=5.0)

# A file, not memory: the Celery worker process of the end-to-end tests opens it too.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": env("TEST_SQLITE_PATH", default=str(BASE_DIR / "var" / "test.sqlite3"))
    }

# Transactional tests empty every table afterwards; only here may `flush` lift the
# append-only triggers for that (audit/management/commands/flush.py).
AUDIT_ALLOW_FLUSH = True
