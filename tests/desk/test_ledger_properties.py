"""Any sequence of postings, payments, refunds, reversals and voids keeps the books balanced.

The balances the program shows are checked against sums computed here from the raw rows.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desk.core.errors import DeskError
from desk.core.money import Money, minor_units
from desk.hotel.models import CurrencyRate
from desk.ledger.bills import move_postings, open_bill
from desk.ledger.folios import bill_status
from desk.ledger.payments import (
    RefundDirection,
    Tender,
    apply_deposit,
    refund_payment,
    take_deposit,
    take_payment,
    void_payment,
)
from desk.ledger.postings import post_service, reverse_posting, void_posting
from desk.people.models import Role

from .conftest import Hotel, Stay, make_hotel

SERVICES = ["ROOM", "MB-WATER", "MB-BEER", "LAUNDRY", "SPA", "CITYTAX"]
RATES = {  # base currency -> {other currency: base units per unit}
    "EUR": {"USD": Decimal("0.92"), "JPY": Decimal("0.0061")},  # as desk.demo.seed.seed_settings
    "JPY": {"EUR": Decimal("163.9"), "USD": Decimal("150.71")},
    "KWD": {"EUR": Decimal("0.331"), "USD": Decimal("0.307")},
}

operation = st.one_of(
    st.tuples(st.just("post"), st.sampled_from(SERVICES), st.integers(1, 3), st.integers(0, 3)),
    st.tuples(st.just("pay"), st.integers(0, 3), st.integers(0, 2), st.integers(-5, 30000)),
    st.tuples(st.just("deposit"), st.integers(0, 2), st.integers(1, 30000)),
    st.tuples(st.just("apply"), st.integers(0, 3), st.integers(1, 30000)),
    st.tuples(st.just("refund"), st.integers(0, 9), st.integers(1, 150), st.booleans()),
    st.tuples(st.just("reverse"), st.integers(0, 9), st.booleans()),
    st.tuples(st.just("void"), st.integers(0, 9)),
    st.tuples(st.just("move"), st.integers(0, 9), st.integers(0, 3)),
    st.tuples(st.just("open_bill"),),
)


def money_in(currency: str, minor: int) -> Money:
    return Money.of(Decimal(minor).scaleb(-minor_units(currency)), currency)


def apply(hotel: Hotel, stay: Stay, op: tuple, manager) -> None:
    view = hotel.view(stay.folio_id)
    bills = [b.bill.id for b in view.bills]
    currencies = [hotel.currency, *RATES[hotel.currency]]
    kind = op[0]
    if kind == "post":
        hotel.run(post_service, bill_id=bills[op[3] % len(bills)], service_code=op[1], quantity=op[2])
    elif kind == "pay":
        hotel.run(take_payment, bills[op[1] % len(bills)],
                  Tender(["cash", "card", "transfer"][op[2] % 3], money_in(currencies[op[2]], op[3])),
                  allow_overpay=True)
    elif kind == "deposit":
        hotel.run(take_deposit, stay.folio_id, Tender("cash", money_in(currencies[op[1]], op[2])))
    elif kind == "apply":
        hotel.run(apply_deposit, bills[op[1] % len(bills)], money_in(hotel.currency, op[2]))
    elif kind == "refund" and view.payments:
        line = view.payments[op[1] % len(view.payments)]
        amount = line.payment.amount
        part = Money.rounded(amount.amount * op[2] / 100, amount.currency) if amount.is_positive else amount
        direction = RefundDirection.DEPOSIT if op[3] else RefundDirection.PAYER
        hotel.run(refund_payment, line.payment.id, part, direction=direction, reason="test")
    elif kind == "reverse" and view.postings:
        posting = view.postings[op[1] % len(view.postings)].posting
        if op[2]:
            hotel.run(void_posting, posting.id, reason="test", approval=manager)
        else:
            hotel.run(reverse_posting, posting.id, reason="test")
    elif kind == "void" and view.payments:
        payment = view.payments[op[1] % len(view.payments)].payment
        hotel.run(void_payment, payment.id, reason="test", approval=manager)
    elif kind == "move" and view.postings:
        posting = view.postings[op[1] % len(view.postings)].posting
        hotel.run(move_postings, [posting.id], bills[op[2] % len(bills)])
    elif kind == "open_bill":
        hotel.run(open_bill, stay.folio_id, payer_name="Another payer")


def check_books(hotel: Hotel, stay: Stay) -> None:
    view = hotel.view(stay.folio_id)
    currency = hotel.currency
    with hotel.database.engine.connect() as c:
        postings = c.execute(text("SELECT id, bill_id, amount FROM posting WHERE folio_id = :f"),
                             {"f": stay.folio_id}).all()
        moves = c.execute(text("SELECT posting_id, to_bill_id FROM posting_move ORDER BY id")).all()
        payments = c.execute(
            text("SELECT id, bill_id, kind, amount, base_amount, refund_of_id, voids_id, transfer_group "
                 "FROM payment WHERE folio_id = :f"), {"f": stay.folio_id}).all()

    on_bill = {pid: bill for pid, bill, _ in postings}
    for posting_id, to_bill in moves:
        if posting_id in on_bill:
            on_bill[posting_id] = to_bill
    charges: dict[int, Money] = defaultdict(lambda: Money.zero(currency))
    for pid, _, amount in postings:
        charges[on_bill[pid]] += Money.parse(amount)
    paid: dict[int | None, Money] = defaultdict(lambda: Money.zero(currency))
    for row in payments:
        paid[row.bill_id] += Money.parse(row.base_amount)

    for bill in view.bills:
        assert bill.charges == charges[bill.bill.id]
        assert bill.paid == paid[bill.bill.id]
        assert bill.balance == bill.charges - bill.paid
        assert bill.status is bill_status(bill.charges, bill.paid)

    assert view.deposit_balance == paid[None]
    assert not view.deposit_balance.is_negative

    voided = {row.voids_id for row in payments if row.voids_id is not None}
    refunded: dict[int, Money] = {}
    for row in payments:
        if row.refund_of_id is not None and row.id not in voided:
            amount = Money.parse(row.amount)
            refunded[row.refund_of_id] = refunded.get(row.refund_of_id, Money.zero(amount.currency)) + amount
    for row in payments:
        if row.id in refunded:
            assert not (Money.parse(row.amount) + refunded[row.id]).is_negative, "refunded more than was paid"

    groups: dict[str, Money] = defaultdict(lambda: Money.zero(currency))
    for row in payments:
        if row.transfer_group is not None:
            groups[row.transfer_group] += Money.parse(row.base_amount)
    assert all(not amount for amount in groups.values()), "a deposit transfer does not net to zero"

    money_in = sum((Money.parse(r.base_amount) for r in payments if r.transfer_group is None),
                   Money.zero(currency))
    all_charges = sum((Money.parse(a) for _, _, a in postings), Money.zero(currency))
    assert view.balance == all_charges - money_in


def run_sequence(hotel: Hotel, operations: list[tuple]) -> None:
    stay = hotel.stay(in_house=True)
    # A manager may do every operation, so each kind reaches the ledger rather than a refusal.
    hotel = hotel.as_role(Role.MANAGER)
    manager = hotel.approval()
    for op in operations:
        before = hotel.row_counts()
        try:
            apply(hotel, stay, op, manager)
        except DeskError:
            assert hotel.row_counts() == before, f"{op} was refused but wrote"
        check_books(hotel, stay)


@pytest.fixture(params=sorted(RATES))
def currency_hotel(request: pytest.FixtureRequest, sqlite_url: str):
    hotel = make_hotel(sqlite_url, request.param)
    if request.param != "EUR":  # the EUR hotel's settings carry their own rates
        with hotel.database.writing() as session:
            for currency, rate in RATES[request.param].items():
                session.add(CurrencyRate(currency=currency, rate=rate))
    yield hotel
    hotel.database.dispose()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, min_size=1, max_size=14))
def test_books_balance_in_every_base_currency(currency_hotel: Hotel, operations):
    run_sequence(currency_hotel, operations)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, min_size=4, max_size=12))
def test_books_balance_on_both_databases(hotel: Hotel, operations):
    run_sequence(hotel, operations)
