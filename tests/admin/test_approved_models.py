"""Approved models: write-only encrypted API key, connection test, one department."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from cryptography.fernet import Fernet
from django.contrib.messages import get_messages
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from portal.llm import api_key_for
from portal.models import ApprovedModel, ModelKind
from portal.selectors import model_list_for
from tests.factories import ApprovedModelFactory, DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _add_data(**overrides):
    data = {
        "display_name": "GPT（財政課）",
        "kind": ModelKind.COMPATIBLE,
        "enabled": "on",
        "base_url": "https://llm.example.lg.jp/v1",
        "model_name": "gpt-test",
        "api_version": "",
        "api_key": "",
        "api_key_env": "",
        "knowledge_cutoff": "2025-01-01",
        "context_window": "8192",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_approve_a_model_for_one_department(admin_client):
    finance = DepartmentFactory(code="320", name="財政課")
    other = DepartmentFactory(code="330", name="税務課")
    response = admin_client.post(
        reverse("admin:portal_approvedmodel_add"), _add_data(departments=[finance.pk])
    )
    assert response.status_code == HTTPStatus.FOUND
    model = ApprovedModel.objects.get(display_name="GPT（財政課）")
    assert list(model.departments.all()) == [finance]
    assert model in model_list_for(user=UserFactory(username="f1", department=finance))
    assert model not in model_list_for(
        user=UserFactory(username="t1", department=other)
    )
    event = AuditEvent.objects.filter(kind=EventKind.ADMIN_CHANGE).latest("seq")
    assert (event.target_type, event.target_id, event.payload["action"]) == (
        "portal.approvedmodel",
        str(model.pk),
        "add",
    )


def test_enabled_model_needs_departments(admin_client):
    response = admin_client.post(reverse("admin:portal_approvedmodel_add"), _add_data())
    assert response.status_code == HTTPStatus.OK
    assert "利用できる所属を選ぶか" in response.content.decode()


def test_change_page_uses_filter_horizontal(admin_client):
    model = ApprovedModel.objects.first()
    response = admin_client.get(
        reverse("admin:portal_approvedmodel_change", args=[model.pk])
    )
    assert b"selectfilter" in response.content
    assert "接続テスト" in response.content.decode()


def test_api_key_is_encrypted_and_never_shown(admin_client, settings):
    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    finance = DepartmentFactory(code="320")
    secret = "sk-test-very-secret-1234567890"
    response = admin_client.post(
        reverse("admin:portal_approvedmodel_add"),
        _add_data(departments=[finance.pk], api_key=secret),
    )
    assert response.status_code == HTTPStatus.FOUND
    model = ApprovedModel.objects.get(display_name="GPT（財政課）")
    assert secret.encode() not in bytes(model.api_key_encrypted)
    assert api_key_for(model) == secret

    page = admin_client.get(
        reverse("admin:portal_approvedmodel_change", args=[model.pk])
    )
    html = page.content.decode()
    assert secret not in html
    assert "保存済み（暗号化）" in html
    # Saving again with an empty key field keeps the stored key.
    from tests.admin.helpers import change_page_post_data

    admin_client.post(
        reverse("admin:portal_approvedmodel_change", args=[model.pk]),
        change_page_post_data(page),
    )
    model.refresh_from_db()
    assert api_key_for(model) == secret
    payloads = AuditEvent.objects.filter(kind=EventKind.ADMIN_CHANGE).values_list(
        "payload", flat=True
    )
    assert all(secret not in str(p) for p in payloads)


def test_api_key_refused_without_encryption_key(admin_client, settings):
    settings.FIELD_ENCRYPTION_KEY = ""
    finance = DepartmentFactory(code="320")
    response = admin_client.post(
        reverse("admin:portal_approvedmodel_add"),
        _add_data(departments=[finance.pk], api_key="sk-abc"),
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "FIELD_ENCRYPTION_KEY" in html and "環境変数名" in html
    assert not ApprovedModel.objects.filter(display_name="GPT（財政課）").exists()


def test_api_key_clear(admin_client, settings):
    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    from portal.llm import api_key_encrypt

    model = ApprovedModelFactory(api_key_encrypted=api_key_encrypt("old"))
    page = admin_client.get(
        reverse("admin:portal_approvedmodel_change", args=[model.pk])
    )
    from tests.admin.helpers import change_page_post_data

    data = change_page_post_data(page)
    data["api_key_clear"] = "on"
    admin_client.post(
        reverse("admin:portal_approvedmodel_change", args=[model.pk]), data
    )
    model.refresh_from_db()
    assert bytes(model.api_key_encrypted) == b""


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_connection_test_button_success(admin_client, llm):
    model = ApprovedModelFactory()
    response = admin_client.post(
        reverse("admin:portal_approvedmodel_connection_test", args=[model.pk])
    )
    assert response.status_code == HTTPStatus.FOUND
    texts = _messages(response)
    assert len(texts) == 1 and texts[0].startswith("接続テスト成功")
    assert llm.received(), "the stand-in must have been called"


def test_connection_test_button_failure(admin_client, llm):
    model = ApprovedModelFactory()
    llm.control(fail=[{"kind": "500"}])
    response = admin_client.post(
        reverse("admin:portal_approvedmodel_connection_test", args=[model.pk])
    )
    texts = _messages(response)
    assert len(texts) == 1 and texts[0].startswith("接続テスト失敗")
    assert "http_500" in texts[0]


def test_connection_test_button_refuses_get(admin_client):
    model = ApprovedModelFactory()
    response = admin_client.get(
        reverse("admin:portal_approvedmodel_connection_test", args=[model.pk])
    )
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_connection_test_action(admin_client, llm):
    good = ApprovedModelFactory(display_name="良いモデル")
    bad = ApprovedModelFactory(
        display_name="悪いモデル", base_url="http://127.0.0.1:9/v1"
    )
    response = admin_client.post(
        reverse("admin:portal_approvedmodel_changelist"),
        {"action": "connection_test_action", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )
    texts = _messages(response) or [str(m) for m in response.context["messages"]]
    assert any(t.startswith("接続テスト成功：良いモデル") for t in texts)
    assert any(t.startswith("接続テスト失敗：悪いモデル") for t in texts)
