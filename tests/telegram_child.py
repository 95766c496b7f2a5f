"""The Telegram bot as its own process, for the crash test: the real front end (PTB, HTTP, SQLite)
over a small test-side core whose answers show the question and how much history it was given.

Run as `python -m tests.telegram_child`; settings come from the environment (TELEGRAM_*).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from bot.answer import Answer, Source, Turn
from bot.service import QAService
from bot.settings import load_settings
from bot.telegram import run_telegram


class EchoChain:
    """Answers after a short think: «جواب عن «Q» بعد N سؤال» (N = turns remembered)."""

    def answer(self, question: str, history: Sequence[Turn]) -> Answer:
        time.sleep(0.02)
        text = f"جواب عن «{question}» بعد {len(history)} سؤال."
        return Answer(question, text, True, [Source("جملة.", 1.0, "x#1.1", "مقال")])

    def stream(self, question: str, history: Sequence[Turn]):
        answer = self.answer(question, history)
        yield answer.answer
        yield answer


def main() -> int:
    """Run until SIGTERM/SIGINT (or SIGKILL)."""
    return run_telegram(load_settings(llm_provider="none"), QAService(EchoChain(), [], 1000))


if __name__ == "__main__":
    raise SystemExit(main())
