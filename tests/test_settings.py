"""Settings: `.env.example` documents every variable, and lists parse from the environment."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings
from tests.conftest import ROOT


def test_env_example_documents_every_setting():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))
    fields = {name.upper() for name in Settings.model_fields}
    assert fields - documented == set()
    assert documented - fields == set()


def test_comma_separated_lists_and_env_file(monkeypatch, tmp_path):
    monkeypatch.setenv("TELEGRAM_ALLOWED_IDS", "12, -100345")
    monkeypatch.setenv("SOURCES", "a.txt,b")
    (tmp_path / ".env").write_text("TOP_K=7\nLLM_PROVIDER=openai\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.telegram_allowed_ids == [12, -100345]
    assert settings.sources == [Path("a.txt"), Path("b")]
    assert settings.top_k == 7 and settings.llm_provider == "openai"
