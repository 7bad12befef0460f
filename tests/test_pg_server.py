"""The database URL fixtures give a working, empty database on each backend."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.pg_server import PgServer, find_bin_dir


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


def test_a_run_ended_by_sigterm_stops_its_server_and_removes_its_files(tmp_path: Path) -> None:
    # `timeout` ends a run with SIGTERM, which by default ends Python without a finaliser or an
    # atexit handler: the server's data (a gigabyte after a full run) and the templates stayed in /tmp.
    record = tmp_path / "record.json"
    (tmp_path / "test_ended.py").write_text(textwrap.dedent(f"""
        import json, time
        from pathlib import Path
        from tests.desk.conftest import HOTEL_TEMPLATES, make_hotel

        def test_waits_for_sigterm(pg_server, tmp_path):
            make_hotel(f"sqlite:///{{tmp_path}}/hotel.sqlite3").database.dispose()
            # Written whole, then named: the test reads it as soon as the name exists.
            Path({str(record)!r} + ".part").write_text(json.dumps(
                [str(pg_server.base_dir), pg_server.port, str(HOTEL_TEMPLATES.folder)]))
            Path({str(record)!r} + ".part").rename({str(record)!r})
            time.sleep(120)
    """))
    run = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p", "no:cacheprovider",
                            "--rootdir", str(tmp_path), str(tmp_path / "test_ended.py")],
                           cwd=Path(__file__).parent.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base_dir = port = templates = None
    try:
        deadline = time.monotonic() + 120
        while not record.exists() and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        base_dir, port, templates = json.loads(record.read_text())
        run.send_signal(signal.SIGTERM)
        output = run.communicate(timeout=60)[0].decode()
        assert not Path(base_dir).exists() and not Path(templates).exists(), output
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        if base_dir is not None and Path(base_dir).exists():  # what the run left, stopped by hand
            PgServer(bin_dir=find_bin_dir(), base_dir=Path(base_dir), port=port,
                     _as_postgres=os.geteuid() == 0, _running=True).stop()
        if templates is not None:
            shutil.rmtree(templates, ignore_errors=True)


def test_a_durable_server_keeps_its_files_on_disk_whoever_runs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """TMPDIR and /tmp are memory (tmpfs) on many systems: a durable server's commits would not be on disk.
    /var/tmp is, and the postgres user reaches it when root starts the server."""
    asked: list[str | None] = []

    class Stop(Exception):
        pass

    def mkdtemp(prefix: str, dir: str | None) -> str:
        asked.append(dir)
        raise Stop

    monkeypatch.setattr("tests.pg_server.tempfile.mkdtemp", mkdtemp)
    monkeypatch.setattr("tests.pg_server.find_bin_dir", lambda: Path("/nonexistent"))
    for uid in (0, 1000):
        monkeypatch.setattr("tests.pg_server.os.geteuid", lambda uid=uid: uid)
        with pytest.raises(Stop):
            PgServer.start(durable=True)
    assert asked == ["/var/tmp", "/var/tmp"]
