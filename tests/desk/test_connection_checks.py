"""PostgreSQL connections: checked after they sat idle, not before every unit of work.

Every writer (the POS service's, 16 desks) takes a pooled connection per unit of work; a ``SELECT 1``
before each one was a round trip of seven for a posting. A connection back in use within
``IDLE_CHECK_AFTER_S`` of its last unit is not asked; one idle longer (a server restart, a
firewall dropping quiet connections) is, and replaced if it is gone.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from desk.db import engine as engine_module
from desk.db.engine import Database
from tests.conftest import postgresql_url


@pytest.fixture
def database(request: pytest.FixtureRequest) -> Iterator[Database]:
    db = Database(postgresql_url(request, create=True), upgrade=False)
    try:
        yield db
    finally:
        db.dispose()


def _pings(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    asked: list[int] = []
    real = database.engine.dialect.do_ping

    def counted(dbapi_connection: object) -> bool:
        asked.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(database.engine.dialect, "do_ping", counted)
    return asked


def _backend(database: Database) -> int:
    with database.unit_of_work() as session:
        return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_connection_back_in_use_at_once_is_not_asked_again(database: Database, monkeypatch: pytest.MonkeyPatch):
    first = _backend(database)
    asked = _pings(database, monkeypatch)
    for _ in range(5):
        assert _backend(database) == first
    assert asked == []


def test_a_connection_the_server_ended_while_idle_is_replaced(database: Database, monkeypatch: pytest.MonkeyPatch):
    victim = _backend(database)
    admin = create_engine(database.url)
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": victim})
            connection.commit()
    finally:
        admin.dispose()
    # Idle "long enough" without waiting: every connection back from the pool counts as idle.
    monkeypatch.setattr(engine_module, "IDLE_CHECK_AFTER_S", 0.0)
    asked = _pings(database, monkeypatch)
    replaced = _backend(database)
    assert replaced != victim
    assert asked, "the idle connection was used without being asked"
