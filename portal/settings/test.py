"""The test suite: the same real components, faster hashing."""
from __future__ import annotations

from portal.settings.base import *  # noqa: F403
from portal.settings.base import CACHES
from portal.settings.env import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default="portal-test")
LLM_TIMEOUT_SECONDS = env.float("LLM_TIMEOUT_SECONDS", default=5.0)
