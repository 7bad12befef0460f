"""A commit that reaches the database while its reply never reaches the desk (issue 22).

Two ways to lose it: ``lose_the_next_commit_reply`` raises, after the next writing unit committed,
the error a dropped connection gives; ``CommitReplyCutter`` is a real TCP proxy in front of
PostgreSQL that cuts the line between the server's COMMIT and its answer. Used by
tests/desk/test_people_secrets.py (payments, deposits) and tests/desk/test_refund_idempotency.py.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy.exc
from sqlalchemy.orm import Session

from desk.db.engine import Database


def lose_the_next_commit_reply(monkeypatch: pytest.MonkeyPatch, database: Database) -> None:
    """The next writing unit of ``database`` commits, then fails as if the server's answer was lost."""
    writing = database.writing
    lost = {"once": True}

    @contextmanager
    def commit_then_lose_the_reply() -> Iterator[Session]:
        with writing() as session:
            yield session
        if lost.pop("once", False):
            raise sqlalchemy.exc.OperationalError("COMMIT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(database, "writing", commit_then_lose_the_reply)


class CommitReplyCutter:
    """A TCP proxy in front of PostgreSQL that, once armed, lets the next COMMIT reach the server and
    cuts the desk's connection before the server's answer comes back: the commit happened, the desk
    never heard so (a cable pulled, a switch rebooted at the wrong moment)."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.armed = threading.Event()
        self.cut = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            cutting = threading.Event()
            threading.Thread(target=self._to_server, args=(client, server, cutting), daemon=True).start()
            threading.Thread(target=self._to_client, args=(server, client, cutting), daemon=True).start()

    def _to_server(self, client: socket.socket, server: socket.socket, cutting: threading.Event) -> None:
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                # A simple-protocol Query whose text is COMMIT: what psycopg sends for commit().
                if self.armed.is_set() and b"Q" in data and b"COMMIT\x00" in data:
                    self.armed.clear()
                    cutting.set()  # before the server can answer
                server.sendall(data)

    def _to_client(self, server: socket.socket, client: socket.socket, cutting: threading.Event) -> None:
        with contextlib.suppress(OSError):
            while data := server.recv(65536):
                if cutting.is_set():
                    self.cut.set()
                    client.shutdown(socket.SHUT_RDWR)
                    client.close()
                    server.close()
                    return
                client.sendall(data)

    def close(self) -> None:
        self.listener.close()

    def database(self, url: str) -> Database:
        """A database reached through this proxy (``url`` names the real server)."""
        from sqlalchemy import make_url

        return Database(make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False))
