"""Card payment and Pre-authorise with "New card" in one flow (R12, R14), on the fake Stripe's Checkout
page with the browser replaced by a guest who fills its real form: the card is saved (its own journal
intent), then charged or held (a second intent, recorded only after the save settled). A crash between
the two leaves the card saved and nothing charged; nothing is ever charged twice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desk.cards.card_page import NewCardOwner, ThenCharge, save_card_then_charge
from desk.cards.models import CardRecordKind, SavedCard
from desk.cards.operator_workflow import charge_saved_card
from desk.core.errors import InvalidInput
from desk.journal.intents import IntentState, unresolved
from desk.journal.models import JournalIntent

from .adyen_rig import make_adyen_rig
from .conftest import Hotel, charged_stay, refused
from .converge_rig import make_converge_rig
from .online_rig import OnlineRig, make_online_rig
from .saferpay_rig import make_saferpay_rig
from .test_card_page import VISA, Guest


class Killed(BaseException):
    """The desk's process ends here: nothing after it runs, the journal keeps what was committed."""


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[OnlineRig]:
    yield from make_online_rig(hotel)


def intents(rig: OnlineRig) -> list[JournalIntent]:
    return rig.hotel.query(lambda s: list(s.scalars(select(JournalIntent).order_by(JournalIntent.id))))


def test_a_new_card_is_saved_then_charged_on_the_bill_in_one_flow(rig: OnlineRig):
    stay = charged_stay(rig.hotel)
    done = save_card_then_charge(rig.runner, rig.cashier, rig.operator_id, Guest(VISA), "Anna Gast",
                                 NewCardOwner(reservation_id=stay.reservation_id),
                                 ThenCharge(rig.hotel.money("80.00"), bill_id=stay.bill_id))
    assert done.saved.settled and done.charged is not None and done.charged.settled, done
    [card_id] = rig.hotel.query(lambda s: list(s.scalars(select(SavedCard.id))))
    save, charge = intents(rig)
    # One chain: the save first, then the charge on the card it saved.
    assert (save.kind, charge.kind) == ("online_save", "online_charge")
    assert charge.request["saved_card"] == card_id
    assert [p.amount for p in rig.card_payments(stay.folio_id)] == [rig.hotel.money("80.00")]
    [intent] = rig.fake.payment_intents.values()
    assert (intent["amount"], intent["status"]) == (8000, "succeeded")


def test_a_new_card_is_saved_then_held_on_the_folio(rig: OnlineRig):
    stay = charged_stay(rig.hotel)
    done = save_card_then_charge(rig.runner, rig.cashier, rig.operator_id, Guest(VISA), "Anna Gast",
                                 NewCardOwner(reservation_id=stay.reservation_id),
                                 ThenCharge(rig.hotel.money("150.00"), folio_id=stay.folio_id, hold=True))
    assert done.charged is not None and done.charged.settled, done
    assert [r.operation for r in rig.records()] == [CardRecordKind.PRE_AUTHORISATION]
    [intent] = rig.fake.payment_intents.values()
    assert (intent["status"], intent["amount_capturable"]) == ("requires_capture", 15000)


def test_a_guest_who_leaves_the_page_is_charged_nothing(rig: OnlineRig):
    stay = charged_stay(rig.hotel)
    done = save_card_then_charge(rig.runner, rig.cashier, rig.operator_id, Guest("cancel"), "Anna Gast",
                                 NewCardOwner(reservation_id=stay.reservation_id),
                                 ThenCharge(rig.hotel.money("80.00"), bill_id=stay.bill_id))
    assert done.saved.intent.state is IntentState.CANCELLED and done.charged is None
    assert [i.kind for i in intents(rig)] == ["online_save"]
    assert rig.fake.payment_intents == {}


def test_a_crash_between_saving_and_charging_leaves_the_card_saved_and_nothing_charged(rig: OnlineRig,
                                                                                       monkeypatch):
    stay = charged_stay(rig.hotel)

    def killed(*_args: object, **_kwargs: object) -> None:
        raise Killed

    monkeypatch.setattr("desk.cards.card_page.charge_saved_card", killed)
    with pytest.raises(Killed):
        save_card_then_charge(rig.runner, rig.cashier, rig.operator_id, Guest(VISA), "Anna Gast",
                              NewCardOwner(reservation_id=stay.reservation_id),
                              ThenCharge(rig.hotel.money("80.00"), bill_id=stay.bill_id))
    [card_id] = rig.hotel.query(lambda s: list(s.scalars(select(SavedCard.id))))
    assert [i.kind for i in intents(rig)] == ["online_save"]
    assert rig.hotel.query(unresolved) == [] and rig.fake.payment_intents == {}
    # The clerk charges the saved card afterwards: once.
    monkeypatch.undo()
    done = charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id,
                             rig.hotel.money("80.00"))
    assert done.settled and len(rig.fake.payment_intents) == 1


def test_a_charge_the_desk_would_refuse_opens_no_page(rig: OnlineRig):
    stay = charged_stay(rig.hotel)
    refused(rig.hotel, InvalidInput, "Choose the bill to pay",
            lambda: save_card_then_charge(rig.runner, rig.cashier, rig.operator_id, Guest(VISA), "Anna Gast",
                                          NewCardOwner(reservation_id=stay.reservation_id),
                                          ThenCharge(rig.hotel.money("80.00"))), field="bill")
    assert rig.fake.checkout_sessions == {}


@pytest.mark.parametrize("make_rig", [make_saferpay_rig, make_converge_rig, make_adyen_rig],
                         ids=["saferpay", "converge", "adyen"])
def test_every_operator_with_a_card_page_holds_on_the_new_card_in_one_flow(sqlite_hotel: Hotel, make_rig):
    # Pre-authorise with "New card" (R14) wherever the operator's page saves a card: each such page gives a
    # card the operator then holds as a merchant without the guest.
    for rig in make_rig(sqlite_hotel):
        stay = charged_stay(rig.hotel)
        done = save_card_then_charge(rig.runner, rig.cashier, rig.operator_id, Guest(VISA), "Anna Gast",
                                     NewCardOwner(reservation_id=stay.reservation_id),
                                     ThenCharge(rig.hotel.money("150.00"), folio_id=stay.folio_id, hold=True))
        assert done.saved.settled and done.charged is not None and done.charged.settled, done
        save, hold = intents(rig)
        assert (save.kind, hold.kind) == ("online_save", "online_preauth")
        [record] = rig.records()
        assert (record.operation, record.amount) == (CardRecordKind.PRE_AUTHORISATION, rig.hotel.money("150.00"))
        assert rig.card_payments(stay.folio_id) == []  # a hold is no payment
