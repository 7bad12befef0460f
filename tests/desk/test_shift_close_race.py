"""A cash payment at a drawer whose shift is being closed at that very moment."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desk.cash.models import ShiftPayment
from desk.cash.shifts import NoOpenShift, close_shift, open_shift
from desk.db.runner import Runner
from desk.ledger.payments import Tender, take_payment
from desk.people.auth import trusted_actor
from desk.people.models import Role

from .conftest import Hotel, charged_stay
from .two_desks import WAIT_S, wait_until, waiting_on_a_lock

TILL = trusted_actor("anna", "TILL-9", Role.CASHIER)


def test_cash_taken_while_the_shift_closes_is_refused_never_linked_to_the_closed_shift(hotel: Hotel):
    stay = charged_stay(hotel)
    with hotel.database.writing() as session:
        shift_id = open_shift(session, TILL, [hotel.money("10.00")]).shift_id
    started = threading.Event()

    def cashier() -> object:
        started.set()
        return Runner(hotel.database).run(take_payment, TILL, stay.bill_id, Tender("cash", hotel.money("50.00")))

    with ThreadPoolExecutor(1) as pool:
        with hotel.database.writing() as session:
            close_shift(session, TILL, {"EUR": {Decimal("10"): 1}})
            session.flush()
            paying = pool.submit(cashier)
            wait_until(started.is_set)
            if hotel.database.engine.dialect.name == "postgresql":
                wait_until(lambda: waiting_on_a_lock(hotel.database))
        with pytest.raises(NoOpenShift):
            paying.result(timeout=WAIT_S)
    with hotel.database.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(ShiftPayment)
                              .where(ShiftPayment.shift_id == shift_id)) == 0
