"""CSP with nonces, clickjacking, CSRF everywhere, and production's HTTPS settings."""
from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import ROOT
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


def _production_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "DJANGO_ALLOWED_HOSTS": "ai-portal.city.example.lg.jp",
    }


def test_check_deploy_is_clean(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=_production_env(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


PRODUCTION_PROBE = """
from django.conf import settings
from django.test import Client
c = Client(HTTP_HOST="ai-portal.city.example.lg.jp")
plain = c.get("/chat/")
secure = c.get("/accounts/login/", secure=True)
print(plain.status_code, plain["Location"])
print(secure.status_code, secure["Strict-Transport-Security"])
print(secure.cookies["csrftoken"]["secure"], settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY)
"""


def test_production_redirects_to_https_and_sends_hsts_and_secure_cookies(tmp_path):
    env = _production_env(tmp_path)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRODUCTION_PROBE],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    redirect, hsts, cookies = result.stdout.strip().splitlines()[-3:]
    assert redirect == "301 https://ai-portal.city.example.lg.jp/chat/"
    assert hsts == "200 max-age=31536000; includeSubDomains; preload"
    assert cookies == "True True True"


@pytest.fixture
def conversation(staff):  # type: ignore[no-untyped-def]
    from portal.models import ApprovedModel

    return ConversationFactory(user=staff, model=ApprovedModel.objects.first())


@pytest.mark.parametrize("page", ["login", "home", "conversation", "guideline"])
def test_pages_carry_csp_with_a_fresh_nonce_and_deny_framing(page, client, acknowledged_client, conversation):
    urls = {
        "login": (client, reverse("account_login")),
        "home": (acknowledged_client, reverse("chat:home")),
        "conversation": (acknowledged_client, reverse("chat:conversation", args=[conversation.pk])),
        "guideline": (acknowledged_client, reverse("chat:guideline")),
    }
    http, url = urls[page]
    if page == "login":
        http = Client()
    first, second = http.get(url), http.get(url)
    assert first.status_code == HTTPStatus.OK
    policy = first["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "http:" not in directives["img-src"] and "*" not in policy
    html = first.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    found = re.search(r"'nonce-([^']+)'", directives["script-src"])
    if page == "conversation":
        assert found and scripts, "the chat page loads its script with a nonce"
    if found:
        nonce = found.group(1)
        assert nonce not in second["Content-Security-Policy"], "the nonce must change per response"
        for tag in scripts:
            assert f'nonce="{nonce}"' in tag, tag
    else:
        assert scripts == [], "a script on a page without a nonce would be blocked"
    assert not re.search(r"\son[a-z]+\s*=", html), "no inline event handlers"
    assert first["X-Frame-Options"] == "DENY"
    assert first["X-Content-Type-Options"] == "nosniff"


def _csrf_client(user) -> Client:  # type: ignore[no-untyped-def]
    http = Client(enforce_csrf_checks=True)
    http.force_login(user)
    return http


@pytest.mark.parametrize(
    "route",
    ["chat:home", "chat:guideline", "chat:send", "chat:confirm", "chat:resend", "account_logout"],
)
def test_every_form_post_needs_the_csrf_token(route, acknowledged_client, staff, conversation):
    args = {"chat:send": [conversation.pk], "chat:confirm": [1], "chat:resend": [1]}.get(route, [])
    url = reverse(route, args=args)
    http = _csrf_client(staff)
    refused = http.post(url, {"text": "窓口の案内", "classification": "IV", "client_token": "t"})
    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert b"CSRF" in refused.content
    from portal.models import LLMRequest

    assert not LLMRequest.objects.exists()


def test_a_post_with_the_token_is_accepted(staff, acknowledged_client, conversation):
    http = _csrf_client(staff)
    page = http.get(reverse("chat:conversation", args=[conversation.pk])).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    client_token = re.search(r'name="client_token" value="([^"]+)"', page).group(1)
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=False):
        sent = http.post(
            reverse("chat:send", args=[conversation.pk]),
            {"text": "窓口の案内文を作って", "classification": "IV", "client_token": client_token,
             "csrfmiddlewaretoken": token},
        )
    assert sent.status_code == HTTPStatus.FOUND
