"""No detected personal value leaves or lingers: the whole development set, real flow.

Every case of ../shared/eval/prompts_dev.jsonl with a labelled personal span is sent the
way a staff member would: the prompt as written; when screening stops it, the masked
version the page offers. Then every labelled personal value is searched for in every text
column of every table, the logs (this process and the worker), every message published to
the broker and every key left in Redis, and every request the stand-in LLM received.
"""
from __future__ import annotations

import json
import logging
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest
import redis
from celery.signals import before_task_publish
from django.conf import settings
from django.urls import reverse

from portal.models import ApprovedModel, BusinessPurpose, LLMRequest, LLMRequestStatus, SiteSettings
from portal.services import conversation_create
from screening.types import PERSONAL_CATEGORIES
from tests.faults.conftest import wait_until
from tests.stored import all_stored_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEV_SET = Path(os.environ.get("PROMPTS_DEV", Path(__file__).resolve().parents[3] / "shared" / "eval" / "prompts_dev.jsonl"))
PERSONAL = {str(c) for c in PERSONAL_CATEGORIES}


def _cases() -> list[dict]:
    if not DEV_SET.exists():
        pytest.fail(f"development set not found at {DEV_SET} (set PROMPTS_DEV)")
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if any(s["category"] in PERSONAL for s in r["spans"])]


def _db_text() -> str:
    parts = [all_stored_text()]
    from django.contrib.sessions.models import Session

    for session in Session.objects.all():  # stored signed and encoded: search it decoded
        parts.append(json.dumps(session.get_decoded(), ensure_ascii=False, default=str))
    return "\n".join(parts)


def _redis_text() -> str:
    client = redis.Redis.from_url(settings.REDIS_URL)  # bytes: cache values are pickles
    parts = []
    for key in client.scan_iter(count=1000):
        kind = client.type(key)
        value: object = None
        if kind == "string":
            raw = client.get(key)
            value = raw
        elif kind == "list":
            value = client.lrange(key, 0, -1)
        elif kind == "hash":
            value = client.hgetall(key)
        elif kind == "stream":
            value = client.xrange(key)
        elif kind == "zset":
            value = client.zrange(key, 0, -1)
        elif kind == "set":
            value = sorted(client.smembers(key))
        parts.append(f"{key!r} {json.dumps(value, ensure_ascii=False, default=_text)}")
    return "\n".join(parts)


def _text(value: object) -> str:
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else str(value)


def _token(html: str) -> str:
    return re.search(r'name="client_token" value="([^"]+)"', html).group(1)


def test_no_labelled_personal_value_is_stored_logged_queued_or_sent(
    acknowledged_client, staff, celery_worker, llm, caplog
):
    caplog.set_level(logging.DEBUG)
    SiteSettings.objects.update(prompts_per_minute=10_000, user_daily_requests=10_000, user_daily_tokens=10**9)
    published: list[str] = []

    def capture(body=None, headers=None, **kwargs):  # type: ignore[no-untyped-def]
        published.append(json.dumps({"body": body, "headers": headers}, ensure_ascii=False, default=str))

    before_task_publish.connect(capture, weak=False)
    cases = _cases()
    baseline = _db_text()
    outcomes: dict[str, str] = {}
    try:
        purpose, model = BusinessPurpose.objects.first(), ApprovedModel.objects.first()
        for case in cases:
            conversation = conversation_create(
                user=staff, title=case["id"], purpose=purpose, purpose_detail="", model=model
            )
            send = reverse("chat:send", args=[conversation.pk])
            token = _token(acknowledged_client.get(reverse("chat:conversation", args=[conversation.pk])).content.decode())
            data = {"text": case["text"], "classification": "IV", "client_token": token}
            first = acknowledged_client.post(send, data)
            outcome = {302: "sent", 422: "stopped", 200: "warned"}.get(first.status_code, str(first.status_code))
            if outcome in ("stopped", "warned"):
                # the page's "send the masked version" button
                again = acknowledged_client.post(send, {**data, "client_token": _token(first.content.decode()), "send_masked": "1"})
                outcome += "+masked-sent" if again.status_code == 302 else f"+masked-{again.status_code}"
            outcomes[case["id"]] = outcome
        wait_until(
            lambda: not LLMRequest.objects.exclude(
                status__in=[LLMRequestStatus.SUCCEEDED, LLMRequestStatus.FAILED]).exists(),
            180, "every sent prompt to be answered", step=0.5,
        )
    finally:
        before_task_publish.disconnect(capture)

    sinks = {
        "database": _db_text(),
        "logs": caplog.text + celery_worker.log.read_text(encoding="utf-8", errors="replace"),
        "broker": "\n".join(published) + "\n" + _redis_text(),
        "llm": json.dumps(llm.received(), ensure_ascii=False),
    }
    unlabelled_in: dict[str, list[str]] = defaultdict(list)
    labelled = {(c["id"], s["text"]) for c in cases for s in c["spans"] if s["category"] in PERSONAL}
    for case in _all_rows():
        for value in {s["text"] for c in cases for s in c["spans"] if s["category"] in PERSONAL}:
            if value in case["text"] and (case["id"], value) not in labelled:
                unlabelled_in[value].append(case["id"])

    leaks: list[str] = []
    ambiguous: list[str] = []
    for case in cases:
        for span in case["spans"]:
            value = span["text"]
            if span["category"] not in PERSONAL or value in baseline:
                continue
            where = [name for name, text in sinks.items() if value in text]
            if not where:
                continue
            line = f"{case['id']} [{outcomes[case['id']]}] {span['category']} {value!r} in {', '.join(where)}"
            (ambiguous if unlabelled_in.get(value) else leaks).append(
                line + (f" (also unlabelled in {unlabelled_in[value]})" if unlabelled_in.get(value) else "")
            )
    # the search sees what was sent: the masked prompts reached the stand-in and the tables
    assert "〔" in sinks["llm"] and "〔" in sinks["database"]
    print(f"{len(cases)} cases, outcomes: {sorted(set(outcomes.values()))}")
    print("\n".join(["values also present unlabelled in other cases:"] + ambiguous))
    assert not leaks, f"{len(leaks)} personal values leaked (detector misses):\n" + "\n".join(leaks)


def _all_rows() -> list[dict]:
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
