"""Redis away when a prompt is sent: a Japanese notice, no 500, sent once Redis is back.

Real processes: the portal under uvicorn, a worker with beat (the outbox sweep runs every
15 s) and a redis-server of the test's own, stopped and started again on the same port.
"""
from __future__ import annotations

import re
import time

import pytest
import requests

from audit.models import AuditEvent, EventKind
from portal.models import LLMRequest, LLMRequestStatus
from portal.selectors import guideline_current
from portal.services import guideline_acknowledge
from tests.faults.conftest import PASSWORD, conversation_new, wait_until, worker_env

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NOTICE = "処理サーバーに一時的に接続できません。質問は保存済みで、接続が回復すると自動で送信されます。"


def _login(base: str, username: str) -> requests.Session:
    session = requests.Session()
    session.get(f"{base}/accounts/login/", timeout=10)
    response = session.post(
        f"{base}/accounts/login/",
        data={"login": username, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": f"{base}/accounts/login/"}, timeout=10,
    )
    assert response.url.endswith("/chat/"), response.url
    return session


def test_prompt_sent_while_redis_is_down_is_stored_and_sent_later(
    fault_worker_factory, web_server_factory, private_redis, llm, staff
):
    env = worker_env(llm, REDIS_URL=private_redis.url)
    fault_worker_factory(beat=True, REDIS_URL=private_redis.url)
    web = web_server_factory(env)
    guideline_acknowledge(user=staff, version=guideline_current())
    conversation = conversation_new(staff)
    session = _login(web.url, staff.username)
    page_url = f"{web.url}/chat/{conversation.pk}/"
    page = session.get(page_url, timeout=10).text
    client_token = re.search(r'name="client_token" value="([^"]+)"', page).group(1)

    private_redis.stop()
    started = time.monotonic()
    sent = session.post(
        f"{page_url}send/",
        data={"text": "窓口の案内文を作ってください", "classification": "IV", "client_token": client_token,
              "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": page_url}, timeout=30,
    )
    assert time.monotonic() - started < 10, "the submit must not hang while Redis is away"
    assert sent.status_code == 200, sent.status_code
    assert [r.status_code for r in sent.history] == [302]
    assert NOTICE in sent.text
    request = LLMRequest.objects.get()
    assert (request.status, request.dispatched_at) == (LLMRequestStatus.QUEUED, None)
    assert AuditEvent.objects.filter(kind=EventKind.REQUEST_QUEUED, target_id=str(request.pk)).exists()
    # the stream says the relay is away instead of failing
    stream = session.get(f"{web.url}/chat/requests/{request.pk}/stream/", timeout=30)
    assert stream.status_code == 200 and "event: unavailable" in stream.text

    time.sleep(3)  # an outage, not a blip
    private_redis.start()
    took = wait_until(
        lambda: LLMRequest.objects.filter(pk=request.pk, status=LLMRequestStatus.SUCCEEDED).exists(),
        60, "the stored request to be sent and answered after Redis came back",
    )
    request.refresh_from_db()
    assert request.dispatched_at is not None and request.attempts == 1
    assert len(llm.received()) == 1
    print(f"answered {took:.1f}s after Redis came back")
    assert "確認を記録する" in session.get(page_url, timeout=10).text
