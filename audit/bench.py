"""Benchmark `audit_verify`: generate events in a scratch database and time the check.

    .venv/bin/python -m audit.bench                      # 1,000,000 events, scratch SQLite
    .venv/bin/python -m audit.bench --events 200000
    .venv/bin/python -m audit.bench --keep            # then: --reuse <path> to verify again
    .venv/bin/python -m audit.bench --workers 1       # the single-process pass
    .venv/bin/python -m audit.bench --database-url postgres://postgres@127.0.0.1:5432/auditbench

The scratch database is created from scratch (never the portal's own database) and removed
afterwards unless --keep is given.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

KINDS = (
    ("screening.decided", lambda r: {"decision": r.choice(["pass", "warn", "block"]),
                                     "categories": {"person_name": r.randint(1, 3)},
                                     "clauses": ["3(1)"], "conversation_id": r.randint(1, 9999)}),
    ("llm.queued", lambda r: {"conversation_id": r.randint(1, 9999), "masked": False}),
    ("llm.answered", lambda r: {"request_id": r.randint(1, 99999), "prompt_tokens": r.randint(10, 900),
                                "completion_tokens": r.randint(10, 900), "latency_ms": r.randint(100, 9000),
                                "attempts": 1}),
    ("answer.confirmed", lambda r: {"statement_version": "2025-04", "conversation_id": r.randint(1, 9999),
                                    "fact_check_text": "回答の内容を事実確認しました。",
                                    "responsibility_text": "職員の責任で使用します。"}),
    ("auth.login", lambda r: {}),
)


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.local")
    import django

    django.setup()


def events_generate(count: int, *, batch: int = 10_000, seed: int = 5) -> float:
    """Append `count` chained events hashed by the writer's own code; return seconds.

    Rows go in with executemany and the backend's own adapters (what the ORM would
    store), because a million ORM objects would dominate the run.
    """
    from django.db import connection, transaction

    from audit.chain import CanonicalJSONEncoder, chain_hash
    from audit.models import GENESIS_HASH, AuditEvent, ChainHead

    ops = connection.ops
    qn = ops.quote_name
    names = ("seq", "kind", "created_at", "actor_id", "actor_username", "department_id",
             "target_type", "target_id", "payload", "ip", "user_agent", "prev_hash", "hash")
    sql = (f"INSERT INTO {qn(AuditEvent._meta.db_table)} ({', '.join(qn(n) for n in names)}) "  # noqa: S608
           f"VALUES ({', '.join(['%s'] * len(names))})")
    rng = random.Random(seed)
    start = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    prev = GENESIS_HASH
    began = time.perf_counter()
    seq = 0
    while seq < count:
        rows = []
        for _ in range(min(batch, count - seq)):
            seq += 1
            kind, make_payload = KINDS[rng.randrange(len(KINDS))]
            actor = rng.randint(1, 3000)
            fields: dict[str, Any] = {
                "seq": seq,
                "kind": kind,
                "created_at": start + dt.timedelta(seconds=seq * 3, microseconds=rng.randrange(10**6)),
                "actor_id": actor,
                "actor_username": f"user{actor:04d}",
                "department_id": actor % 40 + 1,
                "target_type": "portal.message",
                "target_id": str(rng.randint(1, 10**6)),
                "payload": make_payload(rng),
                "ip": f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                "user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/140.0",
            }
            digest = chain_hash(prev, fields)
            rows.append((
                *(fields[n] for n in names[:2]),
                ops.adapt_datetimefield_value(fields["created_at"]),
                *(fields[n] for n in names[3:8]),
                ops.adapt_json_value(fields["payload"], CanonicalJSONEncoder),
                fields["ip"], fields["user_agent"], prev, digest,
            ))
            prev = digest
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        print(f"\r  生成中 {seq:,}/{count:,}", end="", file=sys.stderr, flush=True)
    ChainHead.objects.update_or_create(pk=1, defaults={"seq": seq, "hash": prev})
    print(file=sys.stderr)
    return time.perf_counter() - began


def _cpu_seconds() -> float:
    """User + system time of this process and of its finished children (the workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--keep", action="store_true", help="keep the scratch SQLite file")
    parser.add_argument("--repeat", type=int, default=3, help="verify runs; the best is reported")
    parser.add_argument("--workers", type=int, default=None,
                        help="verify processes (default: CPU count, at most 4; 1 = one pass)")
    parser.add_argument("--reuse", default="",
                        help="verify an existing bench SQLite file (from --keep) instead of generating")
    args = parser.parse_args(argv)

    scratch: Path | None = None
    url = args.database_url
    if args.reuse:
        url = f"sqlite:///{Path(args.reuse).resolve()}"
    elif not url:
        scratch = Path(tempfile.mkdtemp(prefix="auditbench-")) / "bench.sqlite3"
        url = f"sqlite:///{scratch}"
    _setup(url)

    from django.core.management import call_command
    from django.db import connection

    from audit.verify import chain_verify

    print(f"データベース: {connection.vendor} {connection.settings_dict['NAME']}")
    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # a scratch file: speed over durability
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=OFF")
    if not args.reuse:
        generated = events_generate(args.events)
        print(f"生成: {args.events:,} 件 {generated:.1f} 秒")
    print(f"負荷（1/5/15分平均）: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}、"
          f"CPU {os.cpu_count()} 個")
    best = None
    for run in range(1, args.repeat + 1):
        began, cpu_began = time.perf_counter(), _cpu_seconds()
        result = chain_verify(workers=args.workers)
        wall = time.perf_counter() - began
        cpu = _cpu_seconds() - cpu_began
        rate = result.count / wall
        # CPU time (all processes) shows the work itself when other jobs share the machine.
        print(f"検証 {run}: {result.count:,} 件 {wall:.2f} 秒 = {rate:,.0f} 件/秒 "
              f"（{result.workers} プロセス、CPU時間合計 {cpu:.2f} 秒、"
              f"負荷 {os.getloadavg()[0]:.2f}、{'正常' if result.ok else '異常'}）")
        if not result.ok:
            print(result.first_break, result.problems)
            return 1
        best = max(best or 0.0, rate)
    print(f"最良: {best:,.0f} 件/秒（目標 200,000 件/秒）")
    if scratch is not None and not args.keep:
        connection.close()
        for path in scratch.parent.glob("bench.sqlite3*"):
            path.unlink()
        scratch.parent.rmdir()
    elif scratch is not None:
        print(f"保存先: {scratch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
