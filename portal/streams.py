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


_clients: dict[str, redis.Redis] = {}


def redis_client() -> redis.Redis:
    """One client (and connection pool) per process and URL: a task publishes many deltas,
    and a connection per delta cost more CPU than the rest of the task. redis-py resets the
    pool in a forked child, so prefork workers get their own connections."""
    client = _clients.get(settings.REDIS_URL)
    if client is None:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=5, decode_responses=True
        )
        _clients[settings.REDIS_URL] = client
    return client


def stream_publish(
    request_id: int, token: str, event: str, data: dict[str, Any], *, client: redis.Redis | None = None
) -> None:
    """Append one event; failures are swallowed (the answer is also stored in the DB)."""
    client = client or redis_client()
    try:
        key = stream_key(request_id, token)
        pipe = client.pipeline(transaction=False)  # one round trip for both commands
        pipe.xadd(key, {"event": event, "data": json.dumps(data, ensure_ascii=False)}, maxlen=20000)
        pipe.expire(key, STREAM_TTL_SECONDS)
        pipe.execute()
    except redis.RedisError:
        pass
