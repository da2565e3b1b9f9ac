"""A prompt sent twice by a double click creates one request."""
from __future__ import annotations

import re
import threading
from http import HTTPStatus

import pytest
import requests
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from portal.models import LLMRequest, Message, MessageRole
from tests.faults.conftest import broker_purge, conversation_new

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_leftover_tasks(audit_triggers_for_flush):  # type: ignore[no-untyped-def]
    from django.conf import settings

    yield
    broker_purge(settings.CELERY_BROKER_URL)


def _token(html: str) -> str:
    return re.search(r'name="client_token" value="([^"]+)"', html).group(1)


def test_second_click_is_the_same_request(no_leftover_tasks, acknowledged_client, staff):
    conversation = conversation_new(staff)
    url = reverse("chat:conversation", args=[conversation.pk])
    token = _token(acknowledged_client.get(url).content.decode())
    data = {"text": "窓口の案内文を作ってください", "classification": "IV", "client_token": token}
    first = acknowledged_client.post(reverse("chat:send", args=[conversation.pk]), data)
    second = acknowledged_client.post(reverse("chat:send", args=[conversation.pk]), data)
    assert (first.status_code, second.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    assert LLMRequest.objects.count() == 1
    assert Message.objects.filter(role=MessageRole.USER).count() == 1
    assert AuditEvent.objects.filter(kind=EventKind.REQUEST_QUEUED).count() == 1


def test_simultaneous_clicks_make_one_request(no_leftover_tasks, live_server, client, staff):
    from portal.selectors import guideline_current
    from portal.services import guideline_acknowledge

    guideline_acknowledge(user=staff, version=guideline_current())
    client.force_login(staff)
    conversation = conversation_new(staff)
    page_url = f"{live_server.url}/chat/{conversation.pk}/"
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    token = _token(session.get(page_url, timeout=10).text)
    data = {"text": "窓口の案内文を作ってください", "classification": "IV", "client_token": token,
            "csrfmiddlewaretoken": session.cookies["csrftoken"]}
    barrier = threading.Barrier(4)
    statuses: list[int] = []

    def click() -> None:
        barrier.wait()
        response = session.post(f"{page_url}send/", data=data, headers={"Referer": page_url},
                                timeout=30, allow_redirects=False)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(statuses) == 4
    assert HTTPStatus.INTERNAL_SERVER_ERROR not in statuses
    # each click is answered with the conversation (302) or "the answer is being generated" (422)
    assert set(statuses) <= {HTTPStatus.FOUND, HTTPStatus.UNPROCESSABLE_ENTITY}, statuses
    assert LLMRequest.objects.count() == 1
    assert Message.objects.filter(role=MessageRole.USER).count() == 1
    assert AuditEvent.objects.filter(kind=EventKind.REQUEST_QUEUED).count() == 1
