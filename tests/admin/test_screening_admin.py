"""Screening rules in the admin: safe patterns only, try it, every save reloads the rules."""

from __future__ import annotations

import time
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from screening.admin import pattern_problem
from screening.models import AllowListEntry, PatternEntry, ScreeningRule
from screening.selectors import RULES_CACHE_KEY, engine_config_current

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "pattern,fragment",
    [
        (r"被保険者番号\d{8}", ""),
        (r"受付番号[A-Z]{2}-\d{6}", ""),
        (r"(?:\d{2,4}-){2}\d{4}", ""),
        (r"[0-9", "正規表現として正しくありません"),
        (r"(?P<a>x", "正規表現として正しくありません"),
        (r"\d*", "空の文字列に一致する"),
        (r"(a+)+$", "繰り返しの中に繰り返し"),
        (r"(\w+\s?)+$", "繰り返しの中に繰り返し"),
        (r"(x|x)*y", "破滅的バックトラック"),
        (r"(a|aa)+$", "破滅的バックトラック"),
    ],
)
def test_pattern_safety(pattern, fragment):
    started = time.monotonic()
    problem = pattern_problem(pattern)
    assert time.monotonic() - started < 5
    if fragment:
        assert fragment in problem
    else:
        assert problem == ""


def test_pattern_admin_refuses_a_dangerous_pattern(admin_client):
    response = admin_client.post(
        reverse("admin:screening_patternentry_add"),
        {"category": "id_number", "pattern": r"(a+)+$", "note": ""},
    )
    assert response.status_code == HTTPStatus.OK
    assert "繰り返しの中に繰り返し" in response.content.decode()
    assert not PatternEntry.objects.exists()


def test_pattern_admin_saves_a_safe_pattern_and_reloads_rules(
    admin_client, django_capture_on_commit_callbacks
):
    engine_config_current()
    assert cache.get(RULES_CACHE_KEY) is not None
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:screening_patternentry_add"),
            {"category": "id_number", "pattern": r"被保険者番号\d{8}", "note": "国保"},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert cache.get(RULES_CACHE_KEY) is None
    assert engine_config_current().patterns == {"id_number": (r"被保険者番号\d{8}",)}


def test_rule_change_reloads_rules_and_is_audited(
    admin_client, django_capture_on_commit_callbacks
):
    rule = ScreeningRule.objects.get(category="non_business")
    engine_config_current()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:screening_screeningrule_change", args=[rule.pk]),
            {
                "category": "non_business",
                "action": "block",
                "clause": "3(3)",
                "message": rule.message,
            },
        )
    assert response.status_code == HTTPStatus.FOUND
    assert engine_config_current().actions["non_business"] == "block"
    event = AuditEvent.objects.filter(kind=EventKind.ADMIN_CHANGE).latest("seq")
    assert (event.target_type, event.target_id, event.payload["action"]) == (
        "screening.screeningrule",
        str(rule.pk),
        "change",
    )
    assert event.payload["changes"] == [{"changed": {"fields": ["判定"]}}]


def test_allow_list_delete_reloads_rules(
    admin_client, django_capture_on_commit_callbacks
):
    entry = AllowListEntry.objects.first()
    engine_config_current()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:screening_allowlistentry_delete", args=[entry.pk]),
            {"post": "yes"},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert entry.term not in engine_config_current().allow_terms


def test_try_box_on_rules_changelist(admin_client):
    response = admin_client.get(reverse("admin:screening_screeningrule_changelist"))
    html = response.content.decode()
    assert "試してみる" in html
    assert reverse("admin:screening_screeningrule_try") in html


SAMPLE = "担当の田中一郎さん（電話 090-3812-4471、tanaka.ichiro@gmail.com）に連絡"


def test_try_shows_decision_findings_and_masked_text(admin_client):
    response = admin_client.post(reverse("admin:screening_screeningrule_try"), {"text": SAMPLE})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert response.context["decision"] == "block"
    assert "送信不可" in html
    explanations = response.context["explanations"]
    assert explanations, "the sample holds personal information"
    assert {e.clause for e in explanations} == {"3(1)"}
    assert all(e.label and e.label in html for e in explanations)
    assert "tanaka.ichiro@gmail.com" in [SAMPLE[e.start : e.end] for e in explanations]
    assert "<mark" in html
    masked = response.context["masked_text"]
    assert "〔メールアドレス1〕" in masked and "tanaka.ichiro@gmail.com" not in masked
    # Nothing is stored or recorded for a trial.
    assert not AuditEvent.objects.filter(payload__icontains="tanaka").exists()


def test_try_uses_the_rules_in_force(admin_client):
    from screening.selectors import engine_config_invalidate

    ScreeningRule.objects.update(action="warn")
    engine_config_invalidate()
    response = admin_client.post(reverse("admin:screening_screeningrule_try"), {"text": SAMPLE})
    assert response.context["decision"] == "warn"


def test_try_pass(admin_client):
    response = admin_client.post(
        reverse("admin:screening_screeningrule_try"),
        {"text": "市民向けの通知文を整えてください。"},
    )
    assert response.context["decision"] == "pass"
    assert "該当する箇所はありません" in response.content.decode()
