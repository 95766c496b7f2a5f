"""Small but real LLM servers on 127.0.0.1 for the tests: OpenAI, Ollama and Anthropic protocols.

Each server runs `http.server.ThreadingHTTPServer` in a background thread on an ephemeral port,
records every request (path, headers, JSON body, arrival time) and answers chat requests from a
script: a fixed `Reply` or a function of the `Request` (reply text, delay, HTTP status, malformed
body, hang, stall mid-stream). Plain and streamed replies follow each protocol:

- OpenAI  `POST /v1/chat/completions`: JSON, or server-sent events `data: {...}` ending `data: [DONE]`;
  `GET /v1/models`.
- Ollama  `POST /api/chat`: JSON (`"stream": false`) or NDJSON lines; `GET /api/tags`.
- Anthropic `POST /v1/messages`: JSON, or an SSE event stream (message_start, content_block_start,
  content_block_delta…, content_block_stop, message_delta, message_stop); `GET /v1/models`.

A hanging reply waits until the server stops, so every test ends by itself.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.loopback import LoopbackServer


@dataclass
class Reply:
    """What the server answers to one chat request."""

    text: str = ""
    status: int = 200
    delay: float = 0.0  # seconds before the response starts
    chunk_delay: float = 0.0  # seconds between streamed chunks
    chunk_chars: int = 6  # streamed text comes in pieces of about this many characters
    hang: bool = False  # never answer (until the server stops)
    stall_after: int | None = None  # streamed: send this many text chunks, then hang
    malformed: bool = False  # a body that is not valid JSON


@dataclass
class Request:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    raw: bytes
    at: float  # time.monotonic() on arrival

    @property
    def messages(self) -> list[dict[str, str]]:
        """(role, text) of every message, the system prompt included, in order."""
        if not isinstance(self.body, dict):
            return []
        out = []
        system = self.body.get("system")
        if system:
            out.append({"role": "system", "content": _text_of(system)})
        for message in self.body.get("messages", []):
            out.append({"role": message.get("role", ""), "content": _text_of(message.get("content", ""))})
        return out

    @property
    def text(self) -> str:
        """All the messages' text, joined."""
        return "\n".join(m["content"] for m in self.messages)

    @property
    def stream(self) -> bool:
        """Whether the client asked for a streamed reply."""
        return bool(isinstance(self.body, dict) and self.body.get("stream"))


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)


def pieces(text: str, size: int) -> list[str]:
    """`text` in consecutive pieces of `size` characters (at least one piece)."""
    size = max(1, size)
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


Script = Callable[[Request], Reply]


class FakeLLMServer(LoopbackServer):
    """Base class: lifecycle, recording, scripting and the HTTP plumbing; subclasses speak a protocol."""

    provider = ""
    chat_path = ""
    models_path = ""
    stream_content_type = "text/event-stream"
    thread_name = "fake-llm"
    poll_interval = 0.05

    def __init__(self, reply: Reply | Script | str | None = None, api_key: str | None = None,
                 model: str = "test-model") -> None:
        self.api_key = api_key  # when set, other keys get a 401
        self.model = model
        self.requests: list[Request] = []
        self._script: Script = lambda request: Reply("")
        self.script(reply if reply is not None else Reply(""))
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        super().__init__()

    # -- lifecycle ------------------------------------------------------------------------------

    def before_stop(self) -> None:
        """Release hanging replies."""
        self._stopping.set()

    @property
    def base_url(self) -> str:
        """The value for LLM_BASE_URL."""
        return f"http://127.0.0.1:{self.port}"

    # -- scripting and reading ------------------------------------------------------------------

    def script(self, reply: Reply | Script | str) -> None:
        """Answer every chat request with `reply` (a Reply, a reply text, or a function of the request)."""
        if isinstance(reply, str):
            reply = Reply(reply)
        self._script = reply if callable(reply) else (lambda request, fixed=reply: fixed)

    def chat_requests(self) -> list[Request]:
        """The chat requests received, in order."""
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and r.path == self.chat_path]

    def wait(self, seconds: float) -> bool:
        """Sleep unless the server stops meanwhile; False if it stopped."""
        return not self._stopping.wait(seconds)

    # -- protocol (subclasses) ------------------------------------------------------------------

    def authorised(self, request: Request) -> bool:
        raise NotImplementedError

    def unauthorised_body(self) -> dict:
        raise NotImplementedError

    def error_body(self, status: int) -> dict:
        raise NotImplementedError

    def models_body(self) -> dict:
        raise NotImplementedError

    def plain_body(self, request: Request, text: str) -> dict:
        raise NotImplementedError

    def stream_events(self, request: Request, chunks: list[str]) -> Iterator[bytes]:
        """Encoded protocol events; `None` between text chunks is where a chunk delay/stall may go."""
        raise NotImplementedError

    def malformed_stream(self) -> bytes:
        return b"data: {this is not json\n\n"

    def wants_stream(self, request: Request) -> bool:
        return request.stream

    # -- dispatch -------------------------------------------------------------------------------

    def handle(self, handler: _Handler, method: str) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        path = handler.path.split("?", 1)[0]
        request = Request(method, path, {k.lower(): v for k, v in handler.headers.items()}, body, raw,
                          time.monotonic())
        with self._lock:
            self.requests.append(request)
        if self.api_key is not None and not self.authorised(request):
            return handler.send_json(401, self.unauthorised_body())
        if method == "GET" and path == self.models_path:
            return handler.send_json(200, self.models_body())
        if method != "POST" or path != self.chat_path:
            return handler.send_json(404, {"error": f"no route {method} {path}"})
        reply = self._script(request)
        if reply.hang:
            self._stopping.wait()
            return None
        if reply.delay and not self.wait(reply.delay):
            return None
        if reply.status != 200:
            return handler.send_json(reply.status, self.error_body(reply.status))
        if not self.wants_stream(request):
            if reply.malformed:
                return handler.send_bytes(200, b'{"choices": [ this is not json', "application/json")
            return handler.send_json(200, self.plain_body(request, reply.text))
        handler.start_stream(self.stream_content_type)
        if reply.malformed:
            handler.write(self.malformed_stream())
            return None
        sent = 0
        for event in self.stream_events(request, pieces(reply.text, reply.chunk_chars)):
            if event is None:  # between two text chunks
                sent += 1
                if reply.stall_after is not None and sent >= reply.stall_after:
                    self._stopping.wait()
                    return None
                if reply.chunk_delay and not self.wait(reply.chunk_delay):
                    return None
                continue
            if not handler.write(event):
                return None
        return None


class _Handler(BaseHTTPRequestHandler):
    owner: FakeLLMServer
    protocol_version = "HTTP/1.0"  # streamed bodies end when the connection closes

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.owner.handle(self, "GET")

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        self.owner.handle(self, "POST")

    def send_bytes(self, status: int, payload: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            pass

    def send_json(self, status: int, payload: dict) -> None:
        self.send_bytes(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json")

    def start_stream(self, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()

    def write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
            return True
        except OSError:
            return False


def _sse(data: dict | str, event: str | None = None) -> bytes:
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return ((f"event: {event}\n" if event else "") + f"data: {payload}\n\n").encode()


class OpenAIServer(FakeLLMServer):
    """OpenAI chat completions (what llama.cpp, vLLM, LM Studio and Ollama's /v1 also speak)."""

    provider = "openai"
    chat_path = "/v1/chat/completions"
    models_path = "/v1/models"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def authorised(self, request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {self.api_key}"

    def unauthorised_body(self) -> dict:
        return {"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error",
                          "param": None, "code": "invalid_api_key"}}

    def error_body(self, status: int) -> dict:
        kind = {429: "rate_limit_exceeded", 500: "server_error", 503: "server_error"}.get(status, "error")
        return {"error": {"message": f"fake failure {status}", "type": kind, "param": None, "code": kind}}

    def models_body(self) -> dict:
        return {"object": "list", "data": [{"id": self.model, "object": "model", "created": 0, "owned_by": "test"}]}

    def plain_body(self, request: Request, text: str) -> dict:
        return {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }

    def stream_events(self, request: Request, chunks: list[str]) -> Iterator[bytes | None]:
        def chunk(delta: dict, finish: str | None = None) -> bytes:
            return _sse({"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()),
                         "model": self.model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})

        yield chunk({"role": "assistant", "content": ""})
        for i, text in enumerate(chunks):
            if i:
                yield None
            yield chunk({"content": text})
        yield chunk({}, "stop")
        yield b"data: [DONE]\n\n"


class OllamaServer(FakeLLMServer):
    """Ollama's native `/api/chat` (NDJSON when streaming)."""

    provider = "ollama"
    chat_path = "/api/chat"
    models_path = "/api/tags"
    stream_content_type = "application/x-ndjson"

    def authorised(self, request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {self.api_key}"

    def unauthorised_body(self) -> dict:
        return {"error": "unauthorized"}

    def error_body(self, status: int) -> dict:
        return {"error": f"fake failure {status}"}

    def models_body(self) -> dict:
        return {"models": [{"name": self.model, "model": self.model}]}

    def wants_stream(self, request: Request) -> bool:
        return not isinstance(request.body, dict) or request.body.get("stream", True) is not False

    def _line(self, text: str, done: bool) -> bytes:
        record: dict[str, Any] = {"model": self.model, "created_at": "2025-01-01T00:00:00Z",
                                  "message": {"role": "assistant", "content": text}, "done": done}
        if done:
            record.update(done_reason="stop", total_duration=1000, load_duration=10, prompt_eval_count=10,
                          prompt_eval_duration=100, eval_count=5, eval_duration=100)
        return (json.dumps(record, ensure_ascii=False) + "\n").encode()

    def plain_body(self, request: Request, text: str) -> dict:
        return json.loads(self._line(text, True))

    def stream_events(self, request: Request, chunks: list[str]) -> Iterator[bytes | None]:
        for i, text in enumerate(chunks):
            if i:
                yield None
            yield self._line(text, False)
        yield self._line("", True)

    def malformed_stream(self) -> bytes:
        return b'{"model": "x", "message": {this is not json\n'


class AnthropicServer(FakeLLMServer):
    """Anthropic's Messages API (`/v1/messages`), JSON or an SSE event stream."""

    provider = "anthropic"
    chat_path = "/v1/messages"
    models_path = "/v1/models"

    def authorised(self, request: Request) -> bool:
        # x-api-key, or (newer SDKs) a bearer token
        return self.api_key in (request.headers.get("x-api-key"), request.headers.get("authorization", "")[7:])

    def unauthorised_body(self) -> dict:
        return {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}

    def error_body(self, status: int) -> dict:
        kind = {429: "rate_limit_error", 529: "overloaded_error"}.get(status, "api_error")
        return {"type": "error", "error": {"type": kind, "message": f"fake failure {status}"}}

    def models_body(self) -> dict:
        return {"data": [{"type": "model", "id": self.model, "display_name": self.model,
                          "created_at": "2025-01-01T00:00:00Z"}], "has_more": False,
                "first_id": self.model, "last_id": self.model}

    def plain_body(self, request: Request, text: str) -> dict:
        return {"id": "msg_test", "type": "message", "role": "assistant", "model": self.model,
                "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
                "usage": {"input_tokens": 10, "output_tokens": 5}}

    def stream_events(self, request: Request, chunks: list[str]) -> Iterator[bytes | None]:
        yield _sse({"type": "message_start", "message": {
            "id": "msg_test", "type": "message", "role": "assistant", "model": self.model, "content": [],
            "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 1}}},
            "message_start")
        yield _sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
                   "content_block_start")
        yield _sse({"type": "ping"}, "ping")
        for i, text in enumerate(chunks):
            if i:
                yield None
            yield _sse({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": text}},
                       "content_block_delta")
        yield _sse({"type": "content_block_stop", "index": 0}, "content_block_stop")
        yield _sse({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                    "usage": {"output_tokens": 5}}, "message_delta")
        yield _sse({"type": "message_stop"}, "message_stop")

    def malformed_stream(self) -> bytes:
        return b"event: content_block_delta\ndata: {this is not json\n\n"


SERVERS: dict[str, type[FakeLLMServer]] = {"openai": OpenAIServer, "ollama": OllamaServer,
                                           "anthropic": AnthropicServer}


FakeLLMServer.handler = _Handler
