"""The hash chain: verify passes, and every kind of tampering is named."""
from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from audit import checkpoints
from audit.chain import canonical_json, chain_hash
from audit.models import AuditEvent, ChainHead, EventKind
from audit.services import audit_event_record, retention_run
from audit.triggers import install, uninstall
from audit.verify import chain_check, chain_verify, row_fields, rows_stream

pytestmark = pytest.mark.django_db


def _events(n: int = 6) -> list[AuditEvent]:
    from tests.factories import UserFactory

    user = UserFactory(username="chain_user")
    return [
        audit_event_record(
            kind=EventKind.SCREENING_DECIDED, actor=user,
            payload={"decision": "warn", "n": i, "text": "氏名「山田」\n\"引用\"", "f": 1.5},
        )
        for i in range(n)
    ]


def _verify_output(capsys) -> tuple[bool, str]:
    try:
        call_command("audit_verify", "--no-checkpoints")
    except CommandError:
        ok = False
    else:
        ok = True
    captured = capsys.readouterr()
    return ok, captured.out + captured.err


@pytest.fixture
def tamperable():
    """Lift the triggers inside this test's transaction (rolled back afterwards)."""
    uninstall(connection)
    yield
    install(connection)


def test_verify_passes_and_reports_rate(capsys):
    _events()
    ok, output = _verify_output(capsys)
    assert ok, output
    assert "正常" in output


def test_flip_a_byte(capsys, tamperable):
    events = _events()
    victim = events[2]
    text = victim.actor_username
    AuditEvent.objects.filter(pk=victim.pk).update(actor_username=text[:-1] + chr(ord(text[-1]) ^ 1))
    ok, output = _verify_output(capsys)
    assert not ok
    assert f"最初の破損箇所: 通番 {victim.seq} " in output and "改ざん" in output


def test_flip_a_byte_in_the_payload(capsys, tamperable):
    events = _events()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET payload = %s WHERE id = %s",
            [json.dumps({**events[4].payload, "decision": "pass"}), events[4].pk],
        )
    ok, output = _verify_output(capsys)
    assert not ok and f"通番 {events[4].seq} " in output


def test_delete_a_row(capsys, tamperable):
    events = _events()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[3].pk])
    ok, output = _verify_output(capsys)
    assert not ok
    seq = events[3].seq
    assert f"最初の破損箇所: 通番 {seq} — 通番 {seq}〜{seq} の記録がありません" in output


def test_delete_the_last_row_is_caught_by_the_head(capsys, tamperable):
    events = _events()
    AuditEvent.objects.filter(pk=events[-1].pk).delete()
    ok, output = _verify_output(capsys)
    assert not ok and "チェーン先頭" in output


def test_reorder_two_rows(capsys, tamperable):
    events = _events()
    first, second = events[1], events[4]
    AuditEvent.objects.filter(pk=first.pk).update(seq=10**9)
    AuditEvent.objects.filter(pk=second.pk).update(seq=first.seq)
    AuditEvent.objects.filter(pk=first.pk).update(seq=second.seq)
    ok, output = _verify_output(capsys)
    assert not ok
    assert f"最初の破損箇所: 通番 {first.seq} " in output


def test_rewritten_chain_is_caught_by_a_checkpoint(tmp_path, tamperable):
    events = _events()
    checkpoints.checkpoint_write(directory=tmp_path)
    # An attacker rewrites event 3 and recomputes every later hash and the head.
    AuditEvent.objects.filter(pk=events[2].pk).update(actor_username="someone_else")
    prev = events[1].hash
    for event in AuditEvent.objects.filter(seq__gte=events[2].seq).order_by("seq"):
        fields = row_fields(next(r for r in rows_stream() if r[0] == event.seq))
        digest = chain_hash(prev, fields)
        AuditEvent.objects.filter(pk=event.pk).update(prev_hash=prev, hash=digest)
        prev = digest
    ChainHead.objects.filter(pk=1).update(hash=prev)
    assert chain_verify().ok  # the chain alone cannot tell
    result = chain_verify(checkpoints=checkpoints.checkpoints_read(directory=tmp_path))
    assert not result.ok
    assert "チェックポイント" in result.problems[0]


def test_truncated_tail_is_caught_by_a_checkpoint(tmp_path, tamperable):
    events = _events()
    checkpoints.checkpoint_write(directory=tmp_path)
    AuditEvent.objects.filter(pk=events[-1].pk).delete()
    ChainHead.objects.filter(pk=1).update(seq=events[-2].seq, hash=events[-2].hash)
    result = chain_verify(checkpoints=checkpoints.checkpoints_read(directory=tmp_path))
    assert not result.ok and "少なく" in result.problems[0]


def test_checkpoint_task_writes_file_and_verify_reads_it(settings, tmp_path, capsys):
    from audit.tasks import audit_checkpoint_write

    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path)
    events = _events(3)
    assert audit_checkpoint_write() == events[-1].seq
    line = json.loads((tmp_path / "checkpoints.jsonl").read_text().splitlines()[-1])
    assert (line["seq"], line["hash"]) == (events[-1].seq, events[-1].hash)
    call_command("audit_verify")
    assert "チェックポイント照合: 1 件" in capsys.readouterr().out


def test_verify_passes_after_retention(capsys):
    from datetime import timedelta

    from django.utils import timezone

    from portal.models import Message, SiteSettings
    from tests.audit.conftest import conversation_with_answer
    from tests.factories import UserFactory

    SiteSettings.objects.create(retention_days=30)
    conv = conversation_with_answer(UserFactory(username="old"), "古い会話")
    _events(2)
    outcome = retention_run(now=timezone.now() + timedelta(days=31))
    assert outcome.messages_cleared == 2
    assert list(Message.objects.filter(conversation=conv).values_list("content", flat=True)) == ["", ""]
    assert Message.objects.filter(conversation=conv, content_deleted_at__isnull=True).count() == 0
    assert AuditEvent.objects.filter(kind=EventKind.RETENTION_RUN).values_list(
        "payload__messages_cleared", "payload__retention_days"
    ).get() == (2, 30)
    ok, output = _verify_output(capsys)
    assert ok, output


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@hsettings(max_examples=60, deadline=None)
@given(payload=st.dictionaries(st.text(max_size=8), json_values, max_size=4),
       username=st.text(max_size=30).filter(lambda s: "\x00" not in s))
def test_fast_path_equals_canonical_json(payload, username):
    """The verifier's shortcut produces exactly the writer's canonical bytes."""
    from audit.chain import CanonicalJSONEncoder

    fields = {
        "seq": 1, "kind": "auth.login", "created_at": "2026-04-01T00:00:00.000000+00:00",
        "actor_id": 3, "actor_username": username, "department_id": None, "target_type": "",
        "target_id": "7", "payload": payload, "ip": "10.0.0.1", "user_agent": "ua\t\"x\"",
    }
    digest = chain_hash("0" * 64, fields)
    row = (1, "auth.login", "2026-04-01T00:00:00.000000+00:00", 3, username, None, "", "7",
           CanonicalJSONEncoder().encode(payload), "10.0.0.1", "ua\t\"x\"", "0" * 64, digest)
    assert chain_check([row]).ok
    assert canonical_json(fields)  # the slow path agrees too
