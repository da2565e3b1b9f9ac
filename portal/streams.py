"""Relay of answer deltas through Redis streams (web processes keep no state)."""
from __future__ import annotations

import hashlib
import json
from typing import Any

import redis
from django.conf import settings

STREAM_TTL_SECONDS = 3600


def stream_key(request_id: int, token: str) -> str:
    """The request's stream; `token` (its idempotency key) keeps ids reused by another
    database (a restored backup, a test run) from replaying someone else's answer."""
    digest = hashlib.sha256(token.encode()).hexdigest()[:16]
    return f"llm:stream:{request_id}:{digest}"


def redis_client() -> redis.Redis:
    return redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=5, decode_responses=True
    )


def stream_publish(
    request_id: int, token: str, event: str, data: dict[str, Any], *, client: redis.Redis | None = None
) -> None:
    """Append one event; failures are swallowed (the answer is also stored in the DB)."""
    client = client or redis_client()
    try:
        key = stream_key(request_id, token)
        client.xadd(key, {"event": event, "data": json.dumps(data, ensure_ascii=False)}, maxlen=20000)
        client.expire(key, STREAM_TTL_SECONDS)
    except redis.RedisError:
        pass
