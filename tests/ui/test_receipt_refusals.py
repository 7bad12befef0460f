"""The receipt window asks the one rule of receipts (``receipt_refusal``) and shows its refusal translated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from desk.core.money import Money
from desk.ledger.folios import BillStatus
from desk.ledger.payments import Tender, apply_deposit, take_deposit, take_payment, void_payment
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from tests.actors import MANAGER_APPROVAL, signed_in
from tests.ui.test_dialogs_common import card_window, child, find_card, opened, reload_card
from ui import i18n
from ui.dialogs import ReceiptDialog
from ui.ops import delivery


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


@pytest.fixture
def card(demo_database):
    return find_card(demo_database, lambda card: len(card.folio.bills) == 1
                     and card.folio.bills[0].status is BillStatus.NOT_PAID)


@pytest.fixture
def russian(qapp, qm_dir) -> Iterator[None]:
    i18n.install_translator(qapp, "ru", qm_dir=qm_dir)
    yield
    i18n.install_translator(qapp, "en", qm_dir=qm_dir)


def desk_refusal(template: str, **params: str) -> str:
    """What the clerk should read: the desk's own refusal, as translated for desk errors."""
    return QCoreApplication.translate("DeskError", template).format(**params)


def refusal_shown(qtbot, ctx, card, payment_id: int, window) -> str:
    dialog = opened(qtbot, ReceiptDialog(ctx, card, payment_id, window))
    assert delivery.wait_all(30_000)
    error = dialog.form_error
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=30_000)
    assert not child(dialog, type(dialog.apply_button), "applyButton").isEnabled()
    # No receipt is promised: not by the heading, nor by fields that ask where to send it.
    assert dialog.kind_label.text() == QCoreApplication.translate("ReceiptDialog", "No fiscal receipt")
    assert not any(field.isEnabled() for field in (dialog.register_combo, dialog.email_check, dialog.phone_check))
    return error.text()


def test_a_method_kept_off_the_register_gets_the_desks_refusal_in_russian(
        qtbot, russian, desk_context, demo_database, card, window):
    bill = card.folio.bills[0]
    with demo_database.writing() as session:
        payment = take_payment(session, signed_in(demo_database, Role.CASHIER), bill.bill.id,
                               Tender("transfer", Money("10.00", "EUR")))
        payment_id = payment.id
    with demo_database.unit_of_work() as session:
        card = load_reservation_card(session, card.folio.folio.id, "ru")
    shown = refusal_shown(qtbot, desk_context, card, payment_id, window)
    transfer = next(m for m in card.methods if m.code == "transfer")
    assert shown == desk_refusal("{method} payments get no fiscal receipt", method=card.names.method(transfer))
    assert "Bank transfer" not in shown and "фискальн" in shown.lower()


def test_a_deposit_applied_to_a_bill_gets_the_desks_refusal(qtbot, desk_context, demo_database, card, window):
    cashier = signed_in(demo_database, Role.CASHIER)
    with demo_database.writing() as session:
        take_deposit(session, cashier, card.folio.folio.id, Tender("cash", Money("20.00", "EUR")))
    with demo_database.writing() as session:
        transfer_id = apply_deposit(session, cashier, card.folio.bills[0].bill.id, Money("20.00", "EUR")).id
    shown = refusal_shown(qtbot, desk_context, reload_card(demo_database, card), transfer_id, window)
    assert shown == "Only payments and refunds get a fiscal receipt"


def test_the_void_of_a_payment_that_had_no_receipt_gets_none(qtbot, desk_context, demo_database, card, window):
    """A void is a refund receipt only when the payment it undoes had its sale receipt."""
    with demo_database.writing() as session:
        payment_id = take_payment(session, signed_in(demo_database, Role.CASHIER), card.folio.bills[0].bill.id,
                                  Tender("cash", Money("10.00", "EUR"))).id
    with demo_database.writing() as session:
        void_id = void_payment(session, signed_in(demo_database, Role.CLERK), payment_id, reason="typed twice",
                               approval=MANAGER_APPROVAL).id
    shown = refusal_shown(qtbot, desk_context, reload_card(demo_database, card), void_id, window)
    assert shown == "Only payments and refunds get a fiscal receipt"
