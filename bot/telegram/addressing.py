"""Who a message is for: private chats, mentions and replies in groups, forum topics."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatType, MessageEntityType
from telegram.ext import ContextTypes


def is_private(update: Update) -> bool:
    """Whether the update comes from a private chat."""
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


def topic_of(message: Message | None) -> int | None:
    """The forum topic (message_thread_id) a message belongs to; None outside topics."""
    if message is None or not message.is_topic_message:
        return None
    return message.message_thread_id


def conversation_key(update: Update) -> str:
    """Memory key: the chat in private chats, (chat, user) in groups, (chat, topic, user) in topics."""
    chat = update.effective_chat
    user = update.effective_user
    if chat is None:
        return f"user:{user.id if user else 0}"
    if chat.type == ChatType.PRIVATE or user is None:
        return str(chat.id)
    topic = topic_of(update.effective_message)
    return f"{chat.id}:{user.id}" if topic is None else f"{chat.id}:t{topic}:{user.id}"


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


def command_argument(text: str, command: str, username: str) -> str | None:
    """The text after `/command` or `/command@username`; None if `text` is another command or none."""
    head, _, rest = text.strip().partition(" ")
    name, _, target = head[1:].partition("@")
    if not text.startswith("/") or name.lower() != command or (target and target.lower() != username.lower()):
        return None
    return rest.strip()
