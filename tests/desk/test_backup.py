"""Backup and restore of the whole database, on SQLite and PostgreSQL.

A backup taken while another process posts is one consistent moment of the ledger; a restore puts
exactly that moment back (and upgrades a backup of an older schema); a file that is not a desk
backup, is damaged, comes from a newer program or meets other desks still connected is refused by
name, with nothing replaced.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, make_url, select, text
from sqlalchemy.orm import Session

import desk.backup.copy
from desk.backup.copy import (
    BackupDamaged,
    BackupFromNewerSchema,
    NotADeskBackup,
    OtherDesksConnected,
    back_up,
    inspect_backup,
    restore,
)
from desk.core.errors import InvalidInput
from desk.core.money import minor_units
from desk.db.engine import Database, alembic_config, make_engine, shipped_schema_heads
from desk.ledger.models import BillTotal, Posting
from desk.ledger.postings import post_charge
from desk.people.auth import trusted_actor
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused

ROOT = Path(__file__).resolve().parents[2]

# Posts one charge after another on a bill until it is killed: another desk at work.
WRITER = """
import sys
from desk.core.money import Money
from desk.db.engine import Database
from desk.ledger.postings import post_charge
from desk.people.models import Role
from tests.actors import signed_in, use_the_suites_hash_cost
use_the_suites_hash_cost()
url, bill, currency = sys.argv[1], int(sys.argv[2]), sys.argv[3]
database = Database(url)
actor = signed_in(database, Role.CLERK, "TEST-2")
print("ready", flush=True)
while True:
    with database.writing() as session:
        post_charge(session, actor, bill_id=bill, description="Minibar", quantity=1,
                    unit_price=Money.of("1.00", currency))
"""


def _manager(hotel: Hotel) -> Hotel:
    return hotel.as_role(Role.MANAGER)


def _postings(hotel: Hotel) -> int:
    return hotel.query(lambda session: session.scalar(select(func.count(Posting.id)))) or 0


def _ledger(url: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every posting and every bill's kept total, read on a connection of its own."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            postings = [(row.id, row.bill_id, row.amount, row.description)
                        for row in session.scalars(select(Posting).order_by(Posting.id))]
            totals = [(row.bill_id, row.currency, row.charges, row.entries)
                      for row in session.scalars(select(BillTotal).order_by(BillTotal.bill_id, BillTotal.currency))]
    finally:
        engine.dispose()
    return postings, totals


def _start_writer(url: str, bill_id: int, currency: str) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", WRITER, url, str(bill_id), currency], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def test_a_backup_taken_while_another_desk_posts_restores_one_moment_of_the_ledger(hotel: Hotel, tmp_path: Path):
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Dinner", quantity=2, unit_price=hotel.money("35.50"))
    manager = _manager(hotel)
    writer = _start_writer(hotel.database.url, stay.bill_id, hotel.currency)
    posted_while_copying = []

    def wait_for_the_writer(done: int, total: int) -> None:
        # The first step has copied part of the file: the writer posts three more before it goes on.
        if not posted_while_copying:
            before = _postings(hotel)
            deadline = time.monotonic() + 10
            while _postings(hotel) < before + 3 and time.monotonic() < deadline:
                time.sleep(0.01)
            posted_while_copying.append(_postings(hotel) - before)

    target = tmp_path / "backups" / "hotel.backup"
    target.parent.mkdir()
    try:
        info = back_up(manager.database, manager.actor, target, progress=wait_for_the_writer)
    finally:
        writer.kill()
        writer.wait()
    assert posted_while_copying and posted_while_copying[0] >= 3
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert info.schema == shipped_schema_heads() and info.kind == hotel.database.engine.dialect.name
    recorded = manager.query(changes_of, "backup")
    assert [(change.username, change.code) for change in recorded] == [(manager.actor.username, "hotel.backup")]

    postings_now, _ = _ledger(hotel.database.url)
    hotel.run(post_charge, bill_id=stay.bill_id, description="After the backup", quantity=1,
              unit_price=hotel.money("9.00"))
    hotel.database.dispose()
    summary = restore(hotel.database.url, manager.actor, target)

    restored, totals = _ledger(hotel.database.url)
    assert summary.schema == shipped_schema_heads() and summary.upgraded_from is None
    # One moment: the postings up to some point of the writer's run, each as it was...
    assert restored == postings_now[:len(restored)] and len(restored) < len(postings_now)
    assert all(description != "After the backup" for *_, description in restored)
    # ... and every bill's kept total is the sum of exactly those postings.
    for bill_id, currency, charges, entries in totals:
        own = [amount.amount for _id, bill, amount, _ in restored if bill == bill_id]
        assert charges == sum(own) * 10 ** minor_units(currency), (bill_id, currency, entries)
    database = Database(hotel.database.url)
    try:
        with database.unit_of_work() as session:
            restores = changes_of(session, "restore")
        assert [(change.username, change.code) for change in restores] == [(manager.actor.username, "hotel.backup")]
    finally:
        database.dispose()


def test_a_clerk_may_not_back_up(hotel: Hotel, tmp_path: Path):
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: back_up(hotel.database, hotel.actor, tmp_path / "b"))
    assert not (tmp_path / "b").exists()


def test_a_backup_never_overwrites_a_file(hotel: Hotel, tmp_path: Path):
    manager = _manager(hotel)
    target = tmp_path / "taken"
    target.write_text("the hotel's accounts", encoding="utf-8")
    refused(hotel, InvalidInput, "{file} exists already: choose another name",
            lambda: back_up(manager.database, manager.actor, target), field="file")
    assert target.read_text(encoding="utf-8") == "the hotel's accounts"


def _backup_of(hotel: Hotel, tmp_path: Path, name: str = "hotel.backup") -> Path:
    manager = _manager(hotel)
    target = tmp_path / name
    back_up(manager.database, manager.actor, target)
    return target


def test_a_file_that_is_no_backup_is_refused_by_name(hotel: Hotel, tmp_path: Path):
    manager = _manager(hotel)
    foreign = tmp_path / "notes.txt"
    foreign.write_bytes(b"Room 101: extra towels\n" * 100)
    other_sqlite = tmp_path / "other.sqlite3"
    with sqlite3.connect(other_sqlite) as connection:
        connection.execute("CREATE TABLE song (title TEXT)")
    connection.close()
    for file in (foreign, other_sqlite, tmp_path / "missing.backup"):
        error = refused(hotel, NotADeskBackup, "{file} is not a backup of the desk's database",
                        lambda file=file: restore(hotel.database.url, manager.actor, file))
        assert error.params["file"] == file.name


def test_a_damaged_backup_is_refused_and_nothing_replaced(hotel: Hotel, tmp_path: Path):
    manager = _manager(hotel)
    backup = _backup_of(hotel, tmp_path)
    data = bytearray(backup.read_bytes())
    damaged = tmp_path / "damaged.backup"
    # Half of the file lost (a copy cut short), the rest as it was: the start still says what it is.
    damaged.write_bytes(bytes(data[: len(data) // 2]))
    refused(hotel, BackupDamaged, "{file} is damaged: {reason}",
            lambda: restore(hotel.database.url, manager.actor, damaged))


def _with_schema(backup: Path, revision: str, hotel: Hotel, tmp_path: Path) -> Path:
    """A backup whose schema is ``revision``, as another version of the program would have made it."""
    if hotel.database.engine.dialect.name == "sqlite":
        copy = tmp_path / f"{revision}.backup"
        copy.write_bytes(backup.read_bytes())
        with sqlite3.connect(copy) as connection:
            connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        connection.close()
        return copy
    with hotel.database.engine.begin() as connection:
        heads = list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    try:
        return _backup_of(hotel, tmp_path, f"{revision}.backup")
    finally:
        with hotel.database.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": heads[0]})


def test_a_backup_of_a_newer_program_is_refused(hotel: Hotel, tmp_path: Path):
    manager = _manager(hotel)
    newer = _with_schema(_backup_of(hotel, tmp_path), "0099_from_the_future", hotel, tmp_path)
    refused(hotel, BackupFromNewerSchema,
            "{file} was made by a newer version of the desk (schema {schema}): upgrade this one first",
            lambda: restore(hotel.database.url, manager.actor, newer))


def test_a_backup_of_an_older_schema_is_upgraded_as_it_is_restored(hotel: Hotel, database_url: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch):
    manager = _manager(hotel)
    older_url = (f"sqlite:///{tmp_path}/older.sqlite3" if database_url.startswith("sqlite")
                 else database_url.rsplit("/", 1)[0] + "/" + make_url(database_url).database + "_older")
    if not database_url.startswith("sqlite"):
        with psycopg.connect(make_url(database_url).set(drivername="postgresql", database="postgres")
                             .render_as_string(hide_password=False), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {make_url(older_url).database}")
    older = Database(older_url, upgrade=False)
    from alembic import command

    command.upgrade(alembic_config(older.engine), "0031_register_kinds")
    backup = tmp_path / "older.backup"
    # Today's desk records its backup in the audit trail, which a 0031 database does not have; the desk
    # that made such a backup recorded it in its own way. What is tested is the file and its upgrade.
    monkeypatch.setattr("desk.backup.copy.record_change", lambda *args, **kwargs: None)
    back_up(older, trusted_actor("maria", "TEST-1", Role.MANAGER), backup)
    older.dispose()
    assert inspect_backup(backup).schema == frozenset({"0031_register_kinds"})

    hotel.database.dispose()
    summary = restore(database_url, manager.actor, backup)
    assert summary.upgraded_from == frozenset({"0031_register_kinds"}) and summary.schema == shipped_schema_heads()
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            assert frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars()) \
                == shipped_schema_heads()
            assert connection.execute(text("SELECT count(*) FROM posting")).scalar_one() == 0
    finally:
        engine.dispose()


def test_a_restore_is_refused_while_another_desk_is_connected(hotel: Hotel, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    # On SQLite the restore waits this long for the other desk's lock, which a stopped desk never lets go.
    monkeypatch.setattr(desk.backup.copy, "_EXCLUSIVE_PATIENCE_S", 0.1)
    manager = _manager(hotel)
    backup = _backup_of(hotel, tmp_path)
    stay = hotel.stay()
    writer = _start_writer(hotel.database.url, stay.bill_id, hotel.currency)
    try:
        hotel.database.dispose()
        before = _ledger(hotel.database.url)
        writer.send_signal(signal.SIGSTOP)  #: still connected, writing nothing meanwhile
        try:
            refused(hotel, OtherDesksConnected,
                    "Other workstations are connected to the database: close the desk and the POS service "
                    "on each of them, then restore",
                    lambda: restore(hotel.database.url, manager.actor, backup))
        finally:
            writer.send_signal(signal.SIGCONT)
    finally:
        writer.kill()
        writer.wait()
    assert _ledger(hotel.database.url)[0][: len(before[0])] == before[0]


def test_desk_backup_and_restore_commands(sqlite_hotel: Hotel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]):
    from desk.cli.main import main
    from tests.actors import demo_credentials

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    url = sqlite_hotel.database.url
    stay = sqlite_hotel.stay()
    sqlite_hotel.run(post_charge, bill_id=stay.bill_id, description="Dinner", quantity=1,
                     unit_price=sqlite_hotel.money("20.00"))
    before = _ledger(url)
    target = tmp_path / "nightly.backup"
    sqlite_hotel.database.dispose()
    assert main(["--database", url, "backup", str(target)]) == 0
    assert "nightly.backup" in capsys.readouterr().out
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    database = Database(url)
    with database.writing() as session:
        post_charge(session, sqlite_hotel.actor, bill_id=stay.bill_id,
                    description="Later", quantity=1, unit_price=sqlite_hotel.money("1.00"))
    database.dispose()
    assert main(["--database", url, "restore", "--check", str(target)]) == 0
    assert "add up; trail:" in capsys.readouterr().out
    assert main(["--database", url, "restore", str(target)]) == 0
    assert "checked first: schema" in capsys.readouterr().out
    assert _ledger(url) == before
    assert main(["--database", url, "restore", str(tmp_path / "nothing.backup")]) == 1
    assert "nothing.backup is not a backup of the desk's database" in capsys.readouterr().err


def test_a_sqlite_restore_checks_the_staged_copy_and_moves_that_very_file_into_place(
        sqlite_hotel: Hotel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """One copy and one upgrade: the file the check opened is the file renamed over the database, and the old
    database waits beside it as ``.before-restore`` until the restored one has opened."""
    import desk.backup.copy as copy

    hotel = sqlite_hotel
    manager = _manager(hotel)
    backup = _backup_of(hotel, tmp_path)
    at_backup = _ledger(hotel.database.url)
    stay = hotel.stay()  # written after the backup: the restore takes it away
    hotel.run(post_charge, bill_id=stay.bill_id, description="After the backup", quantity=1,
              unit_price=hotel.money("9.00"))
    live = Path(str(make_url(hotel.database.url).database))
    copies: list[Path] = []
    checked: list[str] = []
    real_copy, real_check = copy.shutil.copyfile, copy._check_scratch
    monkeypatch.setattr(copy.shutil, "copyfile", lambda src, dst: copies.append(Path(dst)) or real_copy(src, dst))
    monkeypatch.setattr(copy, "_check_scratch", lambda url, info: checked.append(url) or real_check(url, info))
    seen_before: list[bool] = []
    real_recorded = copy._recorded

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen_before.append(live.with_name(live.name + ".before-restore").exists())
        return real_recorded(*args, **kwargs)

    monkeypatch.setattr(copy, "_recorded", recorded)
    hotel.database.dispose()
    restore(hotel.database.url, manager.actor, backup)
    assert len(copies) == 1 and copies[0].parent == live.parent  # staged beside the database: one filesystem
    assert checked == [f"sqlite:///{copies[0]}"]
    assert seen_before == [True]  # the old file was kept until the restored one had opened...
    assert not live.with_name(live.name + ".before-restore").exists()  # ...and only then let go
    assert not copies[0].exists() and stat.S_IMODE(live.stat().st_mode) == 0o600
    assert _ledger(hotel.database.url) == at_backup


def test_a_restored_sqlite_file_that_will_not_open_puts_the_hotels_own_back(
        sqlite_hotel: Hotel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import desk.backup.copy as copy

    hotel = sqlite_hotel
    manager = _manager(hotel)
    backup = _backup_of(hotel, tmp_path)
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="After the backup", quantity=1,
              unit_price=hotel.money("9.00"))
    before = _ledger(hotel.database.url)

    def will_not_open(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.DatabaseError("file is not a database")

    monkeypatch.setattr(copy, "_recorded", will_not_open)
    hotel.database.dispose()
    with pytest.raises(sqlite3.DatabaseError):
        restore(hotel.database.url, manager.actor, backup)
    live = Path(str(make_url(hotel.database.url).database))
    assert not live.with_name(live.name + ".before-restore").exists()
    assert _ledger(hotel.database.url) == before  # the hotel's own file, with what was written after the backup
