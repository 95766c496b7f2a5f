"""Entry points of the Telegram front end; the implementation lives in `bot.telegram`."""

from bot.telegram import build_application, run_telegram

__all__ = ["build_application", "run_telegram"]
