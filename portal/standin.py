"""The local stand-in LLM: a small OpenAI-compatible server for the demo and the tests.

It is not an AI. It answers with a fixed Japanese template around the prompt it received,
streams word by word, and records every request so tests can prove what left the portal.

    python -m portal.standin --port 8765 [--latency 0.5]

Failure injection (for tests): POST /_control {"fail": [{"kind": "429", "retry_after": 1},
{"kind": "500"}, {"kind": "503"}, {"kind": "timeout"}, {"kind": "quota"}], "latency": 2.0, "chunk_delay": 0.03}
— each entry is used by one request, in order. GET /_received lists what arrived;
DELETE /_received clears it.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
import uuid
from collections import deque
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

STANDIN_MODEL = "standin-chat"
STANDIN_LABEL = "【スタンドインLLMの模擬応答：実際のAIではありません】"


class State:
    def __init__(self, latency: float, chunk_delay: float) -> None:
        self.latency = latency
        self.chunk_delay = chunk_delay
        self.failures: deque[dict[str, Any]] = deque()
        self.received: list[dict[str, Any]] = []


def _answer_text(messages: list[dict[str, Any]]) -> str:
    last = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
    if isinstance(last, list):
        last = " ".join(str(p.get("text", "")) for p in last if isinstance(p, dict))
    excerpt = str(last).strip().replace("\n", " ")[:120]
    turns = sum(1 for m in messages if m.get("role") == "user")
    return (
        f"{STANDIN_LABEL}\n\n"
        f"ご依頼（{turns}件目）を受け付けました。受け取った内容の冒頭：「{excerpt}」\n\n"
        "## 回答の例\n\n"
        "- これは動作確認用の決まった文面です。\n"
        "- 実際のモデルに切り替えると、ここに生成された回答が表示されます。\n"
        "- 内容は必ず事実確認してから使用してください。\n"
    )


def _tokens(text: str) -> int:
    return max(1, len(text) // 2)


def _chunks(text: str) -> list[str]:
    out, buf = [], ""
    for ch in text:
        buf += ch
        if ch in "。、\n 」" or len(buf) >= 8:
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def create_app(latency: float = 0.0, chunk_delay: float = 0.03) -> Starlette:
    """`latency` is the time to the first token; each further chunk takes `chunk_delay`."""
    state = State(latency, chunk_delay)

    async def failure_response(failure: dict[str, Any]) -> Response | None:
        kind = failure.get("kind")
        if kind == "429":
            return JSONResponse(
                {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}},
                status_code=429,
                headers={"retry-after": str(failure.get("retry_after", 1))},
            )
        if kind == "quota":
            return JSONResponse(
                {"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "code": "insufficient_quota"}},
                status_code=429,
            )
        if kind in ("500", "503"):
            return JSONResponse({"error": {"message": "server error", "type": "server_error"}}, status_code=int(kind))
        if kind == "timeout":
            await asyncio.sleep(float(failure.get("seconds", 3600)))
        return None

    async def completions(request: Request) -> Response:
        body = await request.json()
        state.received.append(
            {"at": time.time(), "body": body, "headers": {"authorization": bool(request.headers.get("authorization"))}}
        )
        if state.failures:
            response = await failure_response(state.failures.popleft())
            if response is not None:
                return response
        messages = body.get("messages", [])
        text = _answer_text(messages)
        prompt_tokens = sum(_tokens(str(m.get("content", ""))) for m in messages)
        completion_tokens = _tokens(text)
        created = int(time.time())
        cid = f"chatcmpl-standin-{uuid.uuid4().hex[:12]}"
        model = body.get("model", STANDIN_MODEL)
        if not body.get("stream"):
            await asyncio.sleep(state.latency)
            return JSONResponse(
                {
                    "id": cid, "object": "chat.completion", "created": created, "model": model,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                              "total_tokens": prompt_tokens + completion_tokens},
                }
            )
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))

        async def events() -> Any:
            pieces = _chunks(text)
            await asyncio.sleep(state.latency)
            first = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                     "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}
            yield f"data: {json.dumps(first, ensure_ascii=False)}\n\n"
            step = state.chunk_delay
            for piece in pieces:
                chunk = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                         "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
                if step:
                    await asyncio.sleep(step)
            last = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            yield f"data: {json.dumps(last)}\n\n"
            if include_usage:
                usage = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                         "choices": [], "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                                                  "total_tokens": prompt_tokens + completion_tokens}}
                yield f"data: {json.dumps(usage)}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    async def models(request: Request) -> Response:
        return JSONResponse(
            {"object": "list", "data": [{"id": STANDIN_MODEL, "object": "model", "created": 0, "owned_by": "standin (not an AI)"}]}
        )

    async def control(request: Request) -> Response:
        body = await request.json()
        if "latency" in body:
            state.latency = float(body["latency"])
        if "chunk_delay" in body:
            state.chunk_delay = float(body["chunk_delay"])
        if "fail" in body:
            state.failures = deque(body["fail"])
        return JSONResponse({"latency": state.latency, "pending_failures": len(state.failures)})

    async def received(request: Request) -> Response:
        if request.method == "DELETE":
            state.received.clear()
            return JSONResponse({"cleared": True})
        return JSONResponse({"received": state.received})

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "standin": True})

    return Starlette(
        routes=[
            Route("/v1/chat/completions", completions, methods=["POST"]),
            Route("/v1/models", models, methods=["GET"]),
            Route("/_control", control, methods=["POST"]),
            Route("/_received", received, methods=["GET", "DELETE"]),
            Route("/health", health, methods=["GET"]),
        ]
    )


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description="Local OpenAI-compatible stand-in LLM (not an AI).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("STANDIN_PORT", "8765")))
    parser.add_argument("--latency", type=float, default=float(os.environ.get("STANDIN_LATENCY", "0.6")),
                        help="seconds to the first token")
    parser.add_argument("--chunk-delay", type=float, default=float(os.environ.get("STANDIN_CHUNK_DELAY", "0.03")),
                        help="seconds between streamed chunks")
    args = parser.parse_args()
    uvicorn.run(create_app(args.latency, args.chunk_delay), host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
