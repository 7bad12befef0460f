"""The suite's short waits and syncs (tests/conftest.py), and the program's own where a test asks for them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import alembic.command
import pytest
from sqlalchemy import column, insert, select, table, text
from sqlalchemy.pool import NullPool

import desk.db.engine
import hardware.terminal.zvt.client
import tests.conftest
from desk.db.engine import Database
from tests.conftest import postgresql_script, postgresql_url


def _upgrades_and_sync_at_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """How many times opening a database at the head ran Alembic's upgrade, and its PRAGMA synchronous."""
    url = f"sqlite:///{tmp_path}/desk.sqlite3"
    Database(url).dispose()
    upgrades: list[object] = []
    upgrade = alembic.command.upgrade

    def counted(*args: Any, **kwargs: Any) -> None:
        upgrades.append(args)
        upgrade(*args, **kwargs)

    monkeypatch.setattr(alembic.command, "upgrade", counted)
    database = Database(url)
    try:
        with database.engine.connect() as connection:
            return len(upgrades), connection.exec_driver_sql("PRAGMA synchronous").scalar_one()
    finally:
        database.dispose()


def test_the_suite_skips_alembic_at_head_syncs_nothing_and_listens_no_settle_window(tmp_path, monkeypatch):
    assert _upgrades_and_sync_at_head(tmp_path, monkeypatch) == (0, 0)  # OFF
    assert hardware.terminal.zvt.client.SETTLE_TIME == 0.0


@pytest.mark.shipped_settings
def test_a_test_marked_shipped_settings_runs_with_the_programs_own(tmp_path, monkeypatch):
    # The program skips Alembic at the head as the suite does (it reads the head from the migration files).
    assert _upgrades_and_sync_at_head(tmp_path, monkeypatch) == (0, 2)  # FULL
    assert hardware.terminal.zvt.client.SETTLE_TIME == 0.25
    assert desk.db.engine.SQLITE_SYNCHRONOUS == "FULL"


def _schema(url: str, *, migrated: bool) -> list[str]:
    """Every object of the database as its definition's lines, sorted (the migrations write a table's
    constraints in any order on SQLite), or pg_dump's script of schema, rights and rows on PostgreSQL."""
    database = Database(url, upgrade=not migrated)
    if migrated:
        tests.conftest._SHIPPED_UPGRADE(database.engine)
    try:
        if database.engine.dialect.name == "sqlite":
            with database.engine.connect() as connection:
                rows = connection.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master").all()
            return sorted(f"{row[0]} {row[1]} {row[2]} {line.strip().rstrip(',')}"
                          for row in rows for line in (row[3] or "").splitlines())
        return postgresql_script(database.engine.url).splitlines()
    finally:
        database.dispose()


def test_a_new_database_copied_from_the_suites_schema_template_is_what_the_migrations_build(
        database_url: str, request: pytest.FixtureRequest, tmp_path: Path):
    migrated_url = (f"sqlite:///{tmp_path}/migrated.sqlite3" if database_url.startswith("sqlite")
                    else postgresql_url(request, create=True))
    assert _schema(database_url, migrated=False) == _schema(migrated_url, migrated=True)


def _cache_hits_of_a_second_database(url: str, other_url: str) -> tuple[list[bool], list[str]]:
    """Whether the same two statements, on a second database after a first, were found compiled, and the rows each
    database answered (its own)."""
    hits: list[bool] = []
    answers: list[str] = []
    for number, each in enumerate((url, other_url)):
        database = Database(each, upgrade=False)  # the statements are the test's own: no schema needed
        try:
            with database.writing() as session:
                session.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)"))
                session.execute(insert(_NOTE).values(id=1, body=f"database {number}"))
            with database.engine.connect() as connection:
                result = connection.execute(select(_NOTE.c.body).where(_NOTE.c.id == 1))
                answers.append(result.scalar_one())
                if number:
                    hits.append(result.context.cache_hit == database.engine.dialect.CACHE_HIT)
        finally:
            database.dispose()
    return hits, answers


_NOTE = table("note", column("id"), column("body"))


def test_a_second_database_of_the_run_finds_the_statements_compiled_and_answers_its_own_rows(
        database_url: str, request: pytest.FixtureRequest, tmp_path: Path):
    other_url = (f"sqlite:///{tmp_path}/other.sqlite3" if database_url.startswith("sqlite")
                 else postgresql_url(request, create=True))
    assert _cache_hits_of_a_second_database(database_url, other_url) == ([True], ["database 0", "database 1"])


@pytest.mark.shipped_settings
def test_with_the_programs_own_settings_each_engine_compiles_its_statements(tmp_path: Path):
    first, second = (f"sqlite:///{tmp_path}/{name}.sqlite3" for name in ("first", "second"))
    assert _cache_hits_of_a_second_database(first, second) == ([False], ["database 0", "database 1"])


def test_importing_the_actors_leaves_the_programs_hash_cost() -> None:
    """The benches sign in through tests.actors and measure at the program's real Argon2 cost: only the
    suite (tests/conftest.py) and the processes it starts choose the cheap one."""
    code = ("import desk.people.auth as auth; real = auth._ARGON2; import tests.actors; "
            "print(auth._ARGON2 is real)")
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "True", result.stderr


def test_an_engine_made_with_a_dialect_option_keeps_its_own_statements(tmp_path: Path) -> None:
    """Its own json_serializer is in what its statements convert: the run's shared cache would give it
    another engine's."""
    url = f"sqlite:///{tmp_path}/own.sqlite3"
    shared = desk.db.engine.make_engine(url, poolclass=NullPool, isolation_level="SERIALIZABLE")
    own = desk.db.engine.make_engine(url, json_serializer=lambda value: "own")
    try:
        assert shared._compiled_cache is tests.conftest.STATEMENT_CACHE
        assert own._compiled_cache is not tests.conftest.STATEMENT_CACHE
    finally:
        shared.dispose()
        own.dispose()
