"""The HTTP transport of the bot's Bot API requests, with one job: tell a delivering task the moment
its request is about to be written to the socket.

`BEFORE_SEND` is set by a task that delivers an answer; the transport calls it when httpcore
starts writing the request (its `send_request_headers.started` trace event): after any wait for
the rate limiter or a pooled connection, one event-loop step before the bytes leave. The answer is
marked delivered at that instant, so a `kill -9` before it leaves the question pending (answered
after the restart) and a kill after it finds the question done (the kernel still sends what was
written): nothing is answered twice; only a kill inside that one step loses the answer.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

import httpx

BEFORE_SEND: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar("before_send", default=None)
_WRITING = "send_request_headers.started"


class DeliveryTransport(httpx.AsyncHTTPTransport):
    """httpx's transport, calling the task's `BEFORE_SEND` hook once its request body is written."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request; the hook (if any) runs as soon as it is on the wire."""
        hook = BEFORE_SEND.get()
        if hook is not None:

            async def trace(event: str, info: dict[str, Any]) -> None:
                if event.endswith(_WRITING):
                    hook()

            request.extensions = {**request.extensions, "trace": trace}
        return await super().handle_async_request(request)
