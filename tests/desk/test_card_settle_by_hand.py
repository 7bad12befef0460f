"""A pending card operation settled by a manager from the terminal's evidence, once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.audit.models import AuditEntry, AuditKind
from desk.cards.pending import settle_card_by_hand
from desk.cards.terminal_workflow import card_sale, pending_card_operations
from desk.core.errors import InvalidInput
from desk.journal.intents import IntentState
from desk.ledger.payments import Tender, take_payment
from desk.people.auth import ManagerApproval
from desk.people.models import Role
from desk.people.rights import MissingRight
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import MISSING_RIGHT, Hotel, refused


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def _pending_sale(rig: Rig, amount: str = "42.00"):
    stay = rig.hotel.stay()
    rig.sim.script("drop", "refuse_repeat")
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur(amount), allow_overpay=True)
    assert done.state in (IntentState.SENT, IntentState.UNKNOWN)
    return stay, done.intent


def test_a_manager_settles_a_sale_the_terminal_booked_from_its_receipt(sqlite_rig: Rig):
    rig = sqlite_rig
    stay, intent = _pending_sale(rig)
    (booked,) = rig.sim.journal
    manager = rig.hotel.as_role(Role.MANAGER)
    settled = manager.run(settle_card_by_hand, intent.id, happened=True, receipt_no=booked.receipt_no,
                          amount=eur("42.00"), reason="Terminal printout in the drawer")
    assert settled.state is IntentState.SETTLED
    assert [p.amount for p in rig.payments(stay.folio_id)] == [eur("42.00")]
    assert rig.hotel.query(pending_card_operations, rig.cashier.workstation) == []
    assert settled.outcome is not None and settled.outcome.payload["settled_by"] == "maria"
    rig.assert_matches_terminal()
    [entry] = rig.hotel.query(lambda s: list(s.scalars(select(AuditEntry).where(
        AuditEntry.kind == AuditKind.SETTLED_BY_HAND))))
    assert (entry.username, entry.authorised_by, entry.folio_id) == ("maria", "maria", stay.folio_id)
    assert json.loads(entry.content)["detail"] == {
        "key": intent.key, "card_operation": "card_sale", "happened": True, "receipt_no": booked.receipt_no,
        "amount": "EUR 42.00", "reason": "Terminal printout in the drawer"}


def test_one_that_did_not_happen_is_closed_and_the_bill_takes_payments_again(sqlite_rig: Rig):
    rig = sqlite_rig
    stay, intent = _pending_sale(rig)
    manager = rig.hotel.as_role(Role.MANAGER)
    closed = manager.run(settle_card_by_hand, intent.id, happened=False, reason="Bank statement shows nothing")
    assert closed.state is IntentState.CANCELLED
    assert rig.payments(stay.folio_id) == []
    manager.run(take_payment, stay.bill_id, Tender("card", eur("1.00")), allow_overpay=True)


def test_the_evidence_must_fit_and_only_a_manager_settles(sqlite_rig: Rig):
    rig = sqlite_rig
    _, intent = _pending_sale(rig)
    (booked,) = rig.sim.journal
    manager = rig.hotel.as_role(Role.MANAGER)
    refused(rig.hotel, InvalidInput, "The receipt must show {amount}, the amount the terminal was asked for",
            lambda: manager.run(settle_card_by_hand, intent.id, happened=True, receipt_no=booked.receipt_no,
                                amount=eur("41.00"), reason="r"), field="amount")
    refused(rig.hotel, InvalidInput, "Say what shows how the operation ended",
            lambda: manager.run(settle_card_by_hand, intent.id, happened=False, reason=" "), field="reason")
    cashier = rig.hotel.as_role(Role.CASHIER)
    refused(rig.hotel, MissingRight, MISSING_RIGHT,
            lambda: cashier.run(settle_card_by_hand, intent.id, happened=False, reason="r"))
    # With a manager's credentials in the dialog, the cashier may.
    cashier.run(settle_card_by_hand, intent.id, happened=False, reason="r",
                approval=ManagerApproval("maria", "manager"))


def test_a_receipt_already_on_an_operation_is_not_taken_twice(sqlite_rig: Rig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    first = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("42.00"), allow_overpay=True)
    assert first.settled
    (booked,) = rig.sim.journal
    _, intent = _pending_sale(rig)
    manager = rig.hotel.as_role(Role.MANAGER)
    refused(rig.hotel, InvalidInput, "Receipt {receipt} of this terminal is already on a card operation",
            lambda: manager.run(settle_card_by_hand, intent.id, happened=True, receipt_no=booked.receipt_no,
                                amount=eur("42.00"), reason="r"), field="receipt")
