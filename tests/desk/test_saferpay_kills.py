"""The desk killed (SIGKILL) at each step of a saved card's charge at Saferpay, then started again:
what Saferpay charged is settled exactly once, found by our OrderId, and nothing else is booked."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards.operator_workflow import reconcile_online
from desk.journal.intents import unresolved

from .conftest import Hotel
from .saferpay_rig import PASSWORD, SaferpayRig, make_saferpay_rig

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rig(sqlite_hotel: Hotel) -> Iterator[SaferpayRig]:
    yield from make_saferpay_rig(sqlite_hotel)


@pytest.mark.parametrize("kill_at", ["before_sent", "operator_done", "after_approval"])
def test_killed_mid_charge_then_reconciled_to_exactly_one_payment(rig: SaferpayRig, kill_at: str):
    stay, card_id = rig.saved_card()
    child = subprocess.run(
        [sys.executable, "-m", "tests.desk.online_kill_child", rig.hotel.database.url, str(rig.operator_id),
         str(card_id), str(stay.bill_id), kill_at],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert child.returncode == -9, child.stdout + child.stderr
    [pending] = rig.hotel.query(unresolved)
    captured = [t for t in rig.fake.transactions.values() if t["Status"] == "CAPTURED"]
    assert len(captured) == (0 if kill_at == "before_sent" else 1)

    result = reconcile_online(rig.runner, rig.cashier)
    assert result.errors == {} and result.still_unknown == []
    assert (result.closed, result.settled) == (([pending.id], []) if kill_at == "before_sent" else ([], [pending.id]))
    payments = rig.card_payments(stay.folio_id)
    assert len(payments) == len(captured)
    for payment, transaction in zip(payments, captured, strict=True):
        assert transaction["Id"] in payment.text and transaction["_captured"] == 3000
    assert reconcile_online(rig.runner, rig.cashier).settled == [] and rig.hotel.query(unresolved) == []
    assert len(rig.fake.transactions) == len(captured)
    for text in (child.stdout, child.stderr):
        assert PASSWORD not in text
