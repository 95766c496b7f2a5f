"""Start-up: the python-telegram-bot Application (builder, handlers, post_init) and the
polling/webhook runner."""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
import sys
from collections.abc import Callable
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.request import HTTPXRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.service import QAService
from bot.settings import Settings
from bot.telegram import admin, handlers
from bot.telegram.frontend import FEEDBACK_PREFIX, FRONTEND_KEY, TelegramFrontEnd, update_key
from bot.telegram.limiter import StrictRateLimiter
from bot.telegram.logs import configure_logging
from bot.telegram.texts import COMMAND_DESCRIPTIONS
from bot.telegram.transport import DeliveryTransport
from bot.telegram.webhook import serve_webhook

logger = logging.getLogger("bot.telegram")

ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]


async def post_init(application: Application) -> None:
    """Open the state file, register the command menu and re-queue questions left unanswered."""
    front: TelegramFrontEnd = application.bot_data[FRONTEND_KEY]
    front.loop = asyncio.get_running_loop()
    front.state.open()
    front.state.purge()
    front.state.inbox_trim()
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMAND_DESCRIPTIONS])
    pending = front.state.inbox_pending()
    for payload in pending:
        update = Update.de_json(payload, application.bot)
        front.replaying.add(update_key(update))
        application.update_queue.put_nowait(update)
    if pending:
        logger.info("Answering %d update(s) left unanswered when the bot last stopped", len(pending))
    logger.info(
        "Telegram bot @%s ready (%d article(s), %d worker(s))",
        application.bot.username,
        len(front.service.articles),
        front.settings.telegram_workers,
    )


async def post_shutdown(application: Application) -> None:
    """Close the state file and release the worker pool."""
    front: TelegramFrontEnd = application.bot_data[FRONTEND_KEY]
    front.state.close()
    front.executor.shutdown(wait=False, cancel_futures=True)
    front.admin_executor.shutdown(wait=False, cancel_futures=True)
    if front.loop is not None:  # post_init ran, so the bot had really started
        logger.info("Telegram bot stopped")


def build_application(settings: Settings, service: QAService) -> Application:
    """The configured python-telegram-bot Application (not started)."""
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value().strip():
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    token = settings.telegram_bot_token.get_secret_value().strip()
    front = TelegramFrontEnd(settings, service)
    limiter = StrictRateLimiter(
        per_second=settings.telegram_flood_rate,
        max_retries=settings.telegram_flood_retries,
        on_flood_wait=lambda seconds: front.metrics.flood_waits.inc(),
    )
    application = (
        Application.builder()
        .token(token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_url.replace("/bot", "/file/bot"))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(True)
        .rate_limiter(limiter)
        .request(HTTPXRequest(connection_pool_size=256, httpx_kwargs={"transport": DeliveryTransport()}))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data[FRONTEND_KEY] = front

    private_or_group = filters.ChatType.PRIVATE | filters.ChatType.GROUPS
    new_messages = filters.UpdateType.MESSAGE & private_or_group
    edited = filters.UpdateType.EDITED_MESSAGE & private_or_group
    application.add_handler(TypeHandler(Update, handlers.record_arrival), group=-2)
    application.add_handler(TypeHandler(Update, handlers.gate), group=-1)
    application.add_handler(CommandHandler("start", handlers.start, filters=new_messages))
    application.add_handler(CommandHandler("help", handlers.help_command, filters=new_messages))
    application.add_handler(CommandHandler("source", handlers.source_command, filters=new_messages))
    application.add_handler(CommandHandler("reset", handlers.reset_command, filters=new_messages))
    application.add_handler(CommandHandler("ask", handlers.ask_command, filters=new_messages))
    application.add_handler(CommandHandler("add", admin.add_command, filters=new_messages))
    application.add_handler(CommandHandler("articles", admin.articles_command, filters=new_messages))
    application.add_handler(CommandHandler("remove", admin.remove_command, filters=new_messages))
    application.add_handler(CallbackQueryHandler(handlers.example_button, pattern=f"^{handlers.EXAMPLE_PREFIX}"))
    application.add_handler(CallbackQueryHandler(handlers.feedback_button, pattern=f"^{FEEDBACK_PREFIX}"))
    application.add_handler(MessageHandler(new_messages & filters.TEXT & ~filters.COMMAND, handlers.text_message))
    application.add_handler(MessageHandler(edited & filters.TEXT, handlers.edited_text))
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND, handlers.help_command)
    )
    application.add_handler(MessageHandler(new_messages & filters.Document.ALL, admin.document_message))
    application.add_handler(
        MessageHandler(
            new_messages
            & ~filters.TEXT
            & ~filters.StatusUpdate.ALL
            & (
                filters.Sticker.ALL
                | filters.PHOTO
                | filters.VOICE
                | filters.AUDIO
                | filters.VIDEO
                | filters.VIDEO_NOTE
                | filters.ANIMATION
                | filters.Document.ALL
                | filters.LOCATION
                | filters.CONTACT
                | filters.POLL
                | filters.Dice.ALL
            ),
            handlers.non_text_message,
        )
    )
    application.add_handler(TypeHandler(Update, handlers.mark_handled), group=100)
    application.add_error_handler(handlers.error_handler)
    return application


def get_frontend(application: Application) -> TelegramFrontEnd:
    """The front end of an application made by `build_application`."""
    return application.bot_data[FRONTEND_KEY]


def request_stop(application: Application) -> None:
    """Stop a running application from any thread (graceful: state is saved)."""
    front = get_frontend(application)
    loop = front.loop
    if loop is None or loop.is_closed():
        return
    if front.stop_event is not None:  # webhook mode: our own server loop
        loop.call_soon_threadsafe(front.stop_event.set)
    else:
        loop.call_soon_threadsafe(loop.stop)


def run_application(application: Application, settings: Settings, *, stop_signals=None) -> None:
    """Run until stopped: webhook mode (with /healthz and /metrics) when `telegram_webhook_url` is set,
    else polling."""
    # A fresh loop per run: PTB closes it at the end, and a closed loop cannot be reused.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    if not settings.telegram_webhook_url:
        logger.info("Starting long polling against %s", _safe_base(settings.telegram_base_url))
        kwargs = {} if stop_signals is None else {"stop_signals": stop_signals}
        application.run_polling(allowed_updates=ALLOWED_UPDATES, **kwargs)
        return
    secret = (
        settings.telegram_webhook_secret.get_secret_value()
        if settings.telegram_webhook_secret
        else secrets.token_urlsafe(32)
    )
    if settings.telegram_webhook_secret is None:
        logger.warning("TELEGRAM_WEBHOOK_SECRET is not set; using a random secret for this run")
    url_path = urlparse(settings.telegram_webhook_url).path.lstrip("/")
    logger.info("Starting webhook on %s:%d (path /%s, /healthz, /metrics)",
                settings.telegram_webhook_listen, settings.telegram_webhook_port, url_path)
    front = get_frontend(application)
    front.stop_event = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM) if stop_signals is None else stop_signals:
        loop.add_signal_handler(sig, front.stop_event.set)
    try:
        loop.run_until_complete(
            serve_webhook(
                application,
                listen=settings.telegram_webhook_listen,
                port=settings.telegram_webhook_port,
                url_path=url_path,
                webhook_url=settings.telegram_webhook_url,
                secret=secret,
                allowed_updates=ALLOWED_UPDATES,
                metrics=front.metrics,
                stop=front.stop_event,
            )
        )
    finally:
        loop.close()


def _safe_base(url: str) -> str:
    """The Bot API base URL without credentials, for logs."""
    parsed = urlparse(url)
    return f"{parsed.scheme}://{parsed.hostname}{':' + str(parsed.port) if parsed.port else ''}{parsed.path}"


def run_telegram(
    settings: Settings,
    service: QAService | Callable[[], QAService],
    *,
    stop_signals=None,
    on_ready: Callable[[Application], None] | None = None,
) -> int:
    """Run the bot until stopped; returns the process exit code (0 ok, 1 refused token, 2 no token).

    `service` may be a zero-argument factory so that a missing token is reported before the
    (slow) core is loaded. `on_ready` receives the application before it starts (tests use it).
    """
    token = settings.telegram_bot_token.get_secret_value().strip() if settings.telegram_bot_token else ""
    if not token:
        print(
            "error: TELEGRAM_BOT_TOKEN is not set; put TELEGRAM_BOT_TOKEN=<token from @BotFather> in .env",
            file=sys.stderr,
        )
        return 2
    secrets_to_hide = [token]
    if settings.llm_api_key is not None and settings.llm_api_key.get_secret_value().strip():
        secrets_to_hide.append(settings.llm_api_key.get_secret_value().strip())
    if settings.telegram_webhook_secret:
        secrets_to_hide.append(settings.telegram_webhook_secret.get_secret_value())
    configure_logging(secrets_to_hide, settings.log_level)
    if not isinstance(service, QAService) and callable(service):
        service = service()
    application = build_application(settings, service)
    if on_ready is not None:
        on_ready(application)
    try:
        run_application(application, settings, stop_signals=stop_signals)
    except InvalidToken:
        print(
            "error: the Bot API server rejected TELEGRAM_BOT_TOKEN (401 Unauthorized); "
            "check the token from @BotFather",
            file=sys.stderr,
        )
        return 1
    except NetworkError as exc:
        message = str(exc).replace(token, "[REDACTED]")
        print(
            f"error: cannot reach the Bot API server at {_safe_base(settings.telegram_base_url)}: {message}",
            file=sys.stderr,
        )
        return 1
    except TelegramError as exc:
        message = str(exc).replace(token, "[REDACTED]")
        print(f"error: Telegram refused to start the bot: {message}", file=sys.stderr)
        return 1
    finally:
        frontend_ = application.bot_data.get(FRONTEND_KEY)
        if frontend_ is not None:
            frontend_.executor.shutdown(wait=False, cancel_futures=True)
    return 0
