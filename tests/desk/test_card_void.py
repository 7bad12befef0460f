"""A card payment is given back on the terminal; voiding it only in the ledger is refused.

The outside check voided a payment made on the terminal: it was struck out of the ledger, the bill
showed unpaid again, and the guest stayed charged. Now the desk refuses that void, and a manager
may only record money already given back outside the desk, with the reason saying how.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards.terminal_workflow import card_sale
from desk.core.errors import InvalidInput
from desk.ledger import texts
from desk.ledger.payments import Tender, take_payment, void_payment
from desk.people.models import Role
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import Hotel, refused

ON_TERMINAL = ("A payment made on the card terminal is given back on the terminal: refund it to the card, or "
               "record that it was refunded outside the desk")


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def test_a_card_payment_is_not_voided_in_the_ledger_alone(sqlite_rig: Rig):
    rig = sqlite_rig
    manager = rig.hotel.as_role(Role.MANAGER)
    stay = rig.hotel.stay()
    sale = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("30.00"), allow_overpay=True)
    assert sale.payment_id is not None
    refused(rig.hotel, InvalidInput, ON_TERMINAL,
            lambda: manager.run(void_payment, sale.payment_id, reason="typed twice"), field="payment")


def test_money_given_back_outside_the_desk_is_recorded_by_a_manager_with_the_reason(sqlite_rig: Rig):
    rig = sqlite_rig
    manager = rig.hotel.as_role(Role.MANAGER)
    stay = rig.hotel.stay()
    sale = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("30.00"), allow_overpay=True)
    assert sale.payment_id is not None
    void = manager.run(void_payment, sale.payment_id, reason="Refunded on the terminal's menu, receipt 0042",
                       refunded_outside=True)
    assert void.amount == eur("-30.00") and void.voids_id == sale.payment_id and void.authorised_by == "maria"
    assert texts.payment_text(void) == texts.LedgerText(texts.REFUNDED_OUTSIDE_DESK, {"payment": str(sale.payment_id)})
    assert rig.hotel.view(stay.folio_id).payment(sale.payment_id).voided_by is not None


def test_only_a_card_payment_is_refunded_outside_the_desk(sqlite_hotel: Hotel):
    manager = sqlite_hotel.as_role(Role.MANAGER)
    stay = sqlite_hotel.stay()
    cash = manager.run(take_payment, stay.bill_id, Tender("cash", eur("10.00")), allow_overpay=True)
    refused(sqlite_hotel, InvalidInput, "Only a payment made on the card terminal can be refunded outside the desk",
            lambda: manager.run(void_payment, cash.id, reason="r", refunded_outside=True), field="payment")
