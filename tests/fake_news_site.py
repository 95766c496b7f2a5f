"""A news site on 127.0.0.1 for the web-source tests: real-looking Arabic pages and every kind of bad URL."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.loopback import LoopbackServer

PAGES = Path(__file__).resolve().parent / "pages"
ENGLISH_PAGE = b"""<html><head><title>Market update</title></head><body><article>
<p>Shares rose sharply on Tuesday as investors welcomed the central bank's decision to hold rates.</p>
<p>Analysts expect the rally to continue into the next quarter, citing strong earnings reports.</p>
</article></body></html>"""
HUGE_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 3.0


class _Handler(BaseHTTPRequestHandler):
    owner: NewsSite

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream_huge(self, declare_length: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declare_length:
            self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        chunk = ("<p>" + "نص طويل جداً " * 4000 + "</p>\n").encode("utf-8")
        sent = 0
        while sent < HUGE_BYTES:
            self.wfile.write(chunk)
            sent += len(chunk)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.owner.requests.append(self.path)
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a refused or timed-out download): expected

    def _route(self) -> None:
        path = self.path
        if path == "/news/desalination":
            self._send(200, (PAGES / "desalination.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/news/dates":
            self._send(200, (PAGES / "dates.html").read_bytes(), "text/html")  # charset only in the page
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, (PAGES / "festival.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png")
        elif path == "/binary":
            self._send(200, b"<html>\x00\x01\x02\x03" + bytes(range(256)) * 8, "text/html")
        elif path == "/english":
            self._send(200, ENGLISH_PAGE, "text/html; charset=utf-8")
        elif path == "/huge":
            self._stream_huge(declare_length=True)
        elif path == "/huge-stream":
            self._stream_huge(declare_length=False)
        elif path in ("/loop-a", "/loop-b"):
            self.send_response(302)
            self.send_header("Location", "/loop-b" if path == "/loop-a" else "/loop-a")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, "<html><body><p>الصفحة غير موجودة</p></body></html>".encode(), "text/html; charset=utf-8")


class NewsSite(LoopbackServer):
    """Serves `tests/pages` at /news/NAME plus bad routes: /missing (404), /slow (3 s), /image,
    /binary, /english (no Arabic), /huge (50 MB, length declared), /huge-stream (50 MB streamed),
    /loop-a (redirect loop)."""

    handler = _Handler
    thread_name = "news-site"

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return f"http://127.0.0.1:{self.port}{path}"
