"""The LLM client: the openai SDK against any OpenAI-compatible endpoint."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import openai
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

from portal.models import ApprovedModel, ModelKind


class LLMError(Exception):
    """A failed call; `retryable` and `retry_after` tell the task what to do."""

    def __init__(self, code: str, message: str, *, retryable: bool, retry_after: float | None = None):
        super().__init__(message)
        self.code = code
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass
class StreamEnd:
    prompt_tokens: int
    completion_tokens: int


def _fernet() -> Fernet | None:
    key = settings.FIELD_ENCRYPTION_KEY
    return Fernet(key.encode()) if key else None


def api_key_encrypt(plain: str) -> bytes:
    fernet = _fernet()
    if fernet is None:
        raise ValueError("FIELD_ENCRYPTION_KEY is not set")
    return fernet.encrypt(plain.encode())


def api_key_for(model: ApprovedModel) -> str:
    """Resolve the model's key: encrypted field, then its env var, then OPENAI_API_KEY."""
    if model.api_key_encrypted:
        fernet = _fernet()
        if fernet is not None:
            try:
                return fernet.decrypt(bytes(model.api_key_encrypted)).decode()
            except InvalidToken:
                pass
    if model.api_key_env:
        return os.environ.get(model.api_key_env, "")
    return settings.OPENAI_API_KEY


_clients: dict[tuple[object, ...], openai.OpenAI] = {}
_CLIENTS_MAX = 32


def client_for(model: ApprovedModel, *, timeout: float | None = None) -> openai.OpenAI:
    """The SDK client for a model; Celery owns the retries, so the SDK makes none.

    Clients are kept per process and per endpoint, key and timeout: building one (its
    HTTP pool and TLS context) cost more CPU than a whole streamed answer, and a kept
    client reuses its connections. A changed key or URL in admin gives a new client.
    """
    timeout = timeout or settings.LLM_TIMEOUT_SECONDS
    base_url = model.base_url or settings.OPENAI_BASE_URL
    api_key = api_key_for(model)
    ident = (os.getpid(), model.kind, base_url, api_key, model.api_version, timeout)
    client = _clients.get(ident)
    if client is not None:
        return client
    if model.kind == ModelKind.AZURE:
        client = openai.AzureOpenAI(
            azure_endpoint=base_url,
            api_key=api_key,
            api_version=model.api_version or "2024-10-21",
            timeout=timeout,
            max_retries=0,
        )
    else:
        client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "none", timeout=timeout, max_retries=0
        )
    if len(_clients) >= _CLIENTS_MAX:
        _clients.clear()  # keys rotated many times: start over rather than grow
    _clients[ident] = client
    return client


def _retry_after(error: openai.APIStatusError) -> float | None:
    value = error.response.headers.get("retry-after") if error.response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def translate_error(error: Exception) -> LLMError:
    """Map an SDK exception to what the task does next."""
    if isinstance(error, openai.APITimeoutError):
        return LLMError("timeout", "応答が時間内に返りませんでした。", retryable=True)
    if isinstance(error, openai.APIConnectionError):
        return LLMError("connection", "AIサービスに接続できませんでした。", retryable=True)
    if isinstance(error, openai.RateLimitError):
        body = error.body if isinstance(error.body, dict) else {}
        code = body.get("code") or (body.get("error") or {}).get("code") if body else None
        if code == "insufficient_quota" or "insufficient_quota" in str(error):
            return LLMError(
                "insufficient_quota",
                "AIサービスの契約上の利用枠を使い切っています。情報政策課に連絡してください。",
                retryable=False,
            )
        return LLMError(
            "rate_limited",
            "AIサービスが混み合っています。",
            retryable=True,
            retry_after=_retry_after(error),
        )
    if isinstance(error, openai.APIStatusError):
        if error.status_code >= 500:
            return LLMError(
                f"http_{error.status_code}", "AIサービスで一時的な障害が発生しました。", retryable=True
            )
        return LLMError(
            f"http_{error.status_code}", "AIサービスが要求を受け付けませんでした。", retryable=False
        )
    return LLMError("unexpected", "予期しないエラーが発生しました。", retryable=False)


def chat_stream(
    model: ApprovedModel, messages: list[dict[str, str]]
) -> Iterator[str | StreamEnd]:
    """Yield text deltas, then one StreamEnd with token usage; raise LLMError."""
    client = client_for(model)
    try:
        stream = client.chat.completions.create(
            model=model.model_name,
            messages=messages,  # type: ignore[arg-type]
            stream=True,
            stream_options={"include_usage": True},
            max_tokens=settings.LLM_MAX_OUTPUT_TOKENS,
        )
        prompt_tokens = completion_tokens = 0
        for chunk in stream:
            if chunk.usage is not None:
                prompt_tokens = chunk.usage.prompt_tokens
                completion_tokens = chunk.usage.completion_tokens
            for choice in chunk.choices:
                if choice.delta and choice.delta.content:
                    yield choice.delta.content
        yield StreamEnd(prompt_tokens, completion_tokens)
    except openai.OpenAIError as error:
        raise translate_error(error) from error


def connection_test(model: ApprovedModel) -> tuple[bool, str]:
    """Send a harmless request; return (ok, what happened) for the admin."""
    client = client_for(model, timeout=15)
    try:
        response = client.chat.completions.create(
            model=model.model_name,
            messages=[{"role": "user", "content": "接続テストです。「OK」とだけ返してください。"}],
            max_tokens=16,
        )
    except openai.OpenAIError as error:
        failure = translate_error(error)
        return False, f"{failure.code}: {failure}"
    text = (response.choices[0].message.content or "").strip() if response.choices else ""
    return True, text[:200]
