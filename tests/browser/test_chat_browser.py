"""The chat flow in a real browser: log in, acknowledge, chat, watch it stream, confirm."""
from __future__ import annotations

import pytest

from audit.models import AuditEvent, EventKind
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests-2026"


@pytest.fixture
def member(defaults, live_server, celery_worker):
    from tests.factories import DepartmentFactory, UserFactory

    return UserFactory(
        username="browser", last_name="前橋", first_name="職員",
        department=DepartmentFactory(code="210", name="市民課"),
    )


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/chat/")
    page.fill("#id_login", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def start_conversation(page) -> None:
    page.check("input[name=agree]")
    page.click("text=確認して利用を始める")
    page.fill("#id_title", "窓口案内の作成")
    page.select_option("#id_purpose", index=1)
    page.select_option("#id_model", index=1)
    page.click("text=会話を始める")


def test_chat_streams_and_is_confirmed(page, live_server, member, llm):
    llm.control(latency=0.5, chunk_delay=0.05)
    login(page, live_server, "browser")
    start_conversation(page)
    page.fill("#id_text", "市民課の窓口受付時間を案内する文を作ってください")
    page.select_option("#id_classification", "IV")
    page.click("text=送信（送信前に自動で確認します）")
    # the answer streams into the page, then the page shows it with the confirmation form
    page.wait_for_selector("#stream:not(:empty)")
    screenshot(page, "chat-streaming")
    page.wait_for_selector("text=確認を記録する")
    assert page.locator(".standin-tag").first.is_visible()
    screenshot(page, "chat-answer-unconfirmed")
    page.check("input[name=fact_checked]")
    page.check("input[name=responsibility]")
    page.click("text=確認を記録する")
    page.wait_for_selector("text=確認済み（事実確認・責任の宣言）")
    screenshot(page, "chat-answer-confirmed")
    assert AuditEvent.objects.filter(kind=EventKind.ANSWER_CONFIRMED, actor_id=member.pk).count() == 1


def test_blocked_prompt_shows_clause_and_offers_masked_send(page, live_server, member, llm):
    login(page, live_server, "browser")
    start_conversation(page)
    page.fill("#id_text", "山田太郎さん（090-1234-5678）に送る案内文を作ってください")
    page.select_option("#id_classification", "IV")
    page.click("text=送信（送信前に自動で確認します）")
    page.wait_for_selector("text=この内容は送信できません")
    assert "ガイドライン3(1)" in page.inner_text("#outcome")
    assert page.locator("#outcome mark").count() >= 1
    assert page.input_value("#id_text").startswith("山田太郎さん")  # text kept for editing
    screenshot(page, "chat-blocked")
    assert llm.received() == []
    page.click("text=伏せ字にした版を送信する")
    page.wait_for_selector("text=確認を記録する")
    sent = llm.received()[-1]["body"]["messages"][-1]["content"]
    assert "090-1234-5678" not in sent and "〔電話番号1〕" in sent
    screenshot(page, "chat-masked-sent")
