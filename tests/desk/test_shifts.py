"""The cash shift: float, cash payments linked to it, cash in and out, X report, blind count and Z report."""

from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

import desk.cash.shifts as shifts
from desk.cash.models import ShiftCount, ShiftPayment
from desk.cash.shifts import (
    NoOpenShift,
    ShiftTooOld,
    cash_in,
    cash_out,
    close_shift,
    denominations,
    open_shift,
    shift_report,
    shift_status,
    x_report,
    z_report_pdf,
)
from desk.core.errors import InvalidInput, LedgerImmutable
from desk.core.types import utcnow
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.payments import RefundDirection, Tender, refund_payment, take_deposit, take_payment, void_payment
from desk.people.auth import Actor, trusted_actor
from desk.people.models import Role
from tests.helpers import pdf_words

from .conftest import Hotel, charged_stay

TILL = trusted_actor("anna", "TILL-9", Role.CASHIER)  # a workstation of its own: the fixture's shift is on TEST-1


def run(hotel: Hotel, use_case, *args, actor: Actor = TILL, **kwargs):
    with hotel.database.writing() as session:
        return use_case(session, actor, *args, **kwargs)


def test_cash_needs_an_open_shift_on_the_workstation(hotel: Hotel):
    stay = charged_stay(hotel)
    before = hotel.row_counts()
    for attempt in (lambda: run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("10"))),
                    lambda: run(hotel, take_deposit, stay.folio_id, Tender("cash", hotel.money("10")))):
        with pytest.raises(NoOpenShift, match="No cash shift is open on TILL-9"):
            attempt()
    assert hotel.row_counts() == before
    run(hotel, take_payment, stay.bill_id, Tender("card", hotel.money("10")))  # no drawer, no shift needed
    assert hotel.query(lambda s: s.query(ShiftPayment).count()) == 0


def test_open_shift_counts_the_float_and_numbers_shifts_per_workstation(hotel: Hotel):
    status = run(hotel, open_shift, [hotel.money("150.00"), hotel.money("40.00", "USD")])
    assert status.number == 1 and status.workstation == "TILL-9" and status.opened_by == "anna"
    assert status.expected == (hotel.money("150.00"), hotel.money("40.00", "USD"))
    with pytest.raises(InvalidInput, match="still open"):
        run(hotel, open_shift, [])
    other = run(hotel, open_shift, [], actor=trusted_actor("ivan", "TILL-8", Role.CASHIER))
    assert other.number == 1
    assert hotel.query(shift_status, "TILL-9").shift_id == status.shift_id


@pytest.mark.parametrize(("amounts", "message"), [
    (["EUR -1.00"], "cannot be negative"),
    (["XXX 1"], None),
    (["NOK 10.00"], "does not take cash in NOK"),
    (["EUR 1.00", "EUR 2.00"], "given twice"),
])
def test_a_bad_float_is_refused_and_writes_nothing(hotel: Hotel, amounts, message):
    from desk.core.errors import DeskError
    from desk.core.money import Money

    before = hotel.row_counts()
    with pytest.raises(DeskError, match=message):
        run(hotel, open_shift, [Money.parse(a) for a in amounts])
    assert hotel.row_counts() == before


def test_expected_cash_is_float_plus_payments_less_refunds_plus_in_less_out(hotel: Hotel):
    stay = charged_stay(hotel)
    run(hotel, open_shift, [hotel.money("100.00")])
    paid = run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("50.00")))
    run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("20.00", "USD")))
    run(hotel, take_deposit, stay.folio_id, Tender("cash", hotel.money("30.00")))
    run(hotel, take_payment, stay.bill_id, Tender("card", hotel.money("70.00")))
    run(hotel, refund_payment, paid.id, hotel.money("20.00"), direction=RefundDirection.PAYER, reason="overpaid")
    run(hotel, cash_in, hotel.money("30.00"), "change from the safe")
    run(hotel, cash_out, hotel.money("10.00"), "flowers for the lobby")
    wrong = run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("5.00")))
    run(hotel, void_payment, wrong.id, reason="typed twice", approval=hotel.approval())

    report = hotel.query(x_report, "TILL-9")
    eur = report.figures("EUR")
    assert (eur.opening_float, eur.received, eur.given_back, eur.cash_in, eur.cash_out) == (
        hotel.money("100.00"), hotel.money("85.00"), hotel.money("25.00"), hotel.money("30.00"),
        hotel.money("10.00"))
    assert eur.expected == hotel.money("180.00")
    assert report.figures("USD").expected == hotel.money("20.00", "USD")
    assert report.payments == 6  # the card payment is not the drawer's
    assert hotel.query(shift_status, "TILL-9").expected == (hotel.money("180.00"), hotel.money("20.00", "USD"))
    # The shift links the ledger's own payments: the figures move with them, nothing is copied.
    linked = hotel.query(lambda s: set(s.scalars(select(ShiftPayment.payment_id))))
    assert paid.id in linked and wrong.id in linked


def test_cash_in_and_out_need_an_amount_a_reason_and_cash_in_the_drawer(hotel: Hotel):
    with pytest.raises(NoOpenShift):
        run(hotel, cash_in, hotel.money("5.00"), "float top-up")
    run(hotel, open_shift, [hotel.money("20.00")])
    before = hotel.row_counts()
    with pytest.raises(InvalidInput, match="Say why"):
        run(hotel, cash_out, hotel.money("5.00"), "  ")
    with pytest.raises(InvalidInput, match="more than zero"):
        run(hotel, cash_in, hotel.money("0.00"), "nothing")
    with pytest.raises(InvalidInput, match=r"should hold only EUR 20\.00"):
        run(hotel, cash_out, hotel.money("20.01"), "to the safe")
    assert hotel.row_counts() == before


def test_closing_takes_a_blind_count_records_over_short_and_keeps_the_z_report(hotel: Hotel):
    stay = charged_stay(hotel)
    run(hotel, open_shift, [hotel.money("100.00")])
    run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("45.50")))
    run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("10.00", "USD")))
    run(hotel, cash_out, hotel.money("20.00"), "to the safe")
    # Expected EUR 125.50; counted 50 + 50 + 20 + 2 + 2 + 0.50 = 124.50: one euro short. USD counted over.
    closure = run(hotel, close_shift, {
        "EUR": {Decimal("50"): 2, Decimal("20"): 1, Decimal("2"): 2, Decimal("0.50"): 1},
        "USD": {Decimal("10"): 1, Decimal("1"): 1},
    })
    eur, usd = closure.report.figures("EUR"), closure.report.figures("USD")
    assert eur.expected == hotel.money("125.50") and eur.counted == hotel.money("124.50")
    assert eur.difference == hotel.money("-1.00")
    assert usd.difference == hotel.money("1.00", "USD")
    counts = hotel.query(lambda s: {c.currency: c for c in s.scalars(select(ShiftCount))})
    assert counts["EUR"].difference == hotel.money("-1.00") and counts["EUR"].expected == hotel.money("125.50")
    assert counts["EUR"].denominations == {"50": 2, "20": 1, "2": 2, "0.50": 1}

    text_ = pdf_words(hotel.query(z_report_pdf, closure.report.shift_id))
    assert "Z report · shift 1 · TILL-9" in text_
    assert "Expected in drawer 125.50 EUR 10.00 USD" in text_
    assert "Counted 124.50 EUR 11.00 USD" in text_
    assert "Over (+) / short (-) -1.00 EUR +1.00 USD" in text_
    assert "to the safe" in text_

    assert hotel.query(shift_status, "TILL-9") is None
    with pytest.raises(NoOpenShift):
        run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))
    again = hotel.query(shift_report, closure.report.shift_id)
    assert again.is_final and again.figures("EUR").difference == hotel.money("-1.00")
    assert run(hotel, open_shift, []).number == 2


def test_a_count_in_coins_that_do_not_exist_is_refused(hotel: Hotel):
    run(hotel, open_shift, [])
    before = hotel.row_counts()
    with pytest.raises(InvalidInput, match="not a EUR note or coin"):
        run(hotel, close_shift, {"EUR": {Decimal("3"): 1}})
    with pytest.raises(InvalidInput, match="whole pieces"):
        run(hotel, close_shift, {"EUR": {Decimal("5"): -1}})
    assert hotel.row_counts() == before
    assert denominations("JPY")[-1] == Decimal(1) and denominations("EUR")[-1] == Decimal("0.01")


def test_a_shift_older_than_24_hours_must_be_closed_before_more_cash(hotel: Hotel, monkeypatch):
    stay = charged_stay(hotel)
    run(hotel, open_shift, [hotel.money("10.00")])
    later = utcnow() + timedelta(hours=24, minutes=1)
    monkeypatch.setattr(shifts, "utcnow", lambda: later)
    assert hotel.query(shift_status, "TILL-9").too_old
    with pytest.raises(ShiftTooOld, match="more than 24 hours"):
        run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))
    closure = run(hotel, close_shift, {"EUR": {Decimal("10"): 1}})
    assert closure.report.figures("EUR").difference == hotel.money("0.00")
    run(hotel, open_shift, [])
    run(hotel, take_payment, stay.bill_id, Tender("cash", hotel.money("1.00")))


def test_shift_records_cannot_be_rewritten(hotel: Hotel):
    run(hotel, open_shift, [hotel.money("10.00")])
    run(hotel, close_shift, {})
    with pytest.raises(LedgerImmutable), hotel.database.unit_of_work() as session:
        session.scalars(select(ShiftCount)).one().counted = hotel.money("10.00")
    for sql in ("UPDATE shift_count SET counted = 'EUR 10.00'", "DELETE FROM shift_close",
                "UPDATE cash_shift SET opened_at = opened_at", "DELETE FROM shift_cash_move"):
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"), hotel.database.engine.begin() as c:
            c.execute(text(sql))


def test_two_desks_opening_the_same_workstations_shift_at_once_open_one(hotel: Hotel):
    url = hotel.database.engine.url.render_as_string(hide_password=False)
    barrier = threading.Barrier(2)
    opened: list[int] = []
    refused: list[BaseException] = []

    def desk() -> None:
        database = Database(url, upgrade=False)
        try:
            barrier.wait(timeout=30)
            opened.append(Runner(database).run(open_shift, TILL, [hotel.money("10.00")]).value.number)
        except InvalidInput as exc:
            refused.append(exc)
        finally:
            database.dispose()

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert opened == [1] and len(refused) == 1
    assert hotel.query(shift_status, "TILL-9").expected == (hotel.money("10.00"),)
