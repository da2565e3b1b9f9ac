"""Local development: `make run`."""
from __future__ import annotations

from portal.settings.base import *  # noqa: F403
from portal.settings.env import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
