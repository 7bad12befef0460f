"""The fake Saferpay on loopback, configured as the hotel's card operator, and a card saved on a stay."""

from __future__ import annotations

from collections.abc import Iterator

from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay

from .conftest import Hotel
from .operator_rig import OperatorRig, operator_on_loopback

USER = "API_245294_08670203"
PASSWORD = "JsonApiPwd1_8xq2TZ"
ACCOUNT = f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}"

SaferpayRig = OperatorRig[FakeSaferpay]


def make_saferpay_rig(hotel: Hotel, *, hold_days: int = 7) -> Iterator[SaferpayRig]:
    with operator_on_loopback(hotel, FakeSaferpay(user=USER, password=PASSWORD, hold_days=hold_days),
                              name="Saferpay", kind="saferpay", secret=f"{USER}:{PASSWORD}", account=ACCOUNT,
                              currencies=("EUR", "CHF")) as (fake, operator_id, cashier):
        yield SaferpayRig(hotel, fake, operator_id, cashier, test_card="fields_visa")
