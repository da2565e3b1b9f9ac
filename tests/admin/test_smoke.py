"""Every registered admin class: changelist, add and change pages load; saving works."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.admin.helpers import change_page_post_data
from tests.factories import ConversationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_everything(policy_admin):
    """At least one row of every model the admin shows."""
    from portal.models import LLMRequest, Message, MessageRole
    from screening.appeals import appeal_file
    from screening.models import DecisionSource, KeywordEntry, PatternEntry
    from screening.services import screening_decision_record

    staff = UserFactory(username="smoke-staff")
    conversation = ConversationFactory(user=staff)
    prompt = Message.objects.create(
        conversation=conversation, role=MessageRole.USER, content="要約して"
    )
    LLMRequest.objects.create(
        conversation=conversation,
        prompt=prompt,
        model=conversation.model,
        idempotency_key="smoke",
    )
    decision = screening_decision_record(
        user=staff,
        source=DecisionSource.PROMPT,
        decision="block",
        category_counts={"phone": 1},
        masked_text="連絡先は〔電話番号1〕です",
        conversation=conversation,
    )
    appeal_file(user=staff, decision=decision, reason="公表済みの番号です")
    KeywordEntry.objects.create(category="sensitive", term="生活保護受給")
    PatternEntry.objects.create(category="id_number", pattern=r"被保険者番号\d{8}")


def _registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def test_every_admin_class_is_covered():
    labels = {model._meta.label for model, _ in _registered()}
    assert {
        "portal.ApprovedModel",
        "portal.Department",
        "portal.User",
        "portal.SiteSettings",
        "screening.PatternEntry",
        "screening.Appeal",
    } <= labels


@pytest.mark.parametrize(
    "model,model_admin",
    _registered(),
    ids=lambda v: getattr(getattr(v, "_meta", None), "label", ""),
)
def test_admin_pages_load_and_save(admin_client, one_of_everything, model, model_admin):
    info = (model._meta.app_label, model._meta.model_name)
    response = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)), follow=True)
    assert response.status_code == HTTPStatus.OK

    request = response.wsgi_request
    if model_admin.has_add_permission(request):
        response = admin_client.get(reverse("admin:{}_{}_add".format(*info)))
        assert response.status_code == HTTPStatus.OK

    obj = model._default_manager.order_by("pk").first()
    if obj is None:
        return
    url = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
    response = admin_client.get(url)
    assert response.status_code == HTTPStatus.OK
    if not model_admin.has_change_permission(request, obj):
        return
    response = admin_client.post(url, change_page_post_data(response))
    errors = (
        response.context["adminform"].form.errors
        if response.context and "adminform" in response.context
        else None
    )
    assert response.status_code == HTTPStatus.FOUND, errors
