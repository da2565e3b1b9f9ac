"""The value ↔ placeholder mapping, kept only in the staff member's browser.

The mapping holds the personal values that were masked. It never reaches the database,
the logs, the broker or the LLM: it lives in an encrypted, HttpOnly cookie per
conversation, readable only by this portal.
"""
from __future__ import annotations

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.http import HttpRequest, HttpResponse

MAX_AGE_SECONDS = 8 * 3600


def _fernet() -> Fernet:
    digest = hashlib.sha256(b"maskvault:" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _cookie_name(conversation_id: int) -> str:
    return f"mask{conversation_id}"


def mapping_load(request: HttpRequest, conversation_id: int) -> dict[str, str]:
    token = request.COOKIES.get(_cookie_name(conversation_id))
    if not token:
        return {}
    try:
        data = json.loads(_fernet().decrypt(token.encode(), ttl=MAX_AGE_SECONDS))
    except (InvalidToken, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def mapping_save(response: HttpResponse, conversation_id: int, mapping: dict[str, str]) -> None:
    if not mapping:
        return
    token = _fernet().encrypt(json.dumps(mapping, ensure_ascii=False).encode()).decode()
    response.set_cookie(
        _cookie_name(conversation_id),
        token,
        max_age=MAX_AGE_SECONDS,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Strict",
        path=f"/chat/{conversation_id}/",
    )
