from __future__ import annotations

import os

# Before anything imports Qt: tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.people.auth import use_hash_cost
from tests.pg_server import PgServer

# Argon2 at its real cost takes a fifth of a second a hash on this machine; tests sign in hundreds
# of times. The cost is a parameter, not the logic under test (bench/bench_sign_in.py measures it).
use_hash_cost(time_cost=1, memory_kib=256)


@pytest.fixture(autouse=True, scope="session")
def _sealing_key_of_the_test_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Secrets the tests save (terminal and mail passwords) are sealed with a key of this run, never
    one in the user's configuration folder; a test about the key sets its own."""
    from desk.core.sealed import KEY_FILE_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_FILE_ENV, str(tmp_path_factory.mktemp("keys") / "desk.key"))
        yield

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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/desk.sqlite3"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/desk.sqlite3"
    # Looked up only here so that a run selecting no PostgreSQL test never starts the server.
    server: PgServer = request.getfixturevalue("pg_server")
    # Databases are left behind on purpose: the whole server is thrown away at session end.
    return server.create_database(f"t_{next(_db_numbers)}")


# =================================================================================================
# Domain fixtures (engine, session, demo data) go below this line.
# =================================================================================================
