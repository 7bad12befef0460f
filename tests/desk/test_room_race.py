"""Two desks checking two guests into one room at once: exactly one gets it, the other is refused.

Each desk is its own connection (a thread running the runner, as a desk's worker does). Without the
room's lock, PostgreSQL let both read "nobody holds 101" and both committed.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from desk.core.errors import DeskError, InvalidInput
from desk.db.runner import Runner
from desk.hotel.models import Room
from desk.people.models import Role
from desk.stays.booking import Booking, NewGuest, book
from desk.stays.models import Reservation, ReservationStatus
from desk.stays.reservations import check_in
from tests.actors import signed_in

from .conftest import Hotel
from .two_desks import WAIT_S, wait_until, waiting_on_a_lock

TAKEN = "Room {room} is taken on the night of {night} (reservation {reservation})"


def _two_bookings(hotel: Hotel) -> list[int]:
    booking = Booking(arrival=date.today(), departure=date.today() + timedelta(days=2),
                      new_guests=(NewGuest("Lena", "Marx"),), room_type="Double")
    return [hotel.run(book, booking).id, hotel.run(book, booking).id]


def _in_room(hotel: Hotel, number: str) -> int:
    with hotel.database.unit_of_work() as session:
        return session.scalar(select(func.count(Reservation.id)).join(Room, Room.id == Reservation.room_id)
                              .where(Room.number == number, Reservation.status == ReservationStatus.IN_HOUSE)) or 0


def test_the_second_desk_waits_for_the_first_and_is_refused_the_room(hotel: Hotel):
    first_id, second_id = _two_bookings(hotel)
    other_desk = signed_in(hotel.database, Role.CLERK, "TEST-2")
    started = threading.Event()

    def second_desk() -> Any:
        started.set()
        return Runner(hotel.database).run(check_in, other_desk, second_id, room_number="101")

    with ThreadPoolExecutor(1) as pool:
        # The first desk has given 101 away and not committed yet when the second one asks for it.
        with hotel.database.writing() as session:
            check_in(session, hotel.actor, first_id, room_number="101")
            session.flush()
            second = pool.submit(second_desk)
            wait_until(started.is_set)
            if hotel.database.engine.dialect.name == "postgresql":
                wait_until(lambda: waiting_on_a_lock(hotel.database))  # it waits for our room lock: now we commit
        try:
            second.result(timeout=WAIT_S)
            raise AssertionError("the second desk got a room the first one holds")
        except InvalidInput as refusal:
            assert (refusal.template, refusal.params["room"]) == (TAKEN, "101")
    assert _in_room(hotel, "101") == 1


def test_two_desks_at_once_one_wins(hotel: Hotel):
    reservations = _two_bookings(hotel)
    desks = [hotel.actor, signed_in(hotel.database, Role.CLERK, "TEST-2")]
    barrier = threading.Barrier(len(desks))

    def desk(actor: Any, reservation_id: int) -> str:
        runner = Runner(hotel.database)
        barrier.wait(timeout=WAIT_S)
        try:
            runner.run(check_in, actor, reservation_id, room_number="101")
        except DeskError as refusal:
            return refusal.template
        return "in"

    with ThreadPoolExecutor(len(desks)) as pool:
        futures = [pool.submit(desk, actor, reservation)
                   for actor, reservation in zip(desks, reservations, strict=True)]
        answers = sorted(future.result(timeout=WAIT_S * 2) for future in futures)
    assert answers == sorted(["in", TAKEN])
    assert _in_room(hotel, "101") == 1
