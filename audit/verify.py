"""Verify the hash chain: stream every event in order and name the first broken link.

This loop is the hot path of `audit_verify` (target ≥ 200,000 events/s, see
docs/AUDIT.md). The ORM's per-row converters (datetime parsing, JSON decoding) cost more
than the hashing, so the rows are streamed from the same SELECT as
`values_list(*ROW_FIELDS)` through a chunked (server-side on PostgreSQL) cursor, and the
canonical JSON is assembled from the stored text: the payload column is written by
`CanonicalJSONEncoder`, so on SQLite its text is already canonical. Any row whose fast
form does not match is re-checked the slow, general way (`canonical_json`) before it is
reported, so the shortcut can never cause a false alarm.

Every row stores its `prev_hash`, so its own hash can be checked without its
predecessor: a large chain is cut into seq ranges checked in parallel processes (each
with its own connection), and the links between the ranges are checked when the ranges
are joined, in seq order, so the first broken link is still the one named.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from django.db import connections
from django.utils.translation import gettext as _

from audit.chain import HASHED_FIELDS, CanonicalJSONEncoder, chain_hash
from audit.models import GENESIS_HASH, AuditEvent, ChainHead

ROW_FIELDS = (*HASHED_FIELDS, "prev_hash", "hash")
CHUNK = 10_000
# Below this many events a second process costs more than it saves.
PARALLEL_MIN_EVENTS = 100_000
MAX_WORKERS = 4


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    source: str = ""


@dataclass
class VerifyResult:
    count: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    first_break: ChainBreak | None = None
    problems: list[str] = field(default_factory=list)
    checkpoints_checked: int = 0
    seconds: float = 0.0
    workers: int = 1

    @property
    def ok(self) -> bool:
        return self.first_break is None and not self.problems

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0


@dataclass
class Segment:
    """One seq range checked on its own: every row's hash, and the links inside it.

    The link into its first row (`first_seq`, `first_prev_hash`) is left to the join.
    `last_seq` / `last_hash` are those of the last row that checked out.
    """

    first_seq: int | None = None
    first_prev_hash: str = ""
    last_seq: int | None = None
    last_hash: str = ""
    first_break: ChainBreak | None = None
    problems: list[str] = field(default_factory=list)


def rows_stream(
    *, using: str = "default", seq_from: int | None = None, seq_to: int | None = None
) -> Iterator[tuple[Any, ...]]:
    """Every event (or those in seq_from…seq_to) as a raw tuple of ROW_FIELDS, in seq order."""
    connection = connections[using]
    qn = connection.ops.quote_name
    columns = []
    for name in ROW_FIELDS:
        column = qn(name)
        if name == "created_at" and connection.vendor == "sqlite":
            # Naive UTC text 'YYYY-MM-DD HH:MM:SS[.ffffff]' to the canonical ISO form, in
            # SQL: cheaper than Python, and it skips sqlite3's datetime converter.
            column = (
                f"substr({column}, 1, 10) || 'T' || substr({column}, 12) || "
                f"CASE WHEN length({column}) = 19 THEN '.000000+00:00' ELSE '+00:00' END"
            )
        elif name == "payload" and connection.vendor == "postgresql":
            column = f"{column}::text"
        elif name == "ip" and connection.vendor == "postgresql":
            column = f"host({column})"
        columns.append(column)
    bounds, params = [], []
    if seq_from is not None:
        bounds.append(f"{qn('seq')} >= %s")
        params.append(seq_from)
    if seq_to is not None:
        bounds.append(f"{qn('seq')} <= %s")
        params.append(seq_to)
    where = f" WHERE {' AND '.join(bounds)}" if bounds else ""
    sql = (
        f"SELECT {', '.join(columns)} FROM {qn(AuditEvent._meta.db_table)}{where} "  # noqa: S608
        f"ORDER BY {qn('seq')}"
    )
    connection.ensure_connection()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        if connection.vendor == "sqlite":
            while chunk := cursor.fetchmany(CHUNK):
                yield from chunk
            return
        # jsonb keeps its own key order and spacing: bring the payload to canonical text.
        encode, loads = CanonicalJSONEncoder().encode, json.loads
        while chunk := cursor.fetchmany(CHUNK):
            for row in chunk:
                yield (*row[:8], encode(loads(row[8])), *row[9:])


def _iso(created_at: Any) -> str:
    """The canonical timestamp text from what the driver returned."""
    if isinstance(created_at, datetime):
        if created_at.tzinfo is None:
            created_at = created_at.replace(tzinfo=UTC)
        return created_at.astimezone(UTC).isoformat(timespec="microseconds")
    text = str(created_at)
    # SQLite keeps naive UTC 'YYYY-MM-DD HH:MM:SS[.ffffff]'.
    return _iso(datetime.fromisoformat(text))


def row_fields(row: tuple[Any, ...]) -> dict[str, Any]:
    """The hashed fields of a raw row, decoded the general way."""
    fields = dict(zip(HASHED_FIELDS, row[: len(HASHED_FIELDS)], strict=True))
    fields["created_at"] = _iso(fields["created_at"])
    payload = fields["payload"]
    fields["payload"] = json.loads(payload) if isinstance(payload, str | bytes) else payload
    return fields


def segment_check(
    rows: Iterable[tuple[Any, ...]],
    *,
    checkpoints: Mapping[int, Checkpoint],
    expected_seq: int | None = 1,
    prev: str | None = GENESIS_HASH,
) -> Segment:
    """Recompute every hash and link of a run of rows; stop at the first broken link.

    `expected_seq` / `prev` None: a range that starts mid-chain; its first row's seq and
    prev_hash are taken as given here and checked when the ranges are joined.
    """
    rows = iter(rows)
    first = next(rows, None)
    segment = Segment()
    if first is None:
        return segment
    segment.first_seq, segment.first_prev_hash = first[0], first[11]
    if expected_seq is None or prev is None:
        expected_seq, prev = first[0], first[11]
    sha256 = hashlib.sha256
    esc = encode_basestring
    last_seq: int | None = None
    for row in chain((first,), rows):
        (seq, kind, created_at, actor_id, actor_username, department_id,
         target_type, target_id, payload, ip, user_agent, prev_hash, digest) = row
        if created_at.__class__ is not str:
            created_at = _iso(created_at)
        text = (
            f'{prev}{{"actor_id":{"null" if actor_id is None else actor_id},'
            f'"actor_username":{esc(actor_username)},"created_at":"{created_at}",'
            f'"department_id":{"null" if department_id is None else department_id},'
            f'"ip":{"null" if ip is None else esc(ip)},"kind":{esc(kind)},'
            f'"payload":{payload},"seq":{seq},"target_id":{esc(target_id)},'
            f'"target_type":{esc(target_type)},"user_agent":{esc(user_agent)}}}'
        )
        if (
            seq != expected_seq
            or prev_hash != prev
            or (
                sha256(text.encode()).hexdigest() != digest
                and chain_hash(prev, row_fields(row)) != digest
            )
        ):
            segment.first_break = _diagnose(expected_seq, seq, prev, prev_hash)
            break
        if seq in checkpoints and checkpoints[seq].hash != digest:
            segment.problems.append(_checkpoint_mismatch(seq))
        prev = digest
        last_seq = seq
        expected_seq = seq + 1
    segment.last_seq, segment.last_hash = last_seq, prev
    return segment


def _diagnose(expected_seq: int, seq: int, prev: str, prev_hash: str) -> ChainBreak:
    if seq > expected_seq:
        return ChainBreak(
            expected_seq,
            _("通番 %(first)s〜%(last)s の記録がありません（削除された可能性）。")
            % {"first": expected_seq, "last": seq - 1},
        )
    if seq < expected_seq:
        return ChainBreak(
            seq, _("通番 %(seq)s が重複しているか、順序が入れ替わっています。") % {"seq": seq}
        )
    if prev_hash != prev:
        return ChainBreak(
            seq, _("通番 %(seq)s の「前のハッシュ」が直前の記録と一致しません。") % {"seq": seq}
        )
    return ChainBreak(
        seq, _("通番 %(seq)s の内容がハッシュと一致しません（改ざんの可能性）。") % {"seq": seq}
    )


def _checkpoint_mismatch(seq: int) -> str:
    return _("チェックポイント（通番 %(seq)s）のハッシュがデータベースと一致しません。") % {
        "seq": seq
    }


def segments_join(
    segments: Iterable[Segment], *, checkpoints: Iterable[Checkpoint] = ()
) -> VerifyResult:
    """Link the ranges in seq order, as one pass over the whole chain would have."""
    checkpoints = list(checkpoints)
    wanted = _wanted(checkpoints)
    result = VerifyResult()
    expected_seq, prev = 1, GENESIS_HASH
    for segment in segments:
        if segment.first_seq is None:
            continue
        if segment.first_seq != expected_seq or segment.first_prev_hash != prev:
            result.first_break = _diagnose(
                expected_seq, segment.first_seq, prev, segment.first_prev_hash
            )
            break
        result.problems += segment.problems
        if segment.last_seq is not None:
            expected_seq, prev = segment.last_seq + 1, segment.last_hash
        if segment.first_break is not None:
            result.first_break = segment.first_break
            break
    result.count = result.last_seq = expected_seq - 1
    result.last_hash = prev
    result.checkpoints_checked = sum(1 for c in checkpoints if 0 < c.seq <= result.last_seq)
    if result.first_break is None:
        for seq in sorted(seq for seq in wanted if seq > result.last_seq):
            result.problems.append(
                _(
                    "チェックポイント（通番 %(seq)s）の時点より記録が少なくなっています"
                    "（現在の最終通番 %(last)s）。末尾の記録が削除された可能性があります。"
                )
                % {"seq": seq, "last": result.last_seq}
            )
    return result


def _wanted(checkpoints: Iterable[Checkpoint]) -> dict[int, Checkpoint]:
    return {c.seq: c for c in checkpoints if c.seq > 0}


def chain_check(
    rows: Iterable[tuple[Any, ...]], *, checkpoints: Iterable[Checkpoint] = ()
) -> VerifyResult:
    """Recompute every hash and link in one pass; stop at the first broken link."""
    checkpoints = list(checkpoints)
    started = time.perf_counter()
    segment = segment_check(rows, checkpoints=_wanted(checkpoints))
    result = segments_join([segment], checkpoints=checkpoints)
    result.seconds = time.perf_counter() - started
    return result


def seq_ranges(max_seq: int, parts: int) -> list[tuple[int | None, int | None]]:
    """Cut 1…max_seq into `parts` ranges; the first and last are open so none is missed."""
    size = -(-max_seq // parts)
    cuts = [size * i for i in range(1, parts)]
    starts: list[int | None] = [None, *(cut + 1 for cut in cuts)]
    ends: list[int | None] = [*cuts, None]
    return list(zip(starts, ends, strict=True))


def _range_check(
    using: str, seq_from: int | None, seq_to: int | None, wanted: dict[int, Checkpoint]
) -> Segment:
    rows = rows_stream(using=using, seq_from=seq_from, seq_to=seq_to)
    if seq_from is None:
        return segment_check(rows, checkpoints=wanted)
    return segment_check(rows, checkpoints=wanted, expected_seq=None, prev=None)


_INHERITED: list[Any] = []


def _range_worker(
    send: Any, using: str, seq_from: int, seq_to: int | None, wanted: dict[int, Checkpoint]
) -> None:
    """Check one range in a forked process, on a connection of its own."""
    for conn in connections.all(initialized_only=True):
        # The parent's handle is not ours to use or close: keep a reference until
        # os._exit, so no finaliser closes the parent's session from here.
        _INHERITED.append(conn.connection)
        conn.connection = None
    try:
        send.send(("ok", _range_check(using, seq_from, seq_to, wanted)))
    except BaseException as error:  # noqa: BLE001 - reported by the parent
        send.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        connections[using].close()
        send.close()


def _parallel_possible(using: str) -> bool:
    connection = connections[using]
    if connection.in_atomic_block:
        return False  # other connections would not see this transaction's rows
    if connection.vendor == "sqlite" and connection.is_in_memory_db():  # type: ignore[attr-defined]
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def _segments_parallel(
    using: str, ranges: list[tuple[int | None, int | None]], wanted: dict[int, Checkpoint]
) -> list[Segment]:
    context = multiprocessing.get_context("fork")
    workers = []
    for seq_from, seq_to in ranges[1:]:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_range_worker, args=(send, using, seq_from, seq_to, wanted), daemon=True
        )
        process.start()
        send.close()
        workers.append((process, receive))
    try:
        segments = [_range_check(using, *ranges[0], wanted)]
        for process, receive in workers:
            try:
                status, value = receive.recv()
            except EOFError:
                raise RuntimeError(
                    f"verify worker exited with status {process.exitcode}"
                ) from None
            if status != "ok":
                raise RuntimeError(f"verify worker failed: {value}")
            segments.append(value)
    finally:
        for process, receive in workers:
            receive.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
    return segments


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def chain_verify(
    *,
    using: str = "default",
    checkpoints: Iterable[Checkpoint] = (),
    workers: int | None = None,
    parallel_min_events: int = PARALLEL_MIN_EVENTS,
) -> VerifyResult:
    """Verify the whole chain, the head row and the given checkpoints."""
    checkpoints = list(checkpoints)
    wanted = _wanted(checkpoints)
    started = time.perf_counter()
    workers = default_workers() if workers is None else max(1, workers)
    max_seq = 0
    if workers > 1 and _parallel_possible(using):
        max_seq = AuditEvent.objects.using(using).order_by("-seq").values_list(
            "seq", flat=True
        ).first() or 0
    if workers > 1 and max_seq >= max(parallel_min_events, workers):
        ranges = seq_ranges(max_seq, workers)
        segments = _segments_parallel(using, ranges, wanted)
    else:
        workers = 1
        segments = [_range_check(using, None, None, wanted)]
    result = segments_join(segments, checkpoints=checkpoints)
    result.workers = workers
    result.seconds = time.perf_counter() - started
    if result.first_break is None:
        head = ChainHead.objects.using(using).filter(pk=1).values_list("seq", "hash").first()
        if head is not None and tuple(head) != (result.last_seq, result.last_hash):
            result.problems.append(
                _(
                    "チェーン先頭（通番 %(head)s）と最後の記録（通番 %(last)s）が一致しません。"
                    "末尾の記録が削除された可能性があります。"
                )
                % {"head": head[0], "last": result.last_seq}
            )
    return result
