"""Two desks at once in one test: the second desk is a thread with a connection of its own, and the
first commits once the second waits for what the first holds."""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import text

from desk.db.engine import Database

WAIT_S = 30  # an upper bound for the other desk to get going, never a measured figure


def wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, "the other desk never got going"
        time.sleep(0.02)


def waiting_on_a_lock(database: Database) -> bool:
    """Whether a connection to the PostgreSQL database waits for a lock another one holds."""
    with database.engine.connect() as connection:
        return bool(connection.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )).scalar_one())
