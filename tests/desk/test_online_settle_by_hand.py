"""An online card operation nothing could tell the end of, settled by a manager from what the
operator's back office shows: written once on the journal with who and why, booked as the operator's
own answer would have been, and a late confirmation changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desk.cards.models import CardRecordKind
from desk.cards.operator_workflow import charge_saved_card, refund_online_payment
from desk.cards.pending import settle_card_by_hand
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.journal.intents import EventType, IntentState, load_intent
from desk.ledger.models import PaymentKind
from desk.people.models import Role
from desk.people.rights import MissingRight

from .adyen_rig import AdyenRig, make_adyen_rig
from .conftest import MISSING_RIGHT, Hotel, refused


@pytest.fixture
def rig(hotel: Hotel) -> Iterator[AdyenRig]:
    yield from make_adyen_rig(hotel)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def _refund_waiting(rig: AdyenRig, amount: str = "30.00"):
    stay, card_id = rig.saved_card()
    charge_saved_card(rig.runner, rig.cashier, rig.operator_id, card_id, stay.bill_id, eur("80.00"))
    rig.fake.send_webhooks()
    [payment] = rig.card_payments(stay.folio_id)
    manager = rig.hotel.as_role(Role.MANAGER)
    back = refund_online_payment(rig.runner, manager.actor, rig.operator_id, payment.id, eur(amount))
    assert back.pending
    return stay, back.intent, manager


def refunds(rig: AdyenRig, folio_id: int) -> list[Money]:
    return [p.amount for p in rig.card_payments(folio_id) if p.kind is PaymentKind.REFUND]


def test_a_manager_settles_an_online_refund_from_the_operators_back_office_once(rig: AdyenRig):
    stay, intent, manager = _refund_waiting(rig)
    settled = manager.run(settle_card_by_hand, intent.id, happened=True, reference="NC6HT9CRT65ZGN82",
                          amount=eur("30.00"), reason="Adyen Customer Area shows the refund settled")
    assert settled.state is IntentState.SETTLED
    assert refunds(rig, stay.folio_id) == [-eur("30.00")]
    [record] = [r for r in rig.records() if r.intent_id == intent.id]
    assert (record.operation, record.reference) == (CardRecordKind.REFUND, "NC6HT9CRT65ZGN82")
    approved = [e for e in settled.events if e.type is EventType.APPROVED][-1]
    assert approved.payload["by_hand"] and approved.payload["settled_by"] == manager.actor.username
    assert approved.payload["reason"] == "Adyen Customer Area shows the refund settled"
    # Adyen's webhook arriving afterwards is a repeat: nothing booked twice.
    rig.fake.send_webhooks()
    assert refunds(rig, stay.folio_id) == [-eur("30.00")]


def test_an_online_operation_the_back_office_does_not_show_is_closed_with_nothing_booked(rig: AdyenRig):
    stay, intent, manager = _refund_waiting(rig)
    closed = manager.run(settle_card_by_hand, intent.id, happened=False, reason="Not in Adyen's Customer Area")
    assert closed.state is IntentState.CANCELLED
    assert refunds(rig, stay.folio_id) == []
    assert rig.hotel.query(load_intent, intent.id).outcome.payload["settled_by"] == manager.actor.username


def test_an_online_settlement_by_hand_needs_the_reference_and_the_amount_asked_and_a_manager(rig: AdyenRig):
    stay, intent, manager = _refund_waiting(rig)
    refused(rig.hotel, InvalidInput, "Enter the operator's reference for it",
            lambda: manager.run(settle_card_by_hand, intent.id, happened=True, reference=" ", amount=eur("30.00"),
                                reason="seen"), field="reference")
    refused(rig.hotel, InvalidInput, "The operator must show {amount}, the amount it was asked for",
            lambda: manager.run(settle_card_by_hand, intent.id, happened=True, reference="NC6HT9CRT65ZGN82",
                                amount=eur("20.00"), reason="seen"), field="amount")
    refused(rig.hotel, InvalidInput, "This looks like a card number: enter the operator's reference, never the card",
            lambda: manager.run(settle_card_by_hand, intent.id, happened=True, reference="4111111111111111",
                                amount=eur("30.00"), reason="seen"), field="reference")
    cashier = rig.hotel.as_role(Role.CASHIER)
    refused(rig.hotel, MissingRight, MISSING_RIGHT,
            lambda: cashier.run(settle_card_by_hand, intent.id, happened=False, reason="r"))
    assert rig.hotel.query(load_intent, intent.id).state.is_open
    assert refunds(rig, stay.folio_id) == []
