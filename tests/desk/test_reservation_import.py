"""Reservations from another system's CSV: made, then updated by their external id (never
duplicated), a bad row reported with its line while the rest goes in, a dry run writing nothing.
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from desk.imports.csv_import import CsvRefused
from desk.imports.reservations import RowOutcome, import_reservations
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.companies import add_company
from desk.stays.models import Guest, Reservation, ReservationStatus
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused

DAY = date.today() + timedelta(days=20)
HEADER = "external_id;guests;guest_ids;room_type;room;arrival;departure;rate;company;status\n"


def _file(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode()


def _at(days: int) -> str:
    return (DAY + timedelta(days=days)).isoformat()


def _reservations(hotel: Hotel) -> list[tuple[str, date, date, str | None, str, ReservationStatus, list[str]]]:
    def read(session):  # type: ignore[no-untyped-def]
        return [(r.room_type, r.arrival, r.departure, r.room.number if r.room else None, str(r.nightly_rate),
                 r.status, [g.full_name for g in r.guests])
                for r in session.scalars(select(Reservation).where(Reservation.arrival >= DAY)
                                         .order_by(Reservation.id))]
    return hotel.query(read)


def test_import_then_reimport_updates_by_external_id_and_reports_bad_rows(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(add_company, "Sea Travel Ltd")
    first = _file(f"X-1;Olga Berg|Ivanov, Pyotr;G-7|;Double;;{_at(0)};{_at(3)};95.00;Sea Travel Ltd;",
                  f"X-2;Mila Petrova;;;102;{_at(1)};{_at(2)};;;confirmed",
                  f"X-3;Nobody;;Double;;{_at(5)};{_at(4)};;;",  # departure before arrival
                  f"X-4;Jan Novak;;Double;;{_at(6)};{_at(7)};;;tentative")
    done = manager.run(import_reservations, first, "export.csv")
    assert [(r.line, r.external_id, r.outcome) for r in done.rows] == [
        (2, "X-1", RowOutcome.NEW), (3, "X-2", RowOutcome.NEW)]
    assert [(line, problem.template) for line, problem in done.problems] == [
        (4, "Departure must be after arrival"),
        (5, "A reservation's status is confirmed or cancelled, not “{value}”")]
    made = _reservations(hotel)
    assert made == [("Double", DAY, DAY + timedelta(days=3), None, "EUR 95.00", ReservationStatus.CONFIRMED,
                     ["Olga Berg", "Pyotr Ivanov"]),
                    ("Double", DAY + timedelta(days=1), DAY + timedelta(days=2), "102", "EUR 110.00",
                     ReservationStatus.CONFIRMED, ["Mila Petrova"])]

    # The other system moved X-1 a day, X-2 was cancelled; the guest G-7 is found by id, not made again.
    again = _file(f"X-1;;G-7;Double;;{_at(1)};{_at(4)};95.00;Sea Travel Ltd;",
                  f"X-2;Mila Petrova;;;102;{_at(1)};{_at(2)};;;cancelled",
                  f"X-5;;G-7;Double;;{_at(8)};{_at(9)};;;")
    done = manager.run(import_reservations, again, "export.csv")
    assert [(r.external_id, r.outcome) for r in done.rows] == [
        ("X-1", RowOutcome.CHANGED), ("X-2", RowOutcome.CANCELLED), ("X-5", RowOutcome.NEW)]
    assert not done.problems
    after = _reservations(hotel)
    assert len(after) == 3
    assert after[0][1:3] == (DAY + timedelta(days=1), DAY + timedelta(days=4))
    assert after[1][5] is ReservationStatus.CANCELLED and after[2][6] == ["Olga Berg"]
    assert hotel.query(lambda s: s.scalar(select(func.count(Guest.id)).where(Guest.last_name == "Berg"))) == 1
    unchanged = manager.run(import_reservations, again, "export.csv")
    assert {r.outcome for r in unchanged.rows} == {RowOutcome.UNCHANGED} and len(_reservations(hotel)) == 3
    assert [c.summary for c in hotel.query(changes_of, "import")][-1].startswith("0 new, 0 changed, 0 cancelled")


def test_a_dry_run_shows_what_would_change_and_writes_nothing(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    before = hotel.snapshot()
    done = manager.run(import_reservations, _file(f"X-9;Olga Berg;;Double;;{_at(0)};{_at(2)};;;",
                                                  f"X-9b;Olga Berg;;Double;;next week;{_at(2)};;;"),
                       "export.csv", dry_run=True)
    assert done.dry_run and [(r.external_id, r.outcome) for r in done.rows] == [("X-9", RowOutcome.NEW)]
    assert [(line, problem.template) for line, problem in done.problems] == [
        (3, "“{value}” is not a date (YYYY-MM-DD)")]
    assert hotel.snapshot() == before


def test_a_clerk_may_not_import_and_a_file_of_another_kind_is_refused(hotel: Hotel):
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: hotel.run(import_reservations, _file(f"X-1;A B;;Double;;{_at(0)};{_at(1)};;;"), "f.csv"))
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, CsvRefused, "Column {column} is missing; {kind} need {columns}",
            lambda: manager.run(import_reservations, b"external_id;guests\nX;A B\n", "f.csv"))


def test_desk_import_reservations_dry_run_then_import(sqlite_hotel: Hotel, monkeypatch, capsys, tmp_path):
    from desk.cli.main import main
    from tests.actors import demo_credentials

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    file = tmp_path / "export.csv"
    file.write_bytes(_file(f"C-1;Olga Berg;;Double;;{_at(0)};{_at(2)};;;", f"C-2;Olga Berg;;Double;;{_at(3)};x;;;"))
    url = sqlite_hotel.database.url
    assert main(["--database", url, "import", "reservations", str(file), "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert "Would import from export.csv: 1 new, 0 changed, 0 cancelled, 0 unchanged, 1 refused" in captured.out
    assert "line 3: refused: “x” is not a date (YYYY-MM-DD)" in captured.err
    assert _reservations(sqlite_hotel) == []
    assert main(["--database", url, "import", "reservations", str(file)]) == 1
    assert "Imported from export.csv: 1 new" in capsys.readouterr().out
    assert len(_reservations(sqlite_hotel)) == 1
