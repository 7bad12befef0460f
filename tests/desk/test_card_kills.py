"""The desk killed (SIGKILL) at each step of each card flow, then started again: every money movement
the terminal's bank booked is settled exactly once, and nothing it did not book is in the ledger."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.cards import operations as cards
from desk.cards.pending import settle_card_by_hand
from desk.cards.terminal_workflow import card_pre_authorise, card_sale, reconcile_cards
from desk.core.money import Money
from desk.journal.intents import unresolved
from desk.people.models import Role
from hardware.simulators.zvt_terminal import TEST_CARD_PAN

from .card_rig import Rig, make_rig
from .conftest import Hotel

ROOT = Path(__file__).resolve().parents[2]
# before_sent: intent committed, terminal never asked; after_sent: the terminal has the request (and
# gives up when the desk is gone); terminal_approved: the bank booked it, the answer never arrived;
# after_approval: the approval is in the journal, the ledger not yet.
KILL_POINTS = ["before_sent", "after_sent", "terminal_approved", "after_approval"]
FLOWS = ["sale", "refund", "preauth", "capture"]


@pytest.fixture
def rig(sqlite_hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(sqlite_hotel, tmp_path)


def _target(rig: Rig, flow: str) -> tuple[int, int]:
    """(the id the flow acts on, the folio) — a paid bill's payment, a folio, or an open hold."""
    stay = rig.hotel.stay()
    eur = Money.of("80.00", "EUR")
    if flow == "sale":
        return stay.bill_id, stay.folio_id
    if flow == "preauth":
        return stay.folio_id, stay.folio_id
    if flow == "refund":
        done = card_sale(rig.runner, rig.cashier, rig.terminal_id, stay.bill_id, eur, allow_overpay=True)
        assert done.payment_id is not None
        return done.payment_id, stay.folio_id
    assert card_pre_authorise(rig.runner, rig.cashier, rig.terminal_id, stay.folio_id, eur).settled
    [hold] = rig.hotel.query(cards.holds_of_folio, stay.folio_id)
    return hold.id, stay.folio_id


@pytest.mark.parametrize("kill_at", KILL_POINTS)
@pytest.mark.parametrize("flow", FLOWS)
def test_killed_at_each_step_then_reconciled_exactly_once(rig: Rig, flow: str, kill_at: str, caplog):
    caplog.set_level(logging.DEBUG)
    target, folio_id = _target(rig, flow)
    booked_before = len(rig.sim.journal)
    if kill_at == "after_sent":
        rig.sim.script("pin:0.3")  # the terminal is still busy when the desk dies
    if kill_at == "terminal_approved":
        rig.sim.script("slow_approval:0.3")  # booked, says "approved", answers after a moment
    child = subprocess.run(
        [sys.executable, "-m", "tests.desk.card_kill_child", rig.hotel.database.url, str(rig.terminal_id),
         flow, str(target), kill_at],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert child.returncode == -9, child.stdout + child.stderr
    assert "finished" not in child.stdout
    # Started again: the pending operation is resolved by asking the terminal.
    pending = rig.hotel.query(unresolved)
    assert len(pending) == 1
    result = reconcile_cards(rig.runner, rig.cashier)
    booked = len(rig.sim.journal) - booked_before
    assert result.errors == {}
    if result.still_unknown:
        # A terminal with no last receipt to repeat proves nothing: the operation stays pending until
        # a manager settles it from the evidence (here: the terminal booked nothing).
        assert booked == 0 and kill_at == "after_sent"
        [intent_id] = result.still_unknown
        rig.hotel.as_role(Role.MANAGER).run(settle_card_by_hand, intent_id, happened=False,
                                             reason="The terminal's journal shows nothing")
        result.closed.append(intent_id)
    if kill_at == "before_sent":
        assert booked == 0 and len(result.closed) == 1  # never asked: closed without asking
    elif kill_at in ("after_approval", "terminal_approved"):
        assert booked == 1 and len(result.settled) == 1  # approved, not settled: settled now
    else:
        assert len(result.settled) == booked and len(result.closed) == 1 - booked
    print(f"{flow} killed {kill_at}: booked {booked}, settled {len(result.settled)}, closed {len(result.closed)}")
    assert rig.hotel.query(unresolved) == []
    rig.assert_matches_terminal()
    assert reconcile_cards(rig.runner, rig.cashier).settled == []  # again: nothing more
    rig.assert_matches_terminal()
    # No card number in the child's output or logs, ours, or the database file.
    for text in (child.stdout, child.stderr, caplog.text):
        assert TEST_CARD_PAN not in text
    assert TEST_CARD_PAN.encode() not in _database_bytes(rig)
    assert folio_id


def _database_bytes(rig: Rig) -> bytes:
    path = rig.hotel.database.url.removeprefix("sqlite:///")
    data = Path(path).read_bytes()
    wal = Path(path + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")
