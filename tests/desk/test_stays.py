"""Reservations from the New reservation window on: booking, walk-in, check-in's room, moves,
amendments, cancellations and no-shows, with their refusals (nothing written on each)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from desk.core.errors import InvalidInput, InvalidTransition
from desk.hotel.models import Room
from desk.ledger.folios import folio_of_reservation
from desk.people.models import Role
from desk.people.rights import MissingRight, Right
from desk.stays.booking import (
    Booking,
    DocumentEntry,
    NewGuest,
    amend_reservation,
    book,
    mark_no_show,
    mark_room,
    move_room,
    walk_in,
)
from desk.stays.models import DocumentKind, GuestDocument, Reservation, ReservationStatus, StayChange
from desk.stays.reservations import cancel_reservation, check_in, check_out

from .conftest import MISSING_RIGHT, Hotel, refused


def _booking(today: date, **changes: object) -> Booking:
    passport = DocumentEntry(DocumentKind.PASSPORT, "P1234567", "bg", today - timedelta(days=400))
    values: dict[str, object] = {
        "arrival": today, "departure": today + timedelta(days=2),
        "new_guests": (NewGuest("Ivana", "Petrova", documents=(passport,)),), "room_type": "Double",
    }
    values.update(changes)
    return Booking(**values)  # type: ignore[arg-type]


def _reservation(hotel: Hotel, reservation_id: int) -> Reservation:
    with hotel.database.unit_of_work() as session:
        reservation = session.get_one(Reservation, reservation_id)
        session.expunge(reservation)
        return reservation


def _room(hotel: Hotel, number: str) -> Room:
    with hotel.database.unit_of_work() as session:
        return session.scalars(select(Room).where(Room.number == number)).one()


def test_a_new_guest_is_booked_with_the_room_types_rate_and_documents(hotel: Hotel, today: date):
    reservation = hotel.run(book, _booking(today))
    with hotel.database.unit_of_work() as session:
        stored = session.get_one(Reservation, reservation.id)
        assert stored.status is ReservationStatus.CONFIRMED and stored.room is None
        assert stored.room_type == "Double" and stored.nightly_rate == hotel.money("110.00")
        assert stored.number == f"R{stored.id:06d}"
        guest = stored.guests[0]
        assert (guest.first_name, guest.last_name) == ("Ivana", "Petrova")
        document = session.scalars(select(GuestDocument).where(GuestDocument.guest_id == guest.id)).one()
        assert (document.kind, document.number, document.country) == (DocumentKind.PASSPORT, "P1234567", "BG")
        folio_of_reservation(session, stored.id)  # its folio exists


def test_check_in_gives_a_free_clean_room_of_the_type_and_a_move_keeps_the_folio(hotel: Hotel, today: date):
    hotel.run(mark_room, "101", clean=False)
    reservation = hotel.run(book, _booking(today))
    folio = hotel.query(folio_of_reservation, reservation.id)
    checked_in = hotel.run(check_in, reservation.id)
    assert checked_in.room is not None and checked_in.room.number == "102"  # 101 is dirty
    moved = hotel.run(move_room, reservation.id, "101")
    assert moved.room is not None and moved.room.number == "101"
    assert hotel.query(folio_of_reservation, reservation.id) == folio
    assert not _room(hotel, "102").clean  # the room left needs cleaning
    with hotel.database.unit_of_work() as session:
        move = session.scalars(select(StayChange).where(StayChange.reservation_id == reservation.id,
                                                        StayChange.from_room.is_not(None))).one()
        assert (move.from_room, move.to_room, move.changed_by) == ("102", "101", hotel.actor.username)


def test_a_room_taken_for_one_night_of_the_stay_is_refused(hotel: Hotel, today: date):
    first = hotel.run(book, _booking(today, room_number="101", departure=today + timedelta(days=3)))
    later = hotel.run(book, _booking(today, arrival=today + timedelta(days=2), departure=today + timedelta(days=5)))
    number = _reservation(hotel, first.id).number
    error = refused(hotel, InvalidInput, "Room {room} is taken on the night of {night} (reservation {reservation})",
                    lambda: hotel.run(amend_reservation, later.id, room_number="101"), field="room")
    assert error.params == {"room": "101", "night": today + timedelta(days=2), "reservation": number}
    now = hotel.run(book, _booking(today))
    refused(hotel, InvalidInput, "Room {room} is taken on the night of {night} (reservation {reservation})",
            lambda: hotel.run(check_in, now.id, room_number="101"), field="room")


def test_departure_before_arrival_is_refused(hotel: Hotel, today: date):
    refused(hotel, InvalidInput, "Departure must be after arrival",
            lambda: hotel.run(book, _booking(today, departure=today - timedelta(days=1))), field="departure")


def test_a_clerk_may_not_change_the_rate_a_manager_may(hotel: Hotel, today: date):
    error = refused(hotel, MissingRight, MISSING_RIGHT,
                    lambda: hotel.run(book, _booking(today, nightly_rate=hotel.money("80.00"))))
    assert error.right is Right.CHANGE_RATE
    manager = hotel.as_role(Role.MANAGER)
    reservation = manager.run(book, _booking(today, nightly_rate=hotel.money("80.00")))
    assert _reservation(hotel, reservation.id).nightly_rate == hotel.money("80.00")
    refused(hotel, MissingRight, MISSING_RIGHT,
            lambda: hotel.run(amend_reservation, reservation.id, nightly_rate=hotel.money("90.00")))


def test_bad_guest_input_writes_nothing(hotel: Hotel, today: date):
    refused(hotel, InvalidInput, "A reservation needs at least one guest",
            lambda: hotel.run(book, _booking(today, new_guests=())), field="guests")
    bad_country = NewGuest("Ivana", "Petrova", documents=(DocumentEntry(DocumentKind.PASSPORT, "P1", "Bulgaria"),))
    refused(hotel, InvalidInput, "“{country}” is not a country code (two letters, such as BG)",
            lambda: hotel.run(book, _booking(today, new_guests=(bad_country,))), field="country")
    refused(hotel, InvalidInput, "There is no room type {type}",
            lambda: hotel.run(book, _booking(today, room_type="Palace")), field="room_type")


def test_a_walk_in_is_booked_and_in_house_at_once(hotel: Hotel, today: date):
    reservation = hotel.run(walk_in, _booking(today, room_number="102"))
    stored = _reservation(hotel, reservation.id)
    assert stored.status is ReservationStatus.IN_HOUSE and stored.room_id == _room(hotel, "102").id


def test_amend_cancel_and_no_show(hotel: Hotel, today: date):
    reservation = hotel.run(book, _booking(today, room_number="101"))
    hotel.run(amend_reservation, reservation.id, departure=today + timedelta(days=4))
    assert _reservation(hotel, reservation.id).departure == today + timedelta(days=4)
    refused(hotel, InvalidInput, "Say why the reservation is cancelled",
            lambda: hotel.run(cancel_reservation, reservation.id, reason="  "), field="reason")
    hotel.run(cancel_reservation, reservation.id, reason="Flight cancelled")
    cancelled = _reservation(hotel, reservation.id)
    assert (cancelled.status, cancelled.cancel_reason) == (ReservationStatus.CANCELLED, "Flight cancelled")
    # The cancelled stay no longer holds the room.
    other = hotel.run(book, _booking(today, room_number="101"))
    hotel.run(mark_no_show, other.id)
    assert _reservation(hotel, other.id).status is ReservationStatus.NO_SHOW
    refused(hotel, InvalidTransition, "Only a confirmed reservation can be a no-show ({reservation})",
            lambda: hotel.run(mark_no_show, other.id))


def test_check_out_leaves_the_room_dirty(hotel: Hotel, today: date):
    reservation = hotel.run(walk_in, _booking(today, room_number="101"))
    hotel.run(check_out, reservation.id)
    assert not _room(hotel, "101").clean
    hotel.run(mark_room, "101", clean=True)
    assert _room(hotel, "101").clean


def test_a_type_with_every_room_held_on_a_night_is_refused(hotel: Hotel, today: date):
    # Two Doubles: one held by a stay in 101 for the second night, one by a stay booked by type only.
    hotel.run(book, _booking(today, room_number="101", arrival=today + timedelta(days=1)))
    hotel.run(book, _booking(today))
    error = refused(hotel, InvalidInput, "No {type} room is free on the night of {night}",
                    lambda: hotel.run(book, _booking(today, departure=today + timedelta(days=3))), field="room_type")
    assert error.params == {"type": "Double", "night": today + timedelta(days=1)}
    hotel.run(book, _booking(today, departure=today + timedelta(days=1)))  # the first night has a room left


def test_new_dates_for_a_stay_booked_by_type_are_refused_where_the_type_is_full(hotel: Hotel, today: date):
    # Two Doubles: 101 held for four nights; from the third night on, the other by a stay booked by type.
    hotel.run(book, _booking(today, room_number="101", departure=today + timedelta(days=4)))
    mine = hotel.run(book, _booking(today))
    hotel.run(book, _booking(today, arrival=today + timedelta(days=2), departure=today + timedelta(days=4)))
    hotel.run(amend_reservation, mine.id, departure=today + timedelta(days=1))  # its own nights do not count
    error = refused(hotel, InvalidInput, "No {type} room is free on the night of {night}",
                    lambda: hotel.run(amend_reservation, mine.id, departure=today + timedelta(days=3)),
                    field="room_type")
    assert error.params["night"] == today + timedelta(days=2)
