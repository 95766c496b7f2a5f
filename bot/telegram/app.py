"""The Telegram front end: handlers, application wiring and the polling/webhook runner."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import secrets
import sys
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, MessageEntityType, ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.answer import Answer, Turn
from bot.service import QAService
from bot.settings import Settings
from bot.telegram.formatting import esc, render_answer
from bot.telegram.logs import configure_logging
from bot.telegram.store import ConversationStore
from bot.telegram.texts import COMMAND_DESCRIPTIONS, text

logger = logging.getLogger("bot.telegram")

FRONTEND_KEY = "qa_frontend"
EXAMPLE_PREFIX = "ex:"
TYPING_EVERY = 4.0  # Telegram shows "typing…" for about 5 seconds
SAVE_DELAY = 1.0  # coalesce state-file writes
EDIT_EVERY = 1.0  # seconds between edits of a streamed (LLM) answer in a private chat
EDIT_EVERY_GROUP = 3.0  # in groups Telegram allows about 20 messages (edits included) a minute
STREAM_MARK = " …"  # shown after the text of an answer that is still being generated
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]


class RateLimiter:
    """A sliding one-minute window of questions per user."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._seen: dict[int, deque[float]] = defaultdict(deque)

    def check(self, user_id: int) -> float:
        """Record one question; 0 if allowed, else the seconds to wait."""
        if self.per_minute <= 0:
            return 0.0
        now = self._clock()
        window = self._seen[user_id]
        while window and now - window[0] >= 60.0:
            window.popleft()
        if len(window) >= self.per_minute:
            return max(1.0, 60.0 - (now - window[0]))
        window.append(now)
        return 0.0


class TelegramFrontEnd:
    """State shared by the handlers: the core, the worker pool, memory, locks and limits."""

    def __init__(self, settings: Settings, service: QAService) -> None:
        self.settings = settings
        self.service = service
        self.executor = ThreadPoolExecutor(
            max_workers=max(1, settings.telegram_workers), thread_name_prefix="qa-worker"
        )
        self.store = ConversationStore(
            settings.telegram_state_file, settings.chat_history_turns, settings.chat_history_ttl
        )
        self.allowed = set(settings.telegram_allowed_ids)
        self.rate = RateLimiter(settings.telegram_rate_limit)
        self._locks: dict[str, asyncio.Lock] = {}
        self._lock_users: dict[str, int] = {}
        self._save_handle: asyncio.TimerHandle | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        # An LLM chain generates text progressively: show it as it comes (the extractive core does not).
        self.streams = bool(getattr(getattr(service, "_chain", None), "streams", False))

    # -- conversations ----------------------------------------------------------------------

    @staticmethod
    def conversation_key(update: Update) -> str:
        """Per chat in private chats, per (chat, user) in groups."""
        chat = update.effective_chat
        user = update.effective_user
        if chat is None:
            return f"user:{user.id if user else 0}"
        if chat.type == ChatType.PRIVATE or user is None:
            return str(chat.id)
        return f"{chat.id}:{user.id}"

    @contextlib.asynccontextmanager
    async def in_order(self, key: str) -> AsyncIterator[None]:
        """Hold the conversation's lock, so its messages are handled one at a time, in order.

        asyncio.Lock wakes waiters first-in first-out, and the lock is taken before the handler's
        first await, so arrival order is processing order. Idle locks are dropped.
        """
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        self._lock_users[key] = self._lock_users.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._lock_users[key] -= 1
            if self._lock_users[key] == 0:
                del self._lock_users[key]
                del self._locks[key]

    def schedule_save(self) -> None:
        """Write the state file soon (coalescing bursts of changes)."""
        if self._save_handle is not None or self.loop is None:
            return
        self._save_handle = self.loop.call_later(SAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        """Write the state file now if anything changed."""
        if self._save_handle is not None:
            self._save_handle.cancel()
            self._save_handle = None
        if self.store.dirty:
            try:
                self.store.save()
            except OSError as exc:
                logger.error("Could not write the Telegram state file: %s", exc)

    def is_allowed(self, update: Update) -> bool:
        """Whether the allow-list (if any) admits this user or chat."""
        if not self.allowed:
            return True
        ids = {getattr(update.effective_user, "id", None), getattr(update.effective_chat, "id", None)}
        return bool(ids & self.allowed)

    # -- answering --------------------------------------------------------------------------

    async def compute(self, question: str, history: Sequence[Turn]) -> Answer:
        """Run the core off the event loop in the bounded worker pool."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self.service.ask, question, list(history))

    async def answer_question(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        question: str,
        *,
        echo: bool = False,
    ) -> None:
        """Answer one question (the caller holds the conversation's lock), typing meanwhile."""
        chat = update.effective_chat
        user = update.effective_user
        message = update.effective_message
        if chat is None:
            return
        key = self.conversation_key(update)
        wait = self.rate.check(user.id if user else chat.id)
        if wait:
            await self.reply(
                context,
                chat.id,
                text("rate_limited", limit=self.rate.per_minute, seconds=int(wait) + 1),
                message,
            )
            return
        first_typing = asyncio.Event()
        typing = asyncio.create_task(self._keep_typing(context, chat.id, first_typing))
        preview: Message | None = None
        try:
            history = self.store.history(key)
            if self.streams:
                every = EDIT_EVERY if chat.type == ChatType.PRIVATE else EDIT_EVERY_GROUP
                answer, preview = await self.compute_streaming(
                    context, chat.id, message, question, history, question if echo else None, every
                )
            else:
                answer = await self.compute(question, history)
        finally:
            try:
                await asyncio.wait_for(first_typing.wait(), timeout=2.0)
            except asyncio.TimeoutError:
                pass
            typing.cancel()
        logger.info(
            "Answered chat=%s found=%s error=%s in %.0f ms",
            chat.id,
            answer.found,
            bool(answer.error),
            answer.ms,
        )
        parts = render_answer(answer, question if echo else None)
        if preview is not None:  # the streamed message becomes the answer's first part
            if not await self.edit(context, preview, parts[0]):
                await self.reply(context, chat.id, parts[0])
            parts, message = parts[1:], None
        for part in parts:
            await self.reply(context, chat.id, part, message)
            message = None  # only the first part replies to the question
        if not answer.error:
            self.store.append(
                key,
                Turn(
                    question=question,
                    resolved=answer.resolved or question,
                    answer=answer.answer,
                    found=answer.found,
                ),
            )
            self.schedule_save()

    async def compute_streaming(
        self,
        context: ContextTypes.DEFAULT_TYPE,
        chat_id: int,
        reply_to: Message | None,
        question: str,
        history: Sequence[Turn],
        echo: str | None,
        every: float,
    ) -> tuple[Answer, Message | None]:
        """Stream the answer off the event loop, showing the text so far in one message edited at most
        once per `every` seconds; returns the final answer and that message (None if none was sent)."""
        loop = asyncio.get_running_loop()
        items: asyncio.Queue = asyncio.Queue()

        def produce() -> None:
            try:
                for item in self.service.stream(question, list(history)):
                    loop.call_soon_threadsafe(items.put_nowait, item)
            except BaseException as exc:  # noqa: BLE001 - re-raised on the event loop
                loop.call_soon_threadsafe(items.put_nowait, exc)

        worker = loop.run_in_executor(self.executor, produce)
        text_so_far, shown, last = "", "", 0.0
        preview: Message | None = None
        answer: Answer | None = None
        while answer is None:
            batch = [await items.get()]
            while not items.empty():
                batch.append(items.get_nowait())
            for item in batch:
                if isinstance(item, BaseException):
                    raise item
                if isinstance(item, Answer):
                    answer = item
                else:
                    text_so_far += item
            if answer is not None or not text_so_far.strip() or time.monotonic() - last < every:
                continue
            html = render_answer(Answer(question, text_so_far.strip() + STREAM_MARK, False), echo)[0]
            if html == shown:
                continue
            if preview is None:
                preview = await self.reply(context, chat_id, html, reply_to)
            else:
                await self.edit(context, preview, html)
            shown, last = html, time.monotonic()
        await worker
        return answer, preview

    @staticmethod
    async def edit(context: ContextTypes.DEFAULT_TYPE, message: Message, html: str) -> bool:
        """Replace a message's text (HTML); False if Telegram refused the edit."""
        try:
            await context.bot.edit_message_text(
                chat_id=message.chat_id, message_id=message.message_id, text=html, parse_mode=ParseMode.HTML
            )
        except TelegramError as exc:
            if "not modified" in str(exc).lower():
                return True
            logger.warning("Could not edit a streamed answer: %s", exc)
            return False
        return True

    async def _keep_typing(
        self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, first: asyncio.Event
    ) -> None:
        """Show "typing…" until cancelled."""
        try:
            while True:
                try:
                    await context.bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
                except TelegramError as exc:
                    logger.debug("send_chat_action failed: %s", exc)
                finally:
                    first.set()
                await asyncio.sleep(TYPING_EVERY)
        except asyncio.CancelledError:
            first.set()

    @staticmethod
    async def reply(
        context: ContextTypes.DEFAULT_TYPE,
        chat_id: int,
        html: str,
        reply_to: Message | None = None,
        reply_markup: InlineKeyboardMarkup | None = None,
    ) -> Message:
        """Send one HTML message (a reply to the question when there is one)."""
        kwargs = {}
        if reply_to is not None and reply_to.chat.type != ChatType.PRIVATE:
            kwargs["reply_parameters"] = ReplyParameters(
                message_id=reply_to.message_id, allow_sending_without_reply=True
            )
        return await context.bot.send_message(
            chat_id=chat_id,
            text=html,
            parse_mode=ParseMode.HTML,
            reply_markup=reply_markup,
            **kwargs,
        )


def frontend(context: ContextTypes.DEFAULT_TYPE) -> TelegramFrontEnd:
    """The front end stored on the application."""
    return context.application.bot_data[FRONTEND_KEY]


# -- addressing in groups -----------------------------------------------------------------------


def is_private(update: Update) -> bool:
    """Whether the update comes from a private chat."""
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


def strip_mention(message: Message, username: str) -> tuple[bool, str]:
    """(mentioned?, text without the @mention) for a group message."""
    content = message.text or message.caption or ""
    handle = f"@{username}".lower()
    mentioned = False
    pieces: list[str] = []
    last = 0
    entities = message.parse_entities([MessageEntityType.MENTION]) if message.text else {}
    for entity, value in sorted(entities.items(), key=lambda item: item[0].offset):
        if value.lower() == handle:
            mentioned = True
            pieces.append(content[last : _py_index(content, entity.offset)])
            last = _py_index(content, entity.offset + entity.length)
    if not mentioned and handle in content.lower():
        index = content.lower().index(handle)
        return True, (content[:index] + content[index + len(handle) :]).strip(" ,:،\n")
    pieces.append(content[last:])
    return mentioned, "".join(pieces).strip(" ,:،\n")


def _py_index(content: str, utf16_offset: int) -> int:
    """Convert a Telegram (UTF-16) offset into a Python string index."""
    encoded = content.encode("utf-16-le")
    return len(encoded[: utf16_offset * 2].decode("utf-16-le", errors="ignore"))


def replies_to_bot(message: Message, bot_id: int) -> bool:
    """Whether the message is a reply to one of the bot's messages."""
    original = message.reply_to_message
    return bool(original and original.from_user and original.from_user.id == bot_id)


def addressed_to_bot(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Private chat, a command, a mention of the bot or a reply to it."""
    message = update.effective_message
    if message is None:
        return update.callback_query is not None
    if is_private(update):
        return True
    if message.text and message.text.startswith("/"):
        return True
    mentioned, _ = strip_mention(message, context.bot.username)
    return mentioned or replies_to_bot(message, context.bot.id)


# -- callbacks ----------------------------------------------------------------------------------

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def in_order(callback: Callback) -> Callback:
    """Run a handler under its conversation's lock (taken before any await)."""

    @functools.wraps(callback)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        front = frontend(context)
        async with front.in_order(front.conversation_key(update)):
            await callback(update, context)

    return wrapper



async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Drop other bots' messages and refuse users outside the allow-list."""
    user = update.effective_user
    if user is not None and user.is_bot:
        raise ApplicationHandlerStop
    if update.edited_message is not None or update.edited_channel_post is not None:
        logger.debug("Ignoring an edited message in chat %s", update.effective_chat.id)
        raise ApplicationHandlerStop
    front = frontend(context)
    if front.is_allowed(update):
        return
    logger.info(
        "Refused update from user=%s chat=%s (not in the allow-list)",
        getattr(user, "id", None),
        getattr(update.effective_chat, "id", None),
    )
    if update.callback_query is not None:
        await update.callback_query.answer(text("not_allowed"), show_alert=True)
    elif update.effective_chat is not None and addressed_to_bot(update, context):
        await front.reply(context, update.effective_chat.id, text("not_allowed"), update.effective_message)
    raise ApplicationHandlerStop


@in_order
async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user, name the known articles and offer example questions."""
    front = frontend(context)
    articles = front.service.articles
    lines = "\n".join(
        text("article_line", title=esc(a.title), source=esc(a.source)) for a in articles
    )
    name = esc(update.effective_user.first_name) if update.effective_user else ""
    welcome = text(
        "welcome",
        name=name,
        count_phrase=text("count_one" if len(articles) == 1 else "count_many"),
        articles=lines or text("no_articles"),
    )
    examples = front.service.example_questions(3)
    markup = None
    if examples:
        welcome += "\n\n" + text("welcome_examples")
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(q, callback_data=f"{EXAMPLE_PREFIX}{i}")] for i, q in enumerate(examples)]
        )
    await front.reply(context, update.effective_chat.id, welcome, update.effective_message, markup)


@in_order
async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to use the bot."""
    front = frontend(context)
    mention = esc(f"@{context.bot.username}")
    await front.reply(context, update.effective_chat.id, text("help", mention=mention), update.effective_message)


@in_order
async def source_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List each known article's title and source."""
    front = frontend(context)
    lines = [text("source_line", title=esc(a.title), source=esc(a.source)) for a in front.service.articles]
    body = "\n".join([text("source_header"), *lines]) if lines else text("no_articles")
    await front.reply(context, update.effective_chat.id, body, update.effective_message)


@in_order
async def reset_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forget this conversation and delete it from the state file."""
    front = frontend(context)
    if front.store.reset(front.conversation_key(update)):
        front.save_now()
    await front.reply(context, update.effective_chat.id, text("reset_done"), update.effective_message)


@in_order
async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the question given after /ask."""
    front = frontend(context)
    question = " ".join(context.args or []).strip()
    if not question:
        examples = front.service.example_questions(1)
        usage = text("ask_usage", example=esc(examples[0])) if examples else text("ask_usage_plain")
        await front.reply(context, update.effective_chat.id, usage, update.effective_message)
        return
    await front.answer_question(update, context, question)


@in_order
async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a text: every text in private chats, only mentions and replies in groups."""
    front = frontend(context)
    message = update.effective_message
    if is_private(update):
        question = message.text.strip()
    else:
        mentioned, question = strip_mention(message, context.bot.username)
        if not (mentioned or replies_to_bot(message, context.bot.id)):
            return
        if not question:
            await front.reply(context, update.effective_chat.id, text("empty_mention"), message)
            return
    await front.answer_question(update, context, question)


@in_order
async def non_text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain politely that only text questions are understood."""
    message = update.effective_message
    if not is_private(update) and not replies_to_bot(message, context.bot.id):
        mentioned, _ = strip_mention(message, context.bot.username)
        if not mentioned:
            return
    if message.sticker:
        kind = "kind_sticker"
    elif message.photo:
        kind = "kind_photo"
    elif message.voice:
        kind = "kind_voice"
    elif message.audio:
        kind = "kind_audio"
    elif message.video or message.video_note or message.animation:
        kind = "kind_video"
    elif message.document:
        kind = "kind_document"
    else:
        kind = "kind_other"
    await frontend(context).reply(
        context, update.effective_chat.id, text("non_text", kind=text(kind)), message
    )


@in_order
async def example_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask the example question whose index the pressed button carries."""
    query = update.callback_query
    front = frontend(context)
    await query.answer()
    examples = front.service.example_questions(3)
    try:
        question = examples[int(query.data.removeprefix(EXAMPLE_PREFIX))]
    except (ValueError, IndexError):
        await front.reply(context, update.effective_chat.id, text("example_gone"))
        return
    await front.answer_question(update, context, question, echo=True)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error (the token is redacted by the log filter) and apologise to the user."""
    logger.error("Error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(chat_id=update.effective_chat.id, text=text("error"))
        except TelegramError as exc:
            logger.warning("Could not tell the user about the error: %s", exc)


async def post_init(application: Application) -> None:
    """Register the command menu and load the remembered conversations."""
    front: TelegramFrontEnd = application.bot_data[FRONTEND_KEY]
    front.loop = asyncio.get_running_loop()
    front.store.load()
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMAND_DESCRIPTIONS])
    logger.info(
        "Telegram bot @%s ready (%d article(s), %d worker(s))",
        application.bot.username,
        len(front.service.articles),
        front.settings.telegram_workers,
    )


async def post_shutdown(application: Application) -> None:
    """Persist the conversations and release the worker pool."""
    front: TelegramFrontEnd = application.bot_data[FRONTEND_KEY]
    front.save_now()
    front.executor.shutdown(wait=False, cancel_futures=True)
    if front.loop is not None:  # post_init ran, so the bot had really started
        logger.info("Telegram bot stopped")


# -- wiring -------------------------------------------------------------------------------------


def build_application(settings: Settings, service: QAService) -> Application:
    """The configured python-telegram-bot Application (not started)."""
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value().strip():
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    token = settings.telegram_bot_token.get_secret_value().strip()
    application = (
        Application.builder()
        .token(token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_url.replace("/bot", "/file/bot"))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(True)
        .rate_limiter(
            AIORateLimiter(
                overall_max_rate=getattr(settings, "telegram_flood_rate", 30.0),
                max_retries=getattr(settings, "telegram_flood_retries", 3),
            )
        )
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data[FRONTEND_KEY] = TelegramFrontEnd(settings, service)

    private_or_group = filters.ChatType.PRIVATE | filters.ChatType.GROUPS
    new_messages = filters.UpdateType.MESSAGE & private_or_group
    application.add_handler(TypeHandler(Update, gate), group=-1)
    application.add_handler(CommandHandler("start", start, filters=new_messages))
    application.add_handler(CommandHandler("help", help_command, filters=new_messages))
    application.add_handler(CommandHandler("source", source_command, filters=new_messages))
    application.add_handler(CommandHandler("reset", reset_command, filters=new_messages))
    application.add_handler(CommandHandler("ask", ask_command, filters=new_messages))
    application.add_handler(CallbackQueryHandler(example_button, pattern=f"^{EXAMPLE_PREFIX}"))
    application.add_handler(MessageHandler(new_messages & filters.TEXT & ~filters.COMMAND, text_message))
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND, help_command)
    )
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
            non_text_message,
        )
    )
    application.add_error_handler(error_handler)
    return application


def get_frontend(application: Application) -> TelegramFrontEnd:
    """The front end of an application made by `build_application`."""
    return application.bot_data[FRONTEND_KEY]


def request_stop(application: Application) -> None:
    """Stop a running application from any thread (graceful: state is saved)."""
    loop = get_frontend(application).loop
    if loop is not None and not loop.is_closed():
        loop.call_soon_threadsafe(loop.stop)


def run_application(application: Application, settings: Settings, *, stop_signals=None) -> None:
    """Run until stopped: webhook mode when `telegram_webhook_url` is set, else polling."""
    kwargs = {} if stop_signals is None else {"stop_signals": stop_signals}
    # A fresh loop per run: PTB closes it at the end, and a closed loop cannot be reused.
    asyncio.set_event_loop(asyncio.new_event_loop())
    if settings.telegram_webhook_url:
        secret = (
            settings.telegram_webhook_secret.get_secret_value()
            if settings.telegram_webhook_secret
            else secrets.token_urlsafe(32)
        )
        if settings.telegram_webhook_secret is None:
            logger.warning("TELEGRAM_WEBHOOK_SECRET is not set; using a random secret for this run")
        url_path = urlparse(settings.telegram_webhook_url).path.lstrip("/")
        logger.info(
            "Starting webhook on %s:%d (path /%s)",
            settings.telegram_webhook_listen,
            settings.telegram_webhook_port,
            url_path,
        )
        application.run_webhook(
            listen=settings.telegram_webhook_listen,
            port=settings.telegram_webhook_port,
            url_path=url_path,
            webhook_url=settings.telegram_webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            **kwargs,
        )
    else:
        logger.info("Starting long polling against %s", _safe_base(settings.telegram_base_url))
        application.run_polling(allowed_updates=ALLOWED_UPDATES, **kwargs)


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
