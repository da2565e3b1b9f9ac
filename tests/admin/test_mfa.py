"""TOTP is required for every account with admin access; the admin login is allauth's."""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import unquote

import pytest
from django.urls import reverse

from portal.models import Role
from tests.conftest import totp_activate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_admin(defaults):
    return UserFactory(
        username="new-admin", role=Role.POLICY_ADMIN, is_staff=True, is_superuser=True
    )


@pytest.mark.parametrize(
    "url_name,args",
    [
        ("admin:index", []),
        ("admin:dashboard", []),
        ("admin:portal_approvedmodel_changelist", []),
        ("admin:screening_screeningrule_changelist", []),
    ],
)
def test_admin_without_totp_is_sent_to_setup(
    client, new_admin, mfa_middleware, url_name, args
):
    client.force_login(new_admin)
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("mfa_activate_totp")


def test_post_to_admin_without_totp_changes_nothing(client, new_admin, mfa_middleware):
    from portal.models import BusinessPurpose

    client.force_login(new_admin)
    response = client.post(
        reverse("admin:portal_businesspurpose_add"),
        {"label": "私的な利用", "order": 1, "active": "on"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not BusinessPurpose.objects.filter(label="私的な利用").exists()


def test_first_login_leads_to_totp_setup(client, new_admin, mfa_middleware):
    response = client.post(
        reverse("account_login"),
        {"login": "new-admin", "password": "pw-for-tests-2026"},
    )
    assert response.status_code == HTTPStatus.FOUND
    response = client.get(reverse("admin:index"), follow=True)
    # allauth asks for the password once more before a new authenticator is added.
    chain = [unquote(url) for url, _status in response.redirect_chain]
    assert chain[0] == reverse("mfa_activate_totp")
    assert chain[-1] in (
        reverse("mfa_activate_totp"),
        f"{reverse('account_reauthenticate')}?next={reverse('mfa_activate_totp')}",
    )
    assert response.status_code == HTTPStatus.OK


def test_admin_with_totp_gets_in(client, new_admin, mfa_middleware):
    totp_activate(new_admin)
    client.force_login(new_admin)
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK


def test_staff_pages_are_not_affected(acknowledged_client, mfa_middleware):
    assert acknowledged_client.get(reverse("chat:home")).status_code == HTTPStatus.OK


def test_admin_login_goes_through_allauth(client, defaults):
    response = client.get(reverse("admin:login"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_password_alone_does_not_log_an_admin_in(client, new_admin, mfa_middleware):
    totp_activate(new_admin)
    response = client.post(
        reverse("account_login"),
        {"login": "new-admin", "password": "pw-for-tests-2026"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session
