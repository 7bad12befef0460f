"""The fake Converge on loopback, configured as the hotel's card operator, and a card saved on a stay."""

from __future__ import annotations

from collections.abc import Iterator

from desk.cards.operators.fakes.converge import DEFAULT_MERCHANT, FakeConverge

from .conftest import Hotel
from .operator_rig import OperatorRig, operator_on_loopback

USER = "deskapi"
PIN = "K8ZQ2M4XW7T1P0RS5VNY3BHD6GJC9LFA"
ACCOUNT = f"{DEFAULT_MERCHANT}/{USER}"

ConvergeRig = OperatorRig[FakeConverge]


def make_converge_rig(hotel: Hotel, *, hold_days: int = 7) -> Iterator[ConvergeRig]:
    with operator_on_loopback(hotel, FakeConverge(user=USER, pin=PIN, hold_days=hold_days),
                              name="Converge", kind="converge", secret=PIN, account=ACCOUNT,
                              currencies=("USD", "EUR")) as (fake, operator_id, cashier):
        yield ConvergeRig(hotel, fake, operator_id, cashier, test_card="enc_visa")
