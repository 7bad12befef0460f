"""A real POS service on a loopback socket, on SQLite and PostgreSQL, with a hotel behind it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn

from desk.cards.operators.tls import verifying_context
from desk.db.runner import Runner
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.pos.api import Guard, create_app
from desk.pos.keys import create_key
from desk.pos.simulate import Simulator
from tests.desk.conftest import Hotel, make_hotel
from tests.helpers import free_port

ADMIN = trusted_actor("admin", "TEST-ADMIN", Role.MANAGER)


@dataclass
class Pos:
    hotel: Hotel
    url: str
    key: str

    @property
    def sim(self) -> Simulator:
        return Simulator(self.url, self.key)

    def new_key(self, name: str) -> str:
        return Runner(self.hotel.database).run(create_key, ADMIN, name, None).value

    def rest(self, method: str, path: str, *, key: str | None = None, **kwargs: object) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})  # type: ignore[call-overload]
        if key is not False:
            headers.setdefault("Authorization", f"Bearer {key or self.key}")
        with httpx.Client(base_url=self.url, timeout=30, verify=verifying_context()) as client:
            return client.request(method, f"/api/v1{path}", headers=headers, **kwargs)  # type: ignore[arg-type]

    def farcards(self, function: str, body: bytes, key: str | None = None) -> httpx.Response:
        with httpx.Client(base_url=self.url, timeout=30, verify=verifying_context()) as client:
            return client.post(f"/farcards/{key or self.key}/{function}", content=body,
                               headers={"Content-Type": "text/xml"})


class ServerThread:
    """uvicorn in a thread of this process, so tests can read the service's log."""

    def __init__(self, app: object) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                   access_log=False, lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the POS service did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def start(url: str) -> Iterator[Pos]:
    hotel = make_hotel(url)
    key = Runner(hotel.database).run(create_key, ADMIN, "till-1", "REST").value
    with ServerThread(Guard(create_app(hotel.database))) as base:
        yield Pos(hotel, base, key)
    hotel.database.dispose()


@pytest.fixture
def pos(hotel_url: str) -> Iterator[Pos]:
    """The service on SQLite and on PostgreSQL."""
    yield from start(hotel_url)


@pytest.fixture
def sqlite_pos(sqlite_url: str) -> Iterator[Pos]:
    yield from start(sqlite_url)
