"""Sending to the right place: the question's chat, its forum topic, as a reply when wanted."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Bot, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import TelegramError

from bot.telegram.addressing import topic_of

logger = logging.getLogger(__name__)

TYPING_EVERY = 4.0  # Telegram shows "typing…" for about 5 seconds


@dataclass(frozen=True)
class Target:
    """Where the messages for one question go: chat, forum topic (or None), message to reply to."""

    chat_id: int
    thread_id: int | None = None
    reply_to: int | None = None

    @classmethod
    def of(cls, update: Update, *, quote: bool | None = None) -> Target:
        """The target of an update's messages; `quote` defaults to replying in groups only."""
        chat = update.effective_chat
        message = update.effective_message
        if quote is None:
            quote = chat is not None and chat.type != ChatType.PRIVATE
        from_user = update.callback_query is None  # a button press has no question message to quote
        return cls(
            chat_id=chat.id if chat is not None else 0,
            thread_id=topic_of(message),
            reply_to=message.message_id if (quote and from_user and message is not None) else None,
        )

    def unquoted(self) -> Target:
        """The same chat and topic, not replying (continuation parts)."""
        return Target(self.chat_id, self.thread_id, None)


async def send(bot: Bot, target: Target, html: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    """Send one HTML message to the target's chat and topic (a reply when it has one)."""
    kwargs = {}
    if target.reply_to is not None:
        kwargs["reply_parameters"] = ReplyParameters(message_id=target.reply_to, allow_sending_without_reply=True)
    return await bot.send_message(
        chat_id=target.chat_id,
        text=html,
        parse_mode=ParseMode.HTML,
        message_thread_id=target.thread_id,
        reply_markup=markup,
        **kwargs,
    )


async def edit(bot: Bot, message: Message, html: str, markup: InlineKeyboardMarkup | None = None) -> bool:
    """Replace a message's text (HTML); False if Telegram refused the edit."""
    try:
        await bot.edit_message_text(
            chat_id=message.chat_id, message_id=message.message_id, text=html, parse_mode=ParseMode.HTML,
            reply_markup=markup,
        )
    except TelegramError as exc:
        if "not modified" in str(exc).lower():
            return True
        logger.warning("Could not edit a streamed answer: %s", exc)
        return False
    return True


async def keep_typing(bot: Bot, target: Target, after: float, skip: Callable[[], bool] = lambda: False) -> None:
    """Show "typing…" in the target's topic from `after` seconds on, every few seconds, until cancelled;
    a round is skipped while `skip()` says the request budget is needed for answers."""
    await asyncio.sleep(after)
    while True:
        if skip():
            await asyncio.sleep(0.5)
            continue
        try:
            await bot.send_chat_action(chat_id=target.chat_id, action=ChatAction.TYPING,
                                       message_thread_id=target.thread_id)
        except TelegramError as exc:
            logger.debug("send_chat_action failed: %s", exc)
        await asyncio.sleep(TYPING_EVERY)
