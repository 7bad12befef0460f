"""A fiscal document's print and the standing of the clerk who asked for it.

A copy or a reprint is asked for anew: a clerk who may no longer act is refused before the printer
prints anything.
"""

from __future__ import annotations

from sqlalchemy import select, update

from desk.fiscal.interface import Paper
from desk.fiscal.models import FiscalPrint
from desk.fiscal.workflow import print_receipt, reprint
from desk.people.auth import SignInAgain
from desk.people.models import Role, User
from tests.actors import signed_in

from .conftest import Hotel
from .fiscal_rig import fiscal_hotel, paid_bill

DEACTIVATED = "{user} may no longer act at this desk"


def _prints(hotel: Hotel, document_id: int) -> list[tuple[bool, str, str]]:
    with hotel.database.unit_of_work() as session:
        return [(p.copy, p.result, p.printed_by) for p in session.scalars(
            select(FiscalPrint).where(FiscalPrint.document_id == document_id).order_by(FiscalPrint.id))]


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
