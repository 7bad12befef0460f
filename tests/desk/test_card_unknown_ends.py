"""A card payment whose end the terminal will not tell stays pending; one it approved is paid.

The outside check found an approved sale closed as "did not happen": the line dropped after the
approval, the terminal refused the enquiry (84 83), the desk took that for a decline, the bill
could be paid again, and the bank had the money.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards.terminal_workflow import card_sale, pending_card_operations, reconcile_cards
from desk.core.errors import InvalidInput
from desk.journal.intents import IntentState
from desk.ledger.payments import Tender, take_payment
from tests.helpers import eur

from .card_rig import Rig, make_rig
from .conftest import Hotel


@pytest.fixture
def sqlite_rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def test_an_approval_the_desk_acknowledged_is_paid_though_the_completion_never_came(sqlite_rig: Rig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    rig.sim.script("drop_after_status", "refuse_repeat")
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("42.00"), allow_overpay=True)
    assert done.settled and done.payment_id is not None
    assert [p.amount for p in rig.payments(stay.folio_id)] == [eur("42.00")]
    rig.assert_matches_terminal()


def test_a_refused_enquiry_leaves_the_sale_pending_and_the_bill_blocked(sqlite_rig: Rig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    rig.sim.script("drop", "refuse_repeat")
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("42.00"), allow_overpay=True)
    assert done.state in (IntentState.SENT, IntentState.UNKNOWN), done.state
    assert [i.id for i in rig.hotel.query(pending_card_operations, rig.cashier.workstation)] == [done.intent.id]
    assert rig.payments(stay.folio_id) == []
    with pytest.raises(InvalidInput, match="still unresolved"):
        rig.hotel.run(take_payment, stay.bill_id, Tender("cash", eur("42.00")))
    # Asked again when the terminal answers: the bank had the money, and so has the ledger now.
    assert reconcile_cards(rig.runner, rig.cashier).settled == [done.intent.id]
    assert [p.amount for p in rig.payments(stay.folio_id)] == [eur("42.00")]
    rig.assert_matches_terminal()


def test_a_command_the_terminal_refuses_is_not_a_declined_card(sqlite_rig: Rig):
    rig = sqlite_rig
    stay = rig.hotel.stay()
    rig.sim.script("refuse_command")
    done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("5.00"), allow_overpay=True)
    assert done.state is IntentState.FAILED
    assert done.intent.outcome is not None and done.intent.outcome.payload["reason"] == "refused"
    assert done.intent.outcome.payload["result_code"] == 0x83
    assert rig.sim.journal == [] and rig.payments(stay.folio_id) == []
    # Nothing is left hanging: the bill takes the next sale.
    assert card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("5.00"), allow_overpay=True).settled


def test_a_later_sale_on_the_same_terminal_proves_nothing_of_a_pending_one(sqlite_rig: Rig):
    # The terminal's last receipt is the later sale, which the ledger knows: it says nothing of how
    # the earlier sale ended, which the bank has booked.
    rig = sqlite_rig
    first, other = rig.hotel.stay(), rig.hotel.stay()
    rig.sim.script("drop", "refuse_repeat")
    pending = card_sale(rig.runner, rig.cashier, rig.terminal_id, first.bill_id, eur("42.00"), allow_overpay=True)
    assert pending.state in (IntentState.SENT, IntentState.UNKNOWN), pending.state
    assert card_sale(rig.runner, rig.cashier, rig.terminal_id, other.bill_id, eur("7.00"), allow_overpay=True).settled
    result = reconcile_cards(rig.runner, rig.cashier)
    assert result.still_unknown == [pending.intent.id] and result.closed == []
    assert [i.id for i in rig.hotel.query(pending_card_operations, rig.cashier.workstation)] == [pending.intent.id]


def test_a_last_receipt_without_its_number_or_amount_proves_nothing(sqlite_rig: Rig, monkeypatch):
    from hardware.terminal.zvt.client import ZvtTerminal

    rig = sqlite_rig
    stay = rig.hotel.stay()
    rig.sim.script("drop", "refuse_repeat")
    pending = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur("42.00"), allow_overpay=True)
    assert pending.state in (IntentState.SENT, IntentState.UNKNOWN), pending.state
    # A terminal whose repeated receipt carries neither (only its print lines, say).
    answered = ZvtTerminal.repeat_last_receipt

    def unreadable(self, hooks=None):
        return dataclasses.replace(answered(self, hooks), receipt_no=None, amount_minor=None)

    monkeypatch.setattr(ZvtTerminal, "repeat_last_receipt", unreadable)
    result = reconcile_cards(rig.runner, rig.cashier)
    assert result.still_unknown == [pending.intent.id] and result.closed == []
