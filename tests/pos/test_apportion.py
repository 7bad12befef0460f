"""A sum shared among parts in proportion: exact to the minor unit, adding up to the whole, never off by more
than one unit from the exact share (a discount or a refund spread over a check's tax rates)."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from desk.core.money import Money, minor_units
from desk.pos.checks import apportion


@pytest.mark.parametrize("currency", ["EUR", "JPY", "KWD"])
def test_shares_add_up_exactly_and_stay_within_one_unit_of_the_exact_share(currency: str):
    unit = Decimal(1).scaleb(-minor_units(currency))
    draw = random.Random(22)
    for _ in range(2000):
        weights = [Money(draw.randint(1, 10**6) * unit, currency) for _ in range(draw.randint(1, 6))]
        whole = sum((w.amount for w in weights), Decimal(0))
        amount = Money(draw.randint(1, int(whole / unit)) * unit, currency)  # at most the whole, as on a check
        shares = apportion(amount, weights)
        assert sum((s.amount for s in shares), Decimal(0)) == amount.amount
        for share, weight in zip(shares, weights, strict=True):
            assert abs(share.amount - amount.amount * weight.amount / whole) < unit
            assert Decimal(0) <= share.amount <= weight.amount


def test_the_cents_left_over_go_to_the_largest_parts():
    eur = [Money(Decimal(v), "EUR") for v in ("1.00", "1.00", "1.00")]
    assert [str(s) for s in apportion(Money(Decimal("1.00"), "EUR"), eur)] == ["EUR 0.34", "EUR 0.33", "EUR 0.33"]
    assert [str(s) for s in apportion(Money(Decimal("0.05"), "EUR"),
                                      [Money(Decimal("1.00"), "EUR"), Money(Decimal("3.00"), "EUR")])] == \
        ["EUR 0.01", "EUR 0.04"]
