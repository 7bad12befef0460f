"""Pending card operations: a manager settles by hand, from the terminal's receipt, what it cannot tell."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QRadioButton

from desk.cards.models import CardKind
from desk.cards.operations import CardRequest, plan_card_operation
from desk.journal.intents import mark_sent, record_intent, unresolved
from tests.helpers import eur
from tests.ui.test_card_terminal import (  # noqa: F401 (fixtures)
    WORKSTATION,
    card,
    card_payments,
    cashier_context,
    terminal,
    window,
)
from tests.ui.test_dialogs_common import apply_accepted, apply_refused, child, opened, retype
from ui.cards.operations import PendingCardOperationsDialog


def test_a_manager_settles_by_hand_a_sale_the_terminal_cannot_tell(
        qtbot, cashier_context, demo_database, card, window, terminal):  # noqa: F811 (pytest's fixtures by name)
    cashier = cashier_context.actor
    with demo_database.writing() as session:
        request = plan_card_operation(session, cashier, CardKind.SALE, terminal.info.id,
                                      CardRequest(amount=eur("25.00"), bill_id=card.folio.bills[0].bill.id))
        mark_sent(session, cashier, record_intent(session, cashier, request).id)

    dialog = opened(qtbot, PendingCardOperationsDialog(cashier_context, window))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=30_000)
    dialog.table.selectRow(0)
    assert dialog.settle_button.isEnabled()
    dialog.settle_button.click()
    settle = dialog.settle_dialog
    assert settle is not None
    qtbot.waitUntil(settle.isVisible, timeout=30_000)
    assert not child(settle, QLineEdit, "receiptEdit").isVisible()
    child(settle, QRadioButton, "happenedRadio").setChecked(True)
    assert child(settle, QLineEdit, "receiptEdit").isVisible()
    retype(qtbot, child(settle, QLineEdit, "receiptEdit"), "17")
    retype(qtbot, child(settle, QLineEdit, "amountEdit"), "24.00")
    retype(qtbot, child(settle, QLineEdit, "reasonEdit"), "Merchant copy in the drawer")
    retype(qtbot, child(settle, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(settle, QLineEdit, "passwordEdit"), "manager")
    assert "25.00" in apply_refused(qtbot, settle, "amount")  # the receipt must show what was asked
    assert card_payments(demo_database, card) == []

    retype(qtbot, child(settle, QLineEdit, "amountEdit"), "25.00")
    retype(qtbot, child(settle, QLineEdit, "passwordEdit"), "manager")
    apply_accepted(qtbot, settle)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=30_000)
    [payment] = card_payments(demo_database, card)
    assert payment.amount == eur("25.00") and "receipt 0017" in payment.text
    with demo_database.unit_of_work() as session:
        assert unresolved(session, WORKSTATION) == []


def test_an_online_operation_is_settled_by_hand_from_the_operators_reference_not_a_receipt(
        qtbot, cashier_context):  # noqa: F811 (pytest's fixtures by name)
    from datetime import UTC, datetime

    from desk.journal.intents import IntentView
    from ui.cards.settle_by_hand import SettleByHandDialog

    intent = IntentView(1, "refund:9:0", "online_refund", "Adyen", WORKSTATION, "maria",
                        datetime(2026, 12, 7, tzinfo=UTC), None, None, 9, eur("30.00"), {"operation": "refund"})
    settle = opened(qtbot, SettleByHandDialog(cashier_context, intent))
    assert "Adyen" in child(settle, QLabel, "settleNoteLabel").text()
    child(settle, QRadioButton, "happenedRadio").setChecked(True)
    assert child(settle, QLineEdit, "referenceEdit").isVisible()
    assert not child(settle, QLineEdit, "receiptEdit").isVisible()
    retype(qtbot, child(settle, QLineEdit, "reasonEdit"), "Adyen Customer Area shows it")
    retype(qtbot, child(settle, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(settle, QLineEdit, "passwordEdit"), "manager")
    assert "reference" in apply_refused(qtbot, settle, "reference")
