"""Operator logging for the Telegram bot: quiet httpx, and never a secret in any log line."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

REDACTED = "[REDACTED]"


class RedactingFilter(logging.Filter):
    """Replaces the bot token (and other secrets) in every record's message and traceback."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(s) for s in self.secrets)) if self.secrets else None

    def redact(self, value: str) -> str:
        """The string with every secret replaced."""
        return self._pattern.sub(REDACTED, value) if self._pattern else value

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place so that no handler can print a secret; never drops it."""
        if self._pattern is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what we can
            message = str(record.msg)
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class DropStartupTraceback(logging.Filter):
    """PTB logs a traceback when getMe fails at start-up; `run_telegram` reports it in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Drop only PTB's start-up failure records (refused token, unreachable server)."""
        from telegram.error import InvalidToken, TelegramError

        exc = record.exc_info[1] if record.exc_info else None
        if not isinstance(exc, TelegramError) or not record.name.startswith("telegram"):
            return True
        return not (isinstance(exc, InvalidToken) or "Bootstrap Initialize" in record.getMessage())


def configure_logging(secrets: Iterable[str], level: str | int = "INFO") -> RedactingFilter:
    """Set up operator logs: a root handler if none, httpx silenced, secrets redacted everywhere."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
            level=level if isinstance(level, int) else str(level).upper(),
        )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    redactor = RedactingFilter(secrets)
    quiet = DropStartupTraceback()
    for handler in root.handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter | DropStartupTraceback)]:
            handler.removeFilter(old)
        # Order matters: decide on dropping while the exception is still attached.
        handler.addFilter(quiet)
        handler.addFilter(redactor)
    return redactor


def remove_logging_filters() -> None:
    """Detach this module's filters from the root handlers (used when a run ends)."""
    for handler in logging.getLogger().handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter | DropStartupTraceback)]:
            handler.removeFilter(old)
