"""The local SQLite database: only its owner may read it, and a commit survives a power cut."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import desk.db.engine
import desk.db.location
from desk.db.engine import ENV_URL, Database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _files(database: Path) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """The usual umask of a desktop session: what the desk creates is world-readable unless it says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_default_database_and_its_folder_are_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              lax_umask: None):
    path = tmp_path / "share" / "frontdesk-cashier" / "desk.sqlite3"
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.setattr(desk.db.location, "default_database_path", lambda: path)
    database = Database()
    try:
        with database.writing() as session:  # a write: the -wal and -shm files exist meanwhile
            session.execute(text("SELECT 1"))
        with database.engine.connect() as connection:
            assert _mode(path.parent) == 0o700
            modes = {file.name: _mode(file) for file in _files(path)}
            assert modes == dict.fromkeys(modes, 0o600)
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
    finally:
        database.dispose()


def test_a_database_file_others_could_read_is_made_owner_only_with_a_warning(
        sqlite_url: str, tmp_path: Path, lax_umask: None, caplog: pytest.LogCaptureFixture):
    path = tmp_path / "desk.sqlite3"
    Database(sqlite_url).dispose()
    os.chmod(path, 0o644)
    with caplog.at_level(logging.WARNING, logger="desk.db.engine"):
        database = Database(sqlite_url)
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            assert {file.name: _mode(file) for file in _files(path)} == {
                file.name: 0o600 for file in _files(path)}
    finally:
        database.dispose()
    assert any(str(path) in record.getMessage() and "owner-only" in record.getMessage()
               for record in caplog.records), caplog.text


@pytest.mark.shipped_settings
def test_a_commit_is_on_disk_before_it_returns(sqlite_url: str):
    # synchronous=FULL: in WAL mode NORMAL syncs only at checkpoints, and a power cut could take a
    # payment whose receipt already printed.
    database = Database(sqlite_url)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
    finally:
        database.dispose()
