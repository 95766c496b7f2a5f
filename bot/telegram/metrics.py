"""Prometheus metrics of the Telegram bot, in a registry of its own (no global state)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 40.0)


class Metrics:
    """answers, refusals, answer latency (seconds), flood waits and errors."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.answers = Counter("qa_answers", "Answers delivered", ["mode"], registry=self.registry)
        self.refusals = Counter("qa_refusals", "Answers saying the article does not tell", registry=self.registry)
        self.latency = Histogram(
            "qa_answer_seconds", "From the question's arrival to its answer's delivery",
            buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self.flood_waits = Counter("telegram_flood_waits", "429 flood-control answers waited out",
                                   registry=self.registry)
        self.errors = Counter("telegram_errors", "Errors while handling an update", registry=self.registry)
        self.feedback = Counter("qa_feedback", "Feedback presses recorded", ["vote"], registry=self.registry)

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)
