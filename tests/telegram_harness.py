"""Shared harness of the Telegram tests: the real PTB application in a thread against the
loopback Bot API server (`tests/fake_bot_api.py`), the real core, and a test-side wrapper of it."""

from __future__ import annotations

import contextlib
import html
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from bot.answer import Answer, Turn
from bot.service import QAService
from bot.settings import Settings
from bot.telegram import request_stop, run_telegram

try:
    from tests.fake_bot_api import FakeBotAPI
except ImportError:  # tests/ on sys.path directly (pytest's rootdir-less import mode)
    from fake_bot_api import FakeBotAPI  # type: ignore[no-redef]

QUESTION = "أين ستعقد قمة ترامب وبوتين؟"
FOLLOW_UP = "ومتى ستعقد؟"
OUT_OF_SCOPE = "ما هي عاصمة اليابان؟"
SLOW = "سؤال بطيء: "  # questions starting with this are slowed down by the test-side wrapper
STEP = 15.0  # seconds any single wait may take before a test fails


def esc(value: str) -> str:
    """The escaping the bot applies to user and article strings."""
    return html.escape(value, quote=False)


def _flat(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def shows(message: str, raw: str, chars: int = 60) -> bool:
    """Whether the message shows (the start of) `raw`, escaped, whitespace-insensitively."""
    return _flat(esc(raw))[:chars] in _flat(message)


# -- the core ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def core(article_service) -> QAService:
    """The real answering core over the bundled article (shared with the other tests)."""
    return article_service


@pytest.fixture(scope="session")
def in_scope(core: QAService) -> str:
    """An Arabic question about the article that the core answers (found=True)."""
    candidates = [QUESTION, *core.example_questions(3), "من سيقود الاجتماعات الأولية للولايات المتحدة؟"]
    for question in candidates:
        if core.ask(question, []).found:
            return question
    pytest.fail(f"the core found none of these in-scope questions: {candidates}")


class Wrapped:
    """A test-side chain around the real service: records calls, can slow down or lengthen answers."""

    def __init__(
        self,
        real: QAService,
        slow: Callable[[str], float] = lambda q: 0.0,
        transform: Callable[[Answer], Answer] | None = None,
    ) -> None:
        self.real = real
        self.slow = slow
        self.transform = transform
        self.calls: list[tuple[str, list[Turn]]] = []
        self._lock = threading.Lock()

    def answer(self, question: str, history: Sequence[Turn]) -> Answer:
        with self._lock:
            self.calls.append((question, list(history)))
        delay = self.slow(question)
        if delay:
            time.sleep(delay)
        answer = self.real.ask(question.removeprefix(SLOW), history)  # the marker is test-only
        answer.question = question
        return self.transform(answer) if self.transform else answer

    def stream(self, question: str, history: Sequence[Turn]):
        answer = self.answer(question, history)
        yield answer.answer
        yield answer

    def service(self) -> QAService:
        return QAService(self, self.real.articles, self.real.max_question_chars)


# -- running the bot -----------------------------------------------------------------------------


def make_settings(api: FakeBotAPI, tmp_path: Path, **overrides) -> Settings:
    values = dict(
        telegram_bot_token=api.token,
        telegram_base_url=api.base_url,
        telegram_state_file=tmp_path / "telegram_state.json",
        telegram_state_db=tmp_path / "telegram_state.sqlite3",
        telegram_workers=2,
        telegram_rate_limit=100,
        llm_provider="none",
        log_level="INFO",
    )
    values.update(overrides)
    return Settings(_env_file=None, **values)


class Running:
    """A bot running in a background thread; `stop()` shuts it down gracefully."""

    def __init__(self, settings: Settings, service: QAService) -> None:
        self.app = None
        self.rc: int | None = None
        self._ready = threading.Event()

        def on_ready(app) -> None:
            self.app = app
            self._ready.set()

        def target() -> None:
            self.rc = run_telegram(settings, service, stop_signals=(), on_ready=on_ready)
            self._ready.set()

        self.thread = threading.Thread(target=target, name="bot-under-test", daemon=True)
        self.thread.start()

    def wait_running(self, timeout: float = STEP) -> None:
        assert self._ready.wait(timeout), "the bot did not start"
        deadline = time.monotonic() + timeout
        while self.rc is None and not (self.app and self.app.running):
            assert time.monotonic() < deadline, "the application never reached running state"
            time.sleep(0.02)

    def stop(self, timeout: float = STEP) -> int | None:
        if self.app is not None and self.thread.is_alive():
            deadline = time.monotonic() + timeout
            while not self.app.running and self.thread.is_alive() and time.monotonic() < deadline:
                time.sleep(0.02)
            request_stop(self.app)
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the bot did not stop"
        return self.rc


@contextlib.contextmanager
def bot_running(api: FakeBotAPI, settings: Settings, service: QAService) -> Iterator[Running]:
    running = Running(settings, service)
    try:
        running.wait_running()
        assert api.wait_ready(STEP), "the bot never registered its commands and polled"
        yield running
    finally:
        rc = running.stop()
    assert rc == 0


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as server:
        yield server
    assert server.unknown == [], f"the bot called methods the fake server does not know: {server.unknown}"


def wait_quiet(seconds: float = 0.6) -> None:
    """Give the bot time to (wrongly) answer something it must ignore."""
    time.sleep(seconds)


