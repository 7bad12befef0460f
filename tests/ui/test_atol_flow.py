"""Receipts and the shift's documents from the desk's windows on an ATOL register (the fake web server, run as
its own process): a cash sale with the guest's phone for the e-receipt, its refund referring to it; the register's
shift with the cash shift is tests/ui/test_register_shift_flow.py, shared by every registered register."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit
from sqlalchemy import select

from desk.core.money import Money
from desk.fiscal.models import CashRegister, RegisterDocument
from desk.fiscal.settings import set_register
from desk.fiscal.workflow import REGISTERS
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from tests.actors import demo_credentials
from tests.desk.atol_rig import AtolServerProcess, in_roubles, start_atol_server
from tests.ui.test_dialogs_common import apply_accepted, card_window, child, find_card, retype
from tests.ui.test_fiscal_flow import receipt_window, unpaid
from tests.ui.test_shift import CASHIER, opened, till  # noqa: F401 - fixtures (opened: no PDF viewer starts)
from ui.dialogs import MakePaymentDialog, MakeRefundDialog
from ui.ops import delivery


@pytest.fixture
def atol(demo_database, tmp_path: Path) -> Iterator[tuple[AtolServerProcess, str]]:
    """The demo's first register is an ATOL register on the fake, following the till's cash shift."""
    server = start_atol_server(tmp_path / "fn.json", own_process=True)  # see register_server_rig
    in_roubles(demo_database)  # a registered register takes receipts in roubles only
    manager = trusted_actor("maria", "TEST-1", Role.MANAGER)
    with demo_database.writing() as session:
        code = session.scalars(select(CashRegister.code).order_by(CashRegister.code)).first()
        set_register(session, manager, code, kind="atol", address=server.address, taxation="osn",
                     vat_map={"20": "vat20", "9": "vat10", "0": "vat0", "": "none"}, workstation=CASHIER.workstation)
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


def test_a_cash_sale_with_the_guests_phone_and_its_refund_on_the_atol_register(qtbot, desk_context, demo_database,
                                                                               atol):
    server, code = atol
    # The register's shift, opened on the register itself (the till's cash shift opens it in the next test).
    opening = {"uuid": "opened-at-the-register", "request": [{"type": "openShift", "operator": {"name": "Админ"}}]}
    httpx.post(f"{server.address}/api/v2/requests", json=opening).raise_for_status()
    window = card_window(qtbot)
    card = find_card(demo_database, unpaid)
    bill = card.folio.bills[0]
    payment = shown(qtbot, MakePaymentDialog(desk_context, card, bill.bill.id, window))
    retype(qtbot, child(payment, QLineEdit, "tenderedEdit"), "1000")
    apply_accepted(qtbot, payment)
    receipt = receipt_window(qtbot, window)
    combo = child(receipt, QComboBox, "registerCombo")
    combo.setCurrentIndex(combo.findData(code))
    child(receipt, QCheckBox, "phoneCheck").setChecked(True)
    retype(qtbot, child(receipt, QLineEdit, "phoneEdit"), "+7 (916) 123-45-67")
    apply_accepted(qtbot, receipt)
    assert delivery.wait_all(30_000)
    [sale] = server.receipts()
    assert sale["type"] == "sell" and sale["clientInfo"] == {"emailOrPhone": "+79161234567"}
    [kept_sale] = [row for row in kept(demo_database) if row.kind == "sale"]
    assert kept_sale.number == sale["fiscalParams"]["fiscalDocumentNumber"] and kept_sale.contact == "+79161234567"

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
    assert [r["type"] for r in server.receipts()] == ["sell", "sellReturn"]
    [kept_refund] = [row for row in kept(demo_database) if row.kind == "refund"]
    assert kept_refund.refers_to == kept_sale.number and kept_refund.total == Money.of("5", kept_refund.total.currency)
