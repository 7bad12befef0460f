"""A charge or a payment at one desk while another desk checks the stay out: once the check-out
commits, the bill is closed for the desk that waited for it too.

On PostgreSQL the bill's locking statement also read the stay's status through a join; a statement that
waits for a row lock still reads everything else as it was before the wait, so the waiting desk saw the
stay in house and posted onto a stay that had left.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from desk.core.errors import ClosedForPosting
from desk.db.runner import Runner
from desk.ledger.models import Payment, Posting
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_charge
from desk.people.auth import Actor
from desk.stays.reservations import check_out

from .conftest import Hotel, charged_stay
from .two_desks import WAIT_S, wait_until, waiting_on_a_lock

CHECKED_OUT = "Reservation {reservation} is checked out: its bills are closed"


def _charge(hotel: Hotel, bill_id: int) -> Callable[[Runner, Actor], object]:
    return lambda runner, actor: runner.run(post_charge, actor, bill_id=bill_id, description="Bar", quantity=1,
                                            unit_price=hotel.money("3.00"))


def _pay(hotel: Hotel, bill_id: int) -> Callable[[Runner, Actor], object]:
    return lambda runner, actor: runner.run(take_payment, actor, bill_id, Tender("card", hotel.money("3.00")))


@pytest.mark.parametrize("second_desk", [_charge, _pay], ids=["charge", "payment"])
def test_a_desk_that_waited_for_the_check_out_is_refused_the_closed_bill(hotel: Hotel, second_desk):
    stay = charged_stay(hotel)
    owed = hotel.view(stay.folio_id).bill(stay.bill_id).balance
    hotel.run(take_payment, stay.bill_id, Tender("cash", owed))
    with hotel.database.unit_of_work() as session:
        before = (session.scalar(select(func.count(Posting.id))), session.scalar(select(func.count(Payment.id))))
    started = threading.Event()
    act = second_desk(hotel, stay.bill_id)

    def other_desk() -> object:
        started.set()
        return act(Runner(hotel.database), hotel.actor)

    with ThreadPoolExecutor(1) as pool:
        with hotel.database.writing() as session:
            check_out(session, hotel.actor, stay.reservation_id)
            session.flush()
            waiting = pool.submit(other_desk)
            wait_until(started.is_set)
            if hotel.database.engine.dialect.name == "postgresql":
                wait_until(lambda: waiting_on_a_lock(hotel.database))  # it waits for the bill: now we commit
        with pytest.raises(ClosedForPosting) as refused:
            waiting.result(timeout=WAIT_S)
    assert refused.value.template == CHECKED_OUT
    with hotel.database.unit_of_work() as session:
        after = (session.scalar(select(func.count(Posting.id))), session.scalar(select(func.count(Payment.id))))
    assert after == before
