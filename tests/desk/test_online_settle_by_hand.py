"""An online card operation nothing could tell the end of, settled by a manager from what the
operator's back office shows: written once on the journal with who and why, booked as the operator's
own answer would have been, and a late confirmation changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desk.audit.models import AuditEntry, AuditKind
from desk.cards.models import CardRecordKind, SavedCard
from desk.cards.operator_workflow import charge_saved_card, delete_saved_card, refund_online_payment
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


def settled_by_hand_entries(rig: AdyenRig) -> list[AuditEntry]:
    return rig.hotel.query(lambda s: list(s.scalars(
        select(AuditEntry).where(AuditEntry.kind == AuditKind.SETTLED_BY_HAND).order_by(AuditEntry.seq))))


def test_a_settlement_by_hand_is_in_the_audit_trail_with_who_the_manager_why_and_what(rig: AdyenRig):
    stay, intent, _manager = _refund_waiting(rig)
    cashier = rig.hotel.as_role(Role.CASHIER)
    approval = rig.hotel.approval()
    cashier.run(settle_card_by_hand, intent.id, happened=True, reference="NC6HT9CRT65ZGN82", amount=eur("30.00"),
                reason="Adyen Customer Area shows the refund settled", approval=approval)
    [entry] = settled_by_hand_entries(rig)
    assert (entry.username, entry.authorised_by, entry.folio_id) == (
        cashier.actor.username, approval.username, stay.folio_id)
    detail = json.loads(entry.content)["detail"]
    assert detail == {"key": intent.key, "card_operation": "online_refund", "happened": True,
                      "reference": "NC6HT9CRT65ZGN82", "amount": "EUR 30.00",
                      "reason": "Adyen Customer Area shows the refund settled"}
    assert intent.key in entry.summary and "done" in entry.summary


def test_a_saved_card_deletion_adyen_could_not_be_asked_about_is_settled_by_hand_and_the_card_is_gone(
        rig: AdyenRig):
    _stay, card_id = rig.saved_card()
    rig.fake.unreachable = True  # the line is cut: neither the deletion nor the enquiry after it gets through
    asked = delete_saved_card(rig.runner, rig.cashier, card_id)
    assert asked.pending
    rig.fake.unreachable = False
    manager = rig.hotel.as_role(Role.MANAGER)
    settled = manager.run(settle_card_by_hand, asked.intent.id, happened=True,
                          reason="Deleted in Adyen's Customer Area by hand")
    assert settled.state is IntentState.SETTLED
    deleted = rig.hotel.query(lambda s: s.get_one(SavedCard, card_id))
    assert deleted.deleted_at is not None and deleted.deleted_by == rig.cashier.username  # who asked for it
    [entry] = settled_by_hand_entries(rig)
    detail = json.loads(entry.content)["detail"]
    assert (detail["card_operation"], detail["happened"], entry.authorised_by) == (
        "online_delete", True, manager.actor.username)


def test_a_card_operation_settled_by_hand_as_not_done_is_in_the_trail_too(rig: AdyenRig):
    _stay, intent, manager = _refund_waiting(rig)
    manager.run(settle_card_by_hand, intent.id, happened=False, reason="Not in Adyen's Customer Area")
    [entry] = settled_by_hand_entries(rig)
    detail = json.loads(entry.content)["detail"]
    assert detail == {"key": intent.key, "card_operation": "online_refund", "happened": False,
                      "reason": "Not in Adyen's Customer Area"}
