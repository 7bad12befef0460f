"""A busy SQLite writer pays for no checkpoint: a thread of its own copies the log into the file."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import text

from desk.db.engine import Database, WalCheckpointer
from tests.desk.conftest import make_hotel


def test_with_background_checkpoints_no_commit_checkpoints_and_the_thread_does(tmp_path: Path):
    path = tmp_path / "hotel.sqlite3"
    make_hotel(f"sqlite:///{path}").database.dispose()
    database = Database(f"sqlite:///{path}", background_checkpoints=True)
    checkpointer = database.checkpointer
    assert checkpointer is not None and checkpointer.running
    try:
        checkpointer.stop()  # held off while the log grows past SQLite's 1000 pages
        with database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
        with database.writing() as session:
            session.execute(text("CREATE TABLE filler (x BLOB)"))
        for _ in range(30):
            with database.writing() as session:
                session.execute(text("INSERT INTO filler VALUES (randomblob(200000))"))
        # SQLite's own checkpoint would have let the log start over at 1000 pages: nothing copied it.
        assert Path(f"{path}-wal").stat().st_size > 1400 * 4096

        helper = WalCheckpointer(str(path), interval=0.05)
        try:
            deadline = time.monotonic() + 30
            while helper.checkpoints == 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert helper.checkpoints > 0  # a pass copied every frame of the log into the file
        finally:
            helper.stop()
        with database.writing() as session:
            assert session.execute(text("SELECT count(*) FROM filler")).scalar() == 30
    finally:
        database.dispose()
    assert not checkpointer.running


def test_without_them_sqlite_checkpoints_as_usual(tmp_path: Path):
    database = make_hotel(f"sqlite:///{tmp_path / 'hotel.sqlite3'}").database
    try:
        assert database.checkpointer is None
        with database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000
    finally:
        database.dispose()
