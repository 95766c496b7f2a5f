"""A threaded HTTP server on an ephemeral 127.0.0.1 port: the base of the tests' protocol fakes."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class LoopbackServer:
    """Lifecycle of a fake server: `start()`/`stop()` or a `with` block; subclasses set `handler`
    (a request handler class whose `owner` attribute is bound to the fake) and may override hooks."""

    handler: type[BaseHTTPRequestHandler]
    thread_name = "loopback-server"
    poll_interval = 0.5

    def __init__(self) -> None:
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self):
        """Listen on an ephemeral port of 127.0.0.1 in a background thread."""
        handler = type("BoundHandler", (self.handler,), {"owner": self})
        fake = self

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256
            allow_reuse_address = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                fake.connection_error(client_address)

        self._server = Server(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": self.poll_interval},
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def before_stop(self) -> None:
        """Hook: wake anything that waits on the server (long polls, hanging replies)."""

    def connection_error(self, client_address: Any) -> None:
        """Hook: a client went away mid-request (expected when clients time out)."""

    def stop(self) -> None:
        """Stop serving and wait for the thread."""
        self.before_stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        assert self._server is not None
        return self._server.server_address[1]
