# ruff: noqa: F811 - the card terminal tests' fixtures are imported, then requested by name
"""A card sale on the terminal offers the fiscal receipt as a cash payment does (R8, R12)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from tests.ui.test_card_terminal import (  # noqa: F401 - fixtures
    card,
    card_payments,
    cashier_context,
    dialog_for,
    press_terminal,
    terminal,
    window,
)
from tests.ui.test_dialogs_common import apply_accepted, child
from ui.dialogs import ReceiptDialog
from ui.ops import delivery


def test_a_card_sale_on_the_terminal_is_followed_by_the_receipt_window(
        qtbot, cashier_context, demo_database, card, window, terminal, fiscal_printer):
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    check = child(dialog, QCheckBox, "printReceiptCheck")
    assert check.isVisible() and check.isChecked()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    qtbot.waitUntil(lambda: dialog.receipt_dialog is not None and dialog.receipt_dialog.isVisible(), timeout=30_000)
    receipt = dialog.receipt_dialog
    assert isinstance(receipt, ReceiptDialog)
    [payment] = card_payments(demo_database, card)
    assert receipt.payment_id == payment.id
    apply_accepted(qtbot, receipt)
    assert delivery.wait_all(30_000)
    assert receipt.outcome is not None and receipt.outcome.printed
    text = fiscal_printer.engine.text()
    assert "SALE RECEIPT" in text and "Bank card" in text and f"{payment.amount.amount:f}" in text


def test_the_clerk_may_decline_the_card_sales_receipt(qtbot, cashier_context, demo_database, card, window, terminal,
                                                      fiscal_printer):
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    assert delivery.wait_all(30_000)
    assert dialog.receipt_dialog is None and "SALE RECEIPT" not in fiscal_printer.engine.text()
