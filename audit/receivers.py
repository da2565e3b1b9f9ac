"""Log-in, log-out and failed log-in become audit events (OWASP ASVS V16)."""
from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit.models import EventKind
from audit.services import audit_event_record


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_event_record(kind=EventKind.LOGIN_SUCCEEDED, actor=user, request=request)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_event_record(kind=EventKind.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # Only the attempted identifier is kept, never the password.
    login = str(credentials.get("username") or credentials.get("email") or credentials.get("login") or "")[:150]
    audit_event_record(kind=EventKind.LOGIN_FAILED, actor_username=login, request=request)
