"""A bill's balance summed by the database is the balance the folio shows, whatever happened on it."""

from __future__ import annotations

from desk.ledger.bills import move_postings, open_bill
from desk.ledger.folios import bill_balance
from desk.ledger.payments import Tender, apply_deposit, refund_payment, take_deposit, take_payment, void_payment
from desk.ledger.postings import post_charge, post_service, reverse_posting
from desk.people.models import Role
from tests.desk.conftest import Hotel


def _agrees(hotel: Hotel, folio_id: int) -> None:
    view = hotel.view(folio_id)
    for bill in view.bills:
        assert hotel.query(bill_balance, bill.bill.id) == bill.balance, bill.bill.id


def test_the_sum_in_the_database_is_the_folio_balance_through_moves_reversals_refunds_and_voids(
        hotel: Hotel) -> None:
    hotel = hotel.as_role(Role.MANAGER)
    stay = hotel.stay()
    second = hotel.run(open_bill, stay.folio_id, payer_name="Company").id
    _agrees(hotel, stay.folio_id)  # nothing on either bill: zero
    room = hotel.run(post_charge, bill_id=stay.bill_id, description="Room", quantity=2,
                     unit_price=hotel.money("100.05"))
    beer = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    water = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    _agrees(hotel, stay.folio_id)
    hotel.run(reverse_posting, beer.id, reason="not drunk")  # a negative copy on the same bill
    _agrees(hotel, stay.folio_id)
    # Moved away, back, and away again: only the last move counts, on both bills.
    hotel.run(move_postings, [room.id, water.id], second)
    hotel.run(move_postings, [room.id], stay.bill_id)
    hotel.run(move_postings, [room.id], second)
    _agrees(hotel, stay.folio_id)
    assert hotel.query(bill_balance, second) == hotel.money("203.60")
    paid = hotel.run(take_payment, second, Tender("cash", hotel.money("150.00")))
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("40.00")))
    hotel.run(apply_deposit, second, hotel.money("25.00"))
    _agrees(hotel, stay.folio_id)
    refund = hotel.run(refund_payment, paid.id, hotel.money("10.00"))
    _agrees(hotel, stay.folio_id)
    hotel.run(void_payment, refund.id, reason="given in cash by mistake", approval=hotel.approval())
    _agrees(hotel, stay.folio_id)
    hotel.run(void_payment, paid.id, reason="wrong bill", approval=hotel.approval())
    _agrees(hotel, stay.folio_id)
    assert hotel.query(bill_balance, second) == hotel.money("178.60")
    # An overpaid bill owes less than nothing.
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("9.00")), allow_overpay=True)
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("-9.00")
    _agrees(hotel, stay.folio_id)
