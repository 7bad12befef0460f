"""Void (R19): a manager undoes a mistaken service or payment; it stays visible, struck out."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from sqlalchemy.orm import Session

from desk.auth import Actor, authorise
from desk.card import CardData
from desk.errors import InvalidInput
from desk.models import Payment, PaymentKind, Posting, PostingKind
from desk.payments import is_linked_company_transfer, reverse_company_transfer, void_payment
from desk.postings import void_posting
from ui.context import DeskContext
from ui.dialogs.common import (
    DeskDialog,
    add_credentials,
    add_row,
    heading_label,
    hint_label,
    money_text,
    new_form,
    quantity_text,
    read_credentials,
)
from ui.i18n import format_date, format_datetime
from ui.ops import Op


def void_with_authorisation(
    session: Session,
    actor: Actor,
    *,
    username: str,
    password: str,
    reason: str,
    posting_id: int | None = None,
    payment_id: int | None = None,
) -> Posting | Payment:
    """Authorise the manager, then void, in one transaction: wrong credentials write nothing."""
    if (posting_id is None) == (payment_id is None):
        raise ValueError("void exactly one service or one payment")
    if not reason.strip():
        raise InvalidInput("Say why it is voided", field="reason")
    manager = authorise(session, username, password)
    if posting_id is not None:
        return void_posting(session, actor, posting_id, reason=reason, manager=manager)
    assert payment_id is not None
    if is_linked_company_transfer(session, payment_id):
        return reverse_company_transfer(session, actor, payment_id, reason=reason, manager=manager)
    return void_payment(session, actor, payment_id, reason=reason, manager=manager)


class VoidDialog(DeskDialog):
    """What is voided, why (required), and the authorising manager's user name and password."""

    def __init__(
        self,
        ctx: DeskContext,
        card: CardData,
        *,
        posting_id: int | None = None,
        payment_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if (posting_id is None) == (payment_id is None):
            raise ValueError("VoidDialog voids exactly one service or one payment")
        super().__init__(ctx, parent, title=self.tr("Void"), apply_text=self.tr("&Void"))
        self.setObjectName("voidDialog")
        self.card = card
        self.posting_id = posting_id
        self.payment_id = payment_id

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
        self._fact(form, self.tr("Service:"), posting.description, "subjectLabel")
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
        self._fact(form, self.tr("Source:"), posting.source_label, "sourceLabel")
        if posting.kind is not PostingKind.CHARGE:
            return self.tr("This line is itself a cancellation and cannot be voided.")
        if line.reversed_by is not None:
            return self.tr("This service is already cancelled.")
        return ""

    def _describe_payment(self, form: Any, payment_id: int) -> str:
        line = self.card.folio.payment(payment_id)
        payment = line.payment
        self.content.addWidget(heading_label(self.tr("Void a payment"), "voidHeading"))
        self._fact(form, self.tr("Method:"), payment.method.name, "subjectLabel")
        self._fact(form, self.tr("Amount:"), money_text(payment.amount), "amountLabel")
        self._fact(form, self.tr("Date, payer:"), f"{format_date(payment.paid_on)} · {payment.payer_name}", "dateLabel")
        where = (
            self.card.folio.bill(payment.bill_id).bill.number if payment.bill_id is not None else self.tr("Deposit")
        )
        self._fact(form, self.tr("Bill:"), where, "billLabel")
        if payment.text:
            self._fact(form, self.tr("Text:"), payment.text, "textLabel")
        if payment.company_posting_id is not None:
            self.findChild(QLabel, "voidHeading").setText(self.tr("Reverse a transfer to a company account"))
            self.content.addWidget(hint_label(
                self.tr("The charge on the account of {company} is reversed with it: the bill owes {amount} "
                        "again, and the company no longer does.").format(
                    company=payment.payer_name, amount=money_text(payment.base_amount)),
                "transferNoteLabel"))
        if payment.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT, PaymentKind.REFUND):
            return self.tr("Only a payment, a deposit or a refund can be voided.")
        if line.voided_by is not None:
            return self.tr("This payment is already voided.")
        if line.refunds:
            return self.tr("This payment has refunds: void them first.")
        return ""

    def submit(self) -> Op[Any] | None:
        reason = self.reason_edit.text().strip()
        if not reason:
            self.refuse("reason", self.tr("Say why it is voided."))
        username, password = read_credentials(self, self.username_edit, self.password_edit)
        if self.refused:
            return None
        return self.change(
            void_with_authorisation,
            username=username,
            password=password,
            reason=reason,
            posting_id=self.posting_id,
            payment_id=self.payment_id,
        ).success(lambda _record: self.finish())

    def show_failure(self, exc: BaseException) -> None:
        super().show_failure(exc)
        # A refused password is never left in the field to be retried blindly.
        self.password_edit.clear()
