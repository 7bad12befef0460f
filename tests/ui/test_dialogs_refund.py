"""Make refund (R9) and the receipt window (R8): to the payer or into the deposit, and receipts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QRadioButton
from sqlalchemy import select

from desk.core.money import Money
from desk.fiscal.models import ReceiptKind, ReceiptRequest
from desk.ledger.models import PaymentKind
from desk.stays.reservation_card import ReservationCardData
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
from ui.dialogs import MakeRefundDialog, ReceiptDialog
from ui.i18n import money_text
from ui.ops import delivery


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


@pytest.fixture(autouse=True)
def as_cashier(desk_context, cashier):
    """Refunds are the cashier's: the desk is signed in as Ivan unless a test says otherwise."""
    desk_context.set_actor(cashier)


def cash_payment(card: ReservationCardData):
    for view in card.folio.bills:
        for line in view.payments:
            p = line.payment
            if p.kind is PaymentKind.PAYMENT and p.method_code == "cash" and p.amount.currency == card.currency:
                return line
    return None


def foreign_payment(card: ReservationCardData):
    return next((line for line in card.folio.payments if line.payment.amount.currency != card.currency), None)


def deposit_payment(card: ReservationCardData):
    return next((line for line in card.folio.deposit_payments if line.payment.kind is PaymentKind.DEPOSIT), None)


@pytest.fixture
def cash_card(demo_database) -> ReservationCardData:
    return find_card(demo_database, lambda c: cash_payment(c) is not None and not c.folio.deposit_balance)


# --- refunds --------------------------------------------------------------------------------------


def test_partial_cash_refund_to_the_payer(qtbot, desk_context, demo_database, cash_card, window):
    line = cash_payment(cash_card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, cash_card, line.payment.id, window))
    assert child(dialog, QLabel, "refundableLabel").text() == money_text(line.refundable)
    assert child(dialog, QLineEdit, "amountEdit").text() == f"{line.refundable.amount:f}"
    assert child(dialog, QRadioButton, "directionPayer").isChecked()
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "10.00")
    retype(qtbot, child(dialog, QLineEdit, "reasonEdit"), "Minibar charged twice")

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, cash_card).payment(line.payment.id)
    assert after.refundable == line.refundable - Money.of("10.00", "EUR")
    refund = after.refunds[-1]
    assert (refund.kind, refund.amount, refund.reason) == (
        PaymentKind.REFUND, Money.of("-10.00", "EUR"), "Minibar charged twice"
    )
    assert refund.method_code == "cash"


def test_a_clerk_refunds_with_a_managers_credentials_in_the_dialog(
    qtbot, desk_context, demo_database, cash_card, window, clerk
):
    desk_context.set_actor(clerk)
    line = cash_payment(cash_card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, cash_card, line.payment.id, window))
    assert child(dialog, QLineEdit, "usernameEdit").isVisibleTo(dialog)
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "5.00")
    before = ledger_counts(demo_database)
    assert "manager" in apply_refused(qtbot, dialog, "username")  # nobody signed it: nothing written
    assert ledger_counts(demo_database) == before
    retype(qtbot, child(dialog, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(dialog, QLineEdit, "passwordEdit"), "manager")

    apply_accepted(qtbot, dialog)

    refund = folio_now(demo_database, cash_card).payment(line.payment.id).refunds[-1]
    assert (refund.amount, refund.created_by, refund.authorised_by) == (Money.of("-5.00", "EUR"), "anna", "maria")


def test_a_cashier_refunds_without_a_manager(qtbot, desk_context, cash_card, window):
    line = cash_payment(cash_card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, cash_card, line.payment.id, window))
    assert not child(dialog, QLineEdit, "usernameEdit").isVisibleTo(dialog)


def test_refund_into_the_deposit_keeps_the_money_on_account(qtbot, desk_context, demo_database, cash_card, window):
    line = cash_payment(cash_card)
    bill_id = line.payment.bill_id
    before = folio_now(demo_database, cash_card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, cash_card, line.payment.id, window))
    click(qtbot, dialog, "directionDeposit")
    assert not child(dialog, QComboBox, "methodCombo").isVisible()
    assert not child(dialog, QCheckBox, "printReceiptCheck").isVisible()

    apply_accepted(qtbot, dialog)

    after = folio_now(demo_database, cash_card)
    assert after.deposit_balance == before.deposit_balance + line.refundable
    assert after.bill(bill_id).paid == before.bill(bill_id).paid - line.payment.base_amount
    assert after.payment(line.payment.id).refundable == Money.zero("EUR")


def test_apply_again_after_a_lost_reply_records_the_refund_once(qtbot, desk_context, demo_database, cash_card,
                                                                window, monkeypatch):
    """The refund's commit reached the database but its answer never came back: the cashier, told it
    failed, presses Apply again, and the dialog's key finds the refund already made."""
    line = cash_payment(cash_card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, cash_card, line.payment.id, window))
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "10.00")
    lost = lose_the_first_reply(monkeypatch, desk_context.runner)
    before = ledger_counts(demo_database)
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: bool(lost) and dialog.apply_button.isEnabled(), timeout=30_000)
    assert delivery.wait_all(30_000)
    assert dialog.isVisible()
    apply_accepted(qtbot, dialog)
    assert ledger_counts(demo_database)["payment"] == before["payment"] + 1
    after = folio_now(demo_database, cash_card).payment(line.payment.id)
    assert after.refundable == line.refundable - Money.of("10.00", "EUR")


def test_refund_above_what_is_refundable_is_refused(qtbot, desk_context, demo_database, cash_card, window):
    line = cash_payment(cash_card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, cash_card, line.payment.id, window))
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), f"{line.refundable.amount + 1:f}")
    before = ledger_counts(demo_database)
    message = apply_refused(qtbot, dialog, "amount")
    assert money_text(line.refundable) in message
    for typed in ("0", "abc", "1.001"):
        retype(qtbot, child(dialog, QLineEdit, "amountEdit"), typed)
        apply_refused(qtbot, dialog, "amount")
    assert ledger_counts(demo_database) == before


def test_foreign_payment_is_refunded_in_its_own_currency(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: foreign_payment(c) is not None)
    line = foreign_payment(card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, card, line.payment.id, window))
    assert child(dialog, QLabel, "currencyLabel").text() == line.payment.amount.currency
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "25")
    converted = child(dialog, QLabel, "convertedLabel")
    expected = Money.of("25", line.payment.amount.currency).convert(line.payment.rate, card.currency)
    assert money_text(expected) in converted.text()
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    apply_accepted(qtbot, dialog)
    refund = folio_now(demo_database, card).payment(line.payment.id).refunds[-1]
    assert refund.amount == -Money.of("25", line.payment.amount.currency)
    assert refund.base_amount == -expected


def test_a_deposit_is_refunded_only_to_the_payer(qtbot, desk_context, demo_database, window):
    card = find_card(demo_database, lambda c: deposit_payment(c) is not None and c.folio.deposit_balance.is_positive)
    line = deposit_payment(card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, card, line.payment.id, window))
    assert not child(dialog, QRadioButton, "directionDeposit").isEnabled()
    maximum = min(line.refundable, card.folio.deposit_balance)
    assert child(dialog, QLabel, "refundableLabel").text() == money_text(maximum)


def test_refund_with_print_receipt_opens_a_refund_receipt(qtbot, desk_context, demo_database, cash_card, window,
                                                          fiscal_printer):
    line = cash_payment(cash_card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, cash_card, line.payment.id, window))
    assert child(dialog, QCheckBox, "printReceiptCheck").isVisible()
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "5")
    apply_accepted(qtbot, dialog)
    receipt = window.findChild(ReceiptDialog)
    qtbot.waitUntil(lambda: receipt.isVisible(), timeout=30_000)
    assert "Refund receipt" in child(receipt, QLabel, "receiptKindLabel").text()

    apply_accepted(qtbot, receipt)

    with demo_database.unit_of_work() as session:
        request = session.scalars(select(ReceiptRequest).order_by(ReceiptRequest.id.desc())).first()
        assert request.kind is ReceiptKind.REFUND
        assert request.payment_id == folio_now(demo_database, cash_card).payment(line.payment.id).refunds[-1].id


# --- the receipt window ---------------------------------------------------------------------------


def test_receipt_prints_on_the_register_and_records_its_contacts(
    qtbot, desk_context, demo_database, cash_card, window, fiscal_printer
):
    line = cash_payment(cash_card)
    dialog = opened(qtbot, ReceiptDialog(desk_context, cash_card, line.payment.id, window))
    assert "Sale receipt" in child(dialog, QLabel, "receiptKindLabel").text()
    registers = child(dialog, QComboBox, "registerCombo")
    assert registers.count() == len(cash_card.registers)
    registers.setCurrentIndex(registers.count() - 1)
    email = child(dialog, QLineEdit, "emailEdit")
    assert not email.isEnabled()
    click(qtbot, dialog, "emailCheck")
    assert email.isEnabled()
    retype(qtbot, email, "guest@example.org")
    click(qtbot, dialog, "phoneCheck")
    retype(qtbot, child(dialog, QLineEdit, "phoneEdit"), "+359 88 123 4567")
    assert child(dialog, QPushButton, "applyButton").text().replace("&", "") == "Print receipt"

    apply_accepted(qtbot, dialog)

    with demo_database.unit_of_work() as session:
        request = session.scalars(select(ReceiptRequest).where(ReceiptRequest.payment_id == line.payment.id)).one()
        assert (request.kind, request.register_code, request.email, request.phone) == (
            ReceiptKind.SALE, cash_card.registers[-1].code, "guest@example.org", "+359881234567"
        )


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("email", "guest@", "not an e-mail address"),
        ("email", "", "Enter the e-mail address"),
        ("phone", "088 123", "starts with +"),
        ("phone", "", "Enter the phone number"),
    ],
)
def test_bad_contacts_are_refused_next_to_their_field(
    qtbot, desk_context, demo_database, cash_card, window, field, typed, message
):
    line = cash_payment(cash_card)
    dialog = opened(qtbot, ReceiptDialog(desk_context, cash_card, line.payment.id, window))
    click(qtbot, dialog, f"{field}Check")
    retype(qtbot, child(dialog, QLineEdit, f"{field}Edit"), typed)
    before = ledger_counts(demo_database)
    assert message in apply_refused(qtbot, dialog, field)
    assert ledger_counts(demo_database) == before


def test_unticked_contacts_are_not_sent(qtbot, desk_context, demo_database, cash_card, window, fiscal_printer):
    line = cash_payment(cash_card)
    dialog = opened(qtbot, ReceiptDialog(desk_context, cash_card, line.payment.id, window))
    assert child(dialog, QLineEdit, "emailEdit").text()  # offered from the guest's profile, not ticked
    apply_accepted(qtbot, dialog)
    with demo_database.unit_of_work() as session:
        request = session.scalars(select(ReceiptRequest).where(ReceiptRequest.payment_id == line.payment.id)).one()
        assert (request.email, request.phone) == ("", "")


# --- what is offered ---------------------------------------------------------------------------


def test_the_amount_offered_is_what_the_bill_holds_beyond_its_charges(qtbot, desk_context, demo_database, window,
                                                                       cashier):
    from desk.ledger.payments import Tender, take_payment
    from tests.ui.test_dialogs_common import reload_card

    card = find_card(demo_database, lambda c: c.folio.bills[0].balance.is_positive)
    bill = card.folio.bills[0]
    with demo_database.writing() as session:
        overpaying = take_payment(session, cashier, bill.bill.id,
                                  Tender("card", bill.balance + Money.of("7.50", "EUR")), allow_overpay=True)
        payment_id = overpaying.id
    card = reload_card(demo_database, card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, card, payment_id, window))
    assert child(dialog, QLineEdit, "amountEdit").text() == "7.50"
    # The whole payment is still refundable if the clerk types it.
    assert child(dialog, QLabel, "refundableLabel").text() == money_text(bill.balance + Money.of("7.50", "EUR"))


def test_a_transfer_to_a_company_is_not_refunded(qtbot, desk_context, demo_database, window, clerk):
    from desk.ledger.payments import transfer_to_company
    from desk.stays.models import Company
    from tests.ui.test_dialogs_common import reload_card

    card = find_card(demo_database, lambda c: c.folio.bills[0].balance.is_positive)
    with demo_database.writing() as session:
        company_id = session.scalars(select(Company.id)).first()
        payment_id = transfer_to_company(session, clerk, card.folio.bills[0].bill.id, company_id).id
    card = reload_card(demo_database, card)
    dialog = opened(qtbot, MakeRefundDialog(desk_context, card, payment_id, window))
    assert "reverse the transfer" in child(dialog, QLabel, "formError").text()
    assert not child(dialog, QPushButton, "applyButton").isEnabled()
