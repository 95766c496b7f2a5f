"""Chat models through LangChain's own integrations (optional extras), and their failures in plain English.

`create_chat_model(settings)` returns a configured `BaseChatModel` for `LLM_PROVIDER` = openai (any
OpenAI-compatible server), ollama (native API) or anthropic, or None for `none` or when the
provider's package is missing (logged; the bot then answers extractively). Client-side retries are
off (`max_retries=0`), so the per-request timeout is never multiplied; the chain in
`bot.llm_chain` also bounds every answer by a wall-clock deadline of `LLM_TIMEOUT` seconds.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from bot.settings import Settings

log = logging.getLogger("bot.llm")

# provider -> (python module, LangChain class, pip extra / package)
PROVIDERS: dict[str, tuple[str, str, str]] = {
    "openai": ("langchain_openai", "ChatOpenAI", "langchain-openai"),
    "ollama": ("langchain_ollama", "ChatOllama", "langchain-ollama"),
    "anthropic": ("langchain_anthropic", "ChatAnthropic", "langchain-anthropic"),
}
DEFAULT_MODELS = {
    "openai": "gpt-4o-mini",
    "ollama": "qwen2.5:3b-instruct",
    "anthropic": "claude-3-5-haiku-latest",
}
DEFAULT_BASE_URLS = {
    "openai": "https://api.openai.com/v1",
    "ollama": "http://127.0.0.1:11434",
    "anthropic": "https://api.anthropic.com",
}
# OpenAI-compatible local servers (llama.cpp, vLLM, LM Studio, Ollama's /v1) accept any key,
# but the OpenAI client refuses to start without one.
PLACEHOLDER_KEY = "sk-no-key-required"
PROBE_TIMEOUT = 5.0


def api_key(settings: Settings) -> str | None:
    """The configured API key: LLM_API_KEY, else the provider's usual environment variable."""
    if settings.llm_api_key is not None and settings.llm_api_key.get_secret_value().strip():
        return settings.llm_api_key.get_secret_value().strip()
    env = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}.get(settings.llm_provider)
    value = os.environ.get(env, "").strip() if env else ""
    return value or None


def model_name(settings: Settings) -> str:
    """LLM_MODEL, else the provider's default."""
    return (settings.llm_model or "").strip() or DEFAULT_MODELS.get(settings.llm_provider, "")


def base_url(settings: Settings) -> str:
    """LLM_BASE_URL, else the provider's public endpoint."""
    return (settings.llm_base_url or "").strip().rstrip("/") or DEFAULT_BASE_URLS.get(settings.llm_provider, "")


def redact(text: str, secret: str | None) -> str:
    """`text` without the API key (providers sometimes echo it back in error bodies)."""
    if secret and len(secret) >= 4:
        text = text.replace(secret, "[REDACTED]")
    return text


def describe(settings: Settings) -> str:
    """A one-line, key-free description of the configured model, for logs."""
    return f"{settings.llm_provider} model {model_name(settings)!r} at {base_url(settings)}"


def create_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model LLM_PROVIDER names, or None (extractive answers) for `none` or a missing package."""
    provider = settings.llm_provider
    if provider == "none":
        return None
    if provider not in PROVIDERS:
        log.error("Unknown LLM_PROVIDER=%r (use none, openai, ollama or anthropic); answering extractively", provider)
        return None
    module_name, class_name, package = PROVIDERS[provider]
    try:
        module = __import__(module_name, fromlist=[class_name])
        chat_class = getattr(module, class_name)
    except ImportError as exc:
        log.error(
            "LLM_PROVIDER=%s needs the optional package %s, which is not installed (%s); "
            "install it with: pip install -e '.[%s]'. Answering extractively meanwhile.",
            provider, package, exc, provider,
        )
        return None
    timeout = float(settings.llm_timeout)
    common: dict[str, Any] = {"model": model_name(settings), "temperature": settings.llm_temperature}
    key = api_key(settings)
    try:
        if provider == "ollama":
            client_kwargs: dict[str, Any] = {"timeout": timeout}
            if key:  # Ollama behind an authenticating proxy, or ollama.com
                client_kwargs["headers"] = {"Authorization": f"Bearer {key}"}
            model = chat_class(
                **common,
                base_url=base_url(settings),
                num_predict=settings.llm_max_tokens,
                client_kwargs=client_kwargs,
            )
        else:  # openai and anthropic take the same client options
            extra: dict[str, Any] = {}
            if provider == "openai" and "api.openai.com" not in base_url(settings):
                # langchain-openai sends max_completion_tokens; older local servers only read max_tokens.
                extra["extra_body"] = {"max_tokens": settings.llm_max_tokens}
            model = chat_class(
                **common,
                base_url=base_url(settings),
                api_key=key or PLACEHOLDER_KEY,
                max_tokens=settings.llm_max_tokens,
                timeout=timeout,
                max_retries=0,
                **extra,
            )
    except Exception as exc:  # a bad value in .env must not stop the bot
        log.error("Could not configure the %s: %s; answering extractively", describe(settings),
                  redact(str(exc), key))
        return None
    log.info("LLM answers from the %s (timeout %.1fs, no client retries)", describe(settings), timeout)
    return model


# -- failures --------------------------------------------------------------------------------------


def status_of(exc: BaseException) -> int | None:
    """The HTTP status an SDK exception carries, if any."""
    for candidate in (exc, exc.__cause__, exc.__context__):
        if candidate is None:
            continue
        status = getattr(candidate, "status_code", None)
        if status is None:
            response = getattr(candidate, "response", None)
            status = getattr(response, "status_code", None)
        if isinstance(status, int):
            return status
    return None


def is_auth_error(exc: BaseException) -> bool:
    """A rejected API key (401) or a key without access (403)."""
    return status_of(exc) in (401, 403) or type(exc).__name__ in ("AuthenticationError", "PermissionDeniedError")


def describe_error(exc: BaseException) -> str:
    """A short operator-facing reason for a failed LLM call."""
    status = status_of(exc)
    names = " ".join(type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e is not None)
    if isinstance(exc, TimeoutError) or "Timeout" in names:
        return "timed out"
    if status == 429:
        return "rate limited (HTTP 429)"
    if status is not None and status >= 500:
        return f"server error (HTTP {status})"
    if status in (401, 403):
        return f"API key rejected (HTTP {status})"
    if status is not None:
        return f"HTTP {status}"
    if "Connect" in names or isinstance(exc, ConnectionError):
        return "connection failed (is the server running?)"
    if any(word in names for word in ("JSONDecode", "Validation", "KeyError", "TypeError", "Decoding")):
        return f"malformed reply ({type(exc).__name__})"
    return type(exc).__name__


class AuthWarning:
    """Logs the wrong-API-key warning once and remembers that the key was refused (the LLM is then off)."""

    def __init__(self, label: str = "LLM", secret: str | None = None) -> None:
        self.label = label
        self.secret = secret
        self.rejected = False
        self._lock = threading.Lock()

    def reject(self, detail: str) -> None:
        """Mark the key as refused; the first call logs the operator warning."""
        with self._lock:
            first = not self.rejected
            self.rejected = True
        if first:
            log.warning(
                "The LLM provider rejected the API key (%s): %s. Check LLM_API_KEY in .env. "
                "The bot keeps running and answers extractively (without the LLM).",
                redact(detail, self.secret), self.label,
            )


def probe(settings: Settings, auth: AuthWarning) -> str:
    """A cheap start-up check of the endpoint and the key (a models listing, no tokens spent).

    Returns "ok", "rejected" (401/403: `auth` is told), "unreachable" or "unknown" (e.g. the
    server has no models listing). Never raises.
    """
    import httpx

    key = api_key(settings)
    base = base_url(settings)
    headers: dict[str, str] = {}
    if settings.llm_provider == "openai":
        url = f"{base}/models"
        headers["Authorization"] = f"Bearer {key or PLACEHOLDER_KEY}"
    elif settings.llm_provider == "anthropic":
        url = f"{base}/v1/models"
        headers["x-api-key"] = key or PLACEHOLDER_KEY
        headers["anthropic-version"] = "2023-06-01"
    elif settings.llm_provider == "ollama":
        url = f"{base}/api/tags"
        if key:
            headers["Authorization"] = f"Bearer {key}"
    else:
        return "unknown"
    try:
        response = httpx.get(url, headers=headers, timeout=min(PROBE_TIMEOUT, float(settings.llm_timeout)))
    except Exception as exc:  # noqa: BLE001 - any failure only means "could not check"
        log.warning("The LLM server is not reachable at start-up (%s): %s. Answers fall back to "
                    "extractive until it is.", describe_error(exc), describe(settings))
        return "unreachable"
    if response.status_code in (401, 403):
        auth.reject(f"HTTP {response.status_code} at start-up")
        return "rejected"
    if response.status_code < 400:
        log.info("The LLM server answers: %s", describe(settings))
        return "ok"
    log.debug("LLM start-up probe: HTTP %s from %s (not conclusive)", response.status_code, url)
    return "unknown"
