"""The receipt window (R8): which cash register, and where the electronic receipt goes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desk.card import CardData, payment_of
from desk.errors import DeskError
from desk.models import Guest, Payment, PaymentKind
from desk.receipts import request_receipt as record_receipt_request
from desk.receipts import validate_contact
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import DeskDialog, fill_combo, heading_label, hint_label, money_text, new_form
from ui.i18n import format_date
from ui.ops import Op, show_error


def contact_guest(card: CardData, payment: Payment) -> Guest | None:
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
    """Ask for the fiscal receipt of a payment (sale) or a refund (return of income).

    The payment is loaded before the window shows (it may have been recorded a moment ago).
    Until the fiscal printer driver is connected the request is recorded, not printed, and the
    window says so.
    """

    def __init__(self, ctx: DeskContext, card: CardData, payment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Receipt"), apply_text=self.tr("&Print receipt"))
        self.setObjectName("receiptDialog")
        self.card = card
        self.payment_id = payment_id
        self.payment: Payment | None = None

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

        self.content.addWidget(
            hint_label(
                self.tr(
                    "The receipt request is recorded with the register and contacts chosen here. "
                    "Nothing is printed yet: receipts are printed once the fiscal printer driver is "
                    "connected (a later version)."
                ),
                "printerNoteLabel",
            )
        )

        for check, edit in ((self.email_check, self.email_edit), (self.phone_check, self.phone_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda on, e=edit: e.setFocus() if on else None)
            edit.setEnabled(False)
        self.email_check.toggled.connect(lambda _on: self.error_label("email").clear_message())
        self.phone_check.toggled.connect(lambda _on: self.error_label("phone").clear_message())

        if not card.registers:
            self.form_error.show_message(self.tr("No cash register is configured on this workstation."))
            self.apply_button.setEnabled(False)

    # fetch, then show

    def open(self) -> None:
        self.ctx.query(self, payment_of, self.payment_id).success(self._loaded).failure(self._not_loaded).run()

    def _not_loaded(self, exc: BaseException) -> None:
        show_error(self.parentWidget(), exc)
        self.discard()

    def _loaded(self, payment: Payment) -> None:
        self.payment = payment
        if payment.kind is PaymentKind.REFUND:
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
        if payment.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT, PaymentKind.REFUND):
            self.form_error.show_message(self.tr("Only payments and refunds get a fiscal receipt."))
            self.apply_button.setEnabled(False)
        elif not payment.method.fiscal:
            self.form_error.show_message(
                self.tr("{method} payments get no fiscal receipt.").format(
                    method=self.card.names.method(payment.method))
            )
            self.apply_button.setEnabled(False)
        super().open()
        self.register_combo.setFocus()

    # applying

    def submit(self) -> Op[Any] | None:
        register = self.register_combo.currentData()
        if register is None:
            self.refuse("register", self.tr("Choose the cash register."))
        email = self._contact("email", self.email_check, self.email_edit)
        phone = self._contact("phone", self.phone_check, self.phone_edit)
        if register is None or email is None or phone is None:
            return None
        return self.change(record_receipt_request, self.payment_id, register, email=email, phone=phone).success(
            lambda _request: self._recorded(bool(email))
        )

    def _recorded(self, emailed: bool) -> None:
        if emailed:  # the request put the e-receipt in the outbox; the mail worker sends it now
            self.ctx.mailer.wake()
        self.finish()

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
