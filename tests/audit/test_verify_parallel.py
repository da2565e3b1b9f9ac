"""The chain checked in parallel seq ranges names the same first broken link as one pass."""
from __future__ import annotations

import pytest
from django.db import connection

from audit.models import AuditEvent, EventKind
from audit.services import audit_event_record
from audit.triggers import install, uninstall
from audit.verify import Checkpoint, VerifyResult, chain_verify, seq_ranges

EVENTS = 10  # two ranges: 1…5 and 6…10


@pytest.fixture
def chain(audit_triggers_for_flush):
    """Ten committed events with the triggers lifted (workers read committed rows only)."""
    events = [
        audit_event_record(kind=EventKind.SCREENING_DECIDED, actor_username=f"u{i}",
                           payload={"n": i, "text": "氏名「山田」"})
        for i in range(EVENTS)
    ]
    uninstall(connection)
    yield {e.seq: e for e in events}
    install(connection)


def _both(**kwargs) -> tuple[VerifyResult, VerifyResult]:
    parallel = chain_verify(workers=2, parallel_min_events=1, **kwargs)
    assert parallel.workers == 2, "the parallel path did not run"
    return parallel, chain_verify(workers=1, **kwargs)


def _same(parallel: VerifyResult, single: VerifyResult) -> None:
    assert (parallel.first_break, parallel.problems, parallel.count, parallel.last_hash) == (
        single.first_break, single.problems, single.count, single.last_hash
    )


def test_seq_ranges_cover_everything():
    assert seq_ranges(10, 2) == [(None, 5), (6, None)]
    assert seq_ranges(10, 3) == [(None, 4), (5, 8), (9, None)]


def test_untouched_chain_passes(chain):
    parallel, single = _both()
    assert parallel.ok and parallel.count == EVENTS
    _same(parallel, single)


def _set(at: int, **values) -> None:
    AuditEvent.objects.filter(seq=at).update(**values)


@pytest.mark.parametrize(
    ("seq", "values", "broken", "reason"),
    [
        (8, {"actor_username": "u7x"}, 8, "改ざん"),  # inside the second range
        (6, {"actor_username": "u5x"}, 6, "改ざん"),  # first row of the second range
        (5, {"payload": {"n": 99}}, 5, "改ざん"),  # last row of the first range
        (6, {"prev_hash": "f" * 64}, 6, "前のハッシュ"),  # the link between the ranges
    ],
)
def test_tampering_is_named(chain, seq, values, broken, reason):
    _set(seq, **values)
    parallel, single = _both()
    assert parallel.first_break.seq == broken and reason in parallel.first_break.reason
    _same(parallel, single)


@pytest.mark.parametrize("deleted", [5, 6, 9])
def test_deleted_row_at_and_after_the_boundary(chain, deleted):
    AuditEvent.objects.filter(seq=deleted).delete()
    parallel, single = _both()
    assert parallel.first_break.seq == deleted
    assert f"通番 {deleted}〜{deleted} の記録がありません" in parallel.first_break.reason
    _same(parallel, single)


def test_rows_swapped_across_the_boundary(chain):
    _set(5, seq=10**9)
    _set(6, seq=5)
    _set(10**9, seq=6)
    parallel, single = _both()
    assert parallel.first_break.seq == 5
    _same(parallel, single)


def test_first_break_wins_when_both_ranges_are_broken(chain):
    _set(9, actor_username="later")
    _set(3, actor_username="earlier")
    parallel, single = _both()
    assert parallel.first_break.seq == 3
    _same(parallel, single)


def test_deleted_tail_is_caught_by_the_head(chain):
    AuditEvent.objects.filter(seq=EVENTS).delete()
    parallel, single = _both()
    assert parallel.first_break is None and "チェーン先頭" in parallel.problems[0]
    _same(parallel, single)


def test_checkpoints_in_the_second_range(chain):
    checkpoints = [
        Checkpoint(3, chain[3].hash),
        Checkpoint(7, "e" * 64),  # the chain was rewritten after this checkpoint
        Checkpoint(EVENTS + 2, "d" * 64),  # and is now shorter than a checkpoint
    ]
    parallel, single = _both(checkpoints=checkpoints)
    assert parallel.first_break is None and parallel.checkpoints_checked == 2
    assert "通番 7" in parallel.problems[0] and "少なく" in parallel.problems[1]
    _same(parallel, single)


def test_inside_a_transaction_falls_back_to_one_pass(db):
    audit_event_record(kind=EventKind.LOGIN_SUCCEEDED, actor_username="x")
    result = chain_verify(workers=2, parallel_min_events=1)
    assert result.ok and result.workers == 1 and result.count == 1
