"""A small but real Bot API server on 127.0.0.1 for end-to-end tests and the benchmark.

It speaks HTTP like api.telegram.org does (`/bot<token>/<method>`, form, JSON or multipart
bodies, `{"ok": ..., "result": ...}` answers), long-polls `getUpdates`, records every call with a
timestamp, lets tests enqueue updates (also in forum topics), can answer the next call of a method
with an error (e.g. a 429 with `retry_after`), and can enforce Telegram's flood limit: with
`flood_limit=30`, a request that would make more than 30 in any one-second window gets a 429.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import logging
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from tests.loopback import LoopbackServer

logger = logging.getLogger("fake_bot_api")

RAW_TEXT_FIELDS = {"text", "caption", "secret_token", "url", "query", "description", "title"}
_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$")
_FILE_PATH = re.compile(r"^/file/bot(?P<token>[^/]+)/(?P<path>.+)$")
_MENTION = re.compile(r"@[A-Za-z0-9_]{3,}")


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when it arrived
    status: int = 200
    token_ok: bool = True


@dataclass
class _Failure:
    method: str
    status: int
    body: dict[str, Any]


def _utf16_len(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2


def _entities_for(text: str) -> list[dict[str, Any]]:
    """bot_command and mention entities as Telegram would add them (UTF-16 offsets)."""
    entities = []
    if text.startswith("/"):
        command = text.split()[0] if text.split() else text
        entities.append({"type": "bot_command", "offset": 0, "length": _utf16_len(command)})
    for match in _MENTION.finditer(text):
        entities.append(
            {
                "type": "mention",
                "offset": _utf16_len(text[: match.start()]),
                "length": _utf16_len(match.group()),
            }
        )
    return entities


class FakeBotAPI(LoopbackServer):
    """The server; use as a context manager or call `start()` / `stop()`."""

    thread_name = "fake-bot-api"

    def __init__(
        self,
        token: str = "123456:TEST-token-ABCdef_ghi",
        bot_username: str = "article_qa_test_bot",
        bot_id: int = 7_000_001,
        flood_limit: int = 0,
    ) -> None:
        self.token = token
        self.flood_limit = flood_limit
        self.flood_refusals = 0
        self.on_call: Any = None  # called with (method, params) for every accepted call
        self._recent: list[float] = []
        self.files: dict[str, bytes] = {}
        self.bot_username = bot_username
        self.bot_id = bot_id
        self.calls: list[Call] = []
        self.unknown: list[str] = []
        self.webhook: dict[str, Any] = {}
        self._updates: list[dict[str, Any]] = []
        self._failures: list[_Failure] = []
        self._chat_types: dict[int, str] = {}
        self._cond = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._closed = False
        super().__init__()

    # -- lifecycle ----------------------------------------------------------------------------

    def before_stop(self) -> None:
        """Wake every long poll."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def connection_error(self, client_address: Any) -> None:
        logger.debug("fake Bot API: connection error from %s", client_address, exc_info=True)

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- programming the server ---------------------------------------------------------------

    def enqueue(self, update: dict[str, Any]) -> int:
        """Queue one update for getUpdates; returns its update_id."""
        with self._cond:
            update = dict(update)
            update["update_id"] = next(self._update_ids)
            for key in ("message", "edited_message", "callback_query"):
                chat = (update.get(key) or {}).get("chat") or ((update.get(key) or {}).get("message") or {}).get("chat")
                if chat:
                    self._chat_types[chat["id"]] = chat["type"]
            self._updates.append(update)
            self._cond.notify_all()
            return update["update_id"]

    def fail_next(self, method: str, status: int = 429, retry_after: int = 2, description: str | None = None) -> None:
        """Answer the next call of `method` with an error (default: flood control 429)."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": status,
            "description": description or f"Too Many Requests: retry after {retry_after}",
        }
        if status == 429:
            body["parameters"] = {"retry_after": retry_after}
        with self._cond:
            self._failures.append(_Failure(method.lower(), status, body))

    def next_message_id(self) -> int:
        """A fresh message id for an incoming message."""
        return next(self._message_ids)

    # -- building updates ---------------------------------------------------------------------

    @staticmethod
    def user(user_id: int, first_name: str = "مستخدم", is_bot: bool = False, username: str | None = None) -> dict:
        """A User object."""
        user = {"id": user_id, "is_bot": is_bot, "first_name": first_name, "language_code": "ar"}
        if username:
            user["username"] = username
        return user

    def bot_user(self) -> dict:
        """The bot's own User object (what getMe returns)."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Article QA",
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        first_name: str = "مستخدم",
        is_bot: bool = False,
        reply_to: dict | None = None,
        extra: dict | None = None,
        thread_id: int | None = None,
    ) -> dict:
        """A Message object from a user (private chat when chat_id > 0, else a supergroup; with
        `thread_id`, a message in that topic of a forum supergroup)."""
        chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if thread_id is not None:
            chat["is_forum"] = True
        if chat_type == "private":
            chat["first_name"] = first_name
        else:
            chat["title"] = "مجموعة الاختبار"
        message: dict[str, Any] = {
            "message_id": self.next_message_id(),
            "date": int(time.time()),
            "chat": chat,
            "from": self.user(user_id if user_id is not None else abs(chat_id), first_name, is_bot),
        }
        if text is not None:
            message["text"] = text
            entities = _entities_for(text)
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if extra:
            message.update(extra)
        return message

    def send_text(self, chat_id: int, text: str, **kwargs: Any) -> dict:
        """Enqueue a text message; returns the message object."""
        message = self.message(chat_id, text, **kwargs)
        self.enqueue({"message": message})
        return message

    def send_edit(self, original: dict, new_text: str) -> None:
        """Enqueue an edited version of an earlier message."""
        edited = dict(original, text=new_text, edit_date=int(time.time()))
        edited.pop("entities", None)
        if _entities_for(new_text):
            edited["entities"] = _entities_for(new_text)
        self.enqueue({"edited_message": edited})

    def send_sticker(self, chat_id: int, **kwargs: Any) -> dict:
        """Enqueue a sticker."""
        sticker = {
            "file_id": "CAACAgIAAxkBAAIBsticker",
            "file_unique_id": "AgADsticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "😀",
        }
        message = self.message(chat_id, None, extra={"sticker": sticker}, **kwargs)
        self.enqueue({"message": message})
        return message

    def send_photo(self, chat_id: int, **kwargs: Any) -> dict:
        """Enqueue a photo."""
        photo = [{"file_id": "AgACAgphoto", "file_unique_id": "AQADphoto", "width": 90, "height": 90}]
        message = self.message(chat_id, None, extra={"photo": photo}, **kwargs)
        self.enqueue({"message": message})
        return message

    def send_voice(self, chat_id: int, **kwargs: Any) -> dict:
        """Enqueue a voice note."""
        voice = {"file_id": "AwACAgvoice", "file_unique_id": "AgADvoice", "duration": 3, "mime_type": "audio/ogg"}
        message = self.message(chat_id, None, extra={"voice": voice}, **kwargs)
        self.enqueue({"message": message})
        return message

    def send_document(
        self, chat_id: int, file_name: str = "a.pdf", content: bytes = b"%PDF-1.4", mime_type: str = "application/pdf",
        **kwargs: Any,
    ) -> dict:
        """Enqueue a document; its bytes are served by getFile and the file download path."""
        file_id = f"BQACAgdoc{self.next_message_id()}"
        with self._cond:
            self.files[file_id] = content
        document = {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-6:]}", "file_name": file_name,
                    "mime_type": mime_type, "file_size": len(content)}
        message = self.message(chat_id, None, extra={"document": document}, **kwargs)
        self.enqueue({"message": message})
        return message

    def press_button(self, chat_id: int, data: str, *, user_id: int | None = None, on_message: dict | None = None) -> None:
        """Enqueue a callback query (an inline keyboard button press)."""
        on_message = on_message or {
            "message_id": self.next_message_id(),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self.bot_user(),
            "text": "…",
        }
        self.enqueue(
            {
                "callback_query": {
                    "id": str(self.next_message_id()),
                    "from": self.user(user_id if user_id is not None else abs(chat_id)),
                    "chat_instance": f"ci{chat_id}",
                    "data": data,
                    "message": on_message,
                }
            }
        )

    # -- reading what the bot did -------------------------------------------------------------

    def calls_to(self, method: str, **match: Any) -> list[Call]:
        """Successful calls of one method whose params include `match`."""
        with self._cond:
            calls = list(self.calls)
        return [
            c
            for c in calls
            if c.method.lower() == method.lower()
            and c.status == 200
            and all(c.params.get(k) == v for k, v in match.items())
        ]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """Delivered sendMessage calls, optionally to one chat."""
        match = {} if chat_id is None else {"chat_id": chat_id}
        return self.calls_to("sendMessage", **match)

    def texts(self, chat_id: int | None = None) -> list[str]:
        """The texts the bot delivered (to one chat)."""
        return [c.params.get("text", "") for c in self.sent(chat_id)]

    def wait_for(self, predicate, timeout: float = 10.0, interval: float = 0.02) -> bool:
        """Poll until `predicate()` is true or the timeout passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(interval)
        return bool(predicate())

    def wait_sent(self, chat_id: int, count: int = 1, timeout: float = 10.0) -> list[str]:
        """Wait for at least `count` delivered messages in a chat; return their texts."""
        self.wait_for(lambda: len(self.sent(chat_id)) >= count, timeout)
        return self.texts(chat_id)

    def wait_ready(self, timeout: float = 15.0) -> bool:
        """Wait until the bot has registered its commands and polls (or set its webhook)."""
        return self.wait_for(
            lambda: bool(self.calls_to("setMyCommands"))
            and bool(self.calls_to("getUpdates") or self.calls_to("setWebhook")),
            timeout,
        )

    # -- the API ------------------------------------------------------------------------------

    def handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call."""
        now = time.monotonic()
        if token != self.token:
            with self._cond:
                self.calls.append(Call(method, params, now, 401, token_ok=False))
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        with self._cond:
            for failure in self._failures:
                if failure.method == method.lower():
                    self._failures.remove(failure)
                    self.calls.append(Call(method, params, now, failure.status))
                    return failure.status, failure.body
            if self.flood_limit and method.lower() != "getupdates":
                self._recent = [t for t in self._recent if t > now - 1.0]
                if len(self._recent) >= self.flood_limit:
                    self.flood_refusals += 1
                    self.calls.append(Call(method, params, now, 429))
                    return 429, {
                        "ok": False,
                        "error_code": 429,
                        "description": "Too Many Requests: retry after 1",
                        "parameters": {"retry_after": 1},
                    }
                self._recent.append(now)
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            logger.warning("fake Bot API: unknown method %s", method)
            with self._cond:
                self.unknown.append(method)
                self.calls.append(Call(method, params, now, 404))
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        if method.lower() != "getupdates":
            with self._cond:
                self.calls.append(Call(method, params, now))
            if self.on_call is not None:
                self.on_call(method, params)
        result = handler(params)
        return 200, {"ok": True, "result": result}

    def _api_getme(self, params: dict) -> dict:
        return self.bot_user()

    def _api_getupdates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._cond:
            self.calls.append(Call("getUpdates", params, time.monotonic()))
            while True:
                if offset:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or self._closed:
                    return self._updates[:limit]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(min(remaining, 0.5))

    def _message_result(self, params: dict, text: str | None = None) -> dict:
        chat_id = params.get("chat_id")
        chat_type = self._chat_types.get(chat_id, "private" if isinstance(chat_id, int) and chat_id > 0 else "supergroup")
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        result = {
            "message_id": self.next_message_id(),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user(),
            "text": text if text is not None else params.get("text", ""),
        }
        if params.get("message_thread_id") is not None:
            chat["is_forum"] = True
            result["message_thread_id"] = params["message_thread_id"]
            result["is_topic_message"] = True
        if params.get("reply_markup"):
            result["reply_markup"] = params["reply_markup"]
        return result

    def _api_sendmessage(self, params: dict) -> dict:
        return self._message_result(params)

    def _api_editmessagetext(self, params: dict) -> dict | bool:
        if "inline_message_id" in params:
            return True
        result = self._message_result(params)
        result["message_id"] = params.get("message_id", result["message_id"])
        result["edit_date"] = int(time.time())
        return result

    def _api_getfile(self, params: dict) -> dict:
        file_id = params.get("file_id", "")
        size = len(self.files.get(file_id, b""))
        return {"file_id": file_id, "file_unique_id": f"u{file_id[-6:]}", "file_size": size,
                "file_path": f"documents/{file_id}"}

    def file_bytes(self, token: str, path: str) -> bytes | None:
        """The bytes of a file download (`/file/bot<token>/documents/<file_id>`), None if unknown."""
        if token != self.token or not path.startswith("documents/"):
            return None
        with self._cond:
            self.calls.append(Call("downloadFile", {"file_path": path}, time.monotonic()))
            return self.files.get(path.removeprefix("documents/"))

    def _api_sendchataction(self, params: dict) -> bool:
        return True

    def _api_answercallbackquery(self, params: dict) -> bool:
        return True

    def _api_setmycommands(self, params: dict) -> bool:
        return True

    def _api_deletemycommands(self, params: dict) -> bool:
        return True

    def _api_getmycommands(self, params: dict) -> list:
        commands = self.calls_to("setMyCommands")
        return commands[-1].params.get("commands", []) if commands else []

    def _api_deletewebhook(self, params: dict) -> bool:
        with self._cond:
            self.webhook = {}
        return True

    def _api_setwebhook(self, params: dict) -> bool:
        with self._cond:
            self.webhook = dict(params)
        return True

    def _api_getwebhookinfo(self, params: dict) -> dict:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _api_close(self, params: dict) -> bool:
        return True

    def _api_logout(self, params: dict) -> bool:
        return True


def _decode(key: str, value: str) -> Any:
    """Form values arrive as strings; PTB JSON-encodes everything that is not a string."""
    if key in RAW_TEXT_FIELDS:
        return value
    try:
        return json.loads(value)
    except (ValueError, TypeError):
        return value


def parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    """Parameters of a Bot API request: form-encoded, JSON or multipart."""
    content_type = content_type or ""
    if not body:
        return {}
    if content_type.startswith("application/json"):
        data = json.loads(body.decode("utf-8"))
        return dict(data) if isinstance(data, dict) else {}
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        params: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not name:
                continue
            payload = part.get_payload(decode=True) or b""
            if part.get_filename():
                params[name] = {"filename": part.get_filename(), "size": len(payload)}
            else:
                params[name] = _decode(name, payload.decode("utf-8"))
        return params
    parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True)
    return {key: _decode(key, values[-1]) for key, values in parsed.items()}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    owner: FakeBotAPI

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def _reply(self, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. on shutdown)
            self.close_connection = True

    def _dispatch(self, body: bytes) -> None:
        url = urlparse(self.path)
        download = _FILE_PATH.match(unquote(url.path))
        if download:
            content = self.owner.file_bytes(download["token"], download["path"])
            if content is None:
                self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
            return
        match = _PATH.match(url.path)
        if not match:
            self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        try:
            params = parse_body(self.headers.get("Content-Type", ""), body)
        except (ValueError, UnicodeDecodeError) as exc:
            self._reply(400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"})
            return
        if url.query:
            params.update({k: _decode(k, v[-1]) for k, v in parse_qs(url.query).items()})
        status, payload = self.owner.handle(match["token"], match["method"], params)
        self._reply(status, payload)

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        length = int(self.headers.get("Content-Length") or 0)
        self._dispatch(self.rfile.read(length) if length else b"")

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._dispatch(b"")


FakeBotAPI.handler = _Handler
