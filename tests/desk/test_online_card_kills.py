"""The desk killed (SIGKILL) at each step of a saved card's charge, then started again: what Stripe
charged is settled exactly once, found by our key, and nothing it did not charge is in the ledger."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards.operator_workflow import reconcile_online
from desk.journal.intents import unresolved

from .conftest import Hotel
from .online_rig import SECRET_KEY, OnlineRig, make_online_rig

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rig(sqlite_hotel: Hotel) -> Iterator[OnlineRig]:
    yield from make_online_rig(sqlite_hotel)


@pytest.mark.parametrize("kill_at", ["before_sent", "operator_done", "after_approval"])
def test_killed_mid_charge_then_reconciled_to_exactly_one_payment(rig: OnlineRig, kill_at: str, caplog):
    caplog.set_level(logging.DEBUG)
    stay, card_id = rig.saved_card()
    child = subprocess.run(
        [sys.executable, "-m", "tests.desk.online_kill_child", rig.hotel.database.url, str(rig.operator_id),
         str(card_id), str(stay.bill_id), kill_at],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert child.returncode == -9, child.stdout + child.stderr
    assert "finished" not in child.stdout
    [pending] = rig.hotel.query(unresolved)
    charged = [pi for pi in rig.fake.payment_intents.values() if pi["status"] == "succeeded"]
    assert len(charged) == (0 if kill_at == "before_sent" else 1)

    result = reconcile_online(rig.runner, rig.cashier)
    assert result.errors == {} and result.still_unknown == []
    if kill_at == "before_sent":
        assert result.closed == [pending.id] and result.settled == []
    else:
        assert result.settled == [pending.id]
    payments = rig.card_payments(stay.folio_id)
    assert len(payments) == len(charged)
    for payment, pi in zip(payments, charged, strict=True):
        assert pi["id"] in payment.text and pi["amount_received"] == 3000
    # Once: asked again, nothing more is settled and Stripe was not charged again.
    assert reconcile_online(rig.runner, rig.cashier).settled == []
    assert rig.hotel.query(unresolved) == []
    assert len([pi for pi in rig.fake.payment_intents.values() if pi["status"] == "succeeded"]) == len(charged)
    for text in (child.stdout, child.stderr, caplog.text):
        assert "4242424242424242" not in text and SECRET_KEY not in text
