"""Load the defaults and the demo users (idempotent)."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.services import defaults_install, demo_users_install


class Command(BaseCommand):
    help = "Install default rules, guideline summary and demo users (safe to run again)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-users", action="store_true", help="defaults only")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        defaults_install()
        if not options["no_users"]:
            demo_users_install()
        self.stdout.write(self.style.SUCCESS("demo data ready"))
