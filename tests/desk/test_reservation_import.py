"""Reservations from another system's CSV: made, then updated by their external id (never
duplicated), a bad row reported with its line while the rest goes in, a dry run writing nothing.
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desk.core.errors import BillNotSettled
from desk.imports import reservations as reservation_import
from desk.imports.csv_import import CsvRefused
from desk.imports.models import ImportedReservation
from desk.imports.reservations import RowOutcome, import_reservations
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.postings import post_charge
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.business_day import business_date
from desk.stays.companies import add_company
from desk.stays.models import Guest, Reservation, ReservationStatus, StayChange
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused

HEADER = "external_id;guests;guest_ids;room_type;room;arrival;departure;rate;company;status\n"


@pytest.fixture
def day(today: date) -> date:
    """The day the imported stays arrive: ahead of any business date the test reaches."""
    return today + timedelta(days=20)


def _file(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode()


def _at(day: date, days: int) -> str:
    return (day + timedelta(days=days)).isoformat()


def _reservations(hotel: Hotel, day: date,
                  ) -> list[tuple[str, date, date, str | None, str, ReservationStatus, list[str]]]:
    def read(session):  # type: ignore[no-untyped-def]
        return [(r.room_type, r.arrival, r.departure, r.room.number if r.room else None, str(r.nightly_rate),
                 r.status, [g.full_name for g in r.guests])
                for r in session.scalars(select(Reservation).where(Reservation.arrival >= day)
                                         .order_by(Reservation.id))]
    return hotel.query(read)


def test_import_then_reimport_updates_by_external_id_and_reports_bad_rows(hotel: Hotel, day: date):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(add_company, "Sea Travel Ltd")
    first = _file(f"X-1;Olga Berg|Ivanov, Pyotr;G-7|;Double;;{_at(day, 0)};{_at(day, 3)};95.00;Sea Travel Ltd;",
                  f"X-2;Mila Petrova;;;102;{_at(day, 1)};{_at(day, 2)};;;confirmed",
                  f"X-3;Nobody;;Double;;{_at(day, 5)};{_at(day, 4)};;;",  # departure before arrival
                  f"X-4;Jan Novak;;Double;;{_at(day, 6)};{_at(day, 7)};;;tentative")
    done = manager.run(import_reservations, first, "export.csv")
    assert [(r.line, r.external_id, r.outcome) for r in done.rows] == [
        (2, "X-1", RowOutcome.NEW), (3, "X-2", RowOutcome.NEW)]
    assert [(line, problem.template) for line, problem in done.problems] == [
        (4, "Departure must be after arrival"),
        (5, "A reservation's status is confirmed, in_house, checked_out, no_show or cancelled, not “{value}”")]
    made = _reservations(hotel, day)
    assert made == [("Double", day, day + timedelta(days=3), None, "EUR 95.00", ReservationStatus.CONFIRMED,
                     ["Olga Berg", "Pyotr Ivanov"]),
                    ("Double", day + timedelta(days=1), day + timedelta(days=2), "102", "EUR 110.00",
                     ReservationStatus.CONFIRMED, ["Mila Petrova"])]

    # The other system moved X-1 a day, X-2 was cancelled; the guest G-7 is found by id, not made again.
    again = _file(f"X-1;;G-7;Double;;{_at(day, 1)};{_at(day, 4)};95.00;Sea Travel Ltd;",
                  f"X-2;Mila Petrova;;;102;{_at(day, 1)};{_at(day, 2)};;;cancelled",
                  f"X-5;;G-7;Double;;{_at(day, 8)};{_at(day, 9)};;;")
    done = manager.run(import_reservations, again, "export.csv")
    assert [(r.external_id, r.outcome) for r in done.rows] == [
        ("X-1", RowOutcome.CHANGED), ("X-2", RowOutcome.CANCELLED), ("X-5", RowOutcome.NEW)]
    assert not done.problems
    after = _reservations(hotel, day)
    assert len(after) == 3
    assert after[0][1:3] == (day + timedelta(days=1), day + timedelta(days=4))
    assert after[1][5] is ReservationStatus.CANCELLED and after[2][6] == ["Olga Berg"]
    assert hotel.query(lambda s: s.scalar(select(func.count(Guest.id)).where(Guest.last_name == "Berg"))) == 1
    unchanged = manager.run(import_reservations, again, "export.csv")
    assert {r.outcome for r in unchanged.rows} == {RowOutcome.UNCHANGED} and len(_reservations(hotel, day)) == 3
    assert [c.summary for c in hotel.query(changes_of, "import")][-1].startswith("0 new, 0 changed, 0 cancelled")


def test_a_dry_run_shows_what_would_change_and_writes_nothing(hotel: Hotel, day: date):
    manager = hotel.as_role(Role.MANAGER)
    before = hotel.snapshot()
    done = manager.run(import_reservations, _file(f"X-9;Olga Berg;;Double;;{_at(day, 0)};{_at(day, 2)};;;",
                                                  f"X-9b;Olga Berg;;Double;;next week;{_at(day, 2)};;;"),
                       "export.csv", dry_run=True)
    assert done.dry_run and [(r.external_id, r.outcome) for r in done.rows] == [("X-9", RowOutcome.NEW)]
    assert [(line, problem.template) for line, problem in done.problems] == [
        (3, "“{value}” is not a date (YYYY-MM-DD)")]
    assert hotel.snapshot() == before


def test_a_clerk_may_not_import_and_a_file_of_another_kind_is_refused(hotel: Hotel, day: date):
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: hotel.run(import_reservations, _file(f"X-1;A B;;Double;;{_at(day, 0)};{_at(day, 1)};;;"), "f.csv"))
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, CsvRefused, "Column {column} is missing; {kind} need {columns}",
            lambda: manager.run(import_reservations, b"external_id;guests\nX;A B\n", "f.csv"))


def test_desk_import_reservations_dry_run_then_import(sqlite_hotel: Hotel, monkeypatch, capsys, tmp_path, day):
    from desk.cli.main import main
    from tests.actors import demo_credentials

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    file = tmp_path / "export.csv"
    file.write_bytes(_file(f"C-1;Olga Berg;;Double;;{_at(day, 0)};{_at(day, 2)};;;",
                           f"C-2;Olga Berg;;Double;;{_at(day, 3)};x;;;"))
    url = sqlite_hotel.database.url
    assert main(["--database", url, "import", "reservations", str(file), "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert "Would import from export.csv: 1 new, 0 changed, 0 cancelled, 0 unchanged, 1 refused" in captured.out
    assert "line 3: refused: “x” is not a date (YYYY-MM-DD)" in captured.err
    assert _reservations(sqlite_hotel, day) == []
    assert main(["--database", url, "import", "reservations", str(file)]) == 1
    assert "Imported from export.csv: 1 new" in capsys.readouterr().out
    assert len(_reservations(sqlite_hotel, day)) == 1


def _stays(hotel: Hotel) -> dict[str, tuple[ReservationStatus, str | None, bool, bool]]:
    """Each imported reservation by its external id: status, room, checked in, checked out."""
    def read(session):  # type: ignore[no-untyped-def]
        return {external_id: (r.status, r.room.number if r.room else None, r.checked_in_at is not None,
                              r.checked_out_at is not None)
                for external_id, r in session.execute(select(ImportedReservation.external_id, Reservation)
                                                      .join(Reservation).order_by(Reservation.id))}
    return hotel.query(read)


def test_every_status_of_a_real_export_goes_in_as_the_desk_would_have_it(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    today = hotel.query(business_date)

    def at(days: int) -> str:
        return (today + timedelta(days=days)).isoformat()

    book = _file(f"S-1;Olga Berg;;;101;{at(-2)};{at(2)};;;in_house",
                 f"S-2;Mila Petrova;;;102;{at(-10)};{at(-7)};;;checked_out",
                 f"S-3;Jan Novak;;Double;;{at(-1)};{at(1)};;;no_show",
                 f"S-4;Ivan Ivanov;;Double;;{at(-1)};{at(1)};;;confirmed",
                 f"S-5;Anna Kern;;;101;{at(0)};{at(1)};;;",
                 f"S-6;Petr Holub;;Double;;{at(-1)};{at(1)};;;in_house",
                 f"S-7;Eva Lind;;;102;{at(-2)};{at(1)};;;checked_out",
                 f"S-8;Tom Berg;;Double;;{at(-30)};{at(-28)};;;cancelled",
                 f"S-9;Nina Roth;;Double;;{at(0)};{at(1)};;;",
                 f"S-10;Karl Roth;;Double;;{at(0)};{at(1)};;;")
    done = manager.run(import_reservations, book, "book.csv")
    assert [(r.line, r.external_id, r.outcome, r.status) for r in done.rows] == [
        (2, "S-1", RowOutcome.NEW, ReservationStatus.IN_HOUSE),
        (3, "S-2", RowOutcome.NEW, ReservationStatus.CHECKED_OUT),
        (4, "S-3", RowOutcome.NEW, ReservationStatus.NO_SHOW),
        (9, "S-8", RowOutcome.NEW, ReservationStatus.CANCELLED),
        (10, "S-9", RowOutcome.NEW, ReservationStatus.CONFIRMED)]
    assert [(line, problem.template) for line, problem in done.problems] == [
        (5, "Arrival {arrival} is before the business date {date}: give the status in_house, checked_out or no_show"),
        (6, "Room {room} is taken on the night of {night} (reservation {reservation})"),
        (7, "A guest in house needs a room: give its number in room"),
        (8, "A checked-out stay left by the business date {date}"),
        # 101 is S-1's and 102 S-9's (booked by type, a row before): none is left of the type.
        (11, "No {type} room is free on the night of {night}")]
    assert _stays(hotel) == {
        "S-1": (ReservationStatus.IN_HOUSE, "101", True, False),
        "S-2": (ReservationStatus.CHECKED_OUT, "102", True, True),
        "S-3": (ReservationStatus.NO_SHOW, None, False, False),
        "S-8": (ReservationStatus.CANCELLED, None, False, False),
        "S-9": (ReservationStatus.CONFIRMED, None, False, False)}
    stays = hotel.query(lambda s: {r.number: r for r in s.scalars(select(Reservation))})
    numbers = [row.number for row in done.rows]
    assert sorted(numbers) == sorted(stays) and all(number.startswith("R") for number in numbers)
    # Each stay has its folio and a first bill with nothing on it: no past night is posted.
    for row in done.rows:
        folio = hotel.query(lambda s, n=row.number: load_folio(s, folio_of_reservation(s, stays[n].id)))
        assert [b.balance for b in folio.bills] == [hotel.money("0.00")] and not folio.deposit_balance
    assert [c.summary for c in hotel.query(changes_of, "import")][-1] == "5 new, 0 changed, 0 cancelled, " \
        "5 refused from book.csv"
    again = manager.run(import_reservations, book, "book.csv")
    assert {r.outcome for r in again.rows} == {RowOutcome.UNCHANGED}
    assert [line for line, _problem in again.problems] == [5, 6, 7, 8, 11] and len(_stays(hotel)) == 5


def test_a_re_import_takes_a_stay_through_check_in_and_out_and_never_back(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    today = hotel.query(business_date)
    row = f"M-1;Olga Berg;;;102;{today.isoformat()};{(today + timedelta(days=2)).isoformat()};;;"
    assert manager.run(import_reservations, _file(row + "confirmed"), "a.csv").rows[0].outcome is RowOutcome.NEW
    for status, outcome in (("in_house", RowOutcome.CHANGED), ("in_house", RowOutcome.UNCHANGED),
                            ("checked_out", RowOutcome.CHANGED)):
        done = manager.run(import_reservations, _file(row + status), "a.csv")
        assert [(r.outcome, r.status) for r in done.rows] == [(outcome, ReservationStatus(status))]
    assert _stays(hotel) == {"M-1": (ReservationStatus.CHECKED_OUT, "102", True, True)}
    done = manager.run(import_reservations, _file(row + "confirmed"), "a.csv")
    assert [(line, problem.template) for line, problem in done.problems] == [
        (2, "Reservation {reservation} is checked out, not confirmed")]
    assert _stays(hotel) == {"M-1": (ReservationStatus.CHECKED_OUT, "102", True, True)}


def test_a_re_import_does_not_check_out_a_guest_who_owes_money(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    today = hotel.query(business_date)
    row = f"M-2;Olga Berg;;;101;{(today - timedelta(days=1)).isoformat()};{(today + timedelta(days=1)).isoformat()};;;"
    [made] = manager.run(import_reservations, _file(row + "in_house"), "a.csv").rows
    bill_id = hotel.query(lambda s: min(b.bill.id for b in load_folio(
        s, folio_of_reservation(s, s.scalar(select(Reservation.id).where(Reservation.number == made.number)))).bills))
    manager.run(post_charge, bill_id=bill_id, description="Minibar", quantity=1, unit_price=hotel.money("12.00"))
    done = manager.run(import_reservations, _file(row + "checked_out"), "a.csv")
    assert [(line, type(problem), problem.template) for line, problem in done.problems] == [
        (2, BillNotSettled, "Settle every bill before check-out (bills {bills})")]
    assert _stays(hotel) == {"M-2": (ReservationStatus.IN_HOUSE, "101", True, False)}


def test_batches_write_every_good_row_and_an_import_stopped_half_way_leaves_nothing(hotel: Hotel, monkeypatch, day):
    monkeypatch.setattr(reservation_import, "BATCH", 2)
    manager = hotel.as_role(Role.MANAGER)
    rows = [f"B-{n};Guest{n} Batch|Olga Berg;;Double;;{_at(day, 2 * n)};{_at(day, 2 * n + 1)};;;" for n in range(5)]
    rows.insert(2, f"B-x;Guest Bad;;Penthouse;;{_at(day, 0)};{_at(day, 1)};;;")
    rows.append(f"B-0;;;Double;;{_at(day, 0)};{_at(day, 2)};;;")  # the first row's stay, a night longer
    content = _file(*rows)
    real = reservation_import.insert_first_bills
    calls: list[int] = []

    def dies_on_the_second_batch(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the desk closed, or the power went
        return real(*args, **kwargs)

    monkeypatch.setattr(reservation_import, "insert_first_bills", dies_on_the_second_batch)
    with pytest.raises(KeyboardInterrupt):
        manager.run(import_reservations, content, "big.csv")
    assert _stays(hotel) == {} and hotel.query(lambda s: s.scalar(select(func.count(Guest.id)))) == 0
    monkeypatch.setattr(reservation_import, "insert_first_bills", real)
    done = manager.run(import_reservations, content, "big.csv")
    assert [(r.line, r.external_id, r.outcome) for r in done.rows] == [
        (2, "B-0", RowOutcome.NEW), (3, "B-1", RowOutcome.NEW), (5, "B-2", RowOutcome.NEW),
        (6, "B-3", RowOutcome.NEW), (7, "B-4", RowOutcome.NEW), (8, "B-0", RowOutcome.CHANGED)]
    assert [(line, problem.template) for line, problem in done.problems] == [(4, "There is no room type {type}")]
    made = _reservations(hotel, day)
    assert len(made) == 5 and made[0][1:3] == (day, day + timedelta(days=2))
    assert [guests for *_rest, guests in made] == [[f"Guest{n} Batch", "Olga Berg"] for n in range(5)]
    # Written many at once, a guest is still found by first name as by last name.
    assert hotel.query(lambda s: s.scalars(select(Guest.search_first_last).where(Guest.last_name == "Berg")).all()) \
        == ["olga berg"]
    # The numbers are the desk's own, written once each like a clerk's booking (the change log's one row).
    stays = hotel.query(lambda s: [(r.number, r.id) for r in s.scalars(select(Reservation).order_by(Reservation.id))])
    assert [number for number, _id in stays] == [f"R{reservation_id:06d}" for _number, reservation_id in stays]
    assert hotel.query(lambda s: s.scalar(select(func.count(StayChange.id)))) >= 5
