"""Durable Telegram state in one SQLite file (stdlib sqlite3, WAL): conversation memory with a TTL,
answers and their feedback, per-user rate-limit windows, admin actions and the update inbox.

Every write is committed at once, so a `kill -9` loses nothing that was written; WAL keeps the
file consistent. User ids are stored only as salted SHA-256 hashes. The connection belongs to the
thread that called `open()` (the bot's event loop); the CLI opens a connection of its own.
Nothing names a user in the clear: conversation keys (which hold chat and user ids) are stored as
salted hashes too, and an update's payload is blanked once it is handled.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.answer import Answer, Turn

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conversations (
    key TEXT PRIMARY KEY, turns TEXT NOT NULL, updated REAL NOT NULL);
CREATE TABLE IF NOT EXISTS inbox (
    key TEXT PRIMARY KEY, payload TEXT NOT NULL, received REAL NOT NULL, done REAL);
CREATE INDEX IF NOT EXISTS inbox_pending ON inbox (done) WHERE done IS NULL;
CREATE TABLE IF NOT EXISTS answers (
    answer_key TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, sources TEXT NOT NULL,
    found INTEGER NOT NULL, mode TEXT NOT NULL, chat_type TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS feedback (
    answer_key TEXT NOT NULL REFERENCES answers (answer_key), user_hash TEXT NOT NULL,
    vote INTEGER NOT NULL, at REAL NOT NULL, PRIMARY KEY (answer_key, user_hash));
CREATE TABLE IF NOT EXISTS rate_events (user_hash TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS rate_events_user ON rate_events (user_hash, at);
CREATE TABLE IF NOT EXISTS admin_actions (
    at REAL NOT NULL, user_hash TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, result TEXT NOT NULL);
"""


class StateDB:
    """The bot's state file; `open()` before use, `close()` at the end."""

    def __init__(
        self,
        path: Path,
        max_turns: int,
        ttl: float,
        salt: str | None = None,
        legacy_json: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.max_turns = max(0, int(max_turns))
        self.ttl = float(ttl)
        self.legacy_json = Path(legacy_json) if legacy_json else None
        self._salt = salt or ""
        self._clock = clock
        self._db: sqlite3.Connection | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    def open(self) -> StateDB:
        """Connect (creating the file, owner-only), set WAL, create tables, migrate the old JSON file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists()
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        if fresh:
            os.chmod(self.path, 0o600)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # durable across process kills; fast
        self._db.executescript(SCHEMA)
        with self._tx():
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            if not self._salt:
                row = self._db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
                if row is None:
                    row = (secrets.token_hex(16),)
                    self._db.execute("INSERT INTO meta VALUES ('salt', ?)", row)
                self._salt = row[0]
        if self.legacy_json is not None and self.legacy_json.exists():
            self._migrate_json(self.legacy_json)
        return self

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    @property
    def db(self) -> sqlite3.Connection:
        """The open connection; RuntimeError before `open()`."""
        if self._db is None:
            raise RuntimeError("the state database is not open")
        return self._db

    def _tx(self) -> sqlite3.Connection:
        """A transaction context (the connection in autocommit mode used as `with`)."""
        return _Transaction(self.db)  # type: ignore[return-value]

    def user_hash(self, user_id: int | None) -> str:
        """A salted hash of a Telegram user id (ids are never stored in the clear)."""
        return hashlib.sha256(f"{self._salt}:{user_id}".encode()).hexdigest()[:32]

    def _conversation(self, key: str) -> str:
        """The stored form of a conversation key (a salted hash)."""
        return hashlib.sha256(f"{self._salt}:conversation:{key}".encode()).hexdigest()[:32]

    # -- conversation memory ---------------------------------------------------------------------

    def history(self, key: str) -> list[Turn]:
        """The live turns of a conversation, oldest first; an expired one is deleted."""
        key = self._conversation(key)
        row = self.db.execute("SELECT turns, updated FROM conversations WHERE key = ?", (key,)).fetchone()
        if row is None:
            return []
        if self._expired(row[1]):
            self.db.execute("DELETE FROM conversations WHERE key = ?", (key,))
            return []
        turns = []
        for item in json.loads(row[0]):
            try:
                turns.append(Turn.from_dict(item))
            except (KeyError, TypeError, ValueError):
                logger.warning("Skipping a malformed stored turn in conversation %s", key)
        return turns

    def _append_turn(self, key: str, turn: Turn) -> None:
        if self.max_turns == 0:
            return
        turns = [t.to_dict() for t in self.history(key)] + [turn.to_dict()]
        self.db.execute(
            "INSERT INTO conversations VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE "
            "SET turns = excluded.turns, updated = excluded.updated",
            (self._conversation(key), json.dumps(turns[-self.max_turns :], ensure_ascii=False), self._clock()),
        )

    def append(self, key: str, turn: Turn) -> None:
        """Remember one exchange, keeping the last `max_turns`."""
        with self._tx():
            self._append_turn(key, turn)

    def reset(self, key: str) -> bool:
        """Forget a conversation; True if there was one."""
        return self.db.execute("DELETE FROM conversations WHERE key = ?", (self._conversation(key),)).rowcount > 0

    def _expired(self, updated: float) -> bool:
        return self.ttl > 0 and self._clock() - float(updated) > self.ttl

    def purge(self) -> int:
        """Delete expired conversations and old rate-limit events; returns conversations deleted."""
        now = self._clock()
        self.db.execute("DELETE FROM rate_events WHERE at < ?", (now - 60.0,))
        if self.ttl <= 0:
            return 0
        return self.db.execute("DELETE FROM conversations WHERE updated < ?", (now - self.ttl,)).rowcount

    # -- per-user rate limit ---------------------------------------------------------------------

    def rate_check(self, user_id: int, per_minute: int) -> float:
        """Record one question; 0 if allowed, else the seconds to wait (sliding one-minute window)."""
        if per_minute <= 0:
            return 0.0
        user, now = self.user_hash(user_id), self._clock()
        with self._tx():
            rows = self.db.execute(
                "SELECT at FROM rate_events WHERE user_hash = ? AND at > ? ORDER BY at", (user, now - 60.0)
            ).fetchall()
            if len(rows) >= per_minute:
                return max(1.0, 60.0 - (now - rows[-per_minute][0]))
            self.db.execute("INSERT INTO rate_events VALUES (?, ?)", (user, now))
        return 0.0

    # -- the durable inbox -----------------------------------------------------------------------

    def inbox_add(self, key: str, payload: dict[str, Any]) -> bool:
        """Record an update on arrival under its key (see `frontend.update_key`); False if it was
        recorded before (a redelivery)."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO inbox (key, payload, received) VALUES (?, ?, ?)",
            (key, json.dumps(payload, ensure_ascii=False), self._clock()),
        )
        return cursor.rowcount > 0

    def inbox_done(self, key: str) -> None:
        """Mark an update handled (its answer is being delivered, or there was nothing to answer)."""
        self.db.execute("UPDATE inbox SET done = ?, payload = '{}' WHERE key = ? AND done IS NULL",
                        (self._clock(), key))

    def inbox_pending(self) -> list[dict[str, Any]]:
        """Updates recorded but never handled (the process died), oldest first."""
        rows = self.db.execute("SELECT payload FROM inbox WHERE done IS NULL ORDER BY received").fetchall()
        return [json.loads(row[0]) for row in rows]

    def inbox_trim(self, keep_seconds: float = 7 * 86400) -> None:
        """Forget handled updates older than `keep_seconds` (Telegram redelivers for at most a day)."""
        self.db.execute("DELETE FROM inbox WHERE done IS NOT NULL AND done < ?", (self._clock() - keep_seconds,))

    # -- delivery, answers, feedback -------------------------------------------------------------

    def delivered(
        self, inbox_key: str | None, key: str, turn: Turn | None, answer_key: str | None, answer: Answer, chat_type: str
    ) -> None:
        """One transaction as an answer goes out: the turn remembered, the answer kept for feedback,
        the update marked handled."""
        with self._tx():
            if turn is not None:
                self._append_turn(key, turn)
            if answer_key is not None:
                sources = [{"text": s.text, "source": s.source, "score": s.score} for s in answer.sources]
                self.db.execute(
                    "INSERT OR IGNORE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (answer_key, answer.question, answer.answer, json.dumps(sources, ensure_ascii=False),
                     int(answer.found), answer.mode, chat_type, self._clock()),
                )
            if inbox_key is not None:
                self.inbox_done(inbox_key)

    def record_feedback(self, answer_key: str, user_id: int, vote: int) -> bool | None:
        """Record a 👍 (1) or 👎 (-1) once per user and answer: True if recorded, False if this user
        voted on it before, None if the answer is unknown."""
        if self.db.execute("SELECT 1 FROM answers WHERE answer_key = ?", (answer_key,)).fetchone() is None:
            return None
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO feedback VALUES (?, ?, ?, ?)",
            (answer_key, self.user_hash(user_id), 1 if vote > 0 else -1, self._clock()),
        )
        return cursor.rowcount > 0

    def feedback_rows(self, include_positive: bool = False) -> list[dict[str, Any]]:
        """Feedback joined with its answers, oldest first (👎 only unless `include_positive`)."""
        where = "" if include_positive else "WHERE f.vote < 0"
        rows = self.db.execute(
            "SELECT f.answer_key, f.user_hash, f.vote, f.at, a.question, a.answer, a.sources, a.found, a.mode, "
            f"a.chat_type, a.at FROM feedback f JOIN answers a USING (answer_key) {where} ORDER BY f.at"
        ).fetchall()
        keys = ["answer_key", "user_hash", "vote", "at", "question", "answer", "sources", "found", "mode",
                "chat_type", "answered_at"]
        out = []
        for row in rows:
            item = dict(zip(keys, row, strict=True))
            item["sources"] = json.loads(item["sources"])
            item["found"] = bool(item["found"])
            out.append(item)
        return out

    def feedback_stats(self) -> dict[str, int]:
        """Counts: answers given, 👍, 👎, and 👎 on found / not-found answers."""
        one = lambda sql: int(self.db.execute(sql).fetchone()[0])  # noqa: E731
        return {
            "answers": one("SELECT COUNT(*) FROM answers"),
            "up": one("SELECT COUNT(*) FROM feedback WHERE vote > 0"),
            "down": one("SELECT COUNT(*) FROM feedback WHERE vote < 0"),
            "down_found": one("SELECT COUNT(*) FROM feedback f JOIN answers a USING (answer_key) "
                              "WHERE f.vote < 0 AND a.found = 1"),
            "down_not_found": one("SELECT COUNT(*) FROM feedback f JOIN answers a USING (answer_key) "
                                  "WHERE f.vote < 0 AND a.found = 0"),
        }

    # -- admin actions ---------------------------------------------------------------------------

    def admin_action(self, user_id: int, action: str, target: str, result: str) -> None:
        """Log one admin action (who as a hash, what, on what, the outcome)."""
        self.db.execute(
            "INSERT INTO admin_actions VALUES (?, ?, ?, ?, ?)",
            (self._clock(), self.user_hash(user_id), action, target, result),
        )

    # -- migration -------------------------------------------------------------------------------

    def _migrate_json(self, path: Path) -> None:
        """Import conversations from the old JSON state file, then rename it to `*.migrated`."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            conversations = raw.get("conversations", {})
            if not isinstance(conversations, dict):
                raise ValueError("conversations is not an object")
        except (OSError, ValueError, AttributeError) as exc:
            logger.warning("Not migrating unreadable Telegram state file %s: %s", path, exc)
            return
        count = 0
        with self._tx():
            for key, entry in conversations.items():
                if not isinstance(entry, dict) or self._expired(float(entry.get("updated", 0))):
                    continue
                turns = [t for t in entry.get("turns", []) if isinstance(t, dict)][-self.max_turns :]
                self.db.execute(
                    "INSERT OR IGNORE INTO conversations VALUES (?, ?, ?)",
                    (self._conversation(str(key)), json.dumps(turns, ensure_ascii=False), float(entry.get("updated", 0))),
                )
                count += 1
        path.rename(path.with_name(path.name + ".migrated"))
        logger.info("Migrated %d conversation(s) from %s into %s", count, path, self.path)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
