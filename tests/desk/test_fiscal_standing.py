"""A fiscal document the printer printed is recorded as printed though its clerk may no longer act.

A manager deactivates or demotes a clerk while the register's printer prints their receipt (or the
cashier's shift opening, cash move, X or Z report). The clerk's standing was confirmed when the
document was issued; that it reached paper is recorded all the same, in the clerk's name: the
original is out, so the chain goes on after it and any later print of it is a COPY. The clerk's
next receipt is refused, and so is a copy they ask for: a new request, refused before the printer
prints anything.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select, update

from desk.cash.shifts import cash_in, close_shift, open_shift, open_shift_of
from desk.core.money import Money
from desk.fiscal import chain
from desk.fiscal.interface import DocumentKind, Paper
from desk.fiscal.models import FiscalPrint
from desk.fiscal.workflow import (
    ReceiptOutcome,
    close_register_shifts,
    print_receipt,
    print_shift_documents,
    print_x_report,
    reprint,
)
from desk.journal.intents import IntentState, intent_by_key
from desk.people.auth import Actor, SignInAgain
from desk.people.models import Role, User
from hardware.simulators.printer_engine import LoopbackTransport
from tests.actors import signed_in

from .conftest import Hotel, refused
from .fiscal_rig import FiscalHotel, fiscal_hotel, paid_bill

DEACTIVATED = "{user} may no longer act at this desk"
RIGHTS_CHANGED = "The rights of {user} have changed: sign in again"


class Meanwhile:
    """A manager changes a user's row while the printer takes the first job after :meth:`arm`."""

    def __init__(self, hotel: Hotel) -> None:
        self.hotel = hotel
        self.change: dict[str, object] = {}
        self.username = ""
        self.done = False

    def arm(self, username: str, **values: object) -> None:
        self.username, self.change, self.done = username, values, False

    def _print_started(self) -> None:
        with self.hotel.database.writing() as session:
            session.execute(update(User).where(User.username == self.username).values(**self.change))
        self.change, self.done = {}, True

    def transport(self) -> type[LoopbackTransport]:
        meanwhile = self

        class Printing(LoopbackTransport):
            def write(self, data: bytes, timeout: float) -> None:
                if meanwhile.change and len(data) > 32:  # a job; status queries are a few bytes
                    meanwhile._print_started()
                super().write(data, timeout)

        return Printing


def _rig(hotel: Hotel) -> tuple[FiscalHotel, Meanwhile, Hotel]:
    """The register on a printer whose jobs the manager can meddle with, and the manager (who takes the
    payments once the clerk may not)."""
    meanwhile = Meanwhile(hotel)
    return fiscal_hotel(hotel, transport=meanwhile.transport()), meanwhile, hotel.as_role(Role.MANAGER)


def _prints(hotel: Hotel, document_id: int) -> list[tuple[bool, str, str]]:
    with hotel.database.unit_of_work() as session:
        return [(p.copy, p.result, p.printed_by) for p in session.scalars(
            select(FiscalPrint).where(FiscalPrint.document_id == document_id).order_by(FiscalPrint.id))]


def _assert_printed_original(rig: FiscalHotel, outcome: ReceiptOutcome, username: str, kind: DocumentKind) -> None:
    """Printed whole once, as the original, recorded in the clerk's name; nothing waits for a reprint."""
    assert outcome.problem is None and outcome.printed and not outcome.copy, outcome
    document = outcome.document
    assert document is not None and document.kind is kind
    assert document.content["cashier"] == username
    assert _prints(rig.hotel, document.id) == [(False, Paper.PRINTED.value, username)]
    assert rig.hotel.query(chain.waiting_for_reprint) == []
    assert rig.engine.text().count("COPY") == 0


def _later_print_is_a_copy(rig: FiscalHotel, document_id: int, manager: Hotel) -> None:
    """Recorded as printed whole: Print again prints nothing more, and a copy asked of the register says COPY."""
    rig.engine.reset_output()
    again = reprint(rig.runner, manager.actor, document_id, registers=rig.registers)
    assert again.printed_before and again.problem is None and rig.engine.text() == "", again
    document = again.document
    assert document is not None
    rig.registers.register(rig.runner, manager.actor, document.register).copy(document.number)
    assert rig.engine.text().count("COPY") == 1


def _next_receipt_refused(rig: FiscalHotel, manager: Hotel, clerk: Actor, template: str) -> None:
    # Only the end of the print already on the printer was let through: nothing new is issued.
    payment_id = paid_bill(manager)
    rig.engine.reset_output()
    refused(rig.hotel, SignInAgain, template,
            lambda: print_receipt(rig.runner, clerk, payment_id, "FP-1", registers=rig.registers))
    assert rig.engine.printed == []


@pytest.mark.parametrize(("role", "change", "template"), [
    (Role.CLERK, {"active": False}, DEACTIVATED),
    (Role.CASHIER, {"role": Role.CLERK}, RIGHTS_CHANGED),  # the rights a cashier signed in with are gone
    (Role.CLERK, {"role": Role.POS}, RIGHTS_CHANGED),  # left without the right to ask for a receipt at all
], ids=["deactivated", "cashier-to-clerk", "clerk-to-pos"])
def test_a_receipt_printed_after_the_clerk_lost_the_right_is_recorded_as_printed_in_their_name(
        hotel: Hotel, role: Role, change: dict[str, object], template: str):
    rig, meanwhile, manager = _rig(hotel)
    clerk = signed_in(hotel.database, role, rig.hotel.actor.workstation)
    payment_id = paid_bill(rig.hotel)
    meanwhile.arm(clerk.username, **change)
    outcome = print_receipt(rig.runner, clerk, payment_id, "FP-1", registers=rig.registers)
    assert meanwhile.done, "the printer took no job: the clerk was never changed meanwhile"
    assert outcome.state is IntentState.SETTLED, outcome
    _assert_printed_original(rig, outcome, clerk.username, DocumentKind.SALE)
    assert outcome.document is not None
    intent = hotel.query(intent_by_key, outcome.document.key)
    assert intent is not None and intent.state is IntentState.SETTLED
    assert {e.recorded_by for e in intent.events} == {clerk.username}
    # The receipt is done: asked again, nothing more is printed; a copy asked for says COPY.
    rig.engine.reset_output()
    again = print_receipt(rig.runner, manager.actor, payment_id, "FP-1", registers=rig.registers)
    assert again.already and again.printed and rig.engine.printed == []
    _later_print_is_a_copy(rig, outcome.document.id, manager)
    # The chain goes on after it.
    following = print_receipt(rig.runner, manager.actor, paid_bill(manager), "FP-1", registers=rig.registers)
    assert following.printed and following.document is not None
    assert following.document.number == outcome.document.number + 1
    assert hotel.query(chain.verify, "FP-1").intact
    _next_receipt_refused(rig, manager, clerk, template)


def _opening(rig: FiscalHotel, cashier: Actor, arm: Callable[[], None]) -> ReceiptOutcome:
    rig.hotel.run(close_shift, {})
    status = rig.hotel.run(open_shift, [Money.of("500", "EUR")])
    arm()
    [opening] = print_shift_documents(rig.runner, cashier, status.shift_id, registers=rig.registers)
    return opening


def _cash_move(rig: FiscalHotel, cashier: Actor, arm: Callable[[], None]) -> ReceiptOutcome:
    shift = rig.hotel.query(open_shift_of, cashier.workstation)
    rig.hotel.run(cash_in, Money.of("50", "EUR"), "float top-up")
    arm()
    [move] = print_shift_documents(rig.runner, cashier, shift.id, opening=False, registers=rig.registers)
    return move


def _x_report(rig: FiscalHotel, cashier: Actor, arm: Callable[[], None]) -> ReceiptOutcome:
    print_receipt(rig.runner, cashier, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    rig.engine.reset_output()
    arm()
    [x] = print_x_report(rig.runner, cashier, registers=rig.registers)
    return x


def _z_report(rig: FiscalHotel, cashier: Actor, arm: Callable[[], None]) -> ReceiptOutcome:
    print_receipt(rig.runner, cashier, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    shift = rig.hotel.query(open_shift_of, cashier.workstation)
    rig.hotel.run(close_shift, {})
    rig.engine.reset_output()
    arm()
    [z] = close_register_shifts(rig.runner, cashier, shift.id, registers=rig.registers)
    return z


@pytest.mark.parametrize(("document", "kind"), [
    (_opening, DocumentKind.SHIFT_OPEN), (_cash_move, DocumentKind.CASH_IN),
    (_x_report, DocumentKind.X_REPORT), (_z_report, DocumentKind.Z_REPORT),
], ids=["opening", "cash-in", "x-report", "z-report"])
@pytest.mark.parametrize(("change", "template"), [
    ({"active": False}, DEACTIVATED),
    ({"role": Role.CLERK}, RIGHTS_CHANGED),  # no longer runs the cash shift
], ids=["deactivated", "cashier-to-clerk"])
def test_a_shift_document_printed_after_the_cashier_lost_the_right_is_recorded_as_printed(
        hotel: Hotel, document, kind: DocumentKind, change: dict[str, object], template: str):
    rig, meanwhile, manager = _rig(hotel)
    cashier = rig.hotel.actor
    outcome = document(rig, cashier, lambda: meanwhile.arm(cashier.username, **change))
    assert meanwhile.done, "the printer took no job: the cashier was never changed meanwhile"
    _assert_printed_original(rig, outcome, cashier.username, kind)
    assert outcome.document is not None
    if kind is DocumentKind.CASH_IN:
        intent = hotel.query(intent_by_key, outcome.document.key)
        assert intent is not None and intent.state is IntentState.SETTLED
        assert {e.recorded_by for e in intent.events} == {cashier.username}
    if kind is DocumentKind.SHIFT_OPEN:
        # Printed once: the shift's paper printed again by the manager does not bring a second original.
        rig.engine.reset_output()
        [again] = print_shift_documents(rig.runner, manager.actor, outcome.document.content["cash_shift_id"],
                                        registers=rig.registers)
        assert again.printed and again.document.number == outcome.document.number
        assert rig.engine.printed == []
    _later_print_is_a_copy(rig, outcome.document.id, manager)
    assert hotel.query(chain.verify, "FP-1").intact
    if kind is DocumentKind.Z_REPORT:
        manager.run(open_shift, [])  # a shift for the next receipt to be asked in
    _next_receipt_refused(rig, manager, cashier, template)


def test_a_clerk_no_longer_active_prints_no_copy(hotel: Hotel):
    """A copy is a new print, not the end of one: the clerk's standing is confirmed before the printer is
    asked (the record after it no longer is)."""
    rig = fiscal_hotel(hotel)
    clerk = signed_in(hotel.database, Role.CLERK, rig.hotel.actor.workstation)
    printed = print_receipt(rig.runner, clerk, paid_bill(rig.hotel), "FP-1", registers=rig.registers)
    assert printed.printed and printed.document is not None
    with hotel.database.writing() as session:
        session.execute(update(User).where(User.username == clerk.username).values(active=False))
    rig.engine.reset_output()
    copy = reprint(rig.runner, clerk, printed.document.id, registers=rig.registers)
    assert isinstance(copy.problem, SignInAgain) and copy.problem.template == DEACTIVATED, copy
    assert rig.engine.printed == []
    assert _prints(hotel, printed.document.id) == [(False, Paper.PRINTED.value, clerk.username)]
