"""The desk killed (SIGKILL) at each step of a saved card's charge at Adyen, then started again: what
Adyen charged is settled exactly once, by its AUTHORISATION webhook or by the same request replayed
under our key, and nothing it did not charge is in the ledger."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards.operator_workflow import reconcile_online
from desk.journal.intents import IntentState, load_intent, unresolved

from .adyen_rig import API_KEY, HMAC_KEY, AdyenRig, make_adyen_rig
from .conftest import Hotel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rig(sqlite_hotel: Hotel) -> Iterator[AdyenRig]:
    yield from make_adyen_rig(sqlite_hotel)


def charges(rig: AdyenRig) -> list[dict]:
    return [p for p in rig.fake.payments.values() if "shopperInteraction" in p and p["status"] == "captured"]


@pytest.mark.parametrize("settled_by", ["webhook", "replay"])
@pytest.mark.parametrize("kill_at", ["before_sent", "operator_done", "after_approval"])
def test_killed_mid_charge_then_settled_exactly_once(rig: AdyenRig, kill_at: str, settled_by: str, caplog):
    caplog.set_level(logging.DEBUG)
    stay, card_id = rig.saved_card()
    child = subprocess.run(
        [sys.executable, "-m", "tests.desk.online_kill_child", rig.hotel.database.url, str(rig.operator_id),
         str(card_id), str(stay.bill_id), kill_at],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert child.returncode == -9, child.stdout + child.stderr
    [pending] = rig.hotel.query(unresolved)
    assert len(charges(rig)) == (0 if kill_at == "before_sent" else 1)

    if settled_by == "webhook":
        # desk serve receives Adyen's AUTHORISATION while the desk is still down.
        rig.fake.send_webhooks()
        state = rig.hotel.query(load_intent, pending.id).state
        assert state is (IntentState.NEW if kill_at == "before_sent" else IntentState.SETTLED)
    result = reconcile_online(rig.runner, rig.cashier)
    assert result.errors == {} and result.still_unknown == []
    if kill_at == "before_sent":
        assert result.closed == [pending.id] and result.settled == []
    elif settled_by == "replay":
        assert result.settled == [pending.id]
    payments = rig.card_payments(stay.folio_id)
    assert len(payments) == len(charges(rig))
    for payment, charge in zip(payments, charges(rig), strict=True):
        assert charge["pspReference"] in payment.text and charge["amount"]["value"] == 3000
    # Once: the webhook again, a reconciliation again: nothing more, Adyen not charged again.
    rig.fake.send_webhooks()
    rig.fake.redeliver()
    assert reconcile_online(rig.runner, rig.cashier).settled == []
    assert rig.hotel.query(unresolved) == []
    assert len(rig.card_payments(stay.folio_id)) == len(charges(rig)) == (0 if kill_at == "before_sent" else 1)
    for text in (child.stdout, child.stderr, caplog.text):
        assert API_KEY not in text and HMAC_KEY not in text
