"""A ZVT terminal simulator on TCP, configured as a terminal of the test workstation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desk.cards.models import CardRecord, CardRecordKind
from desk.cards.terminals import add_terminal, connect, disconnect_all, terminal_settings
from desk.db.runner import Runner
from desk.ledger.models import Payment, PaymentKind
from desk.people.auth import Actor
from desk.people.models import Role
from hardware.simulators.zvt_terminal import ZvtSimulator
from hardware.terminal.zvt.client import ZvtTerminal
from tests.actors import signed_in

from .conftest import Hotel

# How long the desk waits for the terminal's next message (the real default is 180 s): long enough
# that no flow depends on how fast a loaded machine runs, and a hung test still ends.
ANSWER_TIMEOUT = 20.0
# How soon the desk gives up on a silent terminal in the flows about silence (Rig.give_up_after).
SILENCE_TIMEOUT = 0.8
SIM_OPERATION = {
    "sale": CardRecordKind.SALE, "refund": CardRecordKind.REFUND, "reversal": CardRecordKind.REVERSAL,
    "pre_authorisation": CardRecordKind.PRE_AUTHORISATION, "capture": CardRecordKind.CAPTURE,
    "release": CardRecordKind.RELEASE,
}


@dataclass
class Rig:
    hotel: Hotel
    sim: ZvtSimulator
    terminal_id: int
    cashier: Actor
    journal_path: Path

    @property
    def runner(self) -> Runner:
        return Runner(self.hotel.database)

    def give_up_after(self, seconds: float = SILENCE_TIMEOUT) -> None:
        """The desk gives up on this terminal's silence after ``seconds``: only the flows about a
        terminal that answers late or never want it short; every other flow waits as long as it takes."""
        terminal = connect(self.hotel.query(terminal_settings, self.terminal_id)).terminal
        assert isinstance(terminal, ZvtTerminal)
        terminal.answer_timeout = seconds

    def records(self) -> list[CardRecord]:
        return self.hotel.query(lambda s: list(s.scalars(select(CardRecord).order_by(CardRecord.id))))

    def payments(self, folio_id: int) -> list[Payment]:
        return self.hotel.query(lambda s: list(s.scalars(
            select(Payment).where(Payment.folio_id == folio_id).order_by(Payment.id))))

    def assert_matches_terminal(self) -> None:
        """Every transaction the terminal's bank booked is in the ledger exactly once, and nothing else."""
        booked = {t.receipt_no: t for t in self.sim.journal}
        ours = [r for r in self.records() if r.receipt_no is not None]
        by_receipt: dict[int, CardRecord] = {}
        for record in ours:
            assert record.receipt_no not in by_receipt, f"receipt {record.receipt_no} recorded twice"
            by_receipt[record.receipt_no] = record  # type: ignore[index]
        assert set(by_receipt) == set(booked), (sorted(by_receipt), sorted(booked))
        for receipt_no, txn in booked.items():
            record = by_receipt[receipt_no]
            assert record.operation is SIM_OPERATION[txn.operation]
            assert int(record.amount.amount * 100) == txn.amount_minor
            payments = self.hotel.query(lambda s, r=record: list(s.scalars(
                select(Payment).where(Payment.id == r.payment_id))))
            if record.operation in (CardRecordKind.SALE, CardRecordKind.CAPTURE):
                [payment] = payments
                assert payment.kind is PaymentKind.PAYMENT and payment.amount == record.amount
            elif record.operation in (CardRecordKind.REFUND, CardRecordKind.REVERSAL):
                [payment] = payments
                assert payment.kind is PaymentKind.REFUND and payment.amount == -record.amount
            else:
                assert payments == []
        # No card payment in the ledger without the terminal's record behind it.
        linked = {r.payment_id for r in ours if r.payment_id is not None}
        all_payments = self.hotel.query(lambda s: list(s.scalars(select(Payment))))
        assert {p.id for p in all_payments if p.method.kind.value == "card"} <= linked


def make_rig(hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    journal_path = tmp_path / "terminal-journal.jsonl"
    sim = ZvtSimulator(journal_path=journal_path)
    port = sim.serve_tcp()
    manager = signed_in(hotel.database, Role.MANAGER, hotel.actor.workstation)
    with hotel.database.writing() as session:
        info = add_terminal(session, manager, hotel.actor.workstation, "Desk terminal",
                            f"tcp://127.0.0.1:{port}?answer_timeout={ANSWER_TIMEOUT}", "EUR")
    cashier = signed_in(hotel.database, Role.CASHIER, hotel.actor.workstation)
    try:
        yield Rig(hotel, sim, info.id, cashier, journal_path)
    finally:
        disconnect_all()
        sim.close()
