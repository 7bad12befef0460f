
"""Print receipt copy from the card's payment line, on each registered register's fake (its own process): the copy
is the register's own (ATOL's printLastReceiptCopy, KKM-server's GetDataCheck with NumberCopies, ErpNet.FP's
duplicate), waited for with progress and Cancel on a device thread, and no new fiscal document is issued."""

from __future__ import annotations

import json

import pytest
import shiboken6

from desk.db.runner import Runner
from desk.fiscal.workflow import REGISTERS, print_receipt
from desk.ledger.payments import Tender, take_payment
from desk.people.auth import trusted_actor
from desk.people.models import Role
from tests.ui.test_atol_flow import atol  # noqa: F401 - fixture
from tests.ui.test_dialogs_common import find_card
from tests.ui.test_erpnet_flow import erpnet  # noqa: F401 - fixture
from tests.ui.test_fiscal_flow import unpaid
from tests.ui.test_kkmserver_flow import kkm  # noqa: F401 - fixture
from ui.ops import delivery
from ui.reservation_card.base import BILLS_TAB
from ui.reservation_card.window import open_reservation_card


def copies(server, kind: str) -> list:
    """What each fake printed as a copy of a receipt."""
    if kind == "erpnet":
        return [d["receiptNumber"] for d in server.documents() if d["type"] == "duplicate"]
    kept = json.loads(server.state.read_text("utf-8")).get("copies", [])
    if kind == "kkm":  # GetDataCheck's own fields: the fiscal document's number, and how many copies to print
        return [c["FiscalNumber"] for c in kept if c["NumberCopies"] == 1]
    return list(kept)


@pytest.mark.parametrize("kind", ["atol", "kkm", "erpnet"])
def test_print_receipt_copy_on_each_register_kind(qtbot, request: pytest.FixtureRequest, desk_context, demo_database,
                                                   kind: str):
    server, code = request.getfixturevalue(kind)
    runner = Runner(demo_database)
    manager = trusted_actor("maria", "TEST-1", Role.MANAGER)
    REGISTERS.register(runner, manager, code).open_shift(f"opened-for-the-{kind}-test")
    card = find_card(demo_database, unpaid)
    bill = card.folio.bills[0]
    with demo_database.writing() as session:
        payment = take_payment(session, manager, bill.bill.id, Tender("cash", bill.balance, payer_name="Иван Петров"))
        payment_id = payment.id
    issued = print_receipt(runner, manager, payment_id, code)
    assert issued.printed, issued.problem
    documents_before = len(server.documents())

    window = open_reservation_card(desk_context, card.folio.folio.id)
    try:
        qtbot.waitUntil(lambda: window.is_loaded and window.isVisible(), timeout=30_000)
        window.tabs.setCurrentIndex(BILLS_TAB)
        window.select_payment(payment_id)
        qtbot.waitUntil(window.print_copy_action.isEnabled, timeout=30_000)
        window.print_copy_action.trigger()
        assert delivery.wait_all(30_000)
        qtbot.waitUntil(lambda: "A copy of receipt" in window.statusBar().currentMessage(), timeout=30_000)
        assert f"{issued.document.number:07d}" in window.statusBar().currentMessage()
    finally:
        if shiboken6.isValid(window):
            window.close()
    assert [int(n) for n in copies(server, kind)] == [issued.document.number]
    # A copy is printed, never issued: the fiscal documents are as they were (ErpNet.FP lists its duplicate).
    assert len(server.documents()) == documents_before + (1 if kind == "erpnet" else 0)
