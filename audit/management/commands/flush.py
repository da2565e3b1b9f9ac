"""`flush`, which the append-only triggers refuse unless the settings allow it (tests only)."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from audit.triggers import install, uninstall


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        if not getattr(settings, "AUDIT_ALLOW_FLUSH", False):
            super().handle(**options)  # the triggers refuse to empty the audit tables
            return
        connection = connections[options["database"]]
        uninstall(connection)
        try:
            super().handle(**options)
        finally:
            install(connection)
