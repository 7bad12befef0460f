"""Receipts and the shift's documents from the desk's windows on a Bulgarian fiscal printer through ErpNet.FP (the
fake, run as its own process): a cash sale and its refund as a reversal quoting it; the register's shift with the cash
shift is tests/ui/test_register_shift_flow.py, shared by every registered register."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from sqlalchemy import select

from desk.core.money import Money
from desk.db.runner import Runner
from desk.fiscal.models import CashRegister, RegisterDocument
from desk.fiscal.settings import set_register
from desk.fiscal.workflow import REGISTERS
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from tests.actors import demo_credentials
from tests.desk.erpnet_rig import PRINTER, ErpNetServerProcess, start_erpnet_server
from tests.ui.test_dialogs_common import apply_accepted, card_window, child, find_card, retype
from tests.ui.test_fiscal_flow import receipt_window, unpaid
from tests.ui.test_shift import CASHIER, opened, till  # noqa: F401 - fixtures (opened: no PDF viewer starts)
from ui.dialogs import MakePaymentDialog, MakeRefundDialog
from ui.ops import delivery


@pytest.fixture
def erpnet(demo_database, tmp_path: Path) -> Iterator[tuple[ErpNetServerProcess, str]]:
    """The demo's first register is a fiscal printer behind ErpNet.FP (the fake), following the till's cash shift."""
    REGISTERS.close()
    server = start_erpnet_server(tmp_path / "fm.json", own_process=True)  # see register_server_rig
    manager = trusted_actor("maria", "TEST-1", Role.MANAGER)
    with demo_database.writing() as session:
        code = session.scalars(select(CashRegister.code).order_by(CashRegister.code)).first()
        set_register(session, manager, code, kind="erpnet", address=server.address, device_id=PRINTER,
                     vat_map={"20": "Б", "9": "Г", "0": "А", "": "А"}, workstation=CASHIER.workstation)
    yield server, code
    REGISTERS.close()
    server.stop()


def shown(qtbot, dialog):
    dialog.open()
    qtbot.waitUntil(dialog.isVisible, timeout=30_000)
    return dialog


def kept(database) -> list[RegisterDocument]:
    with database.unit_of_work() as session:
        rows = list(session.scalars(select(RegisterDocument).order_by(RegisterDocument.id)))
        session.expunge_all()
        return rows


def test_a_cash_sale_and_its_refund_as_a_reversal_through_erpnet(qtbot, desk_context, demo_database, erpnet):
    server, code = erpnet
    # The register's shift follows a cash shift (the till's opens it in the next test): opened here by hand.
    manager = trusted_actor("maria", "TEST-1", Role.MANAGER)
    REGISTERS.register(Runner(demo_database), manager, code).open_shift("opened-for-the-test")
    window = card_window(qtbot)
    card = find_card(demo_database, unpaid)
    bill = card.folio.bills[0]
    payment = shown(qtbot, MakePaymentDialog(desk_context, card, bill.bill.id, window))
    retype(qtbot, child(payment, QLineEdit, "tenderedEdit"), "1000")
    apply_accepted(qtbot, payment)
    receipt = receipt_window(qtbot, window)
    combo = child(receipt, QComboBox, "registerCombo")
    combo.setCurrentIndex(combo.findData(code))
    apply_accepted(qtbot, receipt)
    assert delivery.wait_all(30_000)
    [sale] = server.receipts()
    assert sale["type"] == "receipt" and sale["uniqueSaleNumber"].startswith("DT279013-0001-")
    [kept_sale] = [row for row in kept(demo_database) if row.kind == "sale"]
    assert kept_sale.number == int(sale["receiptNumber"])

    with demo_database.unit_of_work() as session:
        card = load_reservation_card(session, card.folio.folio.id)
    paid = card.folio.bill(bill.bill.id).payments[-1]
    refund = shown(qtbot, MakeRefundDialog(desk_context, card, paid.payment.id, window))
    retype(qtbot, child(refund, QLineEdit, "amountEdit"), "5")
    username, password = demo_credentials(Role.MANAGER)  # a clerk's refund is signed by a manager
    retype(qtbot, child(refund, QLineEdit, "usernameEdit"), username)
    retype(qtbot, child(refund, QLineEdit, "passwordEdit"), password)
    apply_accepted(qtbot, refund)
    receipt = receipt_window(qtbot, window)
    assert "Refund receipt" in child(receipt, QLabel, "receiptKindLabel").text()
    combo = child(receipt, QComboBox, "registerCombo")
    combo.setCurrentIndex(combo.findData(code))
    apply_accepted(qtbot, receipt)
    assert delivery.wait_all(30_000)
    original, reversal = server.receipts()
    assert reversal["type"] == "reversalreceipt" and reversal["uniqueSaleNumber"] == original["uniqueSaleNumber"]
    [kept_refund] = [row for row in kept(demo_database) if row.kind == "refund"]
    assert kept_refund.refers_to == kept_sale.number and kept_refund.total == Money.of("5", kept_refund.total.currency)
