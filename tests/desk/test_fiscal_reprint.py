"""Printing again what waits for it (Shift → Check receipts → Print again): who may, marked COPY where any of
it may have reached paper, never a second copy of one that has printed whole meanwhile, and a wait that
Cancel ends."""

from __future__ import annotations

import threading
import time
import uuid

from desk.cash.shifts import close_shift, open_shift_of
from desk.core.money import Money
from desk.fiscal import chain
from desk.fiscal.errors import PrinterNotReady
from desk.fiscal.interface import DocumentKind, Paper
from desk.fiscal.workflow import (
    KIND,
    close_register_shifts,
    print_receipt,
    reconcile_receipts,
    reprint,
    reprint_right,
    reprint_waiting,
)
from desk.journal.intents import IntentRequest, record_intent
from desk.people.models import Role
from desk.people.rights import MissingRight, Right

from .conftest import Hotel, refused
from .fiscal_rig import fiscal_hotel, paid_bill


def cut_z(hotel: Hotel):
    """The cash shift closed and its Z report issued, its paper cut by a paper-out; the rig and the outcome."""
    rig = fiscal_hotel(hotel)
    cashier = rig.hotel
    shift = cashier.query(open_shift_of, cashier.actor.workstation)
    print_receipt(rig.runner, cashier.actor, paid_bill(cashier), "FP-1", registers=rig.registers)
    cashier.run(close_shift, {})
    rig.engine.fail("paper_out", after=200)
    [z] = close_register_shifts(rig.runner, cashier.actor, shift.id, registers=rig.registers)
    assert z.paper is Paper.CUT and z.document.kind is DocumentKind.Z_REPORT
    rig.engine.recover()
    rig.engine.reset_output()
    return rig, z


def test_a_cut_z_report_is_printed_again_as_a_copy_by_a_cashier_and_refused_to_a_clerk(sqlite_hotel: Hotel):
    rig, z = cut_z(sqlite_hotel)
    assert [d.id for d in reconcile_receipts(rig.runner, rig.hotel.actor).waiting] == [z.document.id]
    # The rule the window asks too: a shift's paper is the cash shift's, a receipt the clerk's.
    assert reprint_right(DocumentKind.Z_REPORT) is Right.RUN_CASH_SHIFT
    assert reprint_right(DocumentKind.SALE) is Right.REQUEST_RECEIPT
    clerk = sqlite_hotel.as_role(Role.CLERK)
    refusal = refused(sqlite_hotel, MissingRight, "A {role} may not {action}: a manager must authorise it",
                      lambda: reprint(rig.runner, clerk.actor, z.document.id, registers=rig.registers))
    assert refusal.right is Right.RUN_CASH_SHIFT
    assert rig.engine.printed == []  # refused before the printer was asked

    again = reprint(rig.runner, rig.hotel.actor, z.document.id, registers=rig.registers)
    assert again.printed and again.copy and again.problem is None
    text = rig.engine.text()
    assert "Z REPORT" in text and text.count("COPY") == 1 and z.document.sign[:32] in text
    assert reconcile_receipts(rig.runner, rig.hotel.actor).clean


def test_a_document_part_printed_once_stays_a_copy_after_a_print_that_sent_nothing(sqlite_hotel: Hotel):
    """Cut by a paper-out, then an attempt that sent not a byte (cancelled before its first one): part of
    it is on paper all the same, so it is printed again as a COPY, not as the original."""
    rig, z = cut_z(sqlite_hotel)
    rig.runner.run(chain.record_print, rig.hotel.actor, z.document.id, False, Paper.FAILED, 0, "cancelled")
    assert rig.hotel.query(chain.document_by_number, "FP-1", z.document.number).maybe_on_paper
    again = reprint(rig.runner, rig.hotel.actor, z.document.id, registers=rig.registers)
    assert again.printed and again.copy and rig.engine.text().count("COPY") == 1


def test_a_document_printed_whole_meanwhile_is_not_printed_again(sqlite_hotel: Hotel):
    """Listed while its first print was still running (the clerk stopped waiting for it), then that print
    ended whole: Print again prints nothing and says so."""
    rig, z = cut_z(sqlite_hotel)
    rig.runner.run(chain.record_print, rig.hotel.actor, z.document.id, True, Paper.PRINTED, 900)
    again = reprint(rig.runner, rig.hotel.actor, z.document.id, registers=rig.registers)
    assert again.printed and again.printed_before and again.problem is None
    assert rig.engine.printed == []


def test_cancel_ends_the_wait_for_a_register_busy_with_another_document(sqlite_hotel: Hotel):
    rig, z = cut_z(sqlite_hotel)
    register = rig.registers.register(rig.runner, rig.hotel.actor, "FP-1")
    cancel = threading.Event()
    ended: list[object] = []
    with register.lock:  # another document is printing on it
        worker = threading.Thread(target=lambda: ended.append(
            reprint(rig.runner, rig.hotel.actor, z.document.id, cancel=cancel, registers=rig.registers)))
        worker.start()
        time.sleep(0.3)
        assert ended == []
        cancel.set()
        worker.join(5)
        assert not worker.is_alive(), "Cancel did not end the wait for the register"
    [outcome] = ended
    assert isinstance(outcome.problem, PrinterNotReady)
    assert outcome.problem.params["problem"] == "printing was cancelled"
    assert rig.engine.printed == [] and [d.id for d in rig.hotel.query(chain.waiting_for_reprint)] == [z.document.id]


def test_print_all_again_stops_at_the_first_refusal_of_the_printer(sqlite_hotel: Hotel):
    rig = fiscal_hotel(sqlite_hotel)
    cashier = rig.hotel
    cut = []
    for _ in range(2):
        rig.engine.fail("paper_out", after=200)
        cut.append(print_receipt(rig.runner, cashier.actor, paid_bill(cashier), "FP-1", registers=rig.registers))
        rig.engine.recover()
    ids = [o.document.id for o in cut]
    assert [d.id for d in cashier.query(chain.waiting_for_reprint)] == ids
    rig.engine.fail("offline")
    [outcome] = reprint_waiting(rig.runner, cashier.actor, ids, registers=rig.registers)
    assert isinstance(outcome.problem, PrinterNotReady) and outcome.document.id == ids[0]
    rig.engine.recover()
    rig.engine.reset_output()
    done = reprint_waiting(rig.runner, cashier.actor, ids, registers=rig.registers)
    assert [o.printed and o.copy for o in done] == [True, True]
    assert len(rig.engine.receipts()) == 2 and cashier.query(chain.waiting_for_reprint) == []


def test_a_cash_move_never_sent_is_counted_apart_from_the_receipts(sqlite_hotel: Hotel):
    """The check tells a cash move the register never issued apart: it is issued with the shift's next
    paper, not from a guest's card."""
    from sqlalchemy import select

    from desk.cash.models import ShiftCashMove
    from desk.cash.shifts import cash_in

    rig = fiscal_hotel(sqlite_hotel)
    cashier = rig.hotel
    cashier.run(cash_in, Money.of("50", "EUR"), "float top-up")
    move_id = cashier.query(lambda session: session.scalars(select(ShiftCashMove.id)).all()[-1])
    # The desk wrote the move's intent and died before asking the register.
    request = IntentRequest(kind=KIND, device="FP-1", amount=Money.of("50", "EUR"), key=uuid.uuid4().hex,
                            request={"document": "cash_in", "move_id": move_id, "register": "FP-1"})
    rig.runner.run(record_intent, cashier.actor, request)
    check = reconcile_receipts(rig.runner, cashier.actor)
    assert (check.cancelled, check.cancelled_moves) == (0, 1)
