"""Accounts through django-allauth: username or e-mail, no sign-up, reset, rate limits."""
from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-2026"


@pytest.mark.parametrize("login", ["kato", "kato@example.lg.jp"])
def test_login_by_username_or_email(client, defaults, login):
    user = UserFactory(username="kato", email="kato@example.lg.jp")
    response = client.post(reverse("account_login"), {"login": login, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND
    assert list(AuditEvent.objects.filter(kind=EventKind.LOGIN_SUCCEEDED).values_list("actor_id", flat=True)) == [user.pk]


def test_failed_login_is_audited_without_password(client, defaults):
    UserFactory(username="kato")
    response = client.post(reverse("account_login"), {"login": "kato", "password": "wrong-password"})
    assert response.status_code == HTTPStatus.OK
    event = AuditEvent.objects.get(kind=EventKind.LOGIN_FAILED)
    assert event.actor_username == "kato"
    assert "wrong-password" not in str(event.payload)


def test_signup_is_closed(client, defaults):
    response = client.post(
        reverse("account_signup"),
        {"username": "intruder", "email": "x@example.com", "password1": "Sup3r-secret!", "password2": "Sup3r-secret!"},
    )
    from portal.models import User

    assert not User.objects.filter(username="intruder").exists()
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN)


def test_login_page_offers_no_signup(client, defaults):
    body = client.get(reverse("account_login")).content.decode()
    assert reverse("account_signup") not in body
    assert reverse("account_reset_password") in body


def test_password_reset_sends_mail(client, defaults):
    UserFactory(username="kato", email="kato@example.lg.jp")
    response = client.post(reverse("account_reset_password"), {"email": "kato@example.lg.jp"})
    assert response.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 1
    assert "kato@example.lg.jp" in mail.outbox[0].to


def test_failed_logins_are_rate_limited(client, defaults):
    UserFactory(username="kato")
    bodies = [
        client.post(reverse("account_login"), {"login": "kato", "password": f"wrong-{i}"}).content.decode()
        for i in range(6)
    ]
    limited = "ログイン失敗が連続しています"
    assert limited not in bodies[0]
    assert limited in bodies[-1]
    # even the right password is refused while the limit holds (needs the Redis cache)
    body = client.post(reverse("account_login"), {"login": "kato", "password": PASSWORD}).content.decode()
    assert limited in body


def test_logout_needs_post(client, staff):
    client.force_login(staff)
    assert client.get(reverse("account_logout")).status_code == HTTPStatus.OK  # confirmation page
    response = client.post(reverse("account_logout"))
    assert response.status_code == HTTPStatus.FOUND
    assert AuditEvent.objects.filter(kind=EventKind.LOGOUT, actor_id=staff.pk).count() == 1
