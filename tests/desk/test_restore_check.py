"""A restore is checked in a scratch copy before it replaces anything, on SQLite and PostgreSQL.

A backup whose ledger row or trail entry was changed is refused with what was found; one older than
the trail's last anchor (a night audit wrote it after the backup) shows the anchored entries it lacks
and is restored only when a manager confirms; the restore is recorded in the restored trail.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desk.audit.anchors import TrailAnchor, anchor_file, read_anchors, write_anchor
from desk.audit.chain import last_link
from desk.audit.verify import verify
from desk.backup.copy import (
    BackupTampered,
    RegisterKeyNotHere,
    RestoreLosesAnchoredEntries,
    back_up,
    check_backup,
    restore,
)
from desk.db.engine import Database, shipped_schema_heads
from desk.fiscal.keys import key_path
from desk.fiscal.workflow import print_receipt
from desk.ledger.postings import post_charge
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused
from tests.desk.fiscal_rig import fiscal_hotel, paid_bill


def _busy_hotel(hotel: Hotel) -> int:
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Dinner", quantity=2, unit_price=hotel.money("35.50"))
    hotel.run(post_charge, bill_id=stay.bill_id, description="Spa", quantity=1, unit_price=hotel.money("60.00"))
    return stay.bill_id


def _backup(hotel: Hotel, path: Path) -> Path:
    manager = hotel.as_role(Role.MANAGER)
    back_up(manager.database, manager.actor, path)
    return path


def _rewrite(hotel: Hotel, table: str, change: str) -> None:
    """Change a row the database refuses to change, as someone with the file or the server's superuser could."""
    engine = hotel.database.engine
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))  # no triggers
            connection.execute(text(change))
        return
    with engine.begin() as connection:
        triggers = connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                           "AND tbl_name = :table"), {"table": table}).all()
        for name, _sql in triggers:
            connection.execute(text(f'DROP TRIGGER "{name}"'))
        connection.execute(text(change))
        for _name, sql in triggers:
            connection.execute(text(sql))


def test_a_clean_backup_checks_clean_and_its_restore_is_in_the_restored_trail(hotel: Hotel, tmp_path: Path):
    _busy_hotel(hotel)
    backup = _backup(hotel, tmp_path / "clean.backup")
    manager = hotel.as_role(Role.MANAGER)

    check = check_backup(hotel.database.url, manager.actor, backup)
    assert check.clean and not check.tampered and check.missing_entries is None
    assert check.schema == shipped_schema_heads()
    assert check.postings == 2 and check.bills >= 1 and check.trail_entries > 0
    if hotel.database.engine.dialect.name == "postgresql":  # the scratch database was dropped after the check
        with hotel.database.engine.connect() as connection:
            assert connection.execute(text("SELECT datname FROM pg_database WHERE datname LIKE "
                                           "'%restore_check'")).all() == []

    hotel.database.dispose()
    summary = restore(hotel.database.url, manager.actor, backup)
    assert summary.check == check
    database = Database(hotel.database.url)
    try:
        with database.unit_of_work() as session:
            [record] = changes_of(session, "restore")
            assert "checked: schema" in record.summary and "add up" in record.summary
            assert "CONFIRMED LOSS" not in record.summary
            assert verify(session).intact
    finally:
        database.dispose()


def test_a_backup_with_a_changed_ledger_row_is_refused_with_the_bill(hotel: Hotel, tmp_path: Path):
    bill_id = _busy_hotel(hotel)
    _rewrite(hotel, "posting", f"UPDATE posting SET amount = '{hotel.currency} 6.00' WHERE description = 'Spa'")
    backup = _backup(hotel, tmp_path / "tampered.backup")
    manager = hotel.as_role(Role.MANAGER)
    hotel.database.dispose()  # a restore is refused while a desk is connected: this test's own one is not
    error = refused(hotel, BackupTampered, "{file} does not hold what was written, and nothing was replaced: {found}",
                    lambda: restore(hotel.database.url, manager.actor, backup))
    found = str(error.params["found"])
    assert f"ledger: bill {bill_id} in {hotel.currency}: its rows add up to charges 77.00" in found
    assert "came to 131.00" in found


def test_a_backup_with_a_changed_trail_entry_is_refused_with_the_entry(hotel: Hotel, tmp_path: Path):
    _busy_hotel(hotel)
    _rewrite(hotel, "audit_entry", "UPDATE audit_entry SET summary = 'nothing happened' "
                                   "WHERE seq = (SELECT min(seq) FROM audit_entry WHERE kind = 'sign_in')")
    backup = _backup(hotel, tmp_path / "tampered.backup")
    manager = hotel.as_role(Role.MANAGER)
    hotel.database.dispose()  # a restore is refused while a desk is connected: this test's own one is not
    error = refused(hotel, BackupTampered, "{file} does not hold what was written, and nothing was replaced: {found}",
                    lambda: restore(hotel.database.url, manager.actor, backup))
    assert "audit trail: BROKEN at entry" in str(error.params["found"])
    assert "ledger" not in str(error.params["found"])


def test_a_backup_older_than_the_last_anchor_says_what_it_lacks_and_needs_a_managers_confirmation(
        hotel: Hotel, tmp_path: Path):
    _busy_hotel(hotel)
    backup = _backup(hotel, tmp_path / "yesterday.backup")
    manager = hotel.as_role(Role.MANAGER)
    hotel.stay()  # the day goes on after the backup: more entries in the trail...
    with hotel.database.writing() as session:
        anchor = write_anchor(session, "2026-12-06")  # ... and the night audit anchors the last of them
    assert anchor is not None

    check = check_backup(hotel.database.url, manager.actor, backup)
    assert not check.tampered and check.needs_confirmation and not check.clean
    assert check.missing_entries is not None
    assert (check.missing_entries.first, check.missing_entries.last) == (check.trail_entries + 1, anchor.seq)
    assert "the trail's later anchored entries are missing" in check.describe()

    hotel.database.dispose()
    error = refused(hotel, RestoreLosesAnchoredEntries,
                    "{file} is older than the audit trail's last anchor: the trail's later anchored entries are "
                    "missing (entries {first} to {last}, anchored by the night audit of {date}). Restoring it "
                    "loses them: a manager must confirm the restore",
                    lambda: restore(hotel.database.url, manager.actor, backup))
    assert (error.params["last"], error.params["date"]) == (anchor.seq, "2026-12-06")
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: restore(hotel.database.url, hotel.actor, backup, confirm_lost_anchored=True))

    hotel.database.dispose()
    summary = restore(hotel.database.url, manager.actor, backup, confirm_lost_anchored=True)
    assert summary.check.missing_entries == check.missing_entries
    database = Database(hotel.database.url)
    try:
        with database.unit_of_work() as session:
            [record] = changes_of(session, "restore")
        assert record.username == manager.actor.username
        assert record.summary.startswith(f"restored from {backup}, CONFIRMED LOSS: checked:")
        assert f"entries {check.trail_entries + 1} to {anchor.seq}" in record.summary
    finally:
        database.dispose()


KEY_FILE_NOT_HERE = ("The key file of register {register} is not on this machine: copy it to {path} from the "
                     "workstation where the register's documents were signed before restoring; nothing was replaced")


def test_a_register_whose_key_file_is_not_on_this_machine_is_its_own_refusal_not_tampering(
        hotel: Hotel, tmp_path: Path):
    rig = fiscal_hotel(hotel)
    assert print_receipt(rig.runner, rig.hotel.actor, paid_bill(rig.hotel), "FP-1", registers=rig.registers).printed
    backup = _backup(hotel, tmp_path / "with-receipts.backup")
    manager = hotel.as_role(Role.MANAGER)
    path = key_path("FP-1")
    path.rename(path.with_suffix(".away"))  # restoring on another workstation than the register's

    check = check_backup(hotel.database.url, manager.actor, backup)
    assert check.keys_not_here == ("FP-1",) and not check.tampered and not check.clean
    hotel.database.dispose()
    error = refused(hotel, RegisterKeyNotHere, KEY_FILE_NOT_HERE,
                    lambda: restore(hotel.database.url, manager.actor, backup))
    assert error.params["register"] == "FP-1" and error.params["path"] == str(path)

    path.with_suffix(".away").rename(path)  # copied over: the same backup restores
    assert restore(hotel.database.url, manager.actor, backup).check.keys_not_here == ()


def _restored_past_an_anchor(hotel: Hotel, tmp_path: Path):
    """A backup, a day's entries anchored after it, then the manager's confirmed restore of that backup."""
    _busy_hotel(hotel)
    backup = _backup(hotel, tmp_path / "yesterday.backup")
    manager = hotel.as_role(Role.MANAGER)
    hotel.stay()
    with hotel.database.writing() as session:
        anchor = write_anchor(session, "2026-12-06")
    assert anchor is not None
    hotel.database.dispose()
    summary = restore(hotel.database.url, manager.actor, backup, confirm_lost_anchored=True)
    assert summary.check.missing_entries is not None
    return anchor, summary.check.missing_entries, manager


def test_a_confirmed_restores_lost_entries_are_a_known_gap_a_tampered_anchor_line_stays_broken_a_later_anchor_holds(
        hotel: Hotel, tmp_path: Path):
    # One restore for both: on PostgreSQL each restore is two dumps applied (the check's and the real one).
    anchor, missing, manager = _restored_past_an_anchor(hotel, tmp_path)
    forged = TrailAnchor(anchor.seq, "0" * 64, anchor.at, anchor.business_date)  # not the line the restore names
    with hotel.database.unit_of_work() as session:
        report = verify(session, [forged])
    # Not the restore's known gap, so checked as ever: the restored trail (the backup's entries and the restore's
    # own) ends before the entry the line names, which the night audit anchored after the backup.
    assert not report.intact and report.known_gaps == ()
    assert report.entries < anchor.seq and report.broken_at == report.entries + 1
    assert report.reason == (f"entries {report.entries + 1} to {anchor.seq} removed: the anchor of the night audit of "
                             f"2026-12-06 names entry {anchor.seq} of {anchor.at}"), report.describe()

    for n in range(anchor.seq - hotel.query(last_link)[0] + 1):  # the desks work on, past the lost anchor's seq
        _backup(hotel, tmp_path / f"later-{n}.backup")
    with hotel.database.writing() as session:
        later = write_anchor(session, "2026-12-07")
    assert later is not None and later.seq >= anchor.seq
    anchors = read_anchors(anchor_file())
    assert [a.seq for a in anchors] == [anchor.seq, later.seq]  # the new line beside the lost one, never over it

    with hotel.database.unit_of_work() as session:
        report = verify(session, anchors)
        forged_now = verify(session, [forged])
    assert report.intact and report.anchors_held == 1, report.describe()
    [gap] = report.known_gaps
    assert (gap.first, gap.last, gap.business_date, gap.confirmed_by) == (
        missing.first, anchor.seq, "2026-12-06", manager.actor.username)
    assert (f"entries {missing.first} to {anchor.seq} lost by the restore of {gap.restored_at[:10]} confirmed by "
            f"{manager.actor.username}") in report.describe()
    # The trail now holds an entry of the forged line's number, just not the one it names: still broken, there.
    assert not forged_now.intact and forged_now.known_gaps == () and forged_now.broken_at == anchor.seq
    assert "the trail was written again from there" in forged_now.reason, forged_now.describe()


def test_a_gap_no_restore_confirmed_is_broken(hotel: Hotel, tmp_path: Path):
    _busy_hotel(hotel)
    with hotel.database.writing() as session:
        anchor = write_anchor(session, "2026-12-06")
    assert anchor is not None
    _rewrite(hotel, "audit_entry", f"DELETE FROM audit_entry WHERE seq >= {anchor.seq - 1}")  # the tail removed
    with hotel.database.unit_of_work() as session:
        report = verify(session, [anchor])
    assert not report.intact and report.known_gaps == ()
    assert f"entries {anchor.seq - 1} to {anchor.seq} removed: the anchor of the night audit of 2026-12-06" \
        in report.reason


def test_a_bill_total_changed_to_a_huge_amount_is_reported_not_a_crash(hotel: Hotel, tmp_path: Path):
    # bill_total is BigInteger: a changed row may hold more than any Money may, and the check is there to say so
    bill_id = _busy_hotel(hotel)
    _rewrite(hotel, "bill_total", f"UPDATE bill_total SET charges = 9000000000000000000 WHERE bill_id = {bill_id}")
    backup = _backup(hotel, tmp_path / "huge.backup")

    check = check_backup(hotel.database.url, hotel.as_role(Role.MANAGER).actor, backup)
    [finding] = [str(found) for found in check.tampered if "ledger" in str(found)]
    assert f"bill {bill_id} in {hotel.currency}: its rows add up to charges 131.00" in finding
    assert "came to 90000000000000000.00 and 0.00" in finding
