"""The fake Stripe on loopback, configured as the hotel's card operator, and a card saved on a stay."""

from __future__ import annotations

from collections.abc import Iterator

from desk.cards.operators.fakes.stripe import FakeStripe

from .conftest import Hotel
from .operator_rig import OperatorRig, operator_on_loopback

SECRET_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"

OnlineRig = OperatorRig[FakeStripe]


def make_online_rig(hotel: Hotel, *, hold_days: int = 7) -> Iterator[OnlineRig]:
    with operator_on_loopback(hotel, FakeStripe(SECRET_KEY, hold_days=hold_days), name="Stripe", kind="stripe",
                              secret=SECRET_KEY, account="acct_test", currencies=("EUR",)) as (fake, operator_id,
                                                                                               cashier):
        yield OnlineRig(hotel, fake, operator_id, cashier, test_card="pm_card_visa")
