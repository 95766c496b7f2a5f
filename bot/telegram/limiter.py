"""A client-side Bot API rate limiter that never exceeds Telegram's flood limits.

Telegram allows about 30 requests a second overall and 20 messages a minute per group. PTB's
`AIORateLimiter` is a leaky bucket that starts full, so a burst briefly sends twice the rate and
collects 429s. This limiter counts every request that is in flight or finished less than a window
ago: since a request reaches the server before it finishes, no server-side window of that length
can ever see more than the limit, whatever the network delay.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

logger = logging.getLogger(__name__)

GROUP_PER_MINUTE = 20


class _Window:
    """At most `limit` requests in flight or finished within the last `seconds`, served in FIFO order."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._finished: deque[float] = deque()
        self._in_flight = 0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait for a slot and take it."""
        async with self._lock:
            while True:
                now = time.monotonic()
                while self._finished and self._finished[0] <= now - self.seconds:
                    self._finished.popleft()
                if self._in_flight + len(self._finished) < self.limit:
                    self._in_flight += 1
                    return
                delay = self._finished[0] + self.seconds - now if self._finished else 0.005
                await asyncio.sleep(max(delay, 0.001))

    def release(self) -> None:
        """The request finished (its slot frees a window later)."""
        self._in_flight -= 1
        self._finished.append(time.monotonic())

    def busy(self) -> bool:
        """Whether half the window is used or someone waits for a slot."""
        now = time.monotonic()
        recent = sum(1 for t in self._finished if t > now - self.seconds)
        return self._lock.locked() or self._in_flight + recent >= self.limit // 2

    @property
    def idle(self) -> bool:
        """Whether the window holds nothing (it can be dropped)."""
        return self._in_flight == 0 and not self._finished and not self._lock.locked()


class StrictRateLimiter(BaseRateLimiter[None]):
    """`per_second` requests overall (0 = no limit), 20 a minute per group; 429s waited out."""

    def __init__(
        self,
        per_second: float = 30.0,
        max_retries: int = 3,
        on_flood_wait: Callable[[float], None] | None = None,
        group_per_minute: int = GROUP_PER_MINUTE,
    ) -> None:
        self.per_second = per_second
        self.max_retries = max_retries
        self.on_flood_wait = on_flood_wait
        self.group_per_minute = group_per_minute
        self._overall: _Window | None = None
        self._groups: dict[int | str, _Window] = {}
        self._unpaused: asyncio.Event | None = None

    async def initialize(self) -> None:
        """Create the windows on the running loop (once: PTB may call this more than once)."""
        if self._unpaused is not None:
            return
        self._overall = _Window(int(self.per_second), 1.0) if self.per_second > 0 else None
        self._unpaused = asyncio.Event()
        self._unpaused.set()

    def congested(self) -> bool:
        """Whether requests are queueing or half the overall budget is used (then cosmetic requests,
        such as "typing…", are better skipped: every slot is worth an answer)."""
        return self._overall is not None and self._overall.busy()

    async def shutdown(self) -> None:
        """Nothing to release."""

    def _group_window(self, chat_id: object) -> _Window | None:
        if self.per_second <= 0 or self.group_per_minute <= 0:
            return None
        if not ((isinstance(chat_id, int) and chat_id < 0) or (isinstance(chat_id, str) and chat_id.startswith("@"))):
            return None
        window = self._groups.get(chat_id)  # type: ignore[arg-type]
        if window is None:
            for key in [k for k, w in self._groups.items() if w.idle]:
                del self._groups[key]
            window = self._groups[chat_id] = _Window(self.group_per_minute, 60.0)  # type: ignore[index]
        return window

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for a slot in the group's and the overall window, send, and retry after a 429."""
        if self._unpaused is None:
            await self.initialize()
        group = self._group_window(data.get("chat_id")) if endpoint in _COUNTED_BY_GROUP else None
        for attempt in range(self.max_retries + 1):
            await self._unpaused.wait()  # type: ignore[union-attr]
            if group is not None:
                await group.acquire()
            if self._overall is not None:
                await self._overall.acquire()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = exc.retry_after if isinstance(exc.retry_after, int | float) else exc.retry_after.total_seconds()
                if self.on_flood_wait is not None:
                    self.on_flood_wait(float(wait))
                if attempt >= self.max_retries:
                    raise
                logger.warning("Flood control: waiting %.1f s before retrying %s", wait, endpoint)
                self._unpaused.clear()  # type: ignore[union-attr]
                try:
                    await asyncio.sleep(float(wait) + 0.1)
                finally:
                    self._unpaused.set()  # type: ignore[union-attr]
            finally:
                if self._overall is not None:
                    self._overall.release()
                if group is not None:
                    group.release()
        raise AssertionError("unreachable")


_COUNTED_BY_GROUP = {"sendMessage", "editMessageText", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"}
