"""Two desks running the night audit for the same night at once: one charge, and both get it back.

Before the reservation was locked, PostgreSQL let both desks see no charge yet; the second's insert
then waited on the first's unique reference and failed with a raw IntegrityError.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from desk.db.runner import Runner
from desk.ledger.models import Posting
from desk.people.models import Role
from desk.stays.reservations import post_night
from tests.actors import signed_in

from .conftest import Hotel
from .two_desks import WAIT_S, wait_until, waiting_on_a_lock


def _room_charges(hotel: Hotel, reservation_id: int) -> int:
    with hotel.database.unit_of_work() as session:
        return session.scalar(select(func.count(Posting.id)).where(
            Posting.external_ref.like(f"night:{reservation_id}:%"))) or 0


def test_the_desk_that_loses_the_race_gets_the_charge_the_winner_posted(hotel: Hotel):
    stay = hotel.stay()
    other_desk = signed_in(hotel.database, Role.CLERK, "TEST-2")
    started = threading.Event()

    def second_desk() -> Any:
        started.set()
        return Runner(hotel.database).run(post_night, other_desk, stay.reservation_id, date.today())

    with ThreadPoolExecutor(1) as pool:
        # The first desk has posted the night and not committed yet when the second one asks.
        with hotel.database.writing() as session:
            first = post_night(session, hotel.actor, stay.reservation_id, date.today())
            session.flush()
            second = pool.submit(second_desk)
            wait_until(started.is_set)
            if hotel.database.engine.dialect.name == "postgresql":
                wait_until(lambda: waiting_on_a_lock(hotel.database))  # it waits for us: now we commit
            first_id = first.id
        outcome = second.result(timeout=WAIT_S)  # raised IntegrityError here before the fix
    assert outcome.value.id == first_id
    assert outcome.changed_folios == frozenset()  # it wrote nothing
    assert _room_charges(hotel, stay.reservation_id) == 1
    assert hotel.view(stay.folio_id).bill(stay.bill_id).charges == hotel.money("100")


def test_two_desks_auditing_the_same_nights_at_once_charge_each_night_once(hotel: Hotel):
    stay = hotel.stay(nights=3)
    desks = [hotel.actor, signed_in(hotel.database, Role.CLERK, "TEST-2")]
    nights = [date.today() + timedelta(days=n) for n in range(3)]
    barrier = threading.Barrier(len(desks))

    def audit(actor: Any) -> list[int]:
        runner = Runner(hotel.database)
        barrier.wait(timeout=WAIT_S)
        return [runner.run(post_night, actor, stay.reservation_id, night).value.id for night in nights]

    with ThreadPoolExecutor(len(desks)) as pool:
        answers = [future.result(timeout=WAIT_S * 2) for future in [pool.submit(audit, d) for d in desks]]
    assert answers[0] == answers[1] and len(set(answers[0])) == 3
    assert _room_charges(hotel, stay.reservation_id) == 3
    assert hotel.view(stay.folio_id).bill(stay.bill_id).charges == hotel.money("300")
