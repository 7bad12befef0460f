"""Make refund (R9): give a payment back to the payer, or put it on the guest's deposit."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.money import Money, total
from desk.hotel.models import MethodKind, PaymentMethod
from desk.ledger.models import Payment, PaymentKind
from desk.ledger.payments import TENDER_KINDS, RefundDirection, refund_payment
from desk.people.rights import Right
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
from ui.devices import kick_for_payment
from ui.dialogs.common import (
    DeskDialog,
    FieldProblem,
    add_row,
    amount_for_edit,
    fill_combo,
    form_row,
    heading_label,
    in_currency,
    method_choices,
    new_form,
    read_amount,
)
from ui.dialogs.payment import offers_receipt
from ui.dialogs.receipt import ReceiptDialog
from ui.i18n import format_date, money_text
from ui.ops.op import Op


class MakeRefundDialog(DeskDialog):
    """Refund part or all of one payment: direction, method, amount (at most what is refundable), reason."""

    def __init__(
        self, ctx: DeskContext, card: ReservationCardData, payment_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Make refund"), apply_text=self.tr("&Apply"))
        self.setObjectName("makeRefundDialog")
        self.card = card
        self.payment_id = payment_id
        self.line = card.folio.payment(payment_id)
        self.payment = self.line.payment
        self.receipt_dialog: ReceiptDialog | None = None
        self.field_aliases = {"currency": "amount", "method": "refundMethod"}
        self.maximum = self._maximum()
        # One key for every Apply of this dialog, as Make payment: a retry after a lost reply finds the refund made.
        self.idempotency_key = uuid.uuid4().hex

        self.content.addWidget(heading_label(self.tr("Refund of a payment"), "refundHeading"))
        self._build_facts()

        form = self.form = new_form()
        self.content.addLayout(form)
        self._build_direction_row()
        self._build_method_row()
        self._build_amount_row()
        self._build_reason_rows()

        self.direction_group.buttonToggled.connect(self._direction_changed)
        self.method_combo.currentIndexChanged.connect(self._direction_changed)
        self.amount_edit.textChanged.connect(self._update_converted)
        self._direction_changed()
        self._update_converted()

        problem = self._why_not_refundable()
        if problem:
            self.form_error.show_message(problem)
            self.apply_button.setEnabled(False)
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def _build_facts(self) -> None:
        """The payment refunded: method, amount, date and payer, what was refunded, what still can be."""
        payment = self.payment
        facts = new_form()
        self.content.addLayout(facts)
        add_row(facts, self.tr("Method:"), self._fact(self.card.names.method(payment.method), "originalMethodLabel"))
        paid = money_text(payment.amount)
        if payment.amount.currency != self.card.currency:
            paid = self.tr("{amount} ({base} on the bill)").format(amount=paid, base=money_text(payment.base_amount))
        add_row(facts, self.tr("Paid:"), self._fact(paid, "paidLabel"))
        add_row(
            facts,
            self.tr("Date, payer:"),
            self._fact(f"{format_date(payment.paid_on)} · {payment.payer_name}", "paidOnLabel"),
        )
        if self.line.refunds:
            refunded = total((-r.amount for r in self.line.refunds), payment.amount.currency)
            add_row(facts, self.tr("Already refunded:"), self._fact(money_text(refunded), "refundedLabel"))
        add_row(facts, self.tr("Refundable:"), self._fact(money_text(self.maximum), "refundableLabel"))

    def _build_direction_row(self) -> None:
        """Back to the payer, or into the deposit (not for a deposit itself)."""
        directions = QWidget()
        column = QVBoxLayout(directions)
        column.setContentsMargins(0, 0, 0, 0)
        self.direction_payer = QRadioButton(self.tr("Back to the &payer (in cash or to the card)"))
        self.direction_payer.setObjectName("directionPayer")
        self.direction_deposit = QRadioButton(self.tr("Into the guest's &deposit (kept for later bills)"))
        self.direction_deposit.setObjectName("directionDeposit")
        self.direction_group = QButtonGroup(self)
        for button in (self.direction_payer, self.direction_deposit):
            self.direction_group.addButton(button)
            column.addWidget(button)
        self.direction_payer.setChecked(True)
        if self.payment.bill_id is None:
            self.direction_deposit.setEnabled(False)
            self.direction_deposit.setToolTip(self.tr("A deposit is refunded to the payer."))
        self.add_field(self.form, "direction", self.tr("Refund direction:"), directions, focus=self.direction_payer)

    def _build_method_row(self) -> None:
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("methodCombo")
        self._methods = {method.code: method for method in self._refund_methods()}
        fill_combo(self.method_combo, method_choices(list(self._methods.values()), self.card.names))
        self.add_field(self.form, "refundMethod", self.tr("Refund &method:"), self.method_combo)

    def _build_amount_row(self) -> None:
        """The amount in the payment's currency, offered as what the guest is owed, and its value on the bill."""
        offered = self._offered()
        self.amount_edit = QLineEdit(amount_for_edit(offered) if offered.is_positive else "")
        self.amount_edit.setObjectName("amountEdit")
        amount_row = QWidget()
        row = QHBoxLayout(amount_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount_edit, 1)
        currency_label = QLabel(self.payment.amount.currency)
        currency_label.setObjectName("currencyLabel")
        row.addWidget(currency_label)
        self.add_field(self.form, "amount", self.tr("Am&ount:"), amount_row, focus=self.amount_edit)
        self.converted_label = QLabel()
        self.converted_label.setObjectName("convertedLabel")
        self.converted_label.setWordWrap(True)
        add_row(self.form, None, self.converted_label)

    def _build_reason_rows(self) -> None:
        """Reason, a manager's approval (shown to a clerk without the refund right) and Print receipt."""
        form = self.form
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why the money is given back"))
        self.add_field(form, "reason", self.tr("R&eason:"), self.reason_edit)
        # A clerk gives money back only with a manager's approval, typed here.
        self.add_approval(form, shown=self.lacks(Right.REFUND))

        self.print_receipt_check = QCheckBox(self.tr("P&rint receipt (return of income)"))
        self.print_receipt_check.setObjectName("printReceiptCheck")
        self.print_receipt_check.setChecked(True)
        add_row(form, None, self.print_receipt_check)

    def _fact(self, text: str, object_name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        return label

    def _maximum(self) -> Money:
        refundable = self.line.refundable
        # A deposit can only give back what the deposit account still holds.
        if self.payment.bill_id is None and refundable.currency == self.card.currency:
            return max(Money.zero(refundable.currency), min(refundable, self.card.folio.deposit_balance))
        return refundable

    def _offered(self) -> Money:
        """What the bill holds beyond its charges (what a guest is usually owed back), else it all."""
        if self.payment.bill_id is None:
            return self.maximum
        bill = self.card.folio.bill(self.payment.bill_id)
        if not bill.balance.is_negative:
            return self.maximum
        overpaid = in_currency(-bill.balance, self.payment.rate, self.payment.amount.currency)
        return min(overpaid, self.maximum)

    def _why_not_refundable(self) -> str:
        if self.payment.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT):
            return self.tr("Only a payment or a deposit can be refunded.")
        if self.line.is_company_transfer:
            return self.tr("This bill was moved to a company's account: reverse the transfer (Void) instead.")
        if self.line.voided_by is not None:
            return self.tr("This payment is voided: there is nothing to refund.")
        if not self.maximum.is_positive:
            return self.tr("This payment has been refunded in full.")
        return ""

    def _refund_methods(self) -> list[PaymentMethod]:
        """The payment's own method (back to the card it came from), then cash."""
        methods = []
        if self.payment.method.kind in TENDER_KINDS:
            methods.append(self.payment.method)
        methods += [m for m in self.card.methods if m.kind is MethodKind.CASH and m.code != self.payment.method_code]
        return methods

    @property
    def direction(self) -> RefundDirection:
        return RefundDirection.DEPOSIT if self.direction_deposit.isChecked() else RefundDirection.PAYER

    @property
    def method(self) -> PaymentMethod | None:
        return self._methods.get(self.method_combo.currentData())

    def _offers_receipt(self) -> bool:
        # Onto the deposit no money leaves the desk; otherwise desk's rule decides.
        return self.direction is RefundDirection.PAYER and offers_receipt(self.card, self.method, PaymentKind.REFUND)

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        row = form_row(self.form, widget)
        if row >= 0:
            self.form.setRowVisible(row, visible)

    def _direction_changed(self, *_args: object) -> None:
        to_payer = self.direction is RefundDirection.PAYER
        self.set_field_visible("refundMethod", to_payer)
        self._set_row_visible(self.print_receipt_check, self._offers_receipt())

    def _update_converted(self) -> None:
        currency = self.payment.amount.currency
        if currency == self.card.currency:
            self.converted_label.hide()
            return
        try:
            amount = read_amount(self.amount_edit.text(), currency)
        except FieldProblem:
            self.converted_label.hide()
            return
        self.converted_label.setText(
            self.tr("= {amount} on the bill").format(
                amount=money_text(amount.convert(self.payment.rate, self.card.currency))
            )
        )
        self.converted_label.show()

    # applying

    def submit(self) -> Op[Any] | None:
        currency = self.payment.amount.currency
        amount = self.read(
            "amount",
            read_amount,
            self.amount_edit.text(),
            currency,
            maximum=self.maximum,
            too_much=self.tr("At most {amount} can be refunded.").format(amount=money_text(self.maximum)),
        )
        direction = self.direction
        method = self.method
        if direction is RefundDirection.PAYER and method is None:
            self.refuse("refundMethod", self.tr("Choose how the money is given back."))
        approval = self.read_approval()
        if amount is None or (direction is RefundDirection.PAYER and method is None) or self.refused:
            return None
        print_receipt = self.print_receipt_check.isChecked() and self._offers_receipt()
        return self.change(
            refund_payment,
            self.payment_id,
            amount,
            direction=direction,
            method_code=method.code if direction is RefundDirection.PAYER and method is not None else None,
            reason=self.reason_edit.text(),
            approval=approval,
            idempotency_key=self.idempotency_key,
        ).success(lambda refund: self._refunded(refund, print_receipt))

    def _refunded(self, refund: Payment, print_receipt: bool) -> None:
        kick_for_payment(self.ctx, self.parentWidget(), refund.id)
        if print_receipt:
            self.receipt_dialog = ReceiptDialog(self.ctx, self.card, refund.id, self.parentWidget())
            self.receipt_dialog.open()
        self.finish()
