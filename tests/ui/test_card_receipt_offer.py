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


def paper_words(database, method):
    """The register's words, the method's name and number format on paper (the demo hotel is Bulgarian)."""
    from desk.fiscal.render import LABELS
    from desk.hotel.country import register_format
    from desk.hotel.names import load_names

    with database.unit_of_work() as session:
        document_format = register_format(session, "FP-1")
        return (LABELS[document_format.language], load_names(session, document_format.language).method(method),
                document_format)


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
    words, method, document_format = paper_words(demo_database, payment.method)
    assert words["sale"] in text and method in text and document_format.money(payment.amount) in text


def test_the_clerk_may_decline_the_card_sales_receipt(qtbot, cashier_context, demo_database, card, window, terminal,
                                                      fiscal_printer):
    dialog = dialog_for(qtbot, cashier_context, demo_database, card, window)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        press_terminal(qtbot, dialog, terminal.info)
    assert delivery.wait_all(30_000)
    [payment] = card_payments(demo_database, card)
    sale_receipt = paper_words(demo_database, payment.method)[0]["sale"]  # "SALE RECEIPT" never prints in Bulgaria
    assert dialog.receipt_dialog is None and sale_receipt not in fiscal_printer.engine.text()


def test_a_card_refund_on_the_terminal_offers_the_refund_receipt(qtbot, cashier_context, demo_database, card, window,
                                                                terminal, fiscal_printer):
    from PySide6.QtWidgets import QLineEdit

    from desk.cards.models import CardKind
    from desk.ledger.models import PaymentKind
    from tests.ui.test_dialogs_common import folio_now, reload_card, retype

    sale = dialog_for(qtbot, cashier_context, demo_database, card, window)
    child(sale, QCheckBox, "printReceiptCheck").setChecked(False)
    with qtbot.waitSignal(sale.accepted, timeout=30_000):
        press_terminal(qtbot, sale, terminal.info)
    [payment] = card_payments(demo_database, card)
    refund = dialog_for(qtbot, cashier_context, demo_database, reload_card(demo_database, card), window,
                        CardKind.REFUND, payment_id=payment.id)
    check = child(refund, QCheckBox, "printReceiptCheck")
    assert check.isVisible() and check.isChecked()
    retype(qtbot, child(refund, QLineEdit, "amountEdit"), "20.00")
    with qtbot.waitSignal(refund.accepted, timeout=30_000):
        press_terminal(qtbot, refund, terminal.info)
    qtbot.waitUntil(lambda: refund.receipt_dialog is not None and refund.receipt_dialog.isVisible(), timeout=30_000)
    [given_back] = [line.payment for line in folio_now(demo_database, card).payments
                    if line.payment.kind is PaymentKind.REFUND]
    assert refund.receipt_dialog.payment_id == given_back.id
    apply_accepted(qtbot, refund.receipt_dialog)
    assert delivery.wait_all(30_000)
    assert paper_words(demo_database, given_back.method)[0]["refund"] in fiscal_printer.engine.text()
