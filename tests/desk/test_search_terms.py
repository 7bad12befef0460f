"""The guests' names by arrival that a name search walks (migration 0025): kept by the database's own
triggers through every way a stay's guests, names or dates change, and only readable by a desk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
import sqlalchemy.exc
from sqlalchemy import make_url, select, text, union

from desk.db.engine import Database
from desk.stays.models import Guest, Reservation, ReservationGuest, StaySearchTerm
from desk.stays.reservations import create_reservation, new_guest
from desk.stays.search import FolioKind, FolioQuery, search_folios
from tests.pg_server import PgServer

from .conftest import Hotel, make_hotel

DESK_ROLE = "desk_app"


def _kept(hotel: Hotel) -> set[tuple[str, date, int, int]]:
    return hotel.query(lambda s: {tuple(row) for row in s.execute(  # type: ignore[misc]
        select(StaySearchTerm.term, StaySearchTerm.arrival, StaySearchTerm.reservation_id, StaySearchTerm.guest_id))})


def _derived(hotel: Hotel) -> set[tuple[str, date, int, int]]:
    """The same rows the long way: each guest's two search keys on each of their stays."""
    def by(column: object) -> object:
        return (select(column, Reservation.arrival, ReservationGuest.reservation_id, ReservationGuest.guest_id)
                .join(Reservation, Reservation.id == ReservationGuest.reservation_id)
                .join(Guest, Guest.id == ReservationGuest.guest_id))
    statement = union(by(Guest.search_name), by(Guest.search_first_last))  # type: ignore[arg-type]
    return hotel.query(lambda s: {tuple(row) for row in s.execute(statement)})  # type: ignore[misc]


def _stay(hotel: Hotel, number: str, guests: list[tuple[str, str]], arrival: date) -> int:
    with hotel.database.writing() as session:
        people = [new_guest(session, hotel.actor, first, last) for first, last in guests]
        session.flush()
        reservation = create_reservation(session, hotel.actor, number=number, guests=people, arrival=arrival,
                                         departure=arrival + timedelta(days=2), nightly_rate=hotel.money("90"),
                                         room_number=None)
        return reservation.id


def _found(hotel: Hotel, typed: str) -> list[str]:
    rows = hotel.query(search_folios, FolioQuery(text=typed, in_house_only=False,
                                                 kinds=frozenset({FolioKind.RESERVATION})))
    return [row.number for row in rows]


def test_every_guest_of_every_stay_is_kept_by_both_names(hotel: Hotel, today: date) -> None:
    _stay(hotel, "S-1", [("Anna", "Schmidt"), ("Boris", "Novak")], today)
    _stay(hotel, "S-2", [("Madonna", "")], today + timedelta(days=3))  # one name: one key
    kept = _kept(hotel)
    assert kept == _derived(hotel)
    assert ("schmidt anna", today, *next((r, g) for _t, _a, r, g in kept if _t == "anna schmidt")) in kept
    assert len([row for row in kept if row[0] == "madonna"]) == 1


def test_a_renamed_guest_is_found_by_the_new_name_only(hotel: Hotel, today: date) -> None:
    _stay(hotel, "S-1", [("Anna", "Schmidt")], today)
    with hotel.database.writing() as session:  # as a property system's interface would correct it
        session.execute(text("UPDATE guest SET last_name = 'Weber', search_name = 'weber anna', "
                             "search_first_last = 'anna weber' WHERE last_name = 'Schmidt'"))
    assert _kept(hotel) == _derived(hotel)
    assert _found(hotel, "web") == ["S-1"]
    assert _found(hotel, "schm") == []


def test_a_moved_arrival_orders_the_stay_by_its_new_date(hotel: Hotel, today: date) -> None:
    early = _stay(hotel, "S-1", [("Anna", "Schmidt")], today)
    _stay(hotel, "S-2", [("Anja", "Schmidt")], today + timedelta(days=1))
    assert _found(hotel, "schmidt") == ["S-2", "S-1"]
    with hotel.database.writing() as session:
        session.execute(text("UPDATE reservation SET arrival = :day, departure = :later WHERE id = :id"),
                        {"day": today + timedelta(days=5), "later": today + timedelta(days=7), "id": early})
    assert _kept(hotel) == _derived(hotel)
    assert _found(hotel, "schmidt") == ["S-1", "S-2"]


def test_a_name_search_of_one_days_departures_finds_an_older_stay_behind_a_full_page(hotel: Hotel, today: date) -> None:
    # The newest page of "ber" stays is all later arrivals; the one leaving that day is further back.
    leaving = _stay(hotel, "D-1", [("Anna", "Berg")], today - timedelta(days=20))
    for k in range(3):
        _stay(hotel, f"N-{k}", [("Boris", "Berger")], today + timedelta(days=k))
    departure = today - timedelta(days=18)
    rows = hotel.query(search_folios, FolioQuery(text="ber", departure=departure, in_house_only=False, limit=2,
                                                 kinds=frozenset({FolioKind.RESERVATION})))
    assert [row.reservation_id for row in rows] == [leaving]


def test_a_guest_taken_off_or_moved_to_another_stay_follows(hotel: Hotel, today: date) -> None:
    first = _stay(hotel, "S-1", [("Anna", "Schmidt"), ("Boris", "Novak")], today)
    second = _stay(hotel, "S-2", [("Clara", "Berg")], today)
    with hotel.database.writing() as session:
        session.execute(text("DELETE FROM reservation_guest WHERE reservation_id = :id AND guest_id = "
                             "(SELECT id FROM guest WHERE last_name = 'Novak')"), {"id": first})
        session.execute(text("UPDATE reservation_guest SET reservation_id = :to WHERE guest_id = "
                             "(SELECT id FROM guest WHERE last_name = 'Schmidt')"), {"to": second})
    assert _kept(hotel) == _derived(hotel)
    assert _found(hotel, "novak") == []
    assert _found(hotel, "schmidt") == ["S-2"]


@pytest.fixture(scope="module")
def desk_role_hotel(pg_server: PgServer) -> Iterator[Hotel]:
    """A hotel migrated by the owner and used as the desk role, as workstations connect."""
    owner_url = pg_server.create_database("t_search_terms")
    Database(owner_url).dispose()
    with pg_server.connect() as dba:
        dba.execute(f"ALTER ROLE {DESK_ROLE} LOGIN")
    hotel = make_hotel(make_url(owner_url).set(username=DESK_ROLE).render_as_string(hide_password=False))
    yield hotel
    hotel.database.dispose()


def test_the_desk_role_may_read_the_search_terms_but_not_write_them(desk_role_hotel: Hotel, today: date) -> None:
    hotel = desk_role_hotel
    _stay(hotel, "S-ROLE", [("Ivan", "Roleson")], today)  # the triggers run as the owner: the desk's writes keep it
    assert _found(hotel, "roles") == ["S-ROLE"]
    for sql in ("DELETE FROM stay_search_term",
                "INSERT INTO stay_search_term (term, arrival, reservation_id, guest_id) "
                "SELECT 'x', arrival, id, 1 FROM reservation",
                "UPDATE stay_search_term SET term = 'x'",
                "TRUNCATE stay_search_term"):
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="permission denied for table stay_search_term"), \
                hotel.database.engine.begin() as connection:
            connection.execute(text(sql))
    assert _found(hotel, "roles") == ["S-ROLE"]
