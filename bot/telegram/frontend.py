"""Answering one question in Telegram: ordering per conversation, typing only when slow, delivery
to the question's topic, durable state written as the answer goes out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.answer import Answer, Turn
from bot.chain import turn_of
from bot.service import QAService
from bot.settings import Settings
from bot.telegram.addressing import conversation_key
from bot.telegram.delivery import Target, edit, keep_typing, send
from bot.telegram.formatting import render_answer
from bot.telegram.limiter import StrictRateLimiter
from bot.telegram.metrics import Metrics
from bot.telegram.state import StateDB
from bot.telegram.streaming import edit_interval, stream_answer
from bot.telegram.texts import text
from bot.telegram.transport import BEFORE_SEND

logger = logging.getLogger("bot.telegram")

FRONTEND_KEY = "qa_frontend"
FEEDBACK_PREFIX = "fb:"
TYPING_AFTER = 0.5  # seconds: an answer ready sooner costs one request (no "typing…")


class TelegramFrontEnd:
    """State shared by the handlers: the core, the worker pool, durable state, locks and metrics."""

    def __init__(self, settings: Settings, service: QAService) -> None:
        self.settings = settings
        self.service = service
        self.executor = ThreadPoolExecutor(
            max_workers=max(1, settings.telegram_workers), thread_name_prefix="qa-worker"
        )
        self.admin_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qa-admin")
        salt = settings.telegram_feedback_salt.get_secret_value() if settings.telegram_feedback_salt else None
        self.state = StateDB(
            settings.telegram_state_db, settings.chat_history_turns, settings.chat_history_ttl,
            salt=salt, legacy_json=settings.telegram_state_file,
        )
        self.allowed = set(settings.telegram_allowed_ids)
        self.admins = set(settings.telegram_admin_ids)
        self.metrics = Metrics()
        self.replaying: set[str] = set()  # inbox keys of updates re-queued at start-up
        self._locks: dict[str, asyncio.Lock] = {}
        self._lock_users: dict[str, int] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stop_event: asyncio.Event | None = None  # webhook mode: set to stop the server
        # An LLM chain generates text progressively: show it as it comes (the extractive core does not).
        self.streams = bool(getattr(getattr(service, "_chain", None), "streams", False))

    @contextlib.asynccontextmanager
    async def in_order(self, key: str) -> AsyncIterator[None]:
        """Hold the conversation's lock, so its messages are handled one at a time, in arrival order
        (asyncio.Lock wakes waiters first-in first-out; idle locks are dropped)."""
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

    def is_allowed(self, update: Update) -> bool:
        """Whether the allow-list (if any) admits this user or chat."""
        if not self.allowed:
            return True
        ids = {getattr(update.effective_user, "id", None), getattr(update.effective_chat, "id", None)}
        return bool(ids & self.allowed)

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
        edited: bool = False,
    ) -> None:
        """Answer one question (the caller holds the conversation's lock) in the question's topic;
        "typing…" only if the answer takes longer than TYPING_AFTER."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None:
            return
        started = time.monotonic()
        bot = context.bot
        target = Target.of(update, quote=True if edited else None)
        key = conversation_key(update)
        wait = self.state.rate_check(user.id if user else chat.id, self.settings.telegram_rate_limit)
        if wait:
            limit = self.settings.telegram_rate_limit
            await send(bot, target, text("rate_limited", limit=limit, seconds=int(wait) + 1))
            return
        history = self.state.history(key)
        echo_text = question if echo else None
        note = text("edited_note") if edited else None
        limiter = getattr(bot, "rate_limiter", None)
        skip = limiter.congested if isinstance(limiter, StrictRateLimiter) else (lambda: False)
        typing = asyncio.create_task(keep_typing(bot, target, TYPING_AFTER, skip))
        preview: Message | None = None
        try:
            if self.streams:
                answer, preview = await stream_answer(
                    bot, self.executor, self.service, target, question, history, echo_text, note,
                    edit_interval(chat.type),
                )
            else:
                answer = await self.compute(question, history)
        finally:
            typing.cancel()
        answer_key = None if answer.error else secrets.token_urlsafe(9)
        markup = feedback_markup(answer_key) if answer_key else None
        parts = render_answer(answer, echo_text, note)
        committed = False

        def commit() -> None:
            """Remember the turn, keep the answer for feedback and close the inbox entry, once."""
            nonlocal committed
            if not committed:
                committed = True
                turn = None if answer.error else turn_of(answer)
                self.state.delivered(update_key(update), key, turn, answer_key, answer, chat.type)

        token = BEFORE_SEND.set(commit)
        try:
            if preview is not None:  # the streamed message becomes the answer's first part
                if not await edit(bot, preview, parts[0], markup if len(parts) == 1 else None):
                    await send(bot, target.unquoted(), parts[0], markup if len(parts) == 1 else None)
                parts, target = parts[1:], target.unquoted()
            for i, part in enumerate(parts):
                await send(bot, target, part, markup if i == len(parts) - 1 else None)
                target = target.unquoted()  # only the first part replies to the question
        finally:
            BEFORE_SEND.reset(token)
            commit()
        self.metrics.answers.labels(mode=answer.mode).inc()
        if not answer.found and not answer.error:
            self.metrics.refusals.inc()
        self.metrics.latency.observe(time.monotonic() - started)
        logger.info("Answered chat=%s found=%s error=%s in %.0f ms", chat.id, answer.found, bool(answer.error),
                    answer.ms)


def feedback_markup(answer_key: str) -> InlineKeyboardMarkup:
    """👍 / 👎 buttons for one answer (callback data well under Telegram's 64 bytes)."""
    return InlineKeyboardMarkup(
        [[
            InlineKeyboardButton(text("feedback_up"), callback_data=f"{FEEDBACK_PREFIX}+:{answer_key}"),
            InlineKeyboardButton(text("feedback_down"), callback_data=f"{FEEDBACK_PREFIX}-:{answer_key}"),
        ]]
    )


def update_key(update: Update) -> str:
    """An update's identity in the inbox: its id plus what it carries (chat, message and its date, edit,
    button press), so a redelivery matches and an id Telegram reuses after a quiet week does not (nor a
    different bot or server sharing the state file)."""
    message = update.effective_message
    parts = [
        update.update_id,
        message.chat_id if message else "",
        message.message_id if message else "",
        int(message.date.timestamp()) if message and message.date else "",
        int(message.edit_date.timestamp()) if message and message.edit_date else "",
        update.callback_query.id if update.callback_query else "",
    ]
    return ":".join(str(p) for p in parts)


def frontend(context: ContextTypes.DEFAULT_TYPE) -> TelegramFrontEnd:
    """The front end stored on the application."""
    return context.application.bot_data[FRONTEND_KEY]
