"""An import checks each booking by type against counts of held rooms read once and kept up to date
(``TypeNights``): on random bookings, by type and by room, and cancellations, its answer is the
one the per-booking query gives (the same refusal and the same night). SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.hotel.models import Room
from desk.people.auth import Actor
from desk.people.models import Role
from desk.stays.booking import Booking, NewGuest, TypeNights, _refuse_if_type_full, book
from desk.stays.business_day import business_date
from desk.stays.reservations import cancel_reservation
from tests.desk.conftest import Hotel


def _answer(check, *args) -> date | None:  # type: ignore[no-untyped-def]
    """The night a check refuses, or None when it lets the stay in."""
    try:
        check(*args)
    except InvalidInput as refusal:
        assert refusal.template == "No {type} room is free on the night of {night}"
        return refusal.params["night"]  # type: ignore[no-any-return]
    return None


def _random_bookings(session: Session, actor: Actor) -> int:
    chance = random.Random(23)
    today = business_date(session)
    rooms = list(session.scalars(select(Room.number).where(Room.room_type == "Double")))
    nights = TypeNights()
    kept: list[int] = []
    compared = 0
    for step in range(45):
        for _ in range(3):
            arrival = today + timedelta(days=chance.randrange(8))
            departure = arrival + timedelta(days=chance.randrange(1, 5))
            expected = _answer(_refuse_if_type_full, session, "Double", arrival, departure)
            assert _answer(nights.refuse_if_full, session, "Double", arrival, departure) == expected, step
            compared += 1
        if kept and chance.random() < 0.15:
            cancel_reservation(session, actor, kept.pop(chance.randrange(len(kept))), reason="test")
            nights.forget()
            continue
        arrival = today + timedelta(days=chance.randrange(8))
        by_room = chance.random() < 0.4
        booking = Booking(arrival=arrival, departure=arrival + timedelta(days=chance.randrange(1, 4)),
                          new_guests=(NewGuest("Ann", f"Guest{step}"),), room_type="Double",
                          room_number=chance.choice(rooms) if by_room else None)
        try:
            with session.begin_nested():
                reservation = book(session, actor, booking)
        except InvalidInput:
            continue
        nights.held(reservation)
        kept.append(reservation.id)
    return compared


def test_counts_kept_by_a_batch_answer_as_the_query_on_random_bookings(hotel: Hotel):
    assert hotel.as_role(Role.MANAGER).run(_random_bookings) == 135
