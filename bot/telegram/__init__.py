"""Telegram front end of the article QA bot (python-telegram-bot v22)."""

from bot.telegram.startup import (
    TelegramFrontEnd,
    build_application,
    get_frontend,
    request_stop,
    run_application,
    run_telegram,
)

__all__ = [
    "TelegramFrontEnd",
    "build_application",
    "get_frontend",
    "request_stop",
    "run_application",
    "run_telegram",
]
