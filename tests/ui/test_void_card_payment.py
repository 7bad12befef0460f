"""Void on a payment made on the card terminal: the dialog says it is given back on the terminal,
and records only money already given back outside the desk, with a manager and the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from desk.cards.terminal_workflow import card_sale
from desk.db.runner import Runner
from desk.ledger import texts
from desk.stays.reservation_card import load_reservation_card
from tests.helpers import eur
from tests.ui.test_card_terminal import card, cashier_context, terminal, window  # noqa: F401 (fixtures)
from tests.ui.test_dialogs_common import apply_accepted, child, click, folio_now, ledger_counts, opened, retype
from ui.dialogs import VoidDialog


def test_a_card_payment_is_voided_only_as_money_given_back_outside_the_desk(
        qtbot, cashier_context, demo_database, card, window, terminal):  # noqa: F811
    sale = card_sale(Runner(demo_database), cashier_context.actor, terminal.info.id, card.folio.bills[0].bill.id,
                     eur("12.00"), allow_overpay=True)
    assert sale.settled and sale.payment_id is not None
    with demo_database.unit_of_work() as session:
        fresh = load_reservation_card(session, card.folio.folio.id)
    dialog = opened(qtbot, VoidDialog(cashier_context, fresh, payment_id=sale.payment_id, parent=window))
    assert "Refund to the card" in child(dialog, QLabel, "terminalNoteLabel").text()
    outside = child(dialog, QCheckBox, "refundedOutsideCheck")
    assert not outside.isChecked()
    retype(qtbot, child(dialog, QLineEdit, "reasonEdit"), "Given back on the terminal's menu, receipt 0042")
    retype(qtbot, child(dialog, QLineEdit, "usernameEdit"), "maria")
    retype(qtbot, child(dialog, QLineEdit, "passwordEdit"), "manager")
    before = ledger_counts(demo_database)
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: "tick that the money was given back" in dialog.form_error.text(), timeout=30_000)
    assert dialog.isVisible() and ledger_counts(demo_database) == before

    outside.setChecked(True)
    apply_accepted(qtbot, dialog)
    line = folio_now(demo_database, fresh).payment(sale.payment_id)
    assert line.voided_by is not None and line.voided_by.authorised_by == "maria"
    assert line.voided_by.text == texts.written(texts.REFUNDED_OUTSIDE_DESK, payment=sale.payment_id)
