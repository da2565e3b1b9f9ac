"""Fixtures for the admin tests (the administrator with TOTP lives in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def mfa_middleware(settings):
    """The admin MFA middleware, as the lead adds it to MIDDLEWARE."""
    line = "portal.middleware.AdminMFARequiredMiddleware"
    if line not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, line]
