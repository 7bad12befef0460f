# ruff: noqa: F811 - the card terminal tests' fixtures are imported, then requested by name
"""Bank card inside Make payment (R7, R12) and the card slip on the receipt printer, as a clerk uses them,
against the ZVT terminal simulator and the printer simulator (both over TCP)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton

from desk.ledger.models import PaymentKind
from hardware.simulators.zvt_terminal import TEST_CARD_MASKED, TEST_CARD_PAN
from tests.helpers import eur
from tests.ui.test_card_terminal import (  # noqa: F401 - fixtures
    card,
    card_payments,
    cashier_context,
    open_reservation_card,
    terminal,
    terminals,
    wait_result,
    window,
)
from tests.ui.test_dialogs_common import apply_accepted, child, folio_now, ledger_counts, opened, retype
from ui.cards.terminal import CardTerminalDialog, terminal_message
from ui.dialogs import MakePaymentDialog, ReceiptDialog
from ui.dialogs.payment import TERMINAL
from ui.ops import delivery


def payment_dialog(qtbot, ctx, card, window) -> MakePaymentDialog:
    dialog = opened(qtbot, MakePaymentDialog(ctx, card, card.folio.bills[0].bill.id, window))
    combo = child(dialog, QComboBox, "methodCombo")
    qtbot.waitUntil(lambda: combo.findData(f"{TERMINAL}1") >= 0 or bool(dialog.terminals), timeout=30_000)
    return dialog


def choose_terminal(dialog: MakePaymentDialog, terminal) -> None:
    combo = child(dialog, QComboBox, "methodCombo")
    index = combo.findData(f"{TERMINAL}{terminal.info.id}")
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def terminal_dialog(qtbot, dialog: MakePaymentDialog) -> CardTerminalDialog:
    qtbot.waitUntil(lambda: dialog.terminal_dialog is not None and dialog.terminal_dialog.isVisible(), timeout=30_000)
    assert dialog.terminal_dialog is not None
    return dialog.terminal_dialog


def test_make_payment_offers_each_terminal_and_charges_it_with_the_dialogs_figures(
        qtbot, cashier_context, demo_database, card, window, terminal, fiscal_printer):
    dialog = payment_dialog(qtbot, cashier_context, card, window)
    combo = child(dialog, QComboBox, "methodCombo")
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "Bank card" in texts and "Bank card — Desk terminal" in texts
    assert texts.index("Bank card — Desk terminal") == texts.index("Bank card") + 1
    choose_terminal(dialog, terminal)
    assert child(dialog, QLabel, "terminalHintLabel").isVisible()
    assert "Desk terminal" in child(dialog, QLabel, "terminalHintLabel").text()
    assert not child(dialog, QLabel, "cardHintLabel").isVisible()
    assert not child(dialog, QLineEdit, "textEdit").isVisible()
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "40.00")
    retype(qtbot, child(dialog, QLineEdit, "payerEdit"), "Acme Travel Ltd")
    terminal.sim.script("pin:1")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.apply_button.click()
        sale = terminal_dialog(qtbot, dialog)
        # The same card-sale dialog as Action → Pay by card: the terminal's prompt, a countdown, Cancel.
        message = child(sale, QLabel, "terminalMessageLabel")
        qtbot.waitUntil(lambda: message.text() == terminal_message("enter_pin"), timeout=30_000)
        assert "s left" in child(sale, QLabel, "countdownLabel").text()
    [payment] = card_payments(demo_database, card)
    assert payment.amount == eur("40.00") and payment.payer_name == "Acme Travel Ltd"
    assert "receipt 0001" in payment.text and TEST_CARD_PAN not in payment.text
    assert [(t.operation, t.amount_minor) for t in terminal.sim.journal] == [("sale", 4000)]
    # The terminal has no printer of its own (the default): the guest's slip comes out of the desk's printer.
    assert delivery.wait_all(30_000)
    qtbot.waitUntil(lambda: "CUSTOMER" in fiscal_printer.engine.text(), timeout=30_000)
    printed = fiscal_printer.engine.text()
    assert "SALE 40.00" in printed and TEST_CARD_MASKED in printed and TEST_CARD_PAN not in printed
    assert "MERCHANT" not in printed


def test_a_declined_card_leaves_make_payment_open_for_another_method(
        qtbot, cashier_context, demo_database, card, window, terminal):
    before = ledger_counts(demo_database)
    terminal.sim.script("decline:05")
    dialog = payment_dialog(qtbot, cashier_context, card, window)
    choose_terminal(dialog, terminal)
    dialog.apply_button.click()
    sale = terminal_dialog(qtbot, dialog)
    assert "declined" in wait_result(qtbot, sale)
    assert delivery.wait_all(30_000)
    sale.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(sale) or not sale.isVisible(), timeout=30_000)
    assert dialog.isVisible() and ledger_counts(demo_database) == before
    # The clerk takes cash instead, in the same dialog.
    combo = child(dialog, QComboBox, "methodCombo")
    combo.setCurrentIndex(combo.findData("cash"))
    assert child(dialog, QLineEdit, "tenderedEdit").isVisible()


def test_the_stand_alone_card_method_still_takes_a_typed_reference(
        qtbot, cashier_context, demo_database, card, window, terminal):
    dialog = payment_dialog(qtbot, cashier_context, card, window)
    combo = child(dialog, QComboBox, "methodCombo")
    combo.setCurrentIndex(combo.findData("card"))
    assert child(dialog, QLabel, "cardHintLabel").isVisible() and not child(dialog, QLabel,
                                                                            "terminalHintLabel").isVisible()
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "textEdit"), "auth 123456")
    apply_accepted(qtbot, dialog)
    payments = [line.payment for line in folio_now(demo_database, card).payments
                if line.payment.kind is PaymentKind.PAYMENT and line.payment.method.kind.value == "card"]
    assert [p.text for p in payments] == ["auth 123456"] and terminal.sim.journal == []


def test_a_terminal_in_another_currency_is_refused_next_to_the_amount(
        qtbot, cashier_context, demo_database, card, window, terminal):
    dialog = payment_dialog(qtbot, cashier_context, card, window)
    choose_terminal(dialog, terminal)
    currency = child(dialog, QComboBox, "currencyCombo")
    offered = [currency.itemData(i) for i in range(currency.count())]
    # The demo hotel takes USD, GBP and CHF besides EUR (desk/demo/seed.py): without them this tests nothing.
    assert "USD" in offered, offered
    currency.setCurrentIndex(currency.findData("USD"))
    assert dialog.currency == "USD"
    dialog.apply_button.click()
    assert "takes EUR only" in child(dialog, QLabel, "amountError").text()
    assert dialog.terminal_dialog is None and terminal.sim.journal == []


def test_print_receipt_follows_a_terminal_payment(qtbot, cashier_context, demo_database, card, window, terminal,
                                                  fiscal_printer):
    dialog = payment_dialog(qtbot, cashier_context, card, window)
    choose_terminal(dialog, terminal)
    check = child(dialog, QCheckBox, "printReceiptCheck")
    assert check.isVisible() and check.isChecked()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.receipt_dialog is not None and dialog.receipt_dialog.isVisible(), timeout=30_000)
    receipt = dialog.receipt_dialog
    assert isinstance(receipt, ReceiptDialog)
    [payment] = card_payments(demo_database, card)
    assert receipt.payment_id == payment.id
    apply_accepted(qtbot, receipt)
    assert delivery.wait_all(30_000)
    assert receipt.outcome is not None and receipt.outcome.printed
    # The fiscal receipt and the card slip share the one receipt printer, one after the other.
    text = fiscal_printer.engine.text()
    assert "CUSTOMER" in text and f"{payment.amount.amount:f}" in text


def test_a_printer_out_of_paper_keeps_the_payment_and_print_card_slip_prints_it_again(
        qtbot, cashier_context, demo_database, card, terminal, fiscal_printer):
    engine = fiscal_printer.engine
    shown = open_reservation_card(qtbot, cashier_context, card.folio.folio.id)
    engine.fail("paper_out")
    shown.card_payment_action.trigger()
    qtbot.waitUntil(lambda: isinstance(shown.last_dialog, CardTerminalDialog) and shown.last_dialog.isVisible(),
                    timeout=30_000)
    sale = shown.last_dialog
    retype(qtbot, child(sale, QLineEdit, "amountEdit"), "25.00")
    with qtbot.waitSignal(sale.accepted, timeout=30_000):
        child(sale, type(sale.terminal_buttons[0]), f"terminalButton{terminal.info.id}").click()

    def warning() -> QMessageBox | None:
        return next((b for b in shown.findChildren(QMessageBox, "cardSlipWarning") if b.isVisible()), None)

    qtbot.waitUntil(lambda: warning() is not None, timeout=30_000)
    box = warning()
    assert box is not None and "paper" in box.text() and "Print card slip" in box.text()
    [payment] = card_payments(demo_database, card)
    assert payment.amount == eur("25.00") and "CUSTOMER" not in engine.text()
    box.accept()
    engine.recover()
    qtbot.waitUntil(lambda: shown.is_loaded and any(
        line.payment.id == payment.id for line in shown.card.folio.payments), timeout=30_000)
    shown.tabs.setCurrentIndex(1)
    shown.select_payment(payment.id)
    assert shown.print_card_slip_action.isEnabled()
    shown.print_card_slip_action.trigger()
    qtbot.waitUntil(lambda: "CUSTOMER" in engine.text(), timeout=30_000)
    text = engine.text()
    assert "SALE 25.00" in text and "COPY" in text and TEST_CARD_PAN not in text


def test_a_slip_that_does_not_print_after_make_payment_is_told_on_the_window(
        qtbot, cashier_context, demo_database, card, window, terminal, fiscal_printer):
    fiscal_printer.engine.fail("paper_out")
    dialog = payment_dialog(qtbot, cashier_context, card, window)
    choose_terminal(dialog, terminal)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.apply_button.click()

    def warning() -> QMessageBox | None:
        return next((b for b in window.findChildren(QMessageBox, "cardSlipWarning") if b.isVisible()), None)

    # The payment dialog and the terminal's dialog are gone; the warning stays on the window under them.
    qtbot.waitUntil(lambda: warning() is not None, timeout=30_000)
    assert "Print card slip" in warning().text()
    [payment] = card_payments(demo_database, card)
    assert payment.amount == card.folio.bills[0].balance


def test_print_card_slip_beside_a_pre_authorisation_reprints_its_slip_marked_copy(
        qtbot, cashier_context, demo_database, card, terminal, fiscal_printer):
    from desk.cards.terminal_workflow import card_pre_authorise
    from desk.db.runner import Runner

    engine = fiscal_printer.engine
    folio_id = card.folio.folio.id
    hold = card_pre_authorise(Runner(demo_database), cashier_context.actor, terminal.info.id, folio_id,
                              eur("120.00"))
    assert hold.settled
    shown = open_reservation_card(qtbot, cashier_context, folio_id)
    qtbot.waitUntil(lambda: shown.pre_authorisations_model.rowCount() == 1, timeout=30_000)
    # Nothing chosen, nothing to print.
    assert not shown.print_hold_slip_action.isEnabled()
    held = shown.pre_authorisations_model.row_at(0)
    assert held is not None
    shown.select_hold(held.id)
    button = child(shown, type(shown.capture_button), "printHoldSlipButton")
    assert shown.print_hold_slip_action.isEnabled() and button.isEnabled() and button.isVisible()
    button.click()
    qtbot.waitUntil(lambda: "CUSTOMER" in engine.text(), timeout=30_000)
    assert delivery.wait_all(30_000)
    text = engine.text()
    assert "PRE_AUTHORISATION 120.00" in text and "COPY" in text
    assert TEST_CARD_MASKED in text and TEST_CARD_PAN not in text
    assert [t.operation for t in terminal.sim.journal] == ["pre_authorisation"]


def test_a_sale_whose_end_nobody_heard_closes_make_payment_and_no_second_sale_is_sent(
        qtbot, cashier_context, demo_database, card, window, terminal):
    from urllib.parse import urlsplit

    from desk.cards.terminals import add_terminal
    from desk.journal.intents import IntentState, unresolved
    from desk.people.models import Role
    from tests.actors import signed_in
    from tests.ui.test_card_terminal import WORKSTATION, dialog_for

    # The same simulator behind a terminal that gives up after a second, so the test does not wait long.
    port = urlsplit(terminal.info.url).port
    with demo_database.writing() as session:
        quick = add_terminal(session, signed_in(demo_database, Role.MANAGER, WORKSTATION), WORKSTATION,
                             "Quick terminal", f"tcp://127.0.0.1:{port}?answer_timeout=1&ack_timeout=1", "EUR")
    # The bank books the sale, then the terminal answers nothing, not even the desk asking again.
    terminal.sim.script("hang:60")
    dialog = payment_dialog(qtbot, cashier_context, card, window)
    combo = child(dialog, QComboBox, "methodCombo")
    qtbot.waitUntil(lambda: combo.findData(f"{TERMINAL}{quick.id}") >= 0, timeout=30_000)
    combo.setCurrentIndex(combo.findData(f"{TERMINAL}{quick.id}"))
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    dialog.apply_button.click()
    sale = terminal_dialog(qtbot, dialog)
    assert "Pending card operations" in wait_result(qtbot, sale)
    assert delivery.wait_all(30_000)
    # The clerk cannot send it again from the terminal's dialog ...
    assert not any(button.isEnabled() for button in sale.terminal_buttons)
    with qtbot.waitSignal(dialog.rejected, timeout=30_000):
        sale.reject()
    # ... nor take the bill's money again in Make payment: it is closed.
    assert not dialog.isVisible()
    with demo_database.unit_of_work() as session:
        [pending] = unresolved(session, WORKSTATION)
    assert pending.kind == "card_sale" and pending.state is IntentState.UNKNOWN
    assert card_payments(demo_database, card) == []

    # Pay by card, opened afresh, is refused by desk before the terminal is asked.
    again = dialog_for(qtbot, cashier_context, demo_database, card, window)
    child(again, QPushButton, f"terminalButton{quick.id}").click()
    error = child(again, QLabel, "amountError")
    qtbot.waitUntil(lambda: "still unresolved" in error.text(), timeout=30_000)
    assert delivery.wait_all(30_000)
    assert [t.operation for t in terminal.sim.journal] == ["sale"]


def test_print_card_slip_follows_desks_rule_and_says_so_when_there_is_nothing_to_print(
        qtbot, cashier_context, demo_database, card, terminal, fiscal_printer):
    from desk.cards.models import CardRecord, CardRecordKind
    from desk.cards.terminal_workflow import card_sale
    from desk.db.runner import Runner
    from desk.ledger.payments import Tender, take_payment
    from ui.cards.terminal import print_card_slip_later

    runner, cashier = Runner(demo_database), cashier_context.actor
    bill_id, folio_id = card.folio.bills[0].bill.id, card.folio.folio.id
    with_slip = card_sale(runner, cashier, terminal.info.id, bill_id, eur("10.00"))
    assert with_slip.settled and delivery.wait_all(30_000)
    typed = runner.run(take_payment, cashier, bill_id, Tender("card", eur("5.00"), text="typed"),
                       allow_overpay=True).value
    with demo_database.writing() as session:
        # A terminal payment whose terminal sent no receipt at all: nothing to print again.
        session.add(CardRecord(operation=CardRecordKind.SALE, folio_id=folio_id, payment_id=typed.id,
                               amount=eur("5.00"), terminal="Desk terminal", receipt_no=None, trace_no=None,
                               brand="VISA", masked_pan=TEST_CARD_MASKED, receipts=[],
                               created_by=cashier.username, workstation=cashier.workstation))
    without = typed.id
    shown = open_reservation_card(qtbot, cashier_context, card.folio.folio.id)
    shown.tabs.setCurrentIndex(1)
    shown.select_payment(without)
    assert not shown.print_card_slip_action.isEnabled()
    shown.select_payment(with_slip.payment_id)
    assert shown.print_card_slip_action.isEnabled()
    shown.print_card_slip_action.trigger()
    qtbot.waitUntil(lambda: shown.statusBar().currentMessage() == "Card slip printed.", timeout=30_000)

    shown.statusBar().clearMessage()
    print_card_slip_later(cashier_context, shown, payment_id=without, reprint=True)
    qtbot.waitUntil(lambda: bool(shown.statusBar().currentMessage()), timeout=30_000)
    assert shown.statusBar().currentMessage() == "This card operation has no slip to print."
