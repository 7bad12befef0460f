"""Void (R19): a manager undoes a mistaken service or payment; it stays visible, struck out."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from desk.fiscal.interface import DocumentKind
from desk.ledger.models import Payment, Posting, PostingKind
from desk.ledger.payments import reverse_company_transfer, void_payment, void_refusal
from desk.ledger.postings import void_posting
from desk.people.auth import ManagerApproval
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
from ui.desk_text import error_text, payment_reference, posting_description
from ui.dialogs.common import (
    DeskDialog,
    add_credentials,
    add_row,
    heading_label,
    hint_label,
    new_form,
    read_credentials,
)
from ui.dialogs.details import source_text
from ui.dialogs.receipt import ReceiptDialog
from ui.i18n import format_date, format_datetime, money_text, quantity_text
from ui.ops.op import Op


class VoidDialog(DeskDialog):
    """What is voided, why (required), and the authorising manager's user name and password."""

    def __init__(
        self,
        ctx: DeskContext,
        card: ReservationCardData,
        *,
        posting_id: int | None = None,
        payment_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if (posting_id is None) == (payment_id is None):
            raise ValueError("VoidDialog voids exactly one service or one payment")
        super().__init__(ctx, parent, title=self.tr("Void"), apply_text=self.tr("&Void"))
        self.setObjectName("voidDialog")
        self.receipt_dialog: ReceiptDialog | None = None
        self.card = card
        self.posting_id = posting_id
        self.payment_id = payment_id
        # A linked transfer to a company's account is reversed (both halves), not voided.
        self.reverses_transfer = (
            payment_id is not None and card.folio.payment(payment_id).payment.company_posting_id is not None
        )
        self.on_terminal = payment_id is not None and card.folio.payment(payment_id).payment.card_record is not None
        self.refunded_outside_check: QCheckBox | None = None

        facts = new_form()
        if posting_id is not None:
            problem = self._describe_posting(facts, posting_id)
        else:
            assert payment_id is not None
            problem = self._describe_payment(facts, payment_id)
        self.content.addLayout(facts)
        self.content.addWidget(
            hint_label(
                self.tr(
                    "Nothing is deleted: the line stays on the card, struck out, with who asked, "
                    "who authorised, when and why."
                ),
                "voidNoteLabel",
            )
        )

        form = new_form()
        self.content.addLayout(form)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Required"))
        self.add_field(form, "reason", self.tr("&Reason:"), self.reason_edit)
        self.username_edit, self.password_edit = add_credentials(self, form)
        if problem:
            self.form_error.show_message(problem)
            self.apply_button.setEnabled(False)
        self.reason_edit.setFocus()

    def _fact(self, form: Any, caption: str, text: str, object_name: str) -> None:
        label = QLabel(text)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        add_row(form, caption, label)

    def _describe_posting(self, form: Any, posting_id: int) -> str:
        line = self.card.folio.posting(posting_id)
        posting = line.posting
        self.content.addWidget(heading_label(self.tr("Void a service"), "voidHeading"))
        self._fact(form, self.tr("Service:"), posting_description(posting, self.card.names), "subjectLabel")
        self._fact(form, self.tr("Ordered:"), format_datetime(posting.ordered_at), "dateLabel")
        self._fact(
            form,
            self.tr("Amount:"),
            self.tr("{quantity} × {price} = {amount}").format(
                quantity=quantity_text(posting.quantity),
                price=money_text(posting.unit_price),
                amount=money_text(posting.amount),
            ),
            "amountLabel",
        )
        self._fact(form, self.tr("Bill:"), self.card.folio.bill(line.bill_id).bill.number, "billLabel")
        self._fact(form, self.tr("Source:"), source_text(posting, self.card.names), "sourceLabel")
        if posting.kind is not PostingKind.CHARGE:
            return self.tr("This line is itself a cancellation and cannot be voided.")
        if line.reversed_by is not None:
            return self.tr("This service is already cancelled.")
        return ""

    def _describe_payment(self, form: Any, payment_id: int) -> str:
        line = self.card.folio.payment(payment_id)
        payment = line.payment
        self.content.addWidget(heading_label(self.tr("Void a payment"), "voidHeading"))
        self._fact(form, self.tr("Method:"), self.card.names.method(payment.method), "subjectLabel")
        self._fact(form, self.tr("Amount:"), money_text(payment.amount), "amountLabel")
        self._fact(form, self.tr("Date, payer:"), f"{format_date(payment.paid_on)} · {payment.payer_name}", "dateLabel")
        where = (
            self.card.folio.bill(payment.bill_id).bill.number if payment.bill_id is not None else self.tr("Deposit")
        )
        self._fact(form, self.tr("Bill:"), where, "billLabel")
        if payment.text:
            known = {other.payment.id: other.payment for other in self.card.folio.payments}
            self._fact(form, self.tr("Text:"), payment_reference(payment, known, self.card.names), "textLabel")
        if payment.company_posting_id is not None:
            heading = self.findChild(QLabel, "voidHeading")
            assert heading is not None, "the payment's heading is added above"
            heading.setText(self.tr("Reverse a transfer to a company account"))
            self.content.addWidget(hint_label(
                self.tr("The charge on the account of {company} is reversed with it: the bill owes {amount} "
                        "again, and the company no longer does.").format(
                    company=payment.payer_name, amount=money_text(payment.base_amount)),
                "transferNoteLabel"))
        record = payment.card_record
        if record is not None and "operator_id" in (record.details or {}):
            # Charged on a saved card through an operator: given back through it, as a terminal's on the terminal.
            self.content.addWidget(hint_label(
                self.tr("Money charged through the card operator {operator} is given back through it: use Refund "
                        "to the card, which asks the operator first and books the refund once it has done it. Void "
                        "it here only when the money was already given back outside the desk; say how in the "
                        "reason (the operator's reference).").format(operator=record.terminal),
                "terminalNoteLabel"))
        elif self.on_terminal:
            self.content.addWidget(hint_label(
                self.tr("Money taken on the card terminal is given back on the terminal: use Refund to the card. "
                        "Void it here only when the money was already given back outside the desk; say how in "
                        "the reason (the terminal's receipt number, the bank's reference)."),
                "terminalNoteLabel"))
        if self.on_terminal:
            self.refunded_outside_check = QCheckBox(self.tr("The money was given back &outside the desk"))
            self.refunded_outside_check.setObjectName("refundedOutsideCheck")
            self.content.addWidget(self.refunded_outside_check)
        # desk's rule, whatever the dialog shows: the one that also refuses it when Void is pressed.
        refusal = void_refusal(self.card.folio, line, refunded_outside=self.on_terminal)
        return error_text(refusal) if refusal is not None else ""

    def submit(self) -> Op[Any] | None:
        reason = self.reason_edit.text().strip()
        if not reason:
            self.refuse("reason", self.tr("Say why it is voided."))
        outside = self.refunded_outside_check is not None and self.refunded_outside_check.isChecked()
        if self.on_terminal and not outside:
            self.refuse("refunded_outside", self.tr(
                "Give it back with Refund to the card, or tick that the money was given back outside the desk."))
        username, password = read_credentials(self, self.username_edit, self.password_edit)
        if self.refused:
            return None
        # The credentials go into the use case, which checks them in the void's own transaction.
        approval = ManagerApproval(username, password)
        op: Op[Posting] | Op[Payment]
        if self.posting_id is not None:
            op = self.change(void_posting, self.posting_id, reason=reason, approval=approval)
        elif self.reverses_transfer:
            # Both halves of a transfer to a company's account are undone together, never one alone.
            op = self.change(reverse_company_transfer, self.payment_id, reason=reason, approval=approval)
        else:
            return self.change(void_payment, self.payment_id, reason=reason, approval=approval,
                               refunded_outside=outside).success(self._voided)
        return op.success(lambda _record: self.finish())

    def _voided(self, void: Payment) -> None:
        """A payment that had its sale receipt gets a refund receipt: the Receipt window, ready to print."""
        mark = self.card.receipts.get(self.payment_id) if self.payment_id is not None else None
        if mark is not None and mark.kind is DocumentKind.SALE and mark.number is not None:
            self.receipt_dialog = ReceiptDialog(self.ctx, self.card, void.id, self.parentWidget())
            if mark.register is not None:
                combo = self.receipt_dialog.register_combo
                combo.setCurrentIndex(max(0, combo.findData(mark.register)))
            self.receipt_dialog.open()
        self.finish()

    def show_failure(self, exc: BaseException) -> None:
        super().show_failure(exc)
        # A refused password is never left in the field to be retried blindly.
        self.password_edit.clear()
