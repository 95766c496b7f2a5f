"""The HTTP transport of the bot's Bot API requests, with one job: tell a delivering task the moment
its request has been written to the socket.

`BEFORE_SEND` is set by a task that delivers an answer; the transport calls it when httpcore has
written the whole request (its `send_request_body.complete` trace event), and the answer is marked
delivered then. A `kill -9` before that leaves the question pending, so it is answered after the
restart (a request cut off half-written is no message to Telegram); a kill after the mark finds it
done (the kernel still sends what was written). Only a kill between a request's last bytes entering the
socket and its mark sends an answer twice; none is lost. That window is one event-loop turn: anyio
yields once after each socket write, before httpcore reports the body complete, so every answer whose
request was written in that turn may go twice (a few in a burst over many chats, measured by
tests/test_telegram_durable.py). (Marking when the request *started* to be written, as an earlier
version did, lost the answer in that window instead: a user who gets an answer twice is better off
than one who gets none.)
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

import httpx

BEFORE_SEND: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar("before_send", default=None)
_WRITTEN = "send_request_body.complete"


class DeliveryTransport(httpx.AsyncHTTPTransport):
    """httpx's transport, calling the task's `BEFORE_SEND` hook once its whole request is written."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request; the hook (if any) runs once all of it is written (one event-loop turn later)."""
        hook = BEFORE_SEND.get()
        if hook is not None:

            async def trace(event: str, info: dict[str, Any]) -> None:
                if event.endswith(_WRITTEN):
                    hook()

            request.extensions = {**request.extensions, "trace": trace}
        return await super().handle_async_request(request)
