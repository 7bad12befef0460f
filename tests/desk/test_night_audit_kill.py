"""`desk night-audit` killed with SIGKILL half-way, then run again: every night charged exactly once.

The command runs in a child process as a hotel's timer would run it; the child's own code holds it
once two stays are committed (nothing in the program waits for a test), and the test kills it there
with a real SIGKILL. Nothing in the killed process
gets to clean up: what the database holds is what a power cut would leave.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.hotel.models import Room
from desk.ledger.models import Posting
from desk.stays.business_day import business_date
from desk.stays.models import NightAudit, NightCharge
from tests.actors import demo_credentials
from tests.helpers import desk_in_process, kill_child_when

from .conftest import Hotel, assert_same_rows, without_sign_ins

STAYS = 6
KILLED_AFTER = 2
ROOT = Path(__file__).resolve().parents[2]


def _charged(hotel: Hotel) -> int:
    return hotel.query(lambda s: s.scalar(select(func.count()).select_from(NightCharge)) or 0)


def _audit_arguments(hotel: Hotel) -> list[str]:
    return ["--database", hotel.database.url, "night-audit", "--reason", "Night shift audit"]


def _audit_command(hotel: Hotel) -> list[str]:
    """The command as the timer starts it, in a process of its own: for the run that is killed and the one after.
    The tests of what one run says and does call the same ``main`` in the test (:func:`desk_in_process`)."""
    return ["-m", "desk", *_audit_arguments(hotel)]


# The child: the command itself, its runner held for good once KILLED_AFTER stays' nights are committed.
HELD_COMMAND = f"""
import sys, time
from desk.cli.main import main
from desk.db.runner import Runner
from desk.stays import night_audit

run, charged = Runner.run, []

def held(self, use_case, *args, **kwargs):
    outcome = run(self, use_case, *args, **kwargs)
    if use_case is night_audit.charge_night:
        charged.append(outcome)
        if len(charged) == {KILLED_AFTER}:
            time.sleep(3600)
    return outcome

Runner.run = held
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def manager_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.people.models import Role

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)


def _hotel_in_house(hotel: Hotel) -> list[int]:
    with hotel.database.writing() as session:
        session.add_all(Room(number=f"5{n:02d}", floor=5, room_type="Double") for n in range(STAYS))
    return [hotel.stay(nights=2, guests=2, room=f"5{n:02d}").reservation_id for n in range(STAYS)]


def test_a_night_audit_killed_half_way_and_run_again_charges_each_night_once(
        hotel: Hotel, manager_env: None, today: date):
    reservations = _hotel_in_house(hotel)
    code = f"import sys; sys.argv[1:] = {_audit_command(hotel)[2:]!r}\n{HELD_COMMAND}"
    killed = kill_child_when(code, lambda: _charged(hotel) >= KILLED_AFTER, "pause after two stays")
    assert killed.returncode == -signal.SIGKILL
    # Killed with two stays charged, the day not closed.
    assert _charged(hotel) == KILLED_AFTER
    assert hotel.query(business_date) == today

    again = subprocess.run([sys.executable, *_audit_command(hotel)], cwd=ROOT, capture_output=True, text=True,
                           timeout=120, env=os.environ.copy())
    assert again.returncode == 0, again.stderr
    assert f"{STAYS - KILLED_AFTER} nights charged" in again.stdout

    with hotel.database.unit_of_work() as session:
        rooms = session.execute(select(Posting.folio_id, func.count()).where(Posting.service_code == "ROOM")
                                .group_by(Posting.folio_id)).all()
        assert len(rooms) == STAYS and {count for _folio, count in rooms} == {1}
        charges = session.execute(select(NightCharge.reservation_id, NightCharge.night)
                                  .where(NightCharge.kind == "room")).all()
        assert sorted(charges) == sorted((r, today) for r in reservations)
        assert session.scalar(select(func.count()).select_from(NightAudit)) == 2  # both starts kept
    assert hotel.query(business_date) == today + timedelta(days=1)


def test_a_night_audit_run_again_the_same_night_doubles_nothing(hotel: Hotel, manager_env: None, today: date):
    _hotel_in_house(hotel)
    first = desk_in_process(*_audit_arguments(hotel))
    assert first.returncode == 0, first.stderr
    before = hotel.snapshot()
    # Run again before midnight: the new business day (tomorrow's) has not begun, so nothing is charged.
    second = desk_in_process(*_audit_arguments(hotel))
    assert second.returncode == 1
    assert f"Business day {today + timedelta(days=1)} has not begun yet" in second.stderr
    assert_same_rows(without_sign_ins(before), without_sign_ins(hotel.snapshot()))  # the manager signed in
    assert hotel.query(business_date) == today + timedelta(days=1)


def test_the_dry_run_lists_what_is_open_and_changes_nothing(hotel: Hotel, today: date):
    _hotel_in_house(hotel)
    before = hotel.snapshot()
    dry = desk_in_process("--database", hotel.database.url, "night-audit", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"Business date: {today.isoformat()}" in dry.stdout
    assert "Cash shift not closed: TEST-1 #1" in dry.stdout
    assert f"In-house stays to charge: {STAYS}; reservations to mark as no-shows: 0" in dry.stdout
    assert hotel.snapshot() == before


def test_open_items_without_a_reason_stop_the_command_before_anything_is_charged(hotel: Hotel, manager_env: None):
    _hotel_in_house(hotel)
    refused = desk_in_process("--database", hotel.database.url, "night-audit")
    assert refused.returncode == 3
    assert "Open items: 1. Settle them" in refused.stderr
    assert _charged(hotel) == 0


def test_the_timer_leaves_a_business_day_that_has_not_ended(hotel: Hotel, manager_env: None, today: date):
    """The systemd timer runs after midnight with --if-day-ended: today's business day (closed
    early by a manager the evening before, say) is left to end first."""
    _hotel_in_house(hotel)
    before = hotel.snapshot()
    timer = desk_in_process(*_audit_arguments(hotel), "--if-day-ended")
    assert timer.returncode == 0, timer.stderr
    assert f"Business day {today.isoformat()} has not ended yet: nothing to do" in timer.stdout
    assert hotel.snapshot() == before


def test_a_stay_the_ledger_refuses_is_named_and_the_day_left_open(hotel: Hotel, manager_env: None, today: date):
    from desk.core.money import Money
    from desk.stays.models import Reservation

    reservations = _hotel_in_house(hotel)
    with hotel.database.writing() as session:  # a rate in a currency the hotel does not charge
        wrong = session.get_one(Reservation, reservations[0])
        wrong.nightly_rate, number = Money.of("90", "USD" if hotel.currency != "USD" else "EUR"), wrong.number
    audit = desk_in_process(*_audit_arguments(hotel))
    assert audit.returncode == 1
    assert f"desk: reservation {number} not charged: Services are charged in" in audit.stderr
    assert f"{STAYS - 1} nights charged" in audit.stdout and "1 refused" in audit.stdout
    assert _charged(hotel) == STAYS - 1
    assert hotel.query(business_date) == today


def test_an_anchor_not_written_closes_the_day_and_warns_to_run_desk_audit_anchor(
        hotel: Hotel, manager_env: None, tmp_path: Path, today: date):
    _hotel_in_house(hotel)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the anchor folder should be")
    done = desk_in_process(*_audit_arguments(hotel), env={"DESK_AUDIT_ANCHOR_DIR": str(blocked)})
    assert done.returncode == 0, done.stderr
    assert f"Business day {today.isoformat()} closed: {STAYS} nights charged" in done.stdout
    assert "desk: warning: The night audit is done, but the audit trail's anchor could not be written to " \
           f"{blocked / 'trail.anchors.jsonl'}" in done.stderr
    assert "run “desk audit anchor” (the audit trail itself is intact)" in done.stderr
    assert hotel.query(business_date) == today + timedelta(days=1)
