"""The database URL fixtures give a working, empty database on each backend."""

from __future__ import annotations

import sqlalchemy as sa

from tests.pg_server import PgServer


def test_database_url_connects(database_url: str) -> None:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                version = conn.execute(sa.text("select version()")).scalar_one()
                assert version.startswith("PostgreSQL ")
                assert conn.execute(sa.text("show server_encoding")).scalar_one() == "UTF8"
            else:
                assert engine.dialect.name == "sqlite"
                assert conn.execute(sa.text("select sqlite_version()")).scalar_one()
            assert sa.inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_each_test_gets_its_own_database(database_url: str) -> None:
    # Runs after the test above in the same session: a fresh database must not see its table.
    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as conn:
            assert sa.inspect(conn).get_table_names() == []
            conn.execute(sa.text("create table probe (id integer primary key)"))
    finally:
        engine.dispose()


def test_postgresql_handles_cyrillic_case(pg_server: PgServer) -> None:
    # Guest names in the seed documents are Russian and Bulgarian: case-insensitive search
    # must work on them, which a plain "C" locale would not give.
    engine = sa.create_engine(pg_server.create_database("t_cyrillic"))
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("select lower('ИВАНОВА Ёлка')")).scalar_one() == "иванова ёлка"
            assert conn.execute(sa.text("select 'Петров' ilike 'петров'")).scalar_one() is True
    finally:
        engine.dispose()


def test_server_listens_on_loopback_only(pg_server: PgServer) -> None:
    with pg_server.connect() as conn:
        assert conn.execute("show listen_addresses").fetchone() == ("127.0.0.1",)
        assert conn.execute("show fsync").fetchone() == ("off",)


def test_sqlite_url(sqlite_url: str) -> None:
    engine = sa.create_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("select 1")).scalar_one() == 1
    finally:
        engine.dispose()
    assert sqlite_url.startswith("sqlite:///") and sqlite_url.endswith("/desk.sqlite3")
