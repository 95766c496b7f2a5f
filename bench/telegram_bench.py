"""Telegram front-end benchmark: answers per second and end-to-end latency over loopback HTTP.

Runs the real bot (`bot.telegram.run_telegram`, long polling) against the tests' Bot API server
on 127.0.0.1, which enforces Telegram's flood limit (30 requests in any second; more get a 429 with
`retry_after`, counted in the table). `--chats` chats ask at once; each chat asks its next question as soon as its answer
arrives, for `--rounds` rounds. Latency is measured from enqueueing the update at the server to
the server receiving the bot's sendMessage.

    python -m bench.telegram_bench                 # real core, Telegram's 30 requests/s limit
    python -m bench.telegram_bench --flood-rate 0  # no client-side flood limit
    python -m bench.telegram_bench --instant-core  # front-end overhead only (no model)
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from bot.answer import Answer, Source, Turn
from bot.service import QAService
from bot.settings import Settings, load_settings
from bot.telegram import request_stop, run_telegram
from tests.fake_bot_api import FakeBotAPI

DEFAULT_QUESTIONS = ["أين ستعقد قمة ترامب وبوتين؟", "لماذا تأجل الاجتماع؟", "ما هي عاصمة اليابان؟"]


class _InstantChain:
    """Answers immediately, to measure what the Telegram layer alone costs."""

    def answer(self, question: str, history: Sequence[Turn]) -> Answer:
        return Answer(question, "جواب فوري للاختبار.", True, [Source("جملة المصدر.", 1.0, "x#1.1", "مقال")])

    def stream(self, question: str, history: Sequence[Turn]):
        answer = self.answer(question, history)
        yield answer.answer
        yield answer


class _TimedAPI(FakeBotAPI):
    """The loopback server, noting when each chat's answer arrives and asking the next question."""

    def __init__(self, rounds: int, questions: list[str], flood_limit: int) -> None:
        super().__init__(flood_limit=flood_limit)
        self.rounds = rounds
        self.questions = questions
        self.asked: dict[int, float] = {}
        self.done: dict[int, int] = {}
        self.latencies: list[float] = []
        self.finished = threading.Event()
        self.expected = 0
        self._lock = threading.Lock()

    def ask(self, chat_id: int) -> None:
        index = self.done.get(chat_id, 0)
        with self._lock:
            self.asked[chat_id] = time.perf_counter()
        self.send_text(chat_id, self.questions[(chat_id + index) % len(self.questions)])

    def _api_sendmessage(self, params: dict) -> dict:
        arrived = time.perf_counter()
        chat_id = params.get("chat_id")
        again = False
        with self._lock:
            if chat_id in self.asked:
                self.latencies.append(arrived - self.asked.pop(chat_id))
                self.done[chat_id] = self.done.get(chat_id, 0) + 1
                again = self.done[chat_id] < self.rounds
                if len(self.latencies) >= self.expected:
                    self.finished.set()
        if again:
            self.ask(chat_id)
        return super()._api_sendmessage(params)


def run_once(
    service: QAService, label: str, chats: int, rounds: int, flood_rate: float, workers: int, server_limit: int
) -> dict:
    """One measured run; returns a row of the table."""
    api = _TimedAPI(rounds, DEFAULT_QUESTIONS, server_limit)
    api.expected = chats * rounds
    api.start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,
            telegram_bot_token=api.token,
            telegram_base_url=api.base_url,
            telegram_state_file=Path(tmp) / "state.json",
            telegram_state_db=Path(tmp) / "state.sqlite3",
            telegram_workers=workers,
            telegram_rate_limit=0,
            telegram_flood_rate=flood_rate,
            log_level="WARNING",
        )
        holder: dict = {}
        thread = threading.Thread(
            target=lambda: holder.setdefault(
                "rc", run_telegram(settings, service, stop_signals=(), on_ready=lambda a: holder.setdefault("app", a))
            ),
            daemon=True,
        )
        thread.start()
        if not api.wait_ready(30):
            raise SystemExit("the bot did not start")
        api.wait_for(lambda: holder.get("app") is not None and holder["app"].running, 30)
        time.sleep(0.3)
        started = time.perf_counter()
        for chat in range(1, chats + 1):
            api.ask(chat)
        complete = api.finished.wait(300)
        elapsed = time.perf_counter() - started
        request_stop(holder["app"])
        thread.join(30)
    api.stop()
    lat = sorted(api.latencies)
    p95 = lat[min(len(lat) - 1, int(round(0.95 * len(lat))) - 1)] if lat else float("nan")
    return {
        "core": label,
        "flood": "off" if not flood_rate else f"{flood_rate:g}/s",
        "chats": chats,
        "answers": len(lat),
        "complete": complete,
        "seconds": elapsed,
        "per_second": len(lat) / elapsed if elapsed else 0.0,
        "p50": statistics.median(lat) * 1000 if lat else float("nan"),
        "p95": p95 * 1000,
        "max": lat[-1] * 1000 if lat else float("nan"),
        "refused": api.flood_refusals,
        "typing": len(api.calls_to("sendChatAction")),
    }


def print_table(rows: list[dict]) -> None:
    """A small fixed-width table."""
    header = f"{'core':<14} {'flood limit':>11} {'chats':>5} {'answers':>7} {'seconds':>7} {'answers/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'429s':>5} {'typing':>6}"
    print(header)
    print("-" * len(header))
    for r in rows:
        flag = "" if r["complete"] else "  (incomplete!)"
        print(
            f"{r['core']:<14} {r['flood']:>11} {r['chats']:>5} {r['answers']:>7} {r['seconds']:>7.2f} "
            f"{r['per_second']:>9.1f} {r['p50']:>8.0f} {r['p95']:>8.0f} {r['max']:>8.0f} {r['refused']:>5} {r['typing']:>6}{flag}"
        )


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmark, print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4, help="questions per chat, asked one after another")
    parser.add_argument("--workers", type=int, default=None, help="answer threads (default: TELEGRAM_WORKERS)")
    parser.add_argument("--flood-rate", type=float, default=None, help="Bot API requests/s (0 = unlimited)")
    parser.add_argument("--server-limit", type=int, default=30, help="requests/s the server allows (0 = any)")
    parser.add_argument("--instant-core", action="store_true", help="skip the model: front-end overhead only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    base = load_settings(llm_provider="none")
    workers = args.workers or base.telegram_workers
    if args.instant_core:
        service, label = QAService(_InstantChain(), [], 1000), "instant"
    else:
        from bot.service import build_service

        print("loading the answering core…", file=sys.stderr)
        service, label = build_service(base), "real"
        service.ask(DEFAULT_QUESTIONS[0], [])  # warm up
    rates = [args.flood_rate] if args.flood_rate is not None else [base.telegram_flood_rate, 0.0]
    rows = [run_once(service, label, args.chats, args.rounds, rate, workers, args.server_limit) for rate in rates]
    print(f"\nTelegram front end over loopback HTTP: {args.chats} chats x {args.rounds} questions, {workers} worker(s)\n")
    print_table(rows)
    return 0 if all(r["complete"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
