"""`desk run` from a shell, offscreen: the program starts on the demo hotel, or says why it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from desk.db.engine import Database
from desk.demo.seed import has_data
from desk.hotel.models import Room
from desk.stays.models import Reservation, ReservationStatus

ROOT = Path(__file__).resolve().parents[2]


def run_desk(*args: str, exit_after_ms: int = 1500) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "DESK_DATABASE_URL"}
    env.update(QT_QPA_PLATFORM="offscreen", DESK_EXIT_AFTER_MS=str(exit_after_ms))
    return subprocess.run(
        [sys.executable, "-m", "desk", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        check=False,
    )


def test_run_demo_seeds_the_hotel_and_shows_the_main_window(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/desk.sqlite3"
    result = run_desk("--database", url, "run", "--demo", "--workstation", "SMOKE-1")
    assert result.returncode == 0, result.stderr
    assert "workstation SMOKE-1 open" in result.stderr
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            assert has_data(session)
            assert session.scalar(select(func.count(Room.id))) == 40
            in_house = select(func.count(Reservation.id)).where(Reservation.status == ReservationStatus.IN_HOUSE)
            assert (session.scalar(in_house) or 0) > 0
    finally:
        database.dispose()

    # A second start finds the hotel there and seeds nothing more.
    again = run_desk("--database", url, "run", "--demo", exit_after_ms=200)
    assert again.returncode == 0, again.stderr
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            assert session.scalar(select(func.count(Room.id))) == 40
    finally:
        database.dispose()


def test_an_unknown_user_is_told_and_the_program_fails(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/desk.sqlite3"
    result = run_desk("--database", url, "run", "--demo", "--user", "nobody", exit_after_ms=200)
    assert result.returncode == 1
    assert "There is no user “nobody” in this hotel" in result.stderr


def test_user_on_the_command_line_preselects_the_name_but_never_signs_in(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/desk.sqlite3"
    result = run_desk("--database", url, "run", "--demo", "--user", "anna", exit_after_ms=300)
    assert result.returncode == 0, result.stderr
    assert "open on" in result.stderr
    assert "signed in" not in result.stderr  # the sign-in window waited for the password
