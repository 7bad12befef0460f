"""The card rules the terminal dialog shows and desk applies: what a capture suggests and where it
lands, which method a terminal's payments are booked under, and which operations offer a receipt."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desk.cards import operations as cards
from desk.cards.models import CardKind
from desk.cards.operations import capture_suggestion, card_method, card_receipt_refusal
from desk.cards.terminal_workflow import card_capture, card_pre_authorise
from desk.core.money import Money
from desk.hotel.models import MethodKind, PaymentMethod
from desk.ledger.bills import open_bill
from desk.ledger.folios import BillView, FolioView
from desk.ledger.models import Bill, Folio
from desk.ledger.postings import post_charge
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import Hotel


def jpy(amount: str) -> Money:
    return Money.of(amount, "JPY")


def usd(amount: str) -> Money:
    return Money.of(amount, "USD")


def folio_owing(*balances: Money) -> FolioView:
    """A folio whose bills (ids 1, 2, ...) owe ``balances``, in the folio's currency."""
    currency = balances[0].currency if balances else "EUR"
    bills = [BillView(Bill(id=number, payer_name="Guest"), [], [], owed, Money.zero(owed.currency))
             for number, owed in enumerate(balances, start=1)]
    return FolioView(Folio(id=1), currency, bills, [], [])


EUR_RATES = {"EUR": Decimal(1), "USD": Decimal("0.9"), "JPY": Decimal("0.0062")}


# --- what a capture suggests ----------------------------------------------------------------------


@pytest.mark.parametrize("owed,held,suggested", [
    (eur("80.00"), eur("100.00"), eur("80.00")),  # the bill owes less: its balance, the rest released
    (eur("150.00"), eur("100.00"), eur("100.00")),  # the bill owes more: the whole hold, never more
    (eur("100.00"), eur("100.00"), eur("100.00")),
    (eur("0.00"), eur("100.00"), eur("0.00")),  # nothing owed: nothing suggested
    (eur("-5.00"), eur("100.00"), eur("0.00")),  # overpaid: nothing suggested
])
def test_a_capture_suggests_the_bills_open_balance_capped_by_the_hold(owed: Money, held: Money, suggested: Money):
    suggestion = capture_suggestion(folio_owing(owed), held, EUR_RATES, bill_id=1)
    assert suggestion == cards.CaptureSuggestion(bill_id=1, amount=suggested)


@pytest.mark.parametrize("owed,held,suggested", [
    (jpy("8000"), jpy("10000"), jpy("8000")),
    (jpy("12000"), jpy("10000"), jpy("10000")),
    (jpy("0"), jpy("10000"), jpy("0")),
])
def test_a_hotel_in_a_currency_without_decimals_is_suggested_alike(owed: Money, held: Money, suggested: Money):
    suggestion = capture_suggestion(folio_owing(owed), held, {"JPY": Decimal(1)}, bill_id=1)
    assert suggestion == cards.CaptureSuggestion(bill_id=1, amount=suggested)


def test_without_a_chosen_bill_the_capture_lands_on_the_first_bill_that_owes():
    folio = folio_owing(eur("0.00"), eur("40.00"), eur("70.00"))
    assert capture_suggestion(folio, eur("100.00"), EUR_RATES) == cards.CaptureSuggestion(2, eur("40.00"))
    # The clerk's choice stands, even a bill that owes nothing.
    assert capture_suggestion(folio, eur("100.00"), EUR_RATES, bill_id=1) == cards.CaptureSuggestion(1, eur("0.00"))


def test_without_a_chosen_bill_and_nothing_owed_the_first_bill_is_named_and_nothing_suggested():
    folio = folio_owing(eur("0.00"), eur("-3.00"))
    assert capture_suggestion(folio, eur("100.00"), EUR_RATES) == cards.CaptureSuggestion(1, eur("0.00"))


def test_a_folio_without_a_bill_names_none_and_suggests_nothing():
    assert capture_suggestion(folio_owing(), eur("100.00"), EUR_RATES) == cards.CaptureSuggestion(None, eur("0.00"))


@pytest.mark.parametrize("held,suggested", [
    (usd("150.00"), usd("100.00")),  # EUR 90.00 owed is USD 100.00 at 0.9
    (usd("50.00"), usd("50.00")),
])
def test_a_hold_in_another_currency_is_suggested_the_balance_in_that_currency(held: Money, suggested: Money):
    suggestion = capture_suggestion(folio_owing(eur("90.00")), held, EUR_RATES, bill_id=1)
    assert suggestion == cards.CaptureSuggestion(1, suggested)


@pytest.mark.parametrize("held,suggested", [
    (jpy("20000"), jpy("16129")),  # EUR 100.00 / 0.0062 = 16129.03..., to the yen
    (jpy("9000"), jpy("9000")),
])
def test_a_hold_in_yen_on_a_euro_bill_is_suggested_to_the_yen(held: Money, suggested: Money):
    suggestion = capture_suggestion(folio_owing(eur("100.00")), held, EUR_RATES, bill_id=1)
    assert suggestion == cards.CaptureSuggestion(1, suggested)


def test_a_hold_in_a_currency_the_hotel_no_longer_rates_suggests_nothing():
    suggestion = capture_suggestion(folio_owing(eur("90.00")), usd("150.00"), {"EUR": Decimal(1)}, bill_id=1)
    assert suggestion == cards.CaptureSuggestion(1, usd("0.00"))


@pytest.fixture
def rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def test_a_capture_without_a_bill_lands_where_the_suggestion_said(rig: Rig):
    hotel = rig.hotel
    stay = hotel.stay()
    extras = hotel.run(open_bill, stay.folio_id, payer_name="Extras").id
    hotel.run(post_charge, bill_id=extras, description="Minibar", quantity=1, unit_price=eur("40.00"))
    assert not hotel.view(stay.folio_id).bill(stay.bill_id).balance.is_positive  # the first bill owes nothing
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur("100.00")).settled
    [held] = hotel.query(cards.holds_of_folio, stay.folio_id)
    folio = hotel.view(stay.folio_id)
    suggestion = capture_suggestion(folio, held.amount, {"EUR": Decimal(1)})
    assert suggestion == cards.CaptureSuggestion(extras, eur("40.00"))
    done = card_capture(rig.runner, rig.cashier, rig.terminal_id, held.id, suggestion.amount)
    assert done.settled and done.intent.bill_id == extras
    assert [(p.bill_id, p.amount) for p in rig.payments(stay.folio_id)] == [(extras, eur("40.00"))]


# --- the card method and the receipt offer ----------------------------------------------------------


def method(code: str, kind: MethodKind, *, fiscal: bool = True) -> PaymentMethod:
    return PaymentMethod(code=code, name=code.title(), kind=kind, fiscal=fiscal)


def test_a_terminals_payments_are_booked_under_the_first_card_method_by_code():
    methods = [method("cash", MethodKind.CASH), method("visa", MethodKind.CARD), method("card", MethodKind.CARD)]
    assert card_method(methods) is methods[2]
    assert card_method([method("cash", MethodKind.CASH)]) is None


CARD = [method("card", MethodKind.CARD)]


@pytest.mark.parametrize("operation", [CardKind.SALE, CardKind.CAPTURE, CardKind.REFUND, CardKind.REVERSAL])
def test_operations_that_move_the_guests_money_offer_a_receipt(operation: CardKind):
    assert card_receipt_refusal(operation, CARD, has_register=True) is None


@pytest.mark.parametrize("operation", [CardKind.PRE_AUTHORISATION, CardKind.RELEASE])
def test_a_hold_or_its_release_moves_no_money_and_offers_no_receipt(operation: CardKind):
    refusal = card_receipt_refusal(operation, CARD, has_register=True)
    assert refusal is not None and refusal.template == "Only payments and refunds get a fiscal receipt"


def test_no_receipt_without_a_register_a_fiscal_card_method_or_any_card_method():
    assert card_receipt_refusal(CardKind.SALE, CARD, has_register=False).template == "No cash register is configured"
    off_register = [method("card", MethodKind.CARD, fiscal=False)]
    assert card_receipt_refusal(CardKind.SALE, off_register, has_register=True).template == \
        "{method} payments get no fiscal receipt"
    assert card_receipt_refusal(CardKind.SALE, [], has_register=True).template == \
        "The hotel has no card payment method"
