"""End to end over real HTTP: live server, real Celery worker on real Redis, stand-in LLM."""
from __future__ import annotations

import json
import re
import urllib.parse

import pytest
import requests

from audit.models import AuditEvent, EventKind
from portal.models import LLMRequest, LLMRequestStatus
from tests.stored import all_stored_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests-2026"
SECRET_NAME = "山田太郎"
SECRET_PHONE = "090-1234-5678"


class Browserless:
    """A staff member using the portal through plain HTTP forms."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, timeout=30)

    def post(self, path: str, data: dict) -> requests.Response:
        data = {"csrfmiddlewaretoken": self.session.cookies["csrftoken"], **data}
        return self.session.post(self.base + path, data=data, timeout=30, headers={"Referer": self.base + path})

    def login(self, username: str) -> requests.Response:
        self.get("/accounts/login/")
        response = self.post("/accounts/login/", {"login": username, "password": PASSWORD})
        if "/chat/guideline/" in response.url:
            path = urllib.parse.urlsplit(response.url)
            response = self.post(f"{path.path}?{path.query}", {"agree": "on"})
        return response


@pytest.fixture
def user_in_browserless(defaults, live_server, celery_worker):
    from tests.factories import DepartmentFactory, UserFactory

    UserFactory(username="e2e", department=DepartmentFactory(code="210", name="市民課"))
    client = Browserless(live_server.url)
    home = client.login("e2e")
    assert home.url.endswith("/chat/"), home.url
    purpose = re.search(r'name="purpose"[^>]*>.*?<option value="(\d+)"', home.text, re.S).group(1)
    model = re.search(r'name="model"[^>]*>.*?<option value="(\d+)"', home.text, re.S).group(1)
    conv = client.post("/chat/", {"title": "e2e", "purpose": purpose, "model": model})
    client.conversation_path = urllib.parse.urlsplit(conv.url).path
    return client


def token(html: str) -> str:
    return re.search(r'name="client_token" value="([^"]+)"', html).group(1)


def test_prompt_streams_answer_and_confirmation_is_audited(user_in_browserless, llm):
    c = user_in_browserless
    # paced chunks (slower than the worker's 50 ms relay interval): the stream is read in
    # many small batches and must still end with done
    llm.control(latency=0.2, chunk_delay=0.06)
    page = c.get(c.conversation_path)
    long_prompt = "市民課の窓口で、転入と転出の手続きに来た方に渡す案内文を作ってください。" * 3
    sent = c.post(c.conversation_path + "send/", {"text": long_prompt, "classification": "IV", "client_token": token(page.text)})
    assert sent.status_code == 200
    stream_url = re.search(r'data-stream-url="([^"]+)"', sent.text)
    events, texts = [], []
    if stream_url:  # the answer may already be done; then the page shows it
        with c.session.get(c.base + stream_url.group(1), stream=True, timeout=60) as stream:
            assert stream.headers["Content-Type"].startswith("text/event-stream")
            for raw in stream.iter_lines():
                line = raw.decode("utf-8")
                if line.startswith("event:"):
                    events.append(line.split(":", 1)[1].strip())
                if line.startswith("data:") and events and events[-1] == "delta":
                    texts.append(json.loads(line[5:])["text"])
                if events and events[-1] in ("done", "failed"):
                    break
        assert events[-1] == "done"
        assert events.count("delta") > 40  # more reads than the stream's idle-round limit
    request = LLMRequest.objects.get()
    if stream_url:  # the relayed deltas add up to the stored answer, nothing lost or repeated
        assert "".join(texts) == request.answer.content
    assert request.status == LLMRequestStatus.SUCCEEDED
    assert request.latency_ms is not None and request.completion_tokens > 0
    page = c.get(c.conversation_path)
    assert "実際のAIではありません" in page.text
    answer_id = re.search(r'action="/chat/answers/(\d+)/confirm/"', page.text).group(1)
    done = c.post(f"/chat/answers/{answer_id}/confirm/", {"fact_checked": "1", "responsibility": "1"})
    assert "確認済み" in done.text
    kinds = list(AuditEvent.objects.order_by("seq").values_list("kind", flat=True))
    for kind in (EventKind.LOGIN_SUCCEEDED, EventKind.GUIDELINE_ACKNOWLEDGED, EventKind.CONVERSATION_CREATED,
                 EventKind.SCREENING_DECIDED, EventKind.REQUEST_QUEUED, EventKind.REQUEST_ATTEMPT,
                 EventKind.ANSWER_RECEIVED, EventKind.ANSWER_CONFIRMED):
        assert kind in kinds
    assert len(llm.received()) == 1


def test_blocked_prompt_never_leaves_and_leaves_no_value(user_in_browserless, llm, caplog, celery_worker):
    c = user_in_browserless
    page = c.get(c.conversation_path)
    text = f"{SECRET_NAME}さん（{SECRET_PHONE}）に送る案内文を作ってください。"
    blocked = c.post(c.conversation_path + "send/", {"text": text, "classification": "IV", "client_token": token(page.text)})
    assert blocked.status_code == 422
    assert "3(1)" in blocked.text
    assert llm.received() == []
    assert LLMRequest.objects.count() == 0
    stored = all_stored_text()
    assert SECRET_PHONE not in stored
    assert SECRET_NAME not in stored
    assert SECRET_PHONE not in caplog.text and SECRET_NAME not in caplog.text
    worker_log = celery_worker.log.read_text(encoding="utf-8", errors="replace")
    assert SECRET_PHONE not in worker_log and SECRET_NAME not in worker_log
