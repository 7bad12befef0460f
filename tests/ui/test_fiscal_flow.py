"""Receipts from the desk on the printer simulator over TCP: pay with Print receipt, refund with a refund
receipt, the receipt numbers on the card; paper out mid-receipt, Retry, one COPY and no second document."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy import select

from desk.core.money import Money
from desk.fiscal import chain
from desk.fiscal.marks import ReceiptState
from desk.fiscal.models import FiscalDocument
from desk.ledger.folios import BillStatus
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from tests.actors import demo_credentials
from tests.ui.test_dialogs_common import apply_accepted, card_window, child, click, find_card, opened, retype
from ui.dialogs import MakePaymentDialog, MakeRefundDialog, ReceiptDialog, VoidDialog
from ui.ops import delivery
from ui.reservation_card.models import PaymentsModel


@pytest.fixture
def window(qtbot):
    return card_window(qtbot)


def unpaid(card) -> bool:
    bill = card.folio.bills[0] if len(card.folio.bills) == 1 else None
    return (bill is not None and bill.status is BillStatus.NOT_PAID
            and any(line.is_active for line in bill.postings))


def receipt_window(qtbot, window) -> ReceiptDialog:
    receipt = None

    def shown() -> bool:
        nonlocal receipt
        receipt = next((d for d in window.findChildren(ReceiptDialog) if d.isVisible()), None)
        return receipt is not None

    qtbot.waitUntil(shown, timeout=30_000)
    assert receipt is not None
    return receipt


def documents(database) -> list[FiscalDocument]:
    with database.unit_of_work() as session:
        rows = list(session.scalars(select(FiscalDocument).order_by(FiscalDocument.number)))
        session.expunge_all()
        return rows


def pay_in_cash(qtbot, ctx, card, window, tendered: str) -> ReceiptDialog:
    bill = card.folio.bills[0]
    dialog = opened(qtbot, MakePaymentDialog(ctx, card, bill.bill.id, window))
    retype(qtbot, child(dialog, QLineEdit, "tenderedEdit"), tendered)
    apply_accepted(qtbot, dialog)  # Print receipt is ticked: the Receipt window follows
    return receipt_window(qtbot, window)


def test_pay_with_a_receipt_refund_with_one_and_the_tab_shows_both_numbers(
    qtbot, desk_context, demo_database, window, fiscal_printer
):
    # No language set on the register: the demo hotel is in Bulgaria, so its receipts are in Bulgarian.
    card = find_card(demo_database, unpaid)
    bill = card.folio.bills[0]
    owed = bill.balance
    tendered = Money.of(str(int(owed.amount) + 20), owed.currency)

    receipt = pay_in_cash(qtbot, desk_context, card, window, f"{tendered.amount}")
    apply_accepted(qtbot, receipt)

    sale = documents(demo_database)[-1]
    text = fiscal_printer.engine.text()
    lines = [line.rstrip() for line in text.splitlines()]
    assert "КАСОВ БОН" in text and "COPY" not in text and "КОПИЕ" not in text
    with demo_database.unit_of_work() as session:
        names = load_reservation_card(session, card.folio.folio.id, "bg").names
    for line in bill.postings:
        if line.is_active:
            assert names.posting(line.posting) in text  # the bill's lines, in the register's language
    assert any(line.startswith("Документ") and line.endswith(f"{sale.number:07d}") for line in lines)
    assert sale.sign[:32] in lines and sale.sign[32:] in lines
    assert any(line.startswith("В брой") for line in lines)  # the method, named in Bulgarian
    change = tendered - owed
    assert any(line.strip().startswith("Ресто") and line.endswith(f"{change.amount} {owed.currency}".replace(".", ","))
               for line in lines)

    # Refund part of it, with the refund receipt.
    with demo_database.unit_of_work() as session:
        card = load_reservation_card(session, card.folio.folio.id)
    payment = card.folio.bill(bill.bill.id).payments[-1]
    fiscal_printer.engine.reset_output()
    refund = opened(qtbot, MakeRefundDialog(desk_context, card, payment.payment.id, window))
    retype(qtbot, child(refund, QLineEdit, "amountEdit"), "5")
    username, password = demo_credentials(Role.MANAGER)  # a clerk's refund is signed by a manager
    retype(qtbot, child(refund, QLineEdit, "usernameEdit"), username)
    retype(qtbot, child(refund, QLineEdit, "passwordEdit"), password)
    apply_accepted(qtbot, refund)
    receipt = receipt_window(qtbot, window)
    assert "Refund receipt" in child(receipt, QLabel, "receiptKindLabel").text()
    apply_accepted(qtbot, receipt)
    refund_doc = documents(demo_database)[-1]
    text = fiscal_printer.engine.text()
    assert "СТОРНО БОН" in text and f"{sale.number:07d}" in text and f"{refund_doc.number:07d}" in text

    # The Bills and payments tab: each payment's receipt number, and nothing offered to print again.
    with demo_database.unit_of_work() as session:
        card = load_reservation_card(session, card.folio.folio.id)
    model = PaymentsModel()
    model.set_receipts(card.receipts)
    model.set_view(card.folio, bill.bill.id)
    shown = {model.id_at(row): model.data(model.index(row, PaymentsModel.RECEIPT)) for row in range(model.rowCount())}
    refund_id = card.folio.payment(payment.payment.id).refunds[-1].id
    assert shown[payment.payment.id] == f"{sale.number:07d}"
    assert shown[refund_id] == f"{refund_doc.number:07d}"
    assert not card.receipts[payment.payment.id].may_print and not card.receipts[refund_id].may_print
    with demo_database.unit_of_work() as session:
        assert chain.verify(session, sale.register_code).intact


def test_paper_out_mid_receipt_then_retry_prints_one_copy_and_no_second_document(
    qtbot, desk_context, demo_database, window, fiscal_printer
):
    card = find_card(demo_database, unpaid)
    receipt = pay_in_cash(qtbot, desk_context, card, window, "1000")
    before = len(documents(demo_database))
    fiscal_printer.engine.fail("paper_out", after=300)  # a few lines into the receipt

    click(qtbot, receipt, "applyButton")
    qtbot.waitUntil(lambda: receipt.form_error.isVisible(), timeout=30_000)
    assert delivery.wait_all(30_000)
    assert "out of paper" in receipt.form_error.text()
    assert child(receipt, QPushButton, "applyButton").text().replace("&", "") == "Retry"
    issued = documents(demo_database)
    assert len(issued) == before + 1 + (before == 0)  # the sale (and the shift it opened, if first)
    sale = issued[-1]
    with demo_database.unit_of_work() as session:
        card_now = load_reservation_card(session, card.folio.folio.id)
    mark = card_now.receipts[sale.payment_id]
    assert mark.state is ReceiptState.WAITING and mark.may_print and mark.number == sale.number

    fiscal_printer.engine.recover()  # paper loaded
    fiscal_printer.engine.reset_output()
    apply_accepted(qtbot, receipt)  # Retry

    text = fiscal_printer.engine.text()
    assert text.count("КОПИЕ") == 1 and "COPY" not in text and f"{sale.number:07d}" in text
    assert len(fiscal_printer.engine.receipts()) == 1
    assert len(documents(demo_database)) == len(issued)  # no second fiscal document
    with demo_database.unit_of_work() as session:
        assert chain.verify(session, sale.register_code).intact
        card_now = load_reservation_card(session, card.folio.folio.id)
    assert card_now.receipts[sale.payment_id].state is ReceiptState.PRINTED


def test_voiding_a_receipted_payment_offers_its_refund_receipt_on_the_same_register(
    qtbot, desk_context, demo_database, window, fiscal_printer
):
    card = find_card(demo_database, unpaid)
    receipt = pay_in_cash(qtbot, desk_context, card, window, "1000")
    apply_accepted(qtbot, receipt)
    sale = documents(demo_database)[-1]
    with demo_database.unit_of_work() as session:
        card = load_reservation_card(session, card.folio.folio.id)
    fiscal_printer.engine.reset_output()

    void = opened(qtbot, VoidDialog(desk_context, card, payment_id=sale.payment_id, parent=window))
    retype(qtbot, child(void, QLineEdit, "reasonEdit"), "wrong bill")
    username, password = demo_credentials(Role.MANAGER)
    retype(qtbot, child(void, QLineEdit, "usernameEdit"), username)
    retype(qtbot, child(void, QLineEdit, "passwordEdit"), password)
    apply_accepted(qtbot, void)

    refund = receipt_window(qtbot, window)
    assert "Refund receipt" in child(refund, QLabel, "receiptKindLabel").text()
    assert refund.register_combo.currentData() == sale.register_code
    apply_accepted(qtbot, refund)
    refund_doc = documents(demo_database)[-1]
    assert refund_doc.kind == "refund" and refund_doc.refers_to == sale.number
    assert "СТОРНО БОН" in fiscal_printer.engine.text()


# --- Shift → Check receipts: what a crash or a lost answer left open, settled with the register ----


def cash_payment(ctx, database, amount: str = "10.00") -> int:
    """A cash payment on an unpaid bill, taken at the context's workstation (its drawer is open)."""
    from desk.ledger.payments import Tender, take_payment

    card = find_card(database, unpaid)
    return ctx.runner.run(take_payment, ctx.actor, card.folio.bills[0].bill.id,
                          Tender("cash", Money.of(amount, "EUR"))).value.id


def receipt_left_open(ctx, payment_id: int, *, register_issued: bool) -> int:
    """The desk wrote the receipt's intent and asked the register, then died before hearing the answer.

    With ``register_issued`` the register had issued (and printed) the document under the intent's
    key; without it the request never reached the register. The intent's id."""
    import threading
    import uuid

    from desk.fiscal.content import build_receipt
    from desk.fiscal.workflow import KIND, REGISTERS
    from desk.journal.intents import IntentRequest, mark_sent, record_intent

    runner, actor = ctx.runner, ctx.actor
    receipt = runner.read(build_receipt, payment_id, None, "FP-1")
    request = IntentRequest(kind=KIND, device="FP-1", amount=Money.of(receipt.total, receipt.currency),
                            payment_id=payment_id, key=uuid.uuid4().hex,
                            request={"payment_id": payment_id, "receipt": receipt.kind.value, "register": "FP-1"})
    intent = runner.run(record_intent, actor, request).value
    runner.run(mark_sent, actor, intent.id)
    if register_issued:
        REGISTERS.register(runner, actor, "FP-1").sale(intent.key, receipt, threading.Event())
    return intent.id


def open_intents(database, workstation: str) -> list[int]:
    from desk.journal.intents import unresolved

    with database.unit_of_work() as session:
        return [intent.id for intent in unresolved(session, workstation)]


def check_receipts_window(qtbot, window):
    """The Check receipts window over ``window`` once it shows a check (again: it shows the new one)."""
    from ui.receipts_check import ReceiptsCheckDialog

    def shown():
        return next((d for d in window.findChildren(ReceiptsCheckDialog, "receiptsCheckDialog") if d.isVisible()),
                    None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=30_000)
    dialog = shown()
    assert dialog is not None
    return dialog


def waiting_numbers(dialog) -> list[str]:
    model = dialog.model
    return [f"{model.index(r, 2).data()}/{model.index(r, 1).data()}" for r in range(model.rowCount())]


def test_shift_check_receipts_settles_the_open_ones_once_and_lists_what_waits_for_a_reprint(
    qtbot, desk_context, demo_database, fiscal_printer
):
    from desk.fiscal.workflow import print_receipt
    from ui.main_window import MainWindow

    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.show()
    workstation = desk_context.actor.workstation
    cashier = desk_context.actor  # the clerk's desk: the demo has the drawer open on it

    # Nothing open: the clerk is told so.
    window.check_receipts_action.trigger()
    dialog = check_receipts_window(qtbot, window)
    assert dialog.summary_label.text() == "Every receipt is settled with the register."
    assert waiting_numbers(dialog) == [] and dialog.waiting_heading.text() == "Nothing waits to be printed again."
    dialog.close()

    issued = receipt_left_open(desk_context, cash_payment(desk_context, demo_database), register_issued=True)
    never_sent = receipt_left_open(desk_context, cash_payment(desk_context, demo_database), register_issued=False)
    fiscal_printer.engine.fail("paper_out", after=300)
    cut = print_receipt(desk_context.runner, cashier, cash_payment(desk_context, demo_database), "FP-1")
    assert cut.document is not None and not cut.printed
    fiscal_printer.engine.recover()
    assert set(open_intents(demo_database, workstation)) >= {issued, never_sent}
    before = [d.id for d in documents(demo_database)]

    window.check_receipts_action.trigger()
    dialog = check_receipts_window(qtbot, window)
    text = dialog.summary_label.text()
    assert "Receipts confirmed by the register: 1." in text
    assert "Receipts the register never issued: 1." in text
    assert dialog.waiting_heading.text() == "Waiting to be printed again: 1"
    assert waiting_numbers(dialog) == [f"FP-1/{cut.document.number:07d}"]
    assert open_intents(demo_database, workstation) == []
    assert [d.id for d in documents(demo_database)] == before  # asking the register issues nothing
    dialog.close()

    # Checked again: nothing is settled twice; the cut receipt still waits for its reprint.
    window.check_receipts_action.trigger()
    dialog = check_receipts_window(qtbot, window)
    assert "confirmed" not in dialog.summary_label.text() and "never issued" not in dialog.summary_label.text()
    assert waiting_numbers(dialog) == [f"FP-1/{cut.document.number:07d}"]
    dialog.close()
    window.close()
