"""Deposit: take an advance onto the folio's deposit account, or pay a bill from it."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from desk.core.money import Money
from desk.hotel.models import PaymentMethod
from desk.ledger.models import Payment, PaymentKind
from desk.ledger.payments import Tender, apply_deposit, take_deposit
from desk.stays.reservation_card import ReservationCardData
from ui.context import DeskContext
from ui.devices import kick_for_payment
from ui.dialogs.common import (
    DeskDialog,
    FieldProblem,
    add_amount_in_currency,
    add_row,
    amount_for_edit,
    bill_choice_label,
    fill_combo,
    form_row,
    heading_label,
    hint_label,
    method_choices,
    new_form,
    read_amount,
)
from ui.dialogs.payment import offers_receipt, show_conversion, tender_methods
from ui.dialogs.receipt import ReceiptDialog
from ui.i18n import money_text
from ui.ops.op import Op

TAKE_TAB = 0
PAY_TAB = 1


class DepositDialog(DeskDialog):
    """Two tabs: **Take deposit** (money in, not tied to a bill) and **Pay a bill from the deposit**.

    ``pay_bill_id`` opens the second tab with that bill chosen (check-out uses it).
    """

    def __init__(
        self, ctx: DeskContext, card: ReservationCardData, parent: QWidget | None = None, *,
        pay_bill_id: int | None = None
    ) -> None:
        super().__init__(ctx, parent, title=self.tr("Deposit"), apply_text=self.tr("&Take deposit"))
        self.setObjectName("depositDialog")
        self.card = card
        self.receipt_dialog: ReceiptDialog | None = None
        self._methods = {method.code: method for method in tender_methods(card)}
        self._apply_amount_is_default = True
        # One key for every Take deposit of this dialog: a retry after a lost reply finds the deposit made.
        self.idempotency_key = uuid.uuid4().hex

        self.balance_label = heading_label(
            self.tr("The deposit holds {amount}").format(amount=money_text(card.folio.deposit_balance)),
            "depositBalanceLabel",
        )
        self.content.addWidget(self.balance_label)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("depositTabs")
        self.content.addWidget(self.tabs)
        self.tabs.addTab(self._build_take_tab(), self.tr("Take &deposit"))
        self.tabs.addTab(self._build_pay_tab(), self.tr("Pay a bill &from the deposit"))
        self.tabs.currentChanged.connect(self._tab_changed)
        if pay_bill_id is not None:
            index = self.bill_combo.findData(pay_bill_id)
            if index >= 0:
                self.bill_combo.setCurrentIndex(index)
            self.tabs.setCurrentIndex(PAY_TAB)
        self._tab_changed()

    # take a deposit

    def _build_take_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("takeDepositTab")
        form = self.take_form = new_form()
        page.setLayout(form)
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("methodCombo")
        fill_combo(self.method_combo, method_choices(list(self._methods.values()), self.card.names))
        self.add_field(form, "method", self.tr("&Method:"), self.method_combo)

        self.amount_edit, self.currency_combo, self.converted_label = add_amount_in_currency(self, form, self.card)

        payer = self.card.folio.bills[0].bill.payer_name if self.card.folio.bills else ""
        self.payer_edit = QLineEdit(payer)
        self.payer_edit.setObjectName("payerEdit")
        self.add_field(form, "payer", self.tr("&Payer:"), self.payer_edit)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("textEdit")
        self.text_edit.setPlaceholderText(self.tr("Reference, e.g. the bank transfer's number"))
        self.add_field(form, "text", self.tr("Te&xt:"), self.text_edit)
        self.print_receipt_check = QCheckBox(self.tr("P&rint receipt"))
        self.print_receipt_check.setObjectName("printReceiptCheck")
        self.print_receipt_check.setChecked(True)
        add_row(form, None, self.print_receipt_check)

        self.amount_edit.textChanged.connect(self._update_conversion)
        self.currency_combo.currentIndexChanged.connect(self._update_conversion)
        self.method_combo.currentIndexChanged.connect(self._method_changed)
        self._update_conversion()
        self._method_changed()
        return page

    @property
    def method(self) -> PaymentMethod | None:
        return self._methods.get(self.method_combo.currentData())

    def _method_changed(self) -> None:
        row = form_row(self.take_form, self.print_receipt_check)
        self.take_form.setRowVisible(row, offers_receipt(self.card, self.method, PaymentKind.DEPOSIT))

    def _update_conversion(self) -> None:
        currency = str(self.currency_combo.currentData())
        try:
            amount: Money | None = read_amount(self.amount_edit.text(), currency)
        except FieldProblem:
            amount = None
        show_conversion(self.converted_label, self.card, currency, amount)

    # pay a bill from the deposit

    def _build_pay_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("payFromDepositTab")
        column = QVBoxLayout(page)
        form = new_form()
        column.addLayout(form)
        self.open_bills = [view for view in self.card.folio.bills if view.balance.is_positive]
        self.bill_combo = QComboBox()
        self.bill_combo.setObjectName("billCombo")
        fill_combo(self.bill_combo, [(bill_choice_label(view), view.bill.id) for view in self.open_bills])
        self.add_field(form, "bill", self.tr("&Bill:"), self.bill_combo)
        self.apply_amount_edit = QLineEdit()
        self.apply_amount_edit.setObjectName("applyAmountEdit")
        self.add_field(
            form,
            "applyAmount",
            self.tr("Am&ount ({currency}):").format(currency=self.card.currency),
            self.apply_amount_edit,
        )
        self.maximum_label = hint_label("", "maximumLabel")
        column.addWidget(self.maximum_label)
        column.addStretch(1)
        self.apply_amount_edit.textEdited.connect(self._apply_amount_edited)
        self.bill_combo.currentIndexChanged.connect(self._bill_changed)
        self._bill_changed()
        return page

    def _apply_amount_edited(self) -> None:
        self._apply_amount_is_default = False

    def _pay_maximum(self) -> Money | None:
        bill_id = self.bill_combo.currentData()
        if bill_id is None:
            return None
        deposit = self.card.folio.deposit_balance
        owed = self.card.folio.bill(bill_id).balance
        return max(Money.zero(self.card.currency), min(deposit, owed))

    def _bill_changed(self) -> None:
        maximum = self._pay_maximum()
        deposit = self.card.folio.deposit_balance
        if maximum is None:
            self.maximum_label.setText(self.tr("No bill is waiting for payment."))
            return
        owed = self.card.folio.bill(self.bill_combo.currentData()).balance
        self.maximum_label.setText(
            self.tr("At most {maximum}: the deposit holds {deposit}, the bill owes {owed}.").format(
                maximum=money_text(maximum), deposit=money_text(deposit), owed=money_text(owed)
            )
        )
        if self._apply_amount_is_default:
            self.apply_amount_edit.setText(amount_for_edit(maximum) if maximum.is_positive else "")

    # both

    def _tab_changed(self, *_args: object) -> None:
        self.clear_errors()
        if self.tabs.currentIndex() == PAY_TAB:
            self.apply_button.setText(self.tr("&Pay bill"))
            self.field_aliases = {"amount": "applyAmount", "currency": "applyAmount"}
            self.apply_amount_edit.setFocus()
        else:
            self.apply_button.setText(self.tr("&Take deposit"))
            self.field_aliases = {"currency": "amount"}
            self.amount_edit.setFocus()

    def submit(self) -> Op[Any] | None:
        if self.tabs.currentIndex() == PAY_TAB:
            return self._submit_pay()
        return self._submit_take()

    def _submit_take(self) -> Op[Any] | None:
        method = self.method
        if method is None:
            self.refuse("method", self.tr("Choose how the guest pays."))
        currency = str(self.currency_combo.currentData())
        amount = self.read("amount", read_amount, self.amount_edit.text(), currency)
        if method is None or amount is None:
            return None
        tender = Tender(method.code, amount, payer_name=self.payer_edit.text(), text=self.text_edit.text())
        print_receipt = self.print_receipt_check.isChecked() and offers_receipt(self.card, method, PaymentKind.DEPOSIT)
        return self.change(take_deposit, self.card.folio.folio.id, tender,
                           idempotency_key=self.idempotency_key).success(
            lambda payment: self._taken(payment, print_receipt)
        )

    def _taken(self, payment: Payment, print_receipt: bool) -> None:
        kick_for_payment(self.ctx, self.parentWidget(), payment.id)
        if print_receipt:
            self.receipt_dialog = ReceiptDialog(self.ctx, self.card, payment.id, self.parentWidget())
            self.receipt_dialog.open()
        self.finish()

    def _submit_pay(self) -> Op[Any] | None:
        bill_id = self.bill_combo.currentData()
        maximum = self._pay_maximum()
        if bill_id is None or maximum is None:
            self.refuse("bill", self.tr("No bill is waiting for payment."))
            return None
        if not maximum.is_positive:
            self.refuse("applyAmount", self.tr("The deposit is empty."))
            return None
        amount = self.read(
            "applyAmount",
            read_amount,
            self.apply_amount_edit.text(),
            self.card.currency,
            maximum=maximum,
            too_much=self.tr("At most {amount} can be paid from the deposit.").format(amount=money_text(maximum)),
        )
        if amount is None:
            return None
        return self.change(apply_deposit, bill_id, amount).success(lambda _payment: self.finish())
