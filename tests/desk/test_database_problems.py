"""A database that fails underneath the desk is explained to the clerk, never shown as the driver's words.

The outside check saw "AdminShutdown ...", "database or disk is full" and "database disk image is
malformed" reach the clerk raw. Each failure here is a real one, made on a real database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError

from desk.core.errors import DatabaseProblem
from desk.db import problems
from desk.db.problems import database_problem
from tests.pg_server import PgServer


def _failure(engine_url: str, *statements: str, on_connect: str | None = None) -> DBAPIError:
    engine = create_engine(engine_url)
    if on_connect is not None:
        event.listen(engine, "connect", lambda conn, _record: conn.execute(on_connect))
    try:
        with pytest.raises(DBAPIError) as caught, engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
        return caught.value
    finally:
        engine.dispose()


def test_a_full_disk_says_nothing_more_can_be_saved(tmp_path: Path):
    failure = _failure(f"sqlite:///{tmp_path}/full.sqlite3", "CREATE TABLE t (x TEXT)",
                       "INSERT INTO t VALUES (zeroblob(100000))", on_connect="PRAGMA max_page_count = 3")
    problem = database_problem(failure)
    assert isinstance(problem, DatabaseProblem) and problem.template == problems.DISK_FULL
    assert "disk is full" not in problem.message


def test_a_damaged_file_says_stop_and_restore(tmp_path: Path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"this is not what SQLite wrote" * 200)
    failure = _failure(f"sqlite:///{path}", "SELECT * FROM sqlite_master")
    problem = database_problem(failure)
    assert problem is not None and problem.template == problems.DAMAGED


def test_a_connection_the_server_ended_says_look_before_repeating(pg_server: PgServer):
    url = pg_server.create_database("t_problem")
    engine = create_engine(url)
    try:
        with engine.connect() as victim:
            pid = victim.execute(text("SELECT pg_backend_pid()")).scalar()
            with engine.connect() as admin:
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                admin.commit()
            with pytest.raises(DBAPIError) as caught:
                victim.execute(text("SELECT 1"))
        problem = database_problem(caught.value)
        assert problem is not None and problem.template == problems.UNREACHABLE
    finally:
        engine.dispose()


def test_anything_else_is_not_a_database_problem():
    assert database_problem(ValueError("not a database failure")) is None
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = DBAPIError("INSERT", {}, Exception("boom"))
    problem = database_problem(wrapped)
    assert problem is not None and problem.template == problems.REFUSED
