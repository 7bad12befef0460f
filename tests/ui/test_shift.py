"""The cash shift at the desk: open with a float, take cash on a card, cash out, X report, blind count, Z report."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QSpinBox, QTableView, QTabWidget
from sqlalchemy import select

import ui.dialogs.shift as shift_module
import ui.reservation_card.window as card_module
from desk.cash.models import ShiftCount, ShiftPayment
from desk.ledger.models import Payment
from desk.people.auth import trusted_actor
from desk.people.models import Role
from tests.helpers import eur, pdf_words
from tests.ui.test_flows import (
    BILLS_TAB,
    CTRL,
    activate,
    apply,
    find_and_open,
    ledger,
    type_into,
    untick,
    wait_closed,
    wait_dialog,
)
from ui.context import DeskContext
from ui.i18n import format_money
from ui.main_window import MainWindow
from ui.ops import delivery

CASHIER = trusted_actor("ivan", "TILL-2", Role.CASHIER)  # a workstation with no shift yet


def money(amount: str) -> str:
    return format_money(Decimal(amount), "EUR")


@pytest.fixture
def opened(monkeypatch, tmp_path) -> list:
    """Reports are written to the test's folder; the PDFs they would open are listed, no viewer starts."""
    paths: list = []
    monkeypatch.setattr(shift_module, "report_directory", lambda: tmp_path)
    monkeypatch.setattr(shift_module, "open_document", lambda path: paths.append(path) or True)
    return paths


@pytest.fixture
def till(qtbot, demo_database) -> Iterator[MainWindow]:
    context = DeskContext(demo_database, CASHIER)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=30_000)
    yield window
    for card in list(card_module._open_cards.values()):
        if shiboken6.isValid(card):
            card.close()
    delivery.cancel_all()
    assert delivery.wait_all(30_000)


def shift_text(window: MainWindow) -> str:
    """The shift's panels of the status bar as one line: the shift, then the cash the drawer should hold."""
    return " · ".join(text for text in (window.shift_label.text(), window.drawer_label.text()) if text)


def test_a_cashiers_shift_from_float_to_z_report(qtbot, till: MainWindow, demo_database, opened):
    window = till
    qtbot.waitUntil(lambda: not window.cash_in_action.isEnabled(), timeout=30_000)
    assert shift_text(window) == "No shift open"
    assert window.open_shift_action.isEnabled() and not window.close_shift_action.isEnabled()

    # Open: a float of 200 euros, nothing in other currencies.
    window.open_shift_action.trigger()
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    type_into(qtbot, dialog, "floatEUREdit", "200")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: shift_text(window).startswith("Shift 1 · since "), timeout=30_000)
    assert shift_text(window).endswith(f"Drawer: {money('200.00')}")
    assert window.close_shift_action.isEnabled() and not window.open_shift_action.isEnabled()

    # A cash payment of 60 euros on a guest's card; the drawer follows.
    card = find_and_open(qtbot, window, "R10028")
    bill_id = ledger(demo_database, card.folio_id).bills[0].bill.id
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    qtbot.keyClick(card.bills_view, Qt.Key.Key_P, CTRL)
    payment = wait_dialog(qtbot, card, "makePaymentDialog")
    type_into(qtbot, payment, "amountEdit", "60")
    untick(payment, "printReceiptCheck")
    apply(qtbot, payment)
    wait_closed(qtbot, payment)
    qtbot.waitUntil(lambda: shift_text(window).endswith(f"Drawer: {money('260.00')}"), timeout=30_000)
    paid = ledger(demo_database, card.folio_id).bill(bill_id).payments[-1].payment
    assert paid.amount == eur("60.00") and paid.method_code == "cash" and paid.workstation == "TILL-2"
    card.close()

    # Cash out 20 euros to the safe.
    activate(qtbot, window)
    window.cash_out_action.trigger()
    dialog = wait_dialog(qtbot, window, "cashOutDialog")
    type_into(qtbot, dialog, "amountEdit", "20")
    apply(qtbot, dialog)
    assert dialog.findChild(QLabel, "reasonError").text() == "Say why the cash goes in or out."
    type_into(qtbot, dialog, "reasonEdit", "To the safe")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: shift_text(window).endswith(f"Drawer: {money('240.00')}"), timeout=30_000)

    # X report: the figures on screen and as a PDF, nothing closed.
    window.x_report_action.trigger()
    x_dialog = wait_dialog(qtbot, window, "shiftReportDialog")
    assert x_dialog.windowTitle() == "X report"
    table = x_dialog.findChild(QTableView, "shiftFiguresTable")
    rows = {table.model().index(r, 0).data(): table.model().index(r, 1).data() for r in range(table.model().rowCount())}
    assert rows["Float"] == money("200.00") and rows["Cash received"] == money("60.00")
    assert rows["Cash out"] == money("-20.00") and rows["Expected in drawer"] == money("240.00")
    assert "Counted" not in rows
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=30_000)
    x_text = pdf_words(opened[0])
    # The demo hotel is in Bulgaria: its reports are Bulgarian, whatever the clerk's screen language.
    assert "X отчет · смяна 1 · TILL-2" in x_text and "Очаквано в касата 240,00 EUR" in x_text
    x_dialog.close()

    # Close: a blind count one euro short: 200 + 20 + 10 + 5 + 2 + 1 + 2 x 0.50 = 239 of the 240 expected.
    window.close_shift_action.trigger()
    closing = wait_dialog(qtbot, window, "closeShiftDialog")
    shown = " ".join(label.text() for label in closing.findChildren(QLabel))
    assert "240" not in shown  # blind: what the drawer should hold is not shown before the count
    count = (("200", "1"), ("20", "1"), ("10", "1"), ("5", "1"), ("2", "1"), ("1", "1"), ("0.50", "2"))
    for denomination, pieces in count:
        spin = closing.findChild(QSpinBox, f"count_EUR_{denomination}")
        spin.setFocus()
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, pieces)
        spin.interpretText()
        assert spin.buttonSymbols() is not QAbstractSpinBox.ButtonSymbols.NoButtons
    assert closing.findChild(QLabel, "countedEURLabel").text() == f"Counted: {money('239.00')}"
    apply(qtbot, closing)
    z_dialog = wait_dialog(qtbot, window, "shiftReportDialog")
    wait_closed(qtbot, closing)
    assert z_dialog.windowTitle() == "Z report"
    assert z_dialog.findChild(QLabel, "overShortLabel").text().splitlines()[0] == f"EUR: short by {money('1.00')}"
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=30_000)
    z_text = pdf_words(opened[1])
    assert "Z отчет · смяна 1 · TILL-2" in z_text
    assert "Очаквано в касата 240,00 EUR" in z_text and "Преброено 239,00 EUR" in z_text
    assert "Излишък (+) / липса (-) -1,00 EUR" in z_text
    assert "To the safe" in z_text
    qtbot.waitUntil(lambda: shift_text(window) == "No shift open", timeout=30_000)

    with demo_database.unit_of_work() as session:
        counts = {c.currency: c for c in session.scalars(select(ShiftCount))}
        linked = session.scalars(select(Payment).join(ShiftPayment, ShiftPayment.payment_id == Payment.id)
                                 .where(Payment.workstation == "TILL-2")).all()
    assert counts["EUR"].difference == eur("-1.00") and counts["EUR"].counted == eur("239.00")
    assert [p.id for p in linked] == [paid.id]


def test_cash_without_a_shift_is_refused_with_a_clear_message(qtbot, till: MainWindow, demo_database, opened):
    window = till
    card = find_and_open(qtbot, window, "R10028")
    bill_id = ledger(demo_database, card.folio_id).bills[0].bill.id
    card.findChild(QTabWidget, "breakdownTabs").setCurrentIndex(BILLS_TAB)
    qtbot.keyClick(card.bills_view, Qt.Key.Key_P, CTRL)
    payment = wait_dialog(qtbot, card, "makePaymentDialog")
    type_into(qtbot, payment, "amountEdit", "60")
    untick(payment, "printReceiptCheck")
    apply(qtbot, payment)
    error = payment.findChild(QLabel, "formError")
    qtbot.waitUntil(lambda: error.isVisible(), timeout=30_000)
    assert error.text().startswith("No cash shift is open on TILL-2")
    assert ledger(demo_database, card.folio_id).bill(bill_id).payments == []
    assert payment.findChild(QLineEdit, "amountEdit").isVisible()


def test_open_shift_and_cash_in_are_typed_from_the_keyboard_alone(qtbot, till: MainWindow, demo_database, opened):
    """The cashier types the float and presses Enter; Cash in opens with the cursor in the amount."""
    window = till
    qtbot.waitUntil(lambda: window.open_shift_action.isEnabled(), timeout=30_000)
    window.open_shift_action.trigger()
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None, timeout=30_000)
    assert dialog.focusWidget().objectName() == "floatEUREdit"
    qtbot.keyClicks(dialog.focusWidget(), "200")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: shift_text(window).startswith("Shift 1"), timeout=30_000)

    qtbot.waitUntil(lambda: window.cash_in_action.isEnabled(), timeout=30_000)
    window.cash_in_action.trigger()
    cash_in = wait_dialog(qtbot, window, "cashInDialog")
    qtbot.waitUntil(lambda: cash_in.focusWidget() is not None, timeout=30_000)
    assert cash_in.focusWidget().objectName() == "amountEdit"
    qtbot.keyClicks(cash_in.focusWidget(), "50")
    qtbot.keyClick(cash_in.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(cash_in.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(cash_in.focusWidget(), "Change from the safe")
    qtbot.keyClick(cash_in.focusWidget(), Qt.Key.Key_Return)
    wait_closed(qtbot, cash_in)
    qtbot.waitUntil(lambda: shift_text(window).endswith(f"Drawer: {money('250.00')}"), timeout=30_000)
