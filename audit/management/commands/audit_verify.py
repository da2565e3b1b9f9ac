"""Verify the audit hash chain and the checkpoints written outside the database."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.checkpoints import checkpoints_read
from audit.verify import chain_verify


class Command(BaseCommand):
    help = "監査ログのハッシュチェーンとチェックポイントを検証し、最初の破損箇所を示します。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--checkpoint-dir", default=None, help="AUDIT_CHECKPOINT_DIR の代わりに使う"
        )
        parser.add_argument(
            "--workers", type=int, default=None,
            help="並行して検証するプロセス数（既定: CPU数、最大4。1 で単一プロセス）",
        )
        parser.add_argument(
            "--no-checkpoints", action="store_true", help="チェックポイントと照合しない"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoints = (
            [] if options["no_checkpoints"]
            else checkpoints_read(directory=options["checkpoint_dir"])
        )
        result = chain_verify(
            using=options["database"], checkpoints=checkpoints, workers=options["workers"]
        )
        self.stdout.write(
            f"検証した記録: {result.count:,} 件 / 最終通番 {result.last_seq} / "
            f"{result.seconds:.2f} 秒（{result.rate:,.0f} 件/秒、{result.workers} プロセス）"
        )
        self.stdout.write(f"チェックポイント照合: {result.checkpoints_checked} 件")
        if result.first_break is not None:
            self.stderr.write(
                f"最初の破損箇所: 通番 {result.first_break.seq} — {result.first_break.reason}"
            )
        for problem in result.problems:
            self.stderr.write(problem)
        if not result.ok:
            raise CommandError("監査ログの検証に失敗しました。")
        self.stdout.write(self.style.SUCCESS(f"正常: 先頭ハッシュ {result.last_hash}"))
