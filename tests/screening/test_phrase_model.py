"""The learned second look at wording (screening/detectors/phrase_model.py)."""
from __future__ import annotations

import json
from http import HTTPStatus

import pytest
from django.urls import reverse

from screening import train_phrase_model
from screening.detectors import phrase_model
from screening.engine import screen_text
from screening.types import HINT_CONFIDENCE, WARN_BELOW, Category, Decision, Finding

# Wording no rule lists: a draft before the council, an undecided reorganisation.
DRAFT = "議会の審議前の条例改正案の骨子です。分かりやすく書き直してください。"


def test_draft_before_the_council_is_warned_not_blocked():
    result = screen_text(DRAFT)
    assert result.decision is Decision.WARN
    (finding,) = result.findings
    assert finding.category is Category.NON_PUBLIC
    assert finding.reason == phrase_model.REASON
    assert HINT_CONFIDENCE <= finding.confidence < WARN_BELOW
    # The span is the sentence the model found, not the whole prompt.
    assert DRAFT[finding.start : finding.end] == "議会の審議前の条例改正案の骨子です"
    assert "〔非公開情報1〕。分かりやすく書き直してください。" == result.masked_text


def test_sentence_offsets_survive_spaces_and_line_breaks():
    text = "窓口の案内です。\n\n  議会に出す前の条例改正案の骨子です  \n整えてください。"
    (finding,) = phrase_model.detect_phrase_model(text, [])
    assert text[finding.start : finding.end] == "議会に出す前の条例改正案の骨子です"


@pytest.mark.parametrize(
    "text",
    [
        "市民課の窓口案内文を作ってください。",
        "地域の防災訓練のお知らせを、やさしい日本語に直してください。",
        # About the rules, not under them.
        "情報公開条例で非公開とされる情報は入力しないでください、という注意書きを作って。",
    ],
)
def test_ordinary_work_and_talk_about_the_rules_pass(text):
    assert screen_text(text).decision is Decision.PASS


def test_silent_when_the_rules_already_decided():
    rule = Finding(Category.PHONE, 0, 3, 0.9, "mobile")
    assert phrase_model.detect_phrase_model(DRAFT, [rule]) == []
    phrase_rule = Finding(Category.NON_PUBLIC, 0, 3, 0.1, "mark")
    assert phrase_model.detect_phrase_model(DRAFT, [phrase_rule]) == []
    # A low hint (a famous person's name) does not silence it.
    hint = Finding(Category.PERSON_NAME, 0, 2, HINT_CONFIDENCE / 2, "famous")
    assert phrase_model.detect_phrase_model(DRAFT, [hint])


def test_published_material_is_not_taken_for_non_public():
    text = "議会に出す前の条例改正案の骨子で、市のホームページに掲載済みです。"
    assert phrase_model.detect_phrase_model(text, []) == []


def test_the_threshold_decides():
    model = phrase_model.load_model()
    words, starts = phrase_model.text_words(phrase_model.tokenize(DRAFT))
    (lo, hi, k, j), _rest = phrase_model.sentence_spans(DRAFT, starts)
    score = phrase_model.flag_score(words[k:j], model)
    assert score >= model["threshold"]
    # Running totals in the detector give the same sum as scoring the sentence alone: it
    # speaks just below that score and is silent just above it.
    try:
        phrase_model._state["model"] = {**model, "threshold": score - 0.005}
        assert phrase_model.detect_phrase_model(DRAFT, [])
        phrase_model._state["model"] = {**model, "threshold": min(0.999, score + 0.005)}
        assert phrase_model.detect_phrase_model(DRAFT, []) == []
    finally:
        phrase_model._state.pop("model")


def test_committed_model_is_what_the_training_script_makes():
    """The JSON is reproducible from the committed batches, and no evaluation set fed it."""
    committed = json.loads(phrase_model.MODEL_PATH.read_text(encoding="utf-8"))
    batches = sorted(train_phrase_model.BATCHES.glob("batch*.jsonl"))
    assert committed["trained_on"] == [p.name for p in batches]
    rows = [r for p in batches for r in train_phrase_model.load_batch(p)]
    fresh = train_phrase_model.fit(rows)
    assert fresh["classes"] == committed["classes"]
    assert fresh["flag_intercept"] == pytest.approx(committed["flag_intercept"], abs=2e-3)
    for name in set(fresh["flag_weights"]) | set(committed["flag_weights"]):
        assert fresh["flag_weights"].get(name, 0.0) == pytest.approx(
            committed["flag_weights"].get(name, 0.0), abs=0.03
        ), name


@pytest.mark.django_db
def test_chat_page_says_the_model_judged_it_and_lets_the_user_acknowledge(acknowledged_client, staff):
    from portal.models import ApprovedModel, BusinessPurpose, Conversation, LLMRequest

    conversation = Conversation.objects.create(
        user=staff, department=staff.department, title="条例", purpose=BusinessPurpose.objects.first(),
        model=ApprovedModel.objects.first(),
    )
    url = reverse("chat:send", args=[conversation.pk])
    data = {"text": DRAFT, "classification": "IV", "client_token": "m1"}
    response = acknowledged_client.post(url, data)
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "判定モデル" in body and "非公開情報" in body and "ガイドライン3(1)" in body
    assert DRAFT in body  # the text stays in the box
    assert LLMRequest.objects.count() == 0
    response = acknowledged_client.post(url, {**data, "acknowledge_warning": "on"})
    assert response.status_code == HTTPStatus.FOUND
    assert LLMRequest.objects.count() == 1


def test_warm_up_loads_the_model_before_the_first_prompt():
    from screening.detectors import warm_up

    phrase_model._state.pop("model", None)
    warm_up()
    assert "model" in phrase_model._state
