"""Section heads' review and the CSV upload flow, in a real browser."""
from __future__ import annotations

import pytest

from audit.models import AuditEvent, EventKind
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests-2026"


@pytest.fixture
def team(defaults, live_server, celery_worker):
    from portal.models import Role
    from portal.selectors import guideline_current
    from portal.services import guideline_acknowledge
    from tests.factories import DepartmentFactory, UserFactory

    dept = DepartmentFactory(code="210", name="市民課")
    member = UserFactory(username="member", last_name="前橋", first_name="太一", department=dept)
    head = UserFactory(username="head", last_name="赤城", first_name="花子", department=dept, role=Role.SECTION_HEAD)
    for user in (member, head):
        guideline_acknowledge(user=user, version=guideline_current())
    return member, head


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chat/**")


def new_conversation(page, title: str) -> None:
    page.fill("#id_title", title)
    page.select_option("#id_purpose", index=1)
    page.select_option("#id_model", index=1)
    page.click("text=会話を始める")
    page.wait_for_selector("#id_text")


def test_section_head_reviews_with_a_reason_and_member_sees_it(browser, live_server, team, llm):
    member, head = team
    page = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(20000)
    login(page, live_server, "member")
    new_conversation(page, "議事録の整理")
    page.fill("#id_text", "会議メモを箇条書きに整理してください")
    page.select_option("#id_classification", "IV")
    page.click("text=送信（送信前に自動で確認します）")
    page.wait_for_selector("text=確認を記録する")
    page.context.close()

    page = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(20000)
    login(page, live_server, "head")
    page.goto(f"{live_server.url}/review/")
    page.wait_for_selector("text=所属の利用状況")
    assert page.locator("svg").count() >= 1  # server-rendered charts
    screenshot(page, "review-dashboard")
    page.click("text=議事録の整理")
    page.fill("textarea[name=reason]", "未確認の回答が残っているため確認")
    page.click("text=理由を記録して表示する")
    page.wait_for_selector("text=この閲覧は記録されました")
    screenshot(page, "review-conversation")
    page.context.close()
    event = AuditEvent.objects.get(kind=EventKind.REVIEW_ACCESS)
    assert (event.actor_id, event.payload.get("reason")) == (head.pk, "未確認の回答が残っているため確認")

    page = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(20000)
    login(page, live_server, "member")
    page.goto(f"{live_server.url}/review/history/")
    page.wait_for_selector("text=誰がいつ閲覧したか")
    assert "未確認の回答が残っているため確認" in page.inner_text("main")
    screenshot(page, "member-history")
    page.context.close()


def test_csv_upload_blocked_then_columns_dropped_then_attached(page, live_server, team, llm, eval_dir):
    roster = str(eval_dir / "csv_dev" / "staff_roster_cp932.csv")
    login(page, live_server, "member")
    new_conversation(page, "名簿の集計")
    page.click("text=CSVファイルを添付する（送信前にセルごとに確認します）")
    page.set_input_files("#id_file", roster)
    page.click("text=確認して添付する")
    page.wait_for_selector("text=このファイルは利用できません（ガイドライン3(2)）")
    report = page.inner_text("#upload-outcome")
    assert "氏名" in report and "住所" in report
    screenshot(page, "upload-blocked")
    # drop the flagged columns (pre-checked) and choose the same file again
    page.set_input_files("#id_redo_file", roster)
    page.click("text=選んだ列を除外して確認し直す")
    page.wait_for_selector("text=添付済み")
    screenshot(page, "upload-attached")
    page.fill("#id_text", "所属ごとの人数を集計してください")
    page.select_option("#id_classification", "IV")
    page.click("text=送信（送信前に自動で確認します）")
    page.wait_for_selector("text=確認を記録する")
    sent = llm.received()[-1]["body"]["messages"][-1]["content"]
    assert "表データ" in sent
    screenshot(page, "upload-sent")
