"""Keyboard-only use of the chat page: reach, fill, classify, send and confirm without a mouse."""
from __future__ import annotations

import pytest

from audit.models import AuditEvent, EventKind
from tests.browser.conftest import screenshot
from tests.browser.test_chat_browser import login, member, start_conversation  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector: str, limit: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the element has focus; fail if the tab order never reaches it."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_chat_page_works_with_the_keyboard_only(page, live_server, member, llm):  # noqa: F811
    llm.control(latency=0.3, chunk_delay=0.01)
    login(page, live_server, "browser")
    start_conversation(page)
    page.wait_for_selector("#id_text")
    page.evaluate("document.activeElement && document.activeElement.blur()")

    tab_to(page, "#id_text")
    page.keyboard.type("市民課の窓口受付時間を案内する文を作ってください")
    tab_to(page, "#id_classification")
    page.keyboard.press("ArrowDown")  # choose a classification without the mouse
    while page.input_value("#id_classification") not in ("III", "IV"):
        page.keyboard.press("ArrowDown")
    screenshot(page, "keyboard-ready-to-send")
    tab_to(page, "#prompt-form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_selector("text=確認を記録する")
    tab_to(page, "input[name=fact_checked]")
    page.keyboard.press("Space")
    tab_to(page, "input[name=responsibility]")
    page.keyboard.press("Space")
    tab_to(page, "form.confirm button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=確認済み（事実確認・責任の宣言）")
    screenshot(page, "keyboard-confirmed")
    assert AuditEvent.objects.filter(kind=EventKind.ANSWER_CONFIRMED, actor_id=member.pk).count() == 1
    assert len(llm.received()) == 1
