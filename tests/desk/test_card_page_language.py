"""The operator's own card page opens in the clerk's language where the operator has it (Stripe
Checkout's ``locale``, Adyen's ``shopperLocale``, Saferpay's ``Payer.LanguageCode``), against each
fake, which refuses a value its operator does not list; the card is saved all the same."""

from __future__ import annotations

from typing import Any

import pytest

from desk.cards.card_page import NewCardOwner, save_card_on_operator_page
from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.operators.fakes.saferpay import FakeSaferpay
from desk.cards.operators.fakes.stripe import FakeStripe

from .adyen_rig import make_adyen_rig
from .conftest import Hotel
from .online_rig import make_online_rig
from .operator_rig import OperatorRig
from .saferpay_rig import make_saferpay_rig
from .test_card_page import VISA, Guest


def page_language(rig: OperatorRig[Any]) -> str:
    fake = rig.fake
    if isinstance(fake, FakeStripe):
        [session] = fake.checkout_sessions.values()
        return str(session["locale"])
    if isinstance(fake, FakeAdyen):
        [session] = fake.sessions.values()
        return str(session["body"]["shopperLocale"])
    assert isinstance(fake, FakeSaferpay)
    [insert] = fake.inserts.values()
    return str(insert["LanguageCode"])


@pytest.mark.parametrize(("make_rig", "language", "shown"), [
    (make_online_rig, "ru", "ru"), (make_online_rig, "bg", "bg"), (make_online_rig, "de", "auto"),
    (make_adyen_rig, "ru", "ru-RU"), (make_adyen_rig, "bg", "bg-BG"),
    (make_saferpay_rig, "ru", "ru"), (make_saferpay_rig, "bg", "en"),
], ids=["stripe-ru", "stripe-bg", "stripe-other", "adyen-ru", "adyen-bg", "saferpay-ru", "saferpay-bg"])
def test_the_page_opens_in_the_clerks_language(sqlite_hotel: Hotel, make_rig, language: str, shown: str):
    for rig in make_rig(sqlite_hotel):
        stay = rig.hotel.stay()
        outcome = save_card_on_operator_page(rig.runner, rig.cashier, rig.operator_id, Guest(VISA), "Anna Gast",
                                             NewCardOwner(reservation_id=stay.reservation_id), language=language)
        assert outcome.settled, outcome.intent
        assert page_language(rig) == shown
