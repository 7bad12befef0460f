"""The demo hotel, the ``desk`` command, and migrations that match the models."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from desk.cli.main import main
from desk.db.engine import Database
from desk.db.schema import metadata
from desk.hotel.models import Room
from desk.ledger.folios import BillStatus, load_folio
from desk.ledger.models import Folio
from desk.stays.models import Reservation, ReservationGuest, ReservationStatus


def test_demo_hotel_has_stays_in_every_state(database_url: str):
    assert main(["--database", database_url, "demo"]) == 0
    database = Database(database_url)
    with database.unit_of_work() as session:
        assert session.scalar(select(func.count(Room.id))) == 40
        statuses = Counter(session.scalars(select(Reservation.status)))
        assert statuses[ReservationStatus.IN_HOUSE] >= 20
        assert statuses[ReservationStatus.CONFIRMED] >= 5
        assert statuses[ReservationStatus.CHECKED_OUT] >= 5
        assert statuses[ReservationStatus.CANCELLED] >= 1
        shared = session.execute(
            select(ReservationGuest.reservation_id).group_by(ReservationGuest.reservation_id)
            .having(func.count() > 1)
        ).all()
        assert shared, "some rooms are shared by several guests"
        views = [load_folio(session, folio_id) for folio_id in session.scalars(select(Folio.id))]
        owners = Counter(
            "reservation" if v.folio.reservation_id else "company" if v.folio.company_id
            else "event" if v.folio.event_id else "walk-in" for v in views)
        assert owners["company"] >= 1 and owners["walk-in"] >= 1
        status = Counter(b.status for v in views for b in v.bills)
        for expected in (BillStatus.PAID, BillStatus.PARTIALLY_PAID, BillStatus.NOT_PAID):
            assert status[expected] > 0, expected
        for view in views:
            if view.folio.reservation and view.folio.reservation.status is ReservationStatus.CHECKED_OUT:
                assert not view.balance, f"{view.folio.owner_label} left with {view.balance}"
        descriptions = {line.posting.description for v in views for line in v.postings}
        assert {"Accommodation", "Restaurant"} <= descriptions
        assert any(d.startswith("Minibar") for d in descriptions)
    # A second seeding refuses, --if-empty is quiet.
    assert main(["--database", database_url, "demo"]) == 1
    assert main(["--database", database_url, "demo", "--if-empty"]) == 0
    database.dispose()


def test_migrations_build_exactly_the_models(database_url: str):
    database = Database(database_url)
    with database.engine.connect() as connection:
        def made_on_this_database(item: object, _name: object, _kind: str, reflected: bool, _other: object) -> bool:
            # Alembic compares an index the models make on one database only (Index.ddl_if) on every one.
            condition = getattr(item, "_ddl_if", None)
            return reflected or condition is None or condition._should_execute(item, item, connection)
        context = MigrationContext.configure(connection, opts={"include_object": made_on_this_database})
        diff = compare_metadata(context, metadata)
    assert diff == []
    database.dispose()


@pytest.mark.shipped_settings
def test_upgrade_is_idempotent_and_python_m_desk_works(sqlite_url: str, monkeypatch):
    assert main(["--database", sqlite_url, "db", "upgrade"]) == 0
    assert main(["--database", sqlite_url, "db", "upgrade"]) == 0
    result = subprocess.run([sys.executable, "-m", "desk", "db", "url"], capture_output=True, text=True,
                            env={"DESK_DATABASE_URL": sqlite_url, "PATH": "/usr/bin:/bin"}, check=True)
    assert result.stdout.strip() == sqlite_url
    # Every command checks the schema first; how it did is told only with -v.
    quiet, verbose = (subprocess.run([sys.executable, "-m", "desk", *flags, "pos", "code", "list"],
                                     capture_output=True, text=True, check=True,
                                     env={"DESK_DATABASE_URL": sqlite_url, "PATH": "/usr/bin:/bin"})
                      for flags in ([], ["-v"]))
    assert "alembic" not in quiet.stderr and "alembic" in verbose.stderr


def test_default_database_is_a_wal_sqlite_file_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    database = Database()
    assert database.url == f"sqlite:///{tmp_path}/frontdesk-cashier/desk.sqlite3"
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.dispose()


def test_desk_mail_sets_and_shows_the_smtp_server_and_refuses_bad_input(sqlite_hotel, capsys, monkeypatch):
    from desk.mail.outbox import mail_config

    sqlite_url = sqlite_hotel.database.url
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")

    assert main(["--database", sqlite_url, "mail", "show"]) == 0
    assert "No mail server is set" in capsys.readouterr().out
    assert main(["--database", sqlite_url, "mail", "set", "--host", "smtp.example.org", "--port", "2525",
                 "--security", "none", "--user", "desk", "--sender", "desk@example.org"]) == 1
    assert "choose STARTTLS or TLS, or clear the user" in capsys.readouterr().err
    assert main(["--database", sqlite_url, "mail", "set", "--host", "smtp.example.org", "--port", "2525",
                 "--security", "starttls", "--user", "desk", "--sender", "desk@example.org"]) == 0
    assert "SMTP smtp.example.org:2525 (starttls, login desk), from desk@example.org" in capsys.readouterr().out
    assert main(["--database", sqlite_url, "mail", "set", "--host", "smtp.example.org",
                 "--sender", "not an address"]) == 1
    assert "not an e-mail address" in capsys.readouterr().err
    database = Database(sqlite_url)
    try:
        with database.unit_of_work() as session:
            config = mail_config(session)
    finally:
        database.dispose()
    assert config is not None and (config.host, config.port, config.sender) == ("smtp.example.org", 2525,
                                                                                 "desk@example.org")


def test_no_index_repeats_the_leading_column_of_the_card_readers_unique_constraint(database_url: str):
    """A look-up by operator uses the unique (operator_id, workstation) constraint's index: one more on operator_id
    alone was one more write on every change (dropped by 0059)."""
    from sqlalchemy import inspect

    database = Database(database_url)
    inspector = inspect(database.engine)
    indexed = [index["column_names"] for index in inspector.get_indexes("card_operator_reader")]
    assert ["operator_id"] not in indexed
    unique = [constraint["column_names"] for constraint in inspector.get_unique_constraints("card_operator_reader")]
    assert ["operator_id", "workstation"] in unique
    database.dispose()
