"""Fixtures for the admin tests: an administrator with TOTP, logged in."""

from __future__ import annotations

import pytest

from tests.factories import DepartmentFactory, UserFactory


def totp_activate(user) -> None:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())


@pytest.fixture
def policy_admin(defaults):
    from portal.models import Role

    user = UserFactory(
        username="seisaku-test",
        department=DepartmentFactory(code="110", name="情報政策課"),
        role=Role.POLICY_ADMIN,
        is_staff=True,
        is_superuser=True,
    )
    totp_activate(user)
    return user


@pytest.fixture
def admin_client(policy_admin):
    """Its own client, so a test can hold a staff member's session beside it."""
    from django.test import Client

    client = Client()
    client.force_login(policy_admin)
    return client


@pytest.fixture
def mfa_middleware(settings):
    """The admin MFA middleware, as the lead adds it to MIDDLEWARE."""
    line = "portal.middleware.AdminMFARequiredMiddleware"
    if line not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, line]
