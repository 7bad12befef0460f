"""The receipt window (R8, R9): print the fiscal receipt on a register, and send the electronic one.

The register is asked on a device thread (:func:`desk.fiscal.workflow.print_receipt`),
under a progress dialog with Cancel. What the printer says is shown here with **Retry**: a retry
never issues a second document, it prints the one issued again (as a COPY once any of it reached
paper). The contacts are recorded (and the e-mail queued) once, when the document exists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desk.core.errors import DeskError
from desk.core.money import Money
from desk.fiscal.content import ReceiptOffer, receipt_offer
from desk.fiscal.receipts import request_receipt as record_receipt_request
from desk.fiscal.receipts import validate_contact
from desk.fiscal.workflow import ReceiptOutcome, print_receipt
from desk.ledger.models import Payment, PaymentKind
from desk.stays.models import Guest
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext, device_pool
from ui.desk_text import ERROR_CONTEXT, error_text, translate_message
from ui.dialogs.common import DeskDialog, fill_combo, heading_label, hint_label, new_form
from ui.i18n import format_date, money_text
from ui.ops.feedback import show_error
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState


def progress_text(text: str) -> str:
    """The workflow's progress words in the clerk's language (called on the worker: translate is reentrant)."""
    texts = {
        "Printing the receipt": QCoreApplication.translate("ReceiptDialog", "Printing the receipt…"),
        "Printing the receipt again": QCoreApplication.translate("ReceiptDialog", "Printing the receipt again…"),
    }
    return texts.get(text, QCoreApplication.translate("ReceiptDialog", "Printing the receipt…"))


def contact_guest(card: ReservationCardData, payment: Payment) -> Guest | None:
    """Whose e-mail and phone to offer: the bill's paying guest, else the first guest of the stay."""
    reservation = card.folio.folio.reservation
    if reservation is None:
        return None
    guests = reservation.guests
    payer_id = None
    if payment.bill_id is not None:
        for view in card.folio.bills:
            if view.bill.id == payment.bill_id:
                payer_id = view.bill.payer_guest_id
    for guest in guests:
        if guest.id == payer_id:
            return guest
    return guests[0] if guests else None


class ReceiptDialog(DeskDialog):
    """Print the fiscal receipt of a payment (sale), or of a refund or a receipted payment's void (refund).

    The payment is loaded before the window shows (it may have been recorded a moment ago).
    ``tendered``: what the guest handed over in cash, for the receipt's change line.
    """

    def __init__(self, ctx: DeskContext, card: ReservationCardData, payment_id: int, parent: QWidget | None = None, *,
                 tendered: Money | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Receipt"), apply_text=self.tr("&Print receipt"))
        self.setObjectName("receiptDialog")
        self.card = card
        self.payment_id = payment_id
        self.tendered = tendered
        self.payment: Payment | None = None
        self.outcome: ReceiptOutcome | None = None
        # The contacts are recorded (and the e-mail queued) once, whatever the retries.
        self.contacts_recorded = False
        self.print_op: Op[ReceiptOutcome] | None = None

        self.kind_label = heading_label("", "receiptKindLabel")
        self.content.addWidget(self.kind_label)
        self.payment_label = QLabel()
        self.payment_label.setObjectName("paymentLabel")
        self.payment_label.setWordWrap(True)
        self.content.addWidget(self.payment_label)

        form = new_form()
        self.content.addLayout(form)
        self.register_combo = QComboBox()
        self.register_combo.setObjectName("registerCombo")
        fill_combo(self.register_combo, [(f"{card.names.register(r)} ({r.code})", r.code) for r in card.registers])
        self.add_field(form, "register", self.tr("Cash &register:"), self.register_combo)

        form.addRow(QLabel(self.tr("Send the electronic receipt to:")))
        self.email_check = QCheckBox(self.tr("&E-mail"))
        self.email_check.setObjectName("emailCheck")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText("name@example.com")
        self.add_field(form, "email", self.email_check, self.email_edit)
        self.phone_check = QCheckBox(self.tr("P&hone"))
        self.phone_check.setObjectName("phoneCheck")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setPlaceholderText("+359 88 123 4567")
        self.add_field(form, "phone", self.phone_check, self.phone_edit)

        self.status_label = hint_label("", "receiptStatusLabel")
        self.status_label.hide()
        self.content.addWidget(self.status_label)

        for check, edit in ((self.email_check, self.email_edit), (self.phone_check, self.phone_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda on, e=edit: e.setFocus() if on else None)
            edit.setEnabled(False)
        self.email_check.toggled.connect(lambda _on: self.error_label("email").clear_message())
        self.phone_check.toggled.connect(lambda _on: self.error_label("phone").clear_message())


    # fetch, then show

    def open(self) -> None:
        self.ctx.query(self, receipt_offer, self.payment_id, has_register=bool(self.card.registers)) \
            .success(self._loaded).failure(self._not_loaded).run()

    def _not_loaded(self, exc: BaseException) -> None:
        show_error(self.parentWidget(), exc)
        self.discard()

    def _loaded(self, offer: ReceiptOffer) -> None:
        payment = self.payment = offer.payment
        if payment.kind in (PaymentKind.REFUND, PaymentKind.VOID):
            self.kind_label.setText(self.tr("Refund receipt (return of income)"))
        else:
            self.kind_label.setText(self.tr("Sale receipt (receipt of income)"))
        self.payment_label.setText(
            self.tr("{method} · {amount} · {date} · {payer}").format(
                method=self.card.names.method(payment.method),
                amount=money_text(abs(payment.amount)),
                date=format_date(payment.paid_on),
                payer=payment.payer_name,
            )
        )
        guest = contact_guest(self.card, payment)
        if guest is not None:
            self.email_edit.setText(guest.email)
            self.phone_edit.setText(guest.phone)
        if offer.refusal is not None:
            # Nothing is printed or sent: the heading does not promise a receipt, nor the fields ask for one.
            self.kind_label.setText(self.tr("No fiscal receipt"))
            for field in (self.register_combo, self.email_check, self.phone_check):
                field.setEnabled(False)
            self.form_error.show_message(self._refusal_text(offer.refusal, payment))
            self.apply_button.setEnabled(False)
        super().open()
        self.register_combo.setFocus()

    def _refusal_text(self, refusal: DeskError, payment: Payment) -> str:
        """The refusal in the clerk's language, naming the method as the clerk's screens do (the
        refusal carries the catalogue's own name)."""
        params = dict(refusal.params)
        if "method" in params:
            params["method"] = self.card.names.method(payment.method)
        return translate_message(ERROR_CONTEXT, refusal.template, params)

    # applying

    def submit(self) -> Op[Any] | None:
        register = self.register_combo.currentData()
        if register is None:
            self.refuse("register", self.tr("Choose the cash register."))
        email = self._contact("email", self.email_check, self.email_edit)
        phone = self._contact("phone", self.phone_check, self.phone_edit)
        if register is None or email is None or phone is None:
            return None
        self.register_combo.setEnabled(False)  # a retry prints on the register the document is on
        return self._print(register, email, phone)

    def _print(self, register: str, email: str, phone: str) -> Op[ReceiptOutcome]:
        # Plain values only: the function runs on a device thread.
        runner, actor, payment_id, tendered = self.ctx.runner, self.ctx.actor, self.payment_id, self.tendered

        def work(state: TaskState) -> ReceiptOutcome:
            # The contacts go with the receipt: a registered register sends the e-receipt to them itself.
            return print_receipt(runner, actor, payment_id, register, tendered=tendered,
                                 progress=lambda text: state.report(None, progress_text(text)),
                                 cancel=state.cancel_event, email=email, phone=phone)

        self.status_label.hide()
        self.print_op = (
            Op(self, work, pool=device_pool())
            .busy(self.apply_button)
            .with_progress_dialog(self.tr("Receipt"))
            .success(lambda outcome: self._printed(outcome, register, email, phone))
            .failure(self._not_printed)
        )
        return self.print_op

    def _printed(self, outcome: ReceiptOutcome, register: str, email: str, phone: str) -> None:
        self.outcome = outcome
        if self.payment is not None:  # the card shows the receipt's number (or its mark) now
            self.ctx.folios_changed.emit(frozenset({self.payment.folio_id}))
        if outcome.document is not None:
            number = f"{outcome.document.number:07d}"
            if outcome.problem is None:
                text = self.tr("Receipt {number} printed.").format(number=number)
            else:
                text = self.tr("Receipt {number} is issued and waits to be printed again.").format(number=number)
            self.status_label.setText(text)
            self.status_label.show()
        if outcome.problem is not None:
            self._offer_retry(error_text(outcome.problem))
            if outcome.document is not None:
                self._record_contacts(register, email, phone, close=False)
            return
        if outcome.document is not None:
            self._record_contacts(register, email, phone, close=True)
        else:
            self.finish()

    def _not_printed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._offer_retry(self.tr("Printing was cancelled. Press Retry to print the receipt."))
        elif isinstance(exc, DeskError):
            self._offer_retry(error_text(exc))
        else:
            self.apply_button.setText(self.tr("&Retry"))
            show_error(self, exc)

    def _offer_retry(self, message: str) -> None:
        self.form_error.show_message(message)
        self.apply_button.setText(self.tr("&Retry"))
        self.apply_button.setFocus()

    def _record_contacts(self, register: str, email: str, phone: str, *, close: bool) -> None:
        if self.contacts_recorded:
            if close:
                self.finish()
            return
        self.contacts_recorded = True

        def recorded(_request: object) -> None:
            if email:  # the request put the e-receipt in the outbox; the mail worker sends it now
                self.ctx.mailer.wake()
            if close:
                self.finish()

        def refused(exc: BaseException) -> None:
            self.contacts_recorded = False
            self.show_failure(exc)

        self.ctx.change(self, record_receipt_request, self.payment_id, register, email=email, phone=phone) \
            .busy(self.apply_button).success(recorded).failure(refused).run()

    def _contact(self, field: str, check: QCheckBox, edit: QLineEdit) -> str | None:
        """The checked contact, validated; "" when unchecked; None when refused."""
        if not check.isChecked():
            return ""
        text = edit.text().strip()
        if not text:
            if field == "email":
                self.refuse(field, self.tr("Enter the e-mail address, or untick E-mail."))
            else:
                self.refuse(field, self.tr("Enter the phone number, or untick Phone."))
            return None
        try:
            email, phone = validate_contact(text, "") if field == "email" else validate_contact("", text)
        except DeskError as exc:
            self.refuse(field, error_text(exc))
            return None
        return email if field == "email" else phone
