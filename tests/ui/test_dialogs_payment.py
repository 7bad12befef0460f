"""Make payment (R7): filled in as a clerk would, checked on screen and in the ledger."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton

from desk.core.money import Money
from desk.hotel.models import MethodKind
from desk.ledger.folios import BillStatus
from desk.ledger.models import PaymentKind
from tests.ui.conftest import lose_the_first_reply
from tests.ui.test_dialogs_common import (
    apply_accepted,
    apply_refused,
    card_window,
    child,
    click,
    find_card,
    folio_now,
    ledger_counts,
    opened,
    retype,
)
from ui.dialogs import MakePaymentDialog, ReceiptDialog
from ui.i18n import money_text
from ui.ops import delivery


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


def unpaid(card) -> bool:
    return len(card.folio.bills) == 1 and card.folio.bills[0].status is BillStatus.NOT_PAID


@pytest.fixture
def card(demo_database):
    return find_card(demo_database, unpaid)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def open_payment(qtbot, ctx, card, window):
    bill = card.folio.bills[0]
    return opened(qtbot, MakePaymentDialog(ctx, card, bill.bill.id, window)), bill


def test_amount_defaults_to_the_balance_and_methods_are_the_desk_tenders(qtbot, desk_context, card, window):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    assert child(dialog, QLineEdit, "amountEdit").text() == f"{bill.balance.amount:f}"
    methods = child(dialog, QComboBox, "methodCombo")
    kinds = {m.code: m.kind for m in card.methods}
    offered = [kinds[methods.itemData(i)] for i in range(methods.count())]
    assert offered[0] is MethodKind.CASH
    assert set(offered) <= {MethodKind.CASH, MethodKind.CARD, MethodKind.TRANSFER, MethodKind.OTHER}
    assert MethodKind.DEPOSIT not in offered and MethodKind.COMPANY_ACCOUNT not in offered
    assert child(dialog, QLineEdit, "payerEdit").text() == bill.bill.payer_name


def test_part_payment_in_cash_shows_change_and_lands_on_the_bill(qtbot, desk_context, demo_database, card, window):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "40.00")
    retype(qtbot, child(dialog, QLineEdit, "tenderedEdit"), "50")
    assert child(dialog, QLabel, "changeDueLabel").text() == money_text(Money.of("10.00", "EUR"))
    retype(qtbot, child(dialog, QLineEdit, "textEdit"), "first part")

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, card).bill(bill.bill.id)
    assert after.status is BillStatus.PARTIALLY_PAID
    assert after.paid == Money.of("40.00", "EUR")
    payment = after.payments[-1].payment
    assert (payment.kind, payment.method_code, payment.text) == (PaymentKind.PAYMENT, "cash", "first part")
    assert payment.payer_name == bill.bill.payer_name


def test_tendered_less_than_the_amount_is_refused(qtbot, desk_context, demo_database, card, window):
    dialog, _bill = open_payment(qtbot, desk_context, card, window)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "40")
    retype(qtbot, child(dialog, QLineEdit, "tenderedEdit"), "30")
    assert "short" in child(dialog, QLabel, "changeDueLabel").text()
    before = ledger_counts(demo_database)
    assert "less than" in apply_refused(qtbot, dialog, "tendered")
    assert ledger_counts(demo_database) == before


def test_full_payment_by_card_with_the_enter_key(qtbot, desk_context, demo_database, card, window):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    choose(child(dialog, QComboBox, "methodCombo"), "card")
    assert child(dialog, QLabel, "cardHintLabel").isVisible()
    assert not child(dialog, QLineEdit, "tenderedEdit").isVisible()
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    text = child(dialog, QLineEdit, "textEdit")
    retype(qtbot, text, "AUTH 123456")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.keyClick(text, Qt.Key.Key_Return)
    after = folio_now(demo_database, card).bill(bill.bill.id)
    assert after.status is BillStatus.PAID
    assert after.payments[-1].payment.text == "AUTH 123456"


def test_escape_cancels_and_writes_nothing(qtbot, desk_context, demo_database, card, window):
    dialog, _bill = open_payment(qtbot, desk_context, card, window)
    before = ledger_counts(demo_database)
    with qtbot.waitSignal(dialog.rejected, timeout=30_000):
        qtbot.keyClick(child(dialog, QLineEdit, "amountEdit"), Qt.Key.Key_Escape)
    assert delivery.wait_all(30_000)
    assert ledger_counts(demo_database) == before


@pytest.mark.parametrize(
    ("typed", "message"),
    [("0", "more than zero"), ("-10", "more than zero"), ("10.123", "decimals"), ("ten euros", "not a number")],
)
def test_bad_amounts_are_refused_next_to_the_field(qtbot, desk_context, demo_database, card, window, typed, message):
    dialog, _bill = open_payment(qtbot, desk_context, card, window)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), typed)
    before = ledger_counts(demo_database)
    assert message in apply_refused(qtbot, dialog, "amount")
    assert ledger_counts(demo_database) == before
    # Typing again clears the message.
    qtbot.keyClicks(child(dialog, QLineEdit, "amountEdit"), "1")
    assert not child(dialog, QLabel, "amountError").isVisible()


def test_foreign_currency_shows_the_converted_amount_and_counts_it_on_the_bill(
    qtbot, desk_context, demo_database, card, window
):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    converted = child(dialog, QLabel, "convertedLabel")
    assert not converted.isVisible()
    choose(child(dialog, QComboBox, "currencyCombo"), "USD")
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "50")
    assert converted.isVisible()
    assert converted.text().startswith("= " + money_text(Money.of("46.00", "EUR")))
    assert "0.92" in converted.text()

    apply_accepted(qtbot, dialog)

    payment = folio_now(demo_database, card).bill(bill.bill.id).payments[-1].payment
    assert payment.amount == Money.of("50.00", "USD")
    assert payment.base_amount == Money.of("46.00", "EUR")
    assert payment.rate == Decimal("0.92")


def test_untouched_default_follows_the_currency(qtbot, desk_context, card, window):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    choose(child(dialog, QComboBox, "currencyCombo"), "USD")
    typed = Decimal(child(dialog, QLineEdit, "amountEdit").text())
    assert abs(typed * Decimal("0.92") - bill.balance.amount) <= Decimal("0.01")


def test_yen_takes_no_decimals(qtbot, desk_context, demo_database, card, window):
    dialog, _bill = open_payment(qtbot, desk_context, card, window)
    choose(child(dialog, QComboBox, "currencyCombo"), "JPY")
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "1000.5")
    assert "no decimals" in apply_refused(qtbot, dialog, "amount")


def test_print_receipt_only_for_fiscal_methods_with_a_register(qtbot, desk_context, card, window):
    dialog, _bill = open_payment(qtbot, desk_context, card, window)
    check = child(dialog, QCheckBox, "printReceiptCheck")
    assert check.isVisible()
    choose(child(dialog, QComboBox, "methodCombo"), "transfer")  # not fiscal in the demo hotel
    assert not check.isVisible()
    dialog.reject()

    card.catalogues = dataclasses.replace(card.catalogues, registers=[])  # this card's own copy, not the desk's
    dialog, _bill = open_payment(qtbot, desk_context, card, window)
    assert not child(dialog, QCheckBox, "printReceiptCheck").isVisible()


def test_print_receipt_opens_the_receipt_window_for_the_new_payment(qtbot, desk_context, demo_database, card, window):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    assert child(dialog, QCheckBox, "printReceiptCheck").isChecked()
    apply_accepted(qtbot, dialog)
    receipt = window.findChild(ReceiptDialog)
    assert receipt is not None
    qtbot.waitUntil(receipt.isVisible, timeout=30_000)
    new_payment = folio_now(demo_database, card).bill(bill.bill.id).payments[-1].payment
    assert receipt.payment_id == new_payment.id
    assert "Sale receipt" in child(receipt, QLabel, "receiptKindLabel").text()


def test_apply_is_disabled_and_cancel_ignored_while_the_payment_is_recorded(
    qtbot, desk_context, demo_database, card, window
):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    apply = child(dialog, QPushButton, "applyButton")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.apply()  # what the button does; nothing has been delivered from the worker yet
        assert not apply.isEnabled()
        dialog.reject()  # Escape now would hide a payment that is being recorded anyway
        assert dialog.isVisible()
    assert folio_now(demo_database, card).bill(bill.bill.id).status is BillStatus.PAID


def _overpay_box(qtbot, dialog, previous=None):
    qtbot.waitUntil(lambda: getattr(dialog, "overpay_box", None) not in (None, previous), timeout=30_000)
    box = dialog.overpay_box
    assert box.objectName() == "overpayBox"
    qtbot.waitUntil(box.isVisible, timeout=30_000)
    return box


def test_overpaying_asks_first_and_says_by_how_much(qtbot, desk_context, demo_database, card, window):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    more = bill.balance + Money.of("10.00", "EUR")
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), f"{more.amount:f}")
    before = ledger_counts(demo_database)
    click(qtbot, dialog, "applyButton")

    box = _overpay_box(qtbot, dialog)
    assert money_text(bill.balance) in box.text() and money_text(Money.of("10.00", "EUR")) in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert money_text(bill.balance) in child(dialog, QLabel, "amountError").text()
    assert ledger_counts(demo_database) == before
    assert dialog.isVisible()
    assert not child(dialog, QLineEdit, "usernameEdit").isVisibleTo(dialog)  # not asked before confirming


def test_a_clerk_overpays_only_with_a_managers_credentials(qtbot, desk_context, demo_database, card, window):
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    assert not child(dialog, QLineEdit, "usernameEdit").isVisibleTo(dialog)  # not asked for a plain payment
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    too_much = bill.balance + Money.of("50.00", "EUR")
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), f"{too_much.amount:f}")
    before = ledger_counts(demo_database)

    # The clerk confirms the overpayment first; it then needs a manager, whose fields appear.
    click(qtbot, dialog, "applyButton")
    box = _overpay_box(qtbot, dialog)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    form_error = child(dialog, QLabel, "formError")
    qtbot.waitUntil(lambda: "manager's approval" in form_error.text(), timeout=30_000)
    assert delivery.wait_all(30_000)
    assert ledger_counts(demo_database) == before
    assert child(dialog, QLineEdit, "usernameEdit").isVisibleTo(dialog)
    retype(qtbot, child(dialog, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(dialog, QLineEdit, "passwordEdit"), "manager")

    # Not asked again: the overpayment of this amount is already confirmed.
    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, card).bill(bill.bill.id)
    payment = after.payments[-1].payment
    assert after.status is BillStatus.OVERPAID
    assert after.balance == bill.balance - too_much
    assert (payment.amount, payment.created_by, payment.authorised_by) == (too_much, "anna", "maria")


def test_apply_again_after_a_lost_reply_records_the_payment_once(qtbot, desk_context, demo_database, card, window,
                                                                 monkeypatch):
    """The commit reached the database but its answer never came back: the clerk, told it failed,
    presses Apply again, and the dialog's key finds the payment already made."""
    dialog, bill = open_payment(qtbot, desk_context, card, window)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "40.00")
    lost = lose_the_first_reply(monkeypatch, desk_context.runner)
    before = ledger_counts(demo_database)
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: bool(lost) and dialog.apply_button.isEnabled(), timeout=30_000)
    assert delivery.wait_all(30_000)
    assert dialog.isVisible()
    apply_accepted(qtbot, dialog)
    assert ledger_counts(demo_database)["payment"] == before["payment"] + 1
    assert folio_now(demo_database, card).bill(bill.bill.id).paid == bill.paid + Money.of("40.00", "EUR")
