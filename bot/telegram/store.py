"""Conversation memory for the Telegram bot: bounded, expiring, persisted as JSON (no pickle)."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.answer import Turn

logger = logging.getLogger(__name__)

STATE_VERSION = 1


class ConversationStore:
    """Past turns per conversation key; only touched from the event-loop thread."""

    def __init__(
        self,
        path: Path | None,
        max_turns: int,
        ttl: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path) if path else None
        self.max_turns = max(0, int(max_turns))
        self.ttl = float(ttl)
        self._clock = clock
        self._data: dict[str, dict[str, Any]] = {}
        self.dirty = False

    # -- memory -----------------------------------------------------------------------------

    def _expired(self, entry: dict[str, Any], now: float) -> bool:
        """Whether a conversation has been quiet for longer than the TTL."""
        return self.ttl > 0 and now - float(entry.get("updated", 0)) > self.ttl

    def history(self, key: str) -> list[Turn]:
        """The live turns of one conversation, oldest first (expired ones are forgotten)."""
        entry = self._data.get(key)
        if entry is None:
            return []
        if self._expired(entry, self._clock()):
            del self._data[key]
            self.dirty = True
            return []
        turns = []
        for item in entry.get("turns", []):
            try:
                turns.append(Turn.from_dict(item))
            except (KeyError, TypeError, ValueError):
                logger.warning("Skipping a malformed stored turn in conversation %s", key)
        return turns

    def append(self, key: str, turn: Turn) -> None:
        """Remember one exchange, keeping only the last `max_turns`."""
        if self.max_turns == 0:
            return
        now = self._clock()
        entry = self._data.get(key)
        if entry is None or self._expired(entry, now):
            entry = {"turns": []}
            self._data[key] = entry
        entry["turns"] = (entry["turns"] + [turn.to_dict()])[-self.max_turns :]
        entry["updated"] = now
        self.dirty = True

    def reset(self, key: str) -> bool:
        """Forget one conversation; True if there was anything to forget."""
        existed = self._data.pop(key, None) is not None
        if existed:
            self.dirty = True
        return existed

    def keys(self) -> list[str]:
        """Keys of the conversations currently remembered (expired ones included until purged)."""
        return list(self._data)

    def purge(self) -> int:
        """Drop every expired conversation; returns how many were dropped."""
        now = self._clock()
        stale = [key for key, entry in self._data.items() if self._expired(entry, now)]
        for key in stale:
            del self._data[key]
        if stale:
            self.dirty = True
        return len(stale)

    # -- persistence ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the state file if there is one; a damaged file is logged and ignored."""
        if self.path is None or not self.path.exists():
            return
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            conversations = raw.get("conversations", {})
            if not isinstance(conversations, dict):
                raise ValueError("conversations is not an object")
        except (OSError, ValueError, AttributeError) as exc:
            logger.warning("Ignoring unreadable Telegram state file %s: %s", self.path, exc)
            return
        self._data = {
            str(key): {"turns": list(entry.get("turns", [])), "updated": float(entry.get("updated", 0))}
            for key, entry in conversations.items()
            if isinstance(entry, dict)
        }
        dropped = self.purge()
        self.dirty = False
        logger.info(
            "Loaded %d conversation(s) from %s (%d expired)", len(self._data), self.path, dropped
        )

    def save(self) -> None:
        """Write the state file atomically (temp file + rename), readable only by the owner."""
        if self.path is None:
            self.dirty = False
            return
        self.purge()
        payload = {"version": STATE_VERSION, "conversations": self._data}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".telegram_state.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        self.dirty = False
