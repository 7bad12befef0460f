"""What every fake card operator does the same way: a real HTTP server on loopback, a clock the tests
move, a line that drops answers or every request, a slow line, and a store of first answers for
requests sent again. Each operator's protocol (its addresses, bodies, errors, what it replays and
when) stays in its own module: a fake is only as strict as its operator, and no two are alike there.
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

DAY = 86400
CONTROL_PREFIX = "/_fake/"


@dataclass
class Remembered:
    fingerprint: str
    status: int
    body: Any


class KeyReused(Exception):
    """The key was first sent with another request: the operator refuses, in its own words."""


class Replays:
    """First answers by the key the client sent with the request (idempotency key, RequestId)."""

    def __init__(self) -> None:
        self._by_key: dict[str, Remembered] = {}

    @staticmethod
    def fingerprint(request: str) -> str:
        return hashlib.sha256(request.encode()).hexdigest()

    def recall(self, key: str, fingerprint: str) -> Remembered | None:
        """The first answer to this request, None if the key is new; KeyReused if it named another request."""
        remembered = self._by_key.get(key)
        if remembered is not None and remembered.fingerprint != fingerprint:
            raise KeyReused(key)
        return remembered

    def remember(self, key: str, fingerprint: str, status: int, body: Any) -> None:
        self._by_key[key] = Remembered(fingerprint, status, body)

    def clear(self) -> None:
        """Forget every first answer, as an operator does after its retention."""
        self._by_key.clear()


class LoopbackFake:
    """A fake operator's server, clock and faults; the subclass answers requests in its operator's protocol."""

    thread_name: ClassVar[str] = "fake-operator"
    base_path: ClassVar[str] = ""  # what follows host:port in the address the client is given
    http_methods: ClassVar[tuple[str, ...]] = ("GET", "POST")  # others are refused as the HTTP server does (501)

    def __init__(self, hold_days: int) -> None:
        self.hold_days = hold_days
        self.offset = 0.0  # seconds the fake clock is ahead of the real one
        self.unreachable = False  # every connection dropped unanswered, nothing done (a cut line)
        self.answer_delay = 0.0  # seconds every answer waits after the work is done (a slow line)
        self._lose = 0
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None

    # --- test controls --------------------------------------------------------------------------

    def now(self) -> float:
        return time.time() + self.offset

    def advance(self, days: float) -> None:
        with self._lock:
            self.offset += days * DAY

    def lose_next_answer(self, count: int = 1) -> None:
        """The next ``count`` requests are done, and their answers never sent (the line drops)."""
        with self._lock:
            self._lose += count

    def _take_lost(self) -> bool:
        lose = self._lose > 0
        if lose:
            self._lose -= 1
        return lose

    # --- the server -----------------------------------------------------------------------------

    def serve(self, port: int = 0, host: str = "127.0.0.1") -> str:
        """Start answering on ``host:port`` in a thread; returns the address the client is given."""
        handler: dict[str, Any] = {"fake": self}
        for method in self.http_methods:
            handler[f"do_{method}"] = _LoopbackHandler.serve_one
        self._server = ThreadingHTTPServer((host, port), type("Handler", (_LoopbackHandler,), handler))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name=self.thread_name, daemon=True).start()
        return self.base_url

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{self.base_path}"

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def run_until_interrupted(self, port: int, operator: str) -> None:
        """``python -m`` of a fake: serve on the port until Ctrl+C."""
        print(f"fake {operator} on {self.serve(port)} (stop with Ctrl+C)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            self.close()

    # --- the operator's protocol ----------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: str) -> tuple[int, Any, bool]:
        """(status, answer, drop the line instead of answering); headers' names in lower case."""
        raise NotImplementedError

    def reply(self, target: str, status: int, answer: Any) -> tuple[bytes, list[tuple[str, str]]]:
        """The body and headers (Content-Length aside) of an answer that does reach the client."""
        raise NotImplementedError


class _LoopbackHandler(BaseHTTPRequestHandler):
    fake: LoopbackFake
    protocol_version = "HTTP/1.1"

    def serve_one(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, answer, lose = self.fake.handle(self.command, self.path, headers, body)
        if self.fake.answer_delay and not self.path.startswith(CONTROL_PREFIX):
            time.sleep(self.fake.answer_delay)
        if lose or status == 0:
            # Done (or not even received), and the answer never leaves: the client only learns by asking.
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        data, headers_out = self.fake.reply(self.path, status, answer)
        self.send_response(status)
        for name, value in headers_out:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # what a fake received is in its ``requests``; nothing needed on stderr
