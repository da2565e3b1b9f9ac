"""Middleware the portal adds on top of Django's and allauth's."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


def has_totp(user: object) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user_id=getattr(user, "pk", None), type=Authenticator.Type.TOTP
    ).exists()


class AdminMFARequiredMiddleware:
    """Send every account with admin access to TOTP setup before any admin page.

    Guideline-wise the admin decides which AI the whole city may use, so a password
    alone is not enough (issue: information-policy administration).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and request.path.startswith(reverse("admin:index"))
            and not has_totp(user)
        ):
            return self._to_setup(request)
        return self.get_response(request)

    @staticmethod
    def _to_setup(request: HttpRequest) -> HttpResponse:
        messages.warning(
            request,
            _(
                "管理画面を使うには二要素認証（認証アプリのワンタイムパスワード）の設定が"
                "必要です。設定を済ませてから、もう一度管理画面を開いてください。"
            ),
        )
        return redirect("mfa_activate_totp")
