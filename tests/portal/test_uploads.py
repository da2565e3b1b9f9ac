"""CSV uploads in the chat: screened before use, attached only when they pass."""
from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent, EventKind
from portal.models import TableAttachment
from portal.services import llm_request_execute
from screening.models import ScreeningDecision
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db

CLEAN = "施設名,来館者数,月\n中央公民館,1200,4\n市民体育館,3400,4\n".encode("cp932")
ROSTER = (
    "氏名,携帯電話,来館者数\n"
    "山田 太郎,090-1234-5678,3\n佐藤 花子,080-2345-6789,5\n鈴木 一郎,070-3456-7890,2\n"
).encode("cp932")


@pytest.fixture
def conversation(staff):
    from portal.models import ApprovedModel

    return ConversationFactory(user=staff, model=ApprovedModel.objects.first())


def upload(client, conversation, name, data, **extra):
    return client.post(
        reverse("chat:upload", args=[conversation.pk]),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv"), **extra},
    )


def test_clean_table_is_attached_and_sent_with_next_prompt(
    acknowledged_client, conversation, django_capture_on_commit_callbacks, llm
):
    response = upload(acknowledged_client, conversation, "来館者.csv", CLEAN)
    assert response.status_code == HTTPStatus.FOUND
    table = TableAttachment.objects.get()
    assert (table.encoding, table.rows, table.columns, table.message) == ("cp932", 2, 3, None)
    page = acknowledged_client.get(reverse("chat:conversation", args=[conversation.pk])).content.decode()
    assert "添付済み" in page and "中央公民館" in page  # the user sees what will be sent
    with django_capture_on_commit_callbacks(execute=False):
        acknowledged_client.post(
            reverse("chat:send", args=[conversation.pk]),
            {"text": "来館者数を集計して", "classification": "IV", "client_token": "u1"},
        )
    table.refresh_from_db()
    assert table.message is not None
    llm_request_execute(request_id=table.message.requests.get().pk)
    sent = llm.received()[-1]["body"]["messages"][-1]["content"]
    assert sent.startswith("来館者数を集計して") and "中央公民館" in sent


def test_personal_table_is_blocked_with_column_report_and_no_values(acknowledged_client, conversation):
    response = upload(acknowledged_client, conversation, "名簿.csv", ROSTER)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    body = response.content.decode()
    assert "ガイドライン3(2)" in body
    assert "氏名" in body and "携帯電話" in body
    assert "電話番号" in body  # the category in Japanese
    assert "090-1234-5678" not in body and "山田" not in body
    assert TableAttachment.objects.count() == 0
    decision = ScreeningDecision.objects.get()
    assert decision.decision == "block"
    event = AuditEvent.objects.get(kind=EventKind.UPLOAD_SCREENED)
    upload_payload = event.payload["upload"]
    assert (upload_payload["file"], upload_payload["encoding"], upload_payload["rows"]) == ("名簿.csv", "cp932", 3)
    assert set(upload_payload["categories"]) == {"氏名", "携帯電話"}
    assert "090" not in str(event.payload) and "山田" not in str(event.payload)


def test_drop_flagged_columns_and_rescreen(acknowledged_client, conversation):
    response = upload(
        acknowledged_client, conversation, "名簿.csv", ROSTER, drop_columns=["氏名", "携帯電話"]
    )
    assert response.status_code == HTTPStatus.FOUND
    table = TableAttachment.objects.get()
    assert (table.columns, table.dropped_columns) == (1, ["氏名", "携帯電話"])
    assert "山田" not in table.compact and "090" not in table.compact


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.csv", b"", "空"),
        ("book.csv", b"PK\x03\x04" + b"\x00" * 200, "Excel"),
        ("random.csv", bytes(range(256)) * 8, "CSV"),
    ],
)
def test_unreadable_files_are_rejected_with_japanese_message(acknowledged_client, conversation, name, data, expected):
    response = upload(acknowledged_client, conversation, name, data)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "ファイルを読み取れませんでした" in response.content.decode()
    assert TableAttachment.objects.count() == 0
    assert ScreeningDecision.objects.get().decision == "reject"


def test_upload_over_the_size_limit_is_refused_before_parsing(acknowledged_client, conversation):
    from portal.models import SiteSettings

    SiteSettings.objects.update(max_upload_bytes=100)
    response = upload(acknowledged_client, conversation, "big.csv", CLEAN * 10)
    assert response.status_code == HTTPStatus.FOUND
    assert ScreeningDecision.objects.count() == 0
    page = acknowledged_client.get(response["Location"]).content.decode()
    assert "ファイルが大きすぎます" in page


def test_dev_roster_from_eval_set_is_blocked(acknowledged_client, conversation, eval_dir):
    data = (eval_dir / "csv_dev" / "staff_roster_cp932.csv").read_bytes()
    response = upload(acknowledged_client, conversation, "staff_roster_cp932.csv", data)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert ScreeningDecision.objects.get().decision == "block"
