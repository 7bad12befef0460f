from __future__ import annotations

import os

# Before anything imports Qt: tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import contextlib
import functools
import itertools
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import URL, Engine, event, text
from sqlalchemy.util import LRUCache

import desk.db.engine
import hardware.terminal.zvt.client
from tests.actors import use_the_suites_hash_cost
from tests.pg_server import SUPERUSER, PgServer, find_bin_dir
from ui.cards.web_engine import prepare_web_engine

# Before pytest-qt makes the application: the New card window's QtWebEngine needs it then.
prepare_web_engine()

use_the_suites_hash_cost()


def _one_escpos_printer_database_for_the_run() -> None:
    """python-escpos reads its printer database (a YAML file: a quarter of a second of CPU) as it is imported,
    unless it finds the pickle it left in ESCPOS_CAPABILITIES_PICKLE_DIR, by default a new temporary folder of
    each process (and left there). One folder for the run instead: made by the first pytest process, the pickle
    written there at once, so the workers and every desk process a test starts (the environment is inherited)
    only read it."""
    if ESCPOS_PICKLE_DIR in os.environ:
        return
    os.environ[ESCPOS_PICKLE_DIR] = tempfile.mkdtemp(prefix="desk-escpos-")
    _ESCPOS_FOLDER_MADE.append(os.environ[ESCPOS_PICKLE_DIR])
    import escpos.capabilities  # noqa: F401  writes the pickle, before any other process reads it


ESCPOS_PICKLE_DIR = "ESCPOS_CAPABILITIES_PICKLE_DIR"
_ESCPOS_FOLDER_MADE: list[str] = []
_one_escpos_printer_database_for_the_run()


def pytest_unconfigure(config: pytest.Config) -> None:
    # The pytest process that made the folder ends last (pytest-xdist's workers are its children).
    for folder in _ESCPOS_FOLDER_MADE:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _sealing_key_of_the_test_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Secrets the tests save (terminal and mail passwords) are sealed with a key of this run, never
    one in the user's configuration folder; a test about the key sets its own."""
    from desk.core.sealed import KEY_FILE_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_FILE_ENV, str(tmp_path_factory.mktemp("keys") / "desk.key"))
        yield

# =================================================================================================
# The program's waits and syncs that no test is about, made short for the suite. A test about one
# of them is marked `shipped_settings` and runs with the program's own.
#
#   SQLite synchronous   FULL syncs the log at every commit, milliseconds each on a shared disk; a
#                        test cannot cut the power, and a killed process loses nothing either way.
#   Alembic at each open Database() asks Alembic to upgrade, which loads every migration script
#                        (a fifth of a second); at the head it does nothing, so neither do we.
#   ZVT settle window    after each Completion the client listens 0.25 s for a second one, which
#                        the simulator sends only when a test scripts "twice".
#   compiled statements  an engine keeps its own, and each test's new engines compiled the same
#                        statements again; here the engines share them (SharedStatementCache).
# =================================================================================================

_SHIPPED_UPGRADE = desk.db.engine.upgrade_database
_SHIPPED_SQLITE_SYNCHRONOUS = desk.db.engine.SQLITE_SYNCHRONOUS
_SHIPPED_SETTLE_TIME = hardware.terminal.zvt.client.SETTLE_TIME


@functools.cache
def _head_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(desk.db.engine.alembic_config()).get_heads())


def _upgrade_unless_at_head(engine: Engine) -> None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        current = frozenset(MigrationContext.configure(connection).get_current_heads())
    if current == _head_revisions():
        return
    if not current and SCHEMA_TEMPLATE.fill(engine):
        return
    _SHIPPED_UPGRADE(engine)


class SchemaTemplate:
    """A new database brought to the latest schema as a copy of one the migrations built once per run:
    running the migrations again took most of a second a database, and hundreds of tests start from one.

    SQLite: a page-for-page copy through SQLite's backup API, on the engine's own connection, so its other
    connections see it as any schema change. PostgreSQL: pg_dump's script of the migrated template run on
    the new database (it exists, and is connected to, before it is upgraded: no CREATE DATABASE ...
    TEMPLATE), for the run's superuser in the public schema only, one template for each desk role the
    migrations grant to (0016). Only a database with no table at all is filled; any other is migrated.
    """

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._made: dict[tuple[str, ...], str] = {}

    def fill(self, engine: Engine) -> bool:
        if engine.dialect.name == "sqlite":
            return self._fill_sqlite(engine)
        if engine.dialect.name == "postgresql" and engine.url.username == SUPERUSER:
            return self._fill_postgresql(engine)
        return False

    def _fill_sqlite(self, engine: Engine) -> bool:
        if desk.db.engine.sqlite_file(engine.url.render_as_string(hide_password=False)) is None:
            return False
        connection = engine.raw_connection()
        try:
            target = connection.driver_connection
            assert target is not None
            if target.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                return False
            with contextlib.closing(sqlite3.connect(self._sqlite_template())) as source:
                source.backup(target)
        finally:
            connection.close()
        return True

    def _sqlite_template(self) -> str:
        if ("sqlite",) not in self._made:
            self._folder = Path(tempfile.mkdtemp(prefix="desk-schema-"))
            file = self._folder / "schema.sqlite3"
            engine = desk.db.engine.make_engine(f"sqlite:///{file}")
            # What the migrations left, not the statistics a connection gathers as it closes: a test's
            # own database has none until its connections close.
            event.remove(engine, "close", desk.db.engine.gather_sqlite_statistics)
            _SHIPPED_UPGRADE(engine)
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the one file
            engine.dispose()
            self._made[("sqlite",)] = str(file)
        return self._made[("sqlite",)]

    def _fill_postgresql(self, engine: Engine) -> bool:
        with engine.connect() as connection:
            where = connection.execute(text("SELECT current_user, current_schema()")).one()
            tables = connection.execute(text(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
            )).scalar_one()
        if tuple(where) != (SUPERUSER, "public") or tables:
            return False
        url = engine.url
        key = (f"{url.host}:{url.port}", os.environ.get("DESK_DB_DESK_ROLE", ""))
        if key not in self._made:
            self._made[key] = self._postgresql_script(url, f"schema_template_{len(self._made)}")
        with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database) as target:
            target.execute(self._made[key])  # one transaction: all of the schema or none
        return True

    @staticmethod
    def _postgresql_script(url: URL, template: str) -> str:
        with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname="postgres",
                             autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
        engine = desk.db.engine.make_engine(url.set(database=template).render_as_string(hide_password=False))
        _SHIPPED_UPGRADE(engine)
        engine.dispose()
        return postgresql_script(url.set(database=template))

    def remove(self) -> None:
        """Remove the SQLite template (at the end of the run; a PostgreSQL server goes whole)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None
        self._made.clear()


def postgresql_script(url: URL) -> str:
    """pg_dump's script of the database: schema, rights and rows, as statements one transaction runs."""
    dump = subprocess.run(
        [str(find_bin_dir() / "pg_dump"), "--inserts", "--no-comments", "-h", str(url.host), "-p", str(url.port),
         "-U", str(url.username), str(url.database)], capture_output=True, text=True, check=True).stdout
    # psql's own commands (\restrict) are not SQL.
    return "\n".join(line for line in dump.splitlines() if not line.startswith("\\"))


SCHEMA_TEMPLATE = SchemaTemplate()


class SharedStatementCache(LRUCache):
    """One cache of compiled statements for every engine the program makes in this process.

    SQLAlchemy keeps an engine's compiled statements in the engine, keyed by its dialect object: every
    test opens new engines (a database of its own), and each compiled the same few hundred statements
    again, a fifth of the CPU of a test. Two dialects of one kind, on one server version, compile a
    statement to the same SQL; the key names them by that instead of by the object.
    """

    @staticmethod
    def _key(key: Any) -> Any:
        dialect, *rest = key
        return (type(dialect), dialect.server_version_info, dialect.paramstyle, dialect.max_identifier_length,
                dialect.label_length, *rest)

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(self._key(key), default)

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(self._key(key), value)


_SHIPPED_CREATE_ENGINE = desk.db.engine.create_engine
STATEMENT_CACHE = SharedStatementCache(5000)


# What the program passes create_engine that leaves its dialect as another engine's. A compiled statement
# converts parameters and rows with the dialect that compiled it: an engine made with another option (a
# json_serializer, say) would use the first engine's, silently, so it keeps its own cache.
SHARES_STATEMENTS = frozenset({"poolclass", "isolation_level", "connect_args"})


def _create_engine_sharing_statements(*args: Any, **kwargs: Any) -> Engine:
    engine = _SHIPPED_CREATE_ENGINE(*args, **kwargs)
    if kwargs.keys() <= SHARES_STATEMENTS:
        engine._compiled_cache = STATEMENT_CACHE
    return engine


desk.db.engine.create_engine = _create_engine_sharing_statements
desk.db.engine.upgrade_database = _upgrade_unless_at_head
desk.db.engine.SQLITE_SYNCHRONOUS = "OFF"
hardware.terminal.zvt.client.SETTLE_TIME = 0.0


@pytest.fixture(autouse=True)
def _shipped_settings(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("shipped_settings") is not None:
        monkeypatch.setattr(desk.db.engine, "upgrade_database", _SHIPPED_UPGRADE)
        monkeypatch.setattr(desk.db.engine, "SQLITE_SYNCHRONOUS", _SHIPPED_SQLITE_SYNCHRONOUS)
        monkeypatch.setattr(hardware.terminal.zvt.client, "SETTLE_TIME", _SHIPPED_SETTLE_TIME)
        monkeypatch.setattr(desk.db.engine, "create_engine", _SHIPPED_CREATE_ENGINE)

# =================================================================================================
# Database URLs (build/test infrastructure).
#
#   pg_server     session-scoped throwaway PostgreSQL server; started only if some test needs it.
#   database_url  parametrised: ids "sqlite" (file in tmp_path) and "postgresql" (a fresh, empty
#                 database on pg_server per test). Select one with `-k sqlite` / `-k postgresql`.
#   sqlite_url    SQLite only, for tests that need just one backend.
#
# URLs are SQLAlchemy URLs (postgresql+psycopg://... / sqlite:///...). Nothing here creates the
# schema: that is the domain fixtures' job.
# =================================================================================================

_db_numbers = itertools.count(1)

_RUN_PID = os.getpid()


def _end_the_run_on_sigterm(signum: int, _frame: object) -> None:
    """`timeout` ends a run with SIGTERM, which by default ends Python at once: no fixture's
    finaliser, no atexit handler, so the PostgreSQL server's data (a gigabyte after a full run) and
    the hotel templates stayed in /tmp. Ended like Ctrl-C instead, the session's finalisers run."""
    if os.getpid() != _RUN_PID:  # a forked child of a test ends as it would have
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    raise KeyboardInterrupt(f"ended by signal {signum}")


signal.signal(signal.SIGTERM, _end_the_run_on_sigterm)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session", autouse=True)
def _hotel_templates_removed() -> Iterator[None]:
    # In a session fixture, not atexit: the interpreter may end without running atexit handlers.
    yield
    SCHEMA_TEMPLATE.remove()
    hotels = sys.modules.get("tests.desk.conftest")
    if hotels is not None:
        hotels.HOTEL_TEMPLATES.remove()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/desk.sqlite3"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/desk.sqlite3"
    return postgresql_url(request, create=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def hotel_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """``database_url`` for a hotel (the same ids): on PostgreSQL the database is not made empty first, only to be
    dropped and made again from the hotel's template (tests/desk/conftest.py); it is made once, from the template."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/desk.sqlite3"
    return postgresql_url(request, create=False)


def postgresql_url(request: pytest.FixtureRequest, *, create: bool) -> str:
    """The URL of a database of its own for this test on the run's PostgreSQL server; made empty when ``create``,
    else left for the caller to make (as a copy of a template, say)."""
    # Looked up only here so that a run selecting no PostgreSQL test never starts the server.
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"t_{next(_db_numbers)}"
    # Databases are left behind on purpose: the whole server is thrown away at session end.
    return server.create_database(name) if create else server.url(name)


# =================================================================================================
# Domain fixtures (engine, session, demo data) go below this line.
# =================================================================================================


@pytest.fixture(autouse=True)
def fiscal_key_and_anchor_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's registers sign with keys of its own and anchor in a folder of its own, never the user's
    (child processes inherit them through the environment)."""
    from desk.fiscal.anchors import ANCHOR_DIR_ENV
    from desk.fiscal.keys import KEY_DIR_ENV

    monkeypatch.setenv(KEY_DIR_ENV, str(tmp_path / "fiscal-keys"))
    monkeypatch.setenv(ANCHOR_DIR_ENV, str(tmp_path / "fiscal-anchors"))
    monkeypatch.setenv("DESK_AUDIT_ANCHOR_DIR", str(tmp_path / "audit-anchors"))


@pytest.fixture
def today() -> date:
    """The calendar's date as the test starts: the business date of a hotel that has not stored one
    (desk.stays.business_day), and the day ``Hotel.stay()`` arrives. Never taken as a module is imported:
    a run collects before midnight and may run the test after it (tests/test_midnight.py)."""
    return date.today()
