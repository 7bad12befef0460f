"""End of day: the comparison names only what the terminal's answer proves.

With individual totals (BMP 60) the receipt range names each payment outside it and the brands are
compared; with only the total (terminals that send no BMP 60) the difference is in the total and no
payment is named as missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards import operations as cards
from desk.cards.terminal_workflow import card_end_of_day, card_sale
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import Hotel


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def _sales(rig: Rig, *amounts: str) -> None:
    for amount in amounts:
        stay = rig.hotel.stay()
        assert card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur(amount),
                         allow_overpay=True).settled


def test_without_individual_totals_no_payment_is_named_missing(sqlite_rig: Rig):
    rig = sqlite_rig
    rig.sim.itemised_end_of_day = False
    _sales(rig, "10.00", "20.00", "30.00", "40.00")
    rig.sim.record("sale", 700, 978)  # the bank booked a sale the ledger does not have
    report = card_end_of_day(rig.runner, rig.cashier, rig.terminal_id)
    assert not report.itemised
    assert [d for d in report.differences if d.reason == "not_in_batch"] == []
    assert report.terminal_total == eur("107.00") and report.ledger_total == eur("100.00")
    assert report.total_difference == eur("7.00") and not report.matches


def test_without_individual_totals_equal_totals_match(sqlite_rig: Rig):
    rig = sqlite_rig
    rig.sim.itemised_end_of_day = False
    _sales(rig, "10.00", "20.00", "30.00", "40.00")
    report = card_end_of_day(rig.runner, rig.cashier, rig.terminal_id)
    assert report.matches and report.differences == [] and not report.itemised


def test_with_individual_totals_the_missing_receipt_is_named(sqlite_rig: Rig):
    rig = sqlite_rig
    _sales(rig, "10.00", "20.00")
    booked = rig.sim.record("sale", 700, 978)
    report = card_end_of_day(rig.runner, rig.cashier, rig.terminal_id)
    assert report.itemised and not report.matches
    assert [(d.reason, d.receipt_no) for d in report.differences] == [("not_in_ledger", booked.receipt_no)]


def test_brands_are_compared_when_the_terminal_sends_them(sqlite_rig: Rig):
    rig = sqlite_rig
    _sales(rig, "10.00", "20.00")
    first, last = rig.sim.journal[0].receipt_no, rig.sim.journal[-1].receipt_no
    brands = [{"brand": "Visa", "count": 2, "amount_minor": 2000},
              {"brand": "Eurocard/Mastercard", "count": 1, "amount_minor": 1000}]
    report = rig.runner.run(cards.record_end_of_day, rig.cashier, rig.terminal_id, 3000, 3, first, last,
                            brands=brands).value
    by_brand = {b.brand: b for b in report.brands}
    assert by_brand["Visa"].ledger_count == 2 and by_brand["Visa"].ledger_amount == eur("30.00")
    assert not by_brand["Visa"].matches
    assert by_brand["Eurocard/Mastercard"].ledger_count == 0 and not report.matches


def test_totals_brand_of_card_names():
    assert [cards.totals_brand(n) for n in ("VISA", "Mastercard", "girocard", "AMEX", "UnionPay")] == [
        "Visa", "Eurocard/Mastercard", "girocard", "American Express", "Other"]
