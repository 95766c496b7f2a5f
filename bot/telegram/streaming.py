"""Showing a generated (LLM) answer while it is written: one message, edited at a bounded rate."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from concurrent.futures import Executor

from telegram import Bot, Message
from telegram.constants import ChatType

from bot.answer import Answer, Turn
from bot.service import QAService
from bot.telegram.delivery import Target, edit, send
from bot.telegram.formatting import render_answer

EDIT_EVERY = 1.0  # seconds between edits of a streamed answer in a private chat
EDIT_EVERY_GROUP = 3.0  # in groups Telegram allows about 20 messages (edits included) a minute
STREAM_MARK = " …"  # shown after the text of an answer that is still being generated


def edit_interval(chat_type: str) -> float:
    """Seconds between edits in this kind of chat."""
    return EDIT_EVERY if chat_type == ChatType.PRIVATE else EDIT_EVERY_GROUP


async def stream_answer(
    bot: Bot,
    executor: Executor,
    service: QAService,
    target: Target,
    question: str,
    history: Sequence[Turn],
    echo: str | None,
    note: str | None,
    every: float,
) -> tuple[Answer, Message | None]:
    """Stream the answer off the event loop, showing the text so far in one message (in the question's
    topic) edited at most once per `every` seconds; returns the answer and that message (or None)."""
    loop = asyncio.get_running_loop()
    items: asyncio.Queue = asyncio.Queue()

    def produce() -> None:
        try:
            for item in service.stream(question, list(history)):
                loop.call_soon_threadsafe(items.put_nowait, item)
        except BaseException as exc:  # noqa: BLE001 - re-raised on the event loop
            loop.call_soon_threadsafe(items.put_nowait, exc)

    worker = loop.run_in_executor(executor, produce)
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
        html = render_answer(Answer(question, text_so_far.strip() + STREAM_MARK, False), echo, note)[0]
        if html == shown:
            continue
        if preview is None:
            preview = await send(bot, target, html)
        else:
            await edit(bot, preview, html)
        shown, last = html, time.monotonic()
    await worker
    return answer, preview
