"""The one shape of a fake register's server: its address, its fiscal memory's file read whatever became of the
program that asked, the test's hand on it.

It serves on a thread of the test's own process: the desk reaches it over loopback HTTP all the same, and a
process of its own cost a third of a second of a new interpreter for each test. ``own_process=True`` runs it as
``python -m hardware.simulators.<name>``, as a hotel would, for the tests that prove that way in
(tests/desk/test_registers_cli.py)."""

from __future__ import annotations

import contextlib
import importlib
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import httpx
import pytest

from desk.cards.operators.tls import verifying_context
from desk.db.engine import Database

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class FakeRegisterServer:
    """A fake register's server on a free loopback port, its documents in ``state``."""

    address: str
    state: Path
    process: subprocess.Popen[str] | None = None  # when it runs as its own process
    server: ThreadingHTTPServer | None = None  # when it serves on a thread of this one
    module: ClassVar[str] = ""
    type_field: ClassVar[str] = "type"  # the document's field naming its kind
    receipt_types: ClassVar[tuple[str, ...]] = ()  # the kinds that are sale or refund receipts

    def control(self, command: str, **body: Any) -> None:
        httpx.post(f"{self.address}/sim/{command}", json=body, verify=verifying_context()).raise_for_status()

    def documents(self) -> list[dict[str, Any]]:
        """Read from the fake's file, as it keeps them whoever asked and whatever became of them."""
        return list(json.loads(self.state.read_text("utf-8"))["documents"]) if self.state.exists() else []

    def receipts(self) -> list[dict[str, Any]]:
        return [d for d in self.documents() if d[self.type_field] in self.receipt_types]

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
        if self.server is not None:
            stopping = threading.Thread(target=self.server.shutdown)
            stopping.start()
            # serve_forever looks for the request to stop between connections or every half second: a
            # connection of nothing wakes it now (an empty request, which the server drops).
            while stopping.is_alive():
                with contextlib.suppress(OSError):
                    socket.create_connection(self.server.server_address[:2], timeout=1).close()
                stopping.join(0.05)
            self.server.server_close()


Server = TypeVar("Server", bound=FakeRegisterServer)


def start_fake_server(kind: type[Server], state: Path, *, own_process: bool = False, **options: str) -> Server:
    """``options`` are the simulator's own (KKM-server's login and password): its command line's ``--name value``."""
    if own_process:
        arguments = [part for name, value in options.items() for part in (f"--{name}", value)]
        process = subprocess.Popen([sys.executable, "-m", kind.module, "--port", "0", "--state", str(state),
                                    *arguments], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        address = process.stdout.readline().split()[-1]
        assert address.startswith("http://127.0.0.1:"), address
        return kind(address, state, process=process)
    server = importlib.import_module(kind.module).serve(0, state, **options)
    return kind(f"http://127.0.0.1:{server.server_address[1]}", state, server=server)


def device_calls_in_transactions(monkeypatch: pytest.MonkeyPatch, database: Database) -> list[str]:
    """The requests to a register's server sent while the same thread had a unit of ``database`` open: filled in
    as the test goes, empty when every device call waits until no transaction is open."""
    inside: list[str] = []
    open_units = threading.local()
    unit = database._unit

    @contextlib.contextmanager
    def counted(*args: Any, **kwargs: Any) -> Iterator[Any]:
        open_units.count = getattr(open_units, "count", 0) + 1
        try:
            with unit(*args, **kwargs) as session:
                yield session
        finally:
            open_units.count -= 1

    send = httpx.Client.send

    def watched(client: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if getattr(open_units, "count", 0):
            inside.append(f"{request.method} {request.url.path}")
        return send(client, request, **kwargs)

    monkeypatch.setattr(database, "_unit", counted)
    monkeypatch.setattr(httpx.Client, "send", watched)
    return inside
