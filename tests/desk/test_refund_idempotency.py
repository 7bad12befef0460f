"""A refund's Apply carries an idempotency key as a payment's does (issue 22): a retry after a
commit whose reply was lost records one refund, and a key already used by another Apply is refused."""

from __future__ import annotations

import pytest
import sqlalchemy.exc
from sqlalchemy import make_url, select

from desk.core.errors import InvalidInput
from desk.db.problems import UNREACHABLE, database_problem
from desk.db.runner import Runner
from desk.ledger.models import Payment, PaymentKind
from desk.ledger.payments import RefundDirection, Tender, refund_payment, take_payment
from desk.people.models import Role
from tests.actors import signed_in
from tests.pg_server import PgServer

from .conftest import Hotel, charged_stay, make_hotel, refused
from .lost_reply import CommitReplyCutter, lose_the_next_commit_reply

RECORDED_OTHERWISE = ("This Apply was already recorded, as {amount}: close the window and look at the bill before "
                      "you record more")


def _refunds(hotel: Hotel, payment_id: int) -> list[int]:
    return hotel.query(lambda s: list(s.scalars(
        select(Payment.id).where(Payment.refund_of_id == payment_id).order_by(Payment.id))))


def _paid(hotel: Hotel, runner: Runner) -> Payment:
    stay = charged_stay(hotel)
    return runner.run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money("40.00"))).value


@pytest.mark.parametrize("direction", [RefundDirection.PAYER, RefundDirection.DEPOSIT])
def test_the_same_refund_apply_twice_records_one_refund(hotel: Hotel, direction: RefundDirection):
    runner = Runner(hotel.database)
    cashier = hotel.as_role(Role.CASHIER).actor  # refunds are a cashier's
    payment = _paid(hotel, runner)
    folio_rows = hotel.query(lambda s: s.scalar(select(Payment.id).order_by(Payment.id.desc()).limit(1)))
    first = runner.run(refund_payment, cashier, payment.id, hotel.money("10.00"), direction=direction,
                       idempotency_key="refund-1").value
    again = runner.run(refund_payment, cashier, payment.id, hotel.money("10.00"), direction=direction,
                       idempotency_key="refund-1").value
    assert again.id == first.id and again.kind is PaymentKind.REFUND
    assert _refunds(hotel, payment.id) == [first.id]
    # The deposit's side of the refund is not written twice either.
    written = hotel.query(lambda s: list(s.scalars(select(Payment.id).where(Payment.id > folio_rows))))
    assert len(written) == (2 if direction is RefundDirection.DEPOSIT else 1)
    other = runner.run(refund_payment, cashier, payment.id, hotel.money("10.00"), direction=direction,
                       idempotency_key="refund-2").value
    assert _refunds(hotel, payment.id) == [first.id, other.id]


def test_a_refund_whose_commit_reply_was_lost_is_not_given_twice_on_retry(hotel: Hotel, monkeypatch):
    runner = Runner(hotel.database)
    cashier = hotel.as_role(Role.CASHIER).actor  # refunds are a cashier's
    payment = _paid(hotel, runner)
    lose_the_next_commit_reply(monkeypatch, hotel.database)
    with pytest.raises(sqlalchemy.exc.OperationalError):
        runner.run(refund_payment, cashier, payment.id, hotel.money("40.00"), idempotency_key="refund-lost")
    [refunded] = _refunds(hotel, payment.id)
    # The whole payment is already refunded: without the key the retry would be refused as too large,
    # and with a smaller amount it would give the money back twice.
    again = runner.run(refund_payment, cashier, payment.id, hotel.money("40.00"),
                       idempotency_key="refund-lost").value
    assert again.id == refunded and _refunds(hotel, payment.id) == [refunded]


def test_a_refund_retried_with_another_amount_or_direction_is_refused(hotel: Hotel):
    """40.00 was refunded, the reply lost; the clerk now asks for 10.00 with the same dialog: the
    answer must not be "done", or the guest gets 10.00 while the ledger gave back 40.00."""
    runner = Runner(hotel.database)
    cashier = hotel.as_role(Role.CASHIER).actor
    payment = _paid(hotel, runner)
    first = runner.run(refund_payment, cashier, payment.id, hotel.money("40.00"), idempotency_key="refund-x").value
    refused(hotel, InvalidInput, RECORDED_OTHERWISE,
            lambda: runner.run(refund_payment, cashier, payment.id, hotel.money("10.00"), idempotency_key="refund-x"),
            field="amount")
    # The same amount another way: onto the deposit account instead of back to the payer.
    refused(hotel, InvalidInput, RECORDED_OTHERWISE,
            lambda: runner.run(refund_payment, cashier, payment.id, hotel.money("40.00"),
                               direction=RefundDirection.DEPOSIT, idempotency_key="refund-x"),
            field="amount")
    assert _refunds(hotel, payment.id) == [first.id]


def test_a_key_used_by_another_apply_is_refused(hotel: Hotel):
    runner = Runner(hotel.database)
    cashier = hotel.as_role(Role.CASHIER).actor  # refunds are a cashier's
    payment = _paid(hotel, runner)
    stay = charged_stay(hotel)
    elsewhere = runner.run(take_payment, hotel.actor, stay.bill_id, Tender("cash", hotel.money("5.00")),
                           idempotency_key="paid-elsewhere").value
    refused(hotel, InvalidInput, "This payment was already recorded on another bill",
            lambda: runner.run(refund_payment, cashier, payment.id, hotel.money("5.00"),
                               idempotency_key="paid-elsewhere"), field="bill")
    # The same bill: a payment's own key, or the key of the refund of another payment on it.
    second = runner.run(take_payment, hotel.actor, payment.bill_id, Tender("cash", hotel.money("5.00")),
                        idempotency_key="paid-here").value
    refused(hotel, InvalidInput, "This action was already recorded for another payment",
            lambda: runner.run(refund_payment, cashier, payment.id, hotel.money("5.00"),
                               idempotency_key="paid-here"), field="payment")
    runner.run(refund_payment, cashier, second.id, hotel.money("5.00"), idempotency_key="refund-of-second")
    refused(hotel, InvalidInput, "This action was already recorded for another payment",
            lambda: runner.run(refund_payment, cashier, payment.id, hotel.money("5.00"),
                               idempotency_key="refund-of-second"), field="payment")
    refused(hotel, InvalidInput, "This action was already recorded for another payment",
            lambda: runner.run(take_payment, hotel.actor, payment.bill_id, Tender("cash", hotel.money("5.00")),
                               idempotency_key="refund-of-second"), field="payment")
    assert elsewhere.id not in _refunds(hotel, payment.id)


def test_a_real_lost_commit_reply_on_postgresql_refunds_once(pg_server: PgServer):
    url = pg_server.create_database("t_lost_refund")
    make_hotel(url).database.dispose()
    parts = make_url(url)
    cutter = CommitReplyCutter(parts.host or "127.0.0.1", parts.port or 5432)
    database = cutter.database(url)
    try:
        clerk = signed_in(database, Role.CASHIER)
        runner = Runner(database)
        through = Hotel(database, clerk, "EUR")
        payment = _paid(through, runner)
        cutter.armed.set()
        with pytest.raises(sqlalchemy.exc.DBAPIError) as lost:
            runner.run(refund_payment, clerk, payment.id, through.money("15.00"), idempotency_key="refund-cut")
        assert cutter.cut.is_set(), f"the reply was not the one cut: {lost.value!r}"
        # The clerk is told the line was lost and that it may have been saved.
        assert getattr(database_problem(lost.value), "template", None) == UNREACHABLE, repr(lost.value)
        [refunded] = _refunds(through, payment.id)
        again = runner.run(refund_payment, clerk, payment.id, through.money("15.00"),
                           idempotency_key="refund-cut").value
        assert again.id == refunded and _refunds(through, payment.id) == [refunded]
    finally:
        database.dispose()
        cutter.close()
