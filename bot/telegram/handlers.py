"""The bot's update callbacks (python-telegram-bot v22 style: one job each, one-line docstrings)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.telegram.addressing import (
    addressed_to_bot,
    command_argument,
    conversation_key,
    is_private,
    replies_to_bot,
    strip_mention,
)
from bot.telegram.delivery import Target, send
from bot.telegram.formatting import esc
from bot.telegram.frontend import FEEDBACK_PREFIX, frontend, update_key
from bot.telegram.texts import text

logger = logging.getLogger("bot.telegram")

EXAMPLE_PREFIX = "ex:"

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def in_order(callback: Callback) -> Callback:
    """Run a handler under its conversation's lock (taken before any await)."""

    @functools.wraps(callback)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        front = frontend(context)
        async with front.in_order(conversation_key(update)):
            await callback(update, context)

    return wrapper


# -- the durable inbox (handler groups -2 and 100 around everything else) -------------------------


async def record_arrival(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record the update in the durable inbox; drop a redelivery of one recorded before."""
    front = frontend(context)
    key = update_key(update)
    if front.state.inbox_add(key, update.to_dict()):
        return
    if key in front.replaying:  # re-queued from the inbox at start-up: answer it now
        front.replaying.discard(key)
        return
    logger.info("Dropping update %s: already handled or being handled", update.update_id)
    raise ApplicationHandlerStop


async def mark_handled(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Close the update's inbox entry once every handler is done with it."""
    frontend(context).state.inbox_done(update_key(update))


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Drop other bots' messages and channel posts, and refuse users outside the allow-list."""
    front = frontend(context)
    user = update.effective_user
    if (user is not None and user.is_bot) or update.channel_post or update.edited_channel_post:
        front.state.inbox_done(update_key(update))
        raise ApplicationHandlerStop
    if front.is_allowed(update):
        return
    front.state.inbox_done(update_key(update))
    logger.info("Refused update from user=%s chat=%s (not in the allow-list)",
                getattr(user, "id", None), getattr(update.effective_chat, "id", None))
    if update.callback_query is not None:
        await update.callback_query.answer(text("not_allowed"), show_alert=True)
    elif update.effective_chat is not None and update.edited_message is None and addressed_to_bot(update, context):
        await send(context.bot, Target.of(update), text("not_allowed"))
    raise ApplicationHandlerStop


# -- commands -----------------------------------------------------------------------------------


@in_order
async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the user, name the known articles and offer example questions."""
    front = frontend(context)
    articles = front.service.articles
    lines = "\n".join(text("article_line", title=esc(a.title), source=esc(a.source)) for a in articles)
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
    await send(context.bot, Target.of(update), welcome, markup)


@in_order
async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to use the bot."""
    await send(context.bot, Target.of(update), text("help", mention=esc(f"@{context.bot.username}")))


@in_order
async def source_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List each known article's title and source."""
    articles = frontend(context).service.articles
    lines = [text("source_line", title=esc(a.title), source=esc(a.source)) for a in articles]
    body = "\n".join([text("source_header"), *lines]) if lines else text("no_articles")
    await send(context.bot, Target.of(update), body)


@in_order
async def reset_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forget this conversation (and delete it from the state file)."""
    frontend(context).state.reset(conversation_key(update))
    await send(context.bot, Target.of(update), text("reset_done"))


@in_order
async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the question given after /ask."""
    front = frontend(context)
    question = " ".join(context.args or []).strip()
    if not question:
        examples = front.service.example_questions(1)
        usage = text("ask_usage", example=esc(examples[0])) if examples else text("ask_usage_plain")
        await send(context.bot, Target.of(update), usage)
        return
    await front.answer_question(update, context, question)


# -- messages -----------------------------------------------------------------------------------


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
            await send(context.bot, Target.of(update), text("empty_mention"))
            return
    await front.answer_question(update, context, question)


@in_order
async def edited_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer an edited question again, replying to it; edits of old messages are ignored."""
    front = frontend(context)
    message = update.edited_message
    ttl = front.settings.chat_history_ttl
    if ttl > 0 and (datetime.now(UTC) - message.date).total_seconds() > ttl:
        logger.debug("Ignoring an edit of a message older than the conversation TTL in chat %s", message.chat_id)
        return
    content = (message.text or "").strip()
    if content.startswith("/"):
        question = command_argument(content, "ask", context.bot.username or "")
    elif is_private(update):
        question = content
    else:
        mentioned, question = strip_mention(message, context.bot.username)
        if not (mentioned or replies_to_bot(message, context.bot.id)):
            return
    if question:
        await front.answer_question(update, context, question, edited=True)


@in_order
async def non_text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain politely that only text questions are understood."""
    message = update.effective_message
    if not is_private(update) and not replies_to_bot(message, context.bot.id):
        mentioned, _ = strip_mention(message, context.bot.username)
        if not mentioned:
            return
    kinds = [
        (message.sticker, "kind_sticker"),
        (message.photo, "kind_photo"),
        (message.voice, "kind_voice"),
        (message.audio, "kind_audio"),
        (message.video or message.video_note or message.animation, "kind_video"),
        (message.document, "kind_document"),
    ]
    kind = next((k for present, k in kinds if present), "kind_other")
    await send(context.bot, Target.of(update), text("non_text", kind=text(kind)))


# -- buttons ------------------------------------------------------------------------------------


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
        await send(context.bot, Target.of(update), text("example_gone"))
        return
    await front.answer_question(update, context, question, echo=True)


async def feedback_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record a 👍/👎 press once per user and answer, and acknowledge it with a toast."""
    query = update.callback_query
    front = frontend(context)
    vote, _, answer_key = query.data.removeprefix(FEEDBACK_PREFIX).partition(":")
    recorded = front.state.record_feedback(answer_key, query.from_user.id, 1 if vote == "+" else -1)
    if recorded:
        front.metrics.feedback.labels(vote="up" if vote == "+" else "down").inc()
    toast = {True: "feedback_thanks", False: "feedback_again", None: "feedback_gone"}[recorded]
    await query.answer(text(toast))


# -- errors -------------------------------------------------------------------------------------


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error (the token is redacted by the log filter) and apologise in the question's topic."""
    logger.error("Error while handling an update", exc_info=context.error)
    front = frontend(context)
    front.metrics.errors.inc()
    if isinstance(update, Update):
        front.state.inbox_done(update_key(update))
        if update.effective_chat is not None:
            try:
                await send(context.bot, Target.of(update, quote=False), text("error"))
            except TelegramError as exc:
                logger.warning("Could not tell the user about the error: %s", exc)
