"""Start-up imports only what the window on screen needs: the rest waits until it is used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What the sign-in window does not need: PDF reports, printer simulators and their fonts, QR codes,
# the demo hotel, the main window and the reservation card with its dialogs, and what only the other
# commands of ``desk`` use (card operations, fiscal chains, night audit, backups, imports: a third of
# a second of start-up, issue 23).
NOT_BEFORE_SIGN_IN = ("reportlab", "escpos", "qrcode", "hardware.simulators", "desk.demo", "desk.cash.shift_pdf",
                      "ui.main_window", "ui.reservation_card", "ui.dialogs", "desk.cards.operations",
                      "desk.cards.operator_workflow", "desk.stays.night_audit", "desk.fiscal.chain",
                      "desk.backup", "desk.imports", "desk.cli.admin", "desk.cli.night_audit")


def modules_after(statements: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``statements``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = f"{statements}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    # desk.db.schema imports every feature's tables (its ``models`` and so its package), which start-up needs
    def tables(m: str) -> bool:
        return m.endswith(".models") or f"{m}.models" in modules
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names) and not tables(m))


def test_the_way_to_the_sign_in_window_imports_nothing_it_does_not_show():
    modules = modules_after("import desk.cli.main, ui.app, ui.sign_in\ndesk.cli.main.parse_arguments(['run'])")
    assert "ui.sign_in" in modules
    assert heavy(modules, NOT_BEFORE_SIGN_IN) == []


# What only the open database needs: SQLAlchemy and every feature's tables are half a second of CPU,
# loaded on a worker thread while the clerk types (issue 23). The window must not wait for them.
NOT_BEFORE_THE_WINDOW = ("sqlalchemy", "alembic", "argon2", "desk.db.schema", "desk.db.engine", "ui.desk_text")

SHOW_THE_SIGN_IN_WINDOW = """
import json, os, sys
import ui.sign_in
shown = ui.sign_in.SignInDialog.showEvent

def show_event(self, event):
    shown(self, event)
    print(json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)  # the modules as the window shows; the worker opening the database is not waited for

ui.sign_in.SignInDialog.showEvent = show_event
from desk.cli.main import main
main(["--database", {url!r}, "run", "--workstation", "START-TEST"])
"""


def test_the_sign_in_window_shows_before_sqlalchemy_and_the_tables_are_loaded(tmp_path: Path):
    from desk.db.engine import Database
    from desk.hotel.setup import is_set_up

    url = f"sqlite:///{tmp_path / 'hotel.sqlite3'}"
    database = Database(url)
    from desk.demo.seed import seed_demo

    with database.writing() as session:
        seed_demo(session)
    with database.unit_of_work() as session:
        assert is_set_up(session)
    database.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SHOW_THE_SIGN_IN_WINDOW.format(url=url)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=True)
    modules = set(json.loads(result.stdout.splitlines()[-1]))
    assert "ui.sign_in" in modules
    loaded = sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_THE_WINDOW))
    assert loaded == []
    assert sorted(m for m in modules if m.startswith("desk.") and m.endswith(".models")) == []


def test_the_other_commands_are_still_there_with_desk_run_s_options():
    from desk.cli.main import parse_arguments

    run = parse_arguments(["--database", "sqlite:///x.sqlite3", "run", "--user", "anna", "--language", "bg"])
    assert (run.command, run.database, run.user, run.language) == ("run", "sqlite:///x.sqlite3", "anna", "bg")
    assert parse_arguments(["-v", "night-audit"]).command == "night-audit"
    with pytest.raises(SystemExit):
        parse_arguments(["run", "--no-such-option"])



def test_opening_a_database_at_the_latest_schema_does_not_load_alembic(tmp_path: Path):
    from desk.db.engine import Database

    url = f"sqlite:///{tmp_path / 'hotel.sqlite3'}"
    Database(url).dispose()  # created and brought to the latest schema (Alembic, in this process)
    modules = modules_after(f"from desk.db.engine import Database\nDatabase({url!r}).dispose()")
    assert heavy(modules, ("alembic",)) == []


def test_the_latest_schema_read_from_the_migration_files_is_alembic_s():
    from alembic.script import ScriptDirectory

    from desk.db.engine import alembic_config, shipped_schema_heads

    assert shipped_schema_heads() == frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())
