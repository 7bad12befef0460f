"""The suite's short waits and syncs (tests/conftest.py), and the program's own where a test asks for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import alembic.command
import pytest

import desk.db.engine
import hardware.terminal.zvt.client
from desk.db.engine import Database


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
