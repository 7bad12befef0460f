"""Make payment (R7): money received for a bill, in any accepted currency, with change for cash."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QMessageBox, QWidget

from desk.cards.models import CardKind
from desk.cards.operations import card_method
from desk.cards.terminals import TerminalInfo, list_terminals
from desk.core.errors import WouldOverpay
from desk.core.money import Money
from desk.fiscal.content import receipt_refusal
from desk.hotel.models import MethodKind, PaymentMethod
from desk.journal.intents import IntentState
from desk.ledger.models import Payment, PaymentKind
from desk.ledger.payments import TENDER_KINDS, Tender, take_payment
from desk.stays.reservation_card import ReservationCardData
from ui.cards.terminal import CardTerminalDialog
from ui.context import DeskContext
from ui.devices import kick_for_payment
from ui.dialogs.common import (
    DeskDialog,
    FieldProblem,
    add_amount_in_currency,
    add_row,
    amount_for_edit,
    bill_label,
    fill_combo,
    form_row,
    heading_label,
    hint_label,
    in_currency,
    method_choices,
    new_form,
    python_date,
    read_amount,
)
from ui.dialogs.receipt import ReceiptDialog
from ui.i18n import money_text, quantity_text
from ui.ops.op import Op

TERMINAL = "terminal:"  # the method combo's data for "Bank card — <terminal>": a connected terminal
# How a card sale ends when the card was certainly not charged.
NOTHING_CHARGED = frozenset({IntentState.DECLINED, IntentState.CANCELLED, IntentState.FAILED, IntentState.REVERSED})


def tender_methods(card: ReservationCardData) -> list[PaymentMethod]:
    """Methods for money that changes hands at the desk, cash first, as most desk payments are."""
    methods = [method for method in card.methods if method.kind in TENDER_KINDS]
    return sorted(methods, key=lambda method: TENDER_KINDS.index(method.kind))


def offers_receipt(card: ReservationCardData, method: PaymentMethod | None,
                   kind: PaymentKind = PaymentKind.PAYMENT) -> bool:
    """Print receipt is offered as desk's rule says (R8): a fiscal method, a register configured."""
    return method is not None and receipt_refusal(method, kind, has_register=bool(card.registers)) is None


class MakePaymentDialog(DeskDialog):
    """Take a payment for one bill: method, amount and currency, payer, date, reference.

    Where the workstation has card terminals, each is a method of its own ("Bank card — Desk
    terminal"): Apply then runs the terminal's card sale (:class:`CardTerminalDialog`: the
    terminal's messages, a countdown and Cancel) with this dialog's amount, currency and payer.
    """

    def __init__(self, ctx: DeskContext, card: ReservationCardData, bill_id: int, parent: QWidget | None = None, *,
                 terminals: list[TerminalInfo] | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Make payment"), apply_text=self.tr("&Apply"))
        self.setObjectName("makePaymentDialog")
        self.card = card
        self.bill_id = bill_id
        self.bill = card.folio.bill(bill_id)
        self.receipt_dialog: ReceiptDialog | None = None
        self.overpay_box: QMessageBox | None = None
        self._confirmed_overpay: Money | None = None
        self._methods = {method.code: method for method in tender_methods(card)}
        self._card_method = card_method(card.methods)
        self.terminals: list[TerminalInfo] = []
        self.terminal_dialog: CardTerminalDialog | None = None
        self._amount_is_default = True
        self.field_aliases = {"currency": "amount"}
        # One key for every Apply of this dialog: a retry after a lost reply finds the payment made.
        self.idempotency_key = uuid.uuid4().hex

        self.content.addWidget(heading_label(bill_label(self.bill), "billHeading"))
        self.balance_label = QLabel(
            self.tr("Balance: {balance}").format(balance=money_text(self.bill.balance))
        )
        self.balance_label.setObjectName("balanceLabel")
        self.content.addWidget(self.balance_label)

        form = self.form = new_form()
        self.content.addLayout(form)
        self._build_method_rows()
        self.amount_edit, self.currency_combo, self.converted_label = add_amount_in_currency(self, form, card)
        self._build_tendered_rows()
        self._build_detail_rows()

        if self.bill.balance.is_positive:
            self.amount_edit.setText(amount_for_edit(self.bill.balance))
        self._connect_signals()
        if not self._methods:
            self.form_error.show_message(self.tr("No payment method is configured for the desk."))
            self.apply_button.setEnabled(False)
        self._method_changed()
        self._update_figures()
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()
        if terminals is not None:
            self.set_terminals(terminals)
        else:
            ctx.query(self, list_terminals, ctx.actor.workstation).success(self.set_terminals).run()

    def _build_method_rows(self) -> None:
        """The method, and the hints a card method shows under it."""
        form = self.form
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("methodCombo")
        fill_combo(self.method_combo, method_choices(list(self._methods.values()), self.card.names))
        self.add_field(form, "method", self.tr("&Method:"), self.method_combo)
        self.card_hint = hint_label(
            self.tr("A card charged on a stand-alone terminal: type its reference (authorisation code) in Text."),
            "cardHintLabel",
        )
        form.addRow(self.card_hint)
        self.terminal_hint = hint_label("", "terminalHintLabel")
        form.addRow(self.terminal_hint)

    def _build_tendered_rows(self) -> None:
        """What a guest paying cash handed over, and the change due."""
        self.tendered_edit = QLineEdit()
        self.tendered_edit.setObjectName("tenderedEdit")
        self.tendered_edit.setPlaceholderText(self.tr("optional"))
        self.add_field(self.form, "tendered", self.tr("&Tendered:"), self.tendered_edit)
        self.change_due_label = QLabel()
        self.change_due_label.setObjectName("changeDueLabel")
        self.change_due_label.setWordWrap(True)
        self.change_due_caption = QLabel(self.tr("Change due:"))
        self.form.addRow(self.change_due_caption, self.change_due_label)

    def _build_detail_rows(self) -> None:
        """Payer, date, text, a manager's approval (hidden until asked for) and Print receipt."""
        form = self.form
        self.payer_edit = QLineEdit(self.bill.bill.payer_name)
        self.payer_edit.setObjectName("payerEdit")
        self.add_field(form, "payer", self.tr("&Payer:"), self.payer_edit)

        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setCalendarPopup(True)
        self.add_field(form, "date", self.tr("&Date:"), self.date_edit)

        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("textEdit")
        self.text_edit.setPlaceholderText(self.tr("Reference, e.g. the card terminal's authorisation code"))
        self.add_field(form, "text", self.tr("Te&xt:"), self.text_edit)
        # More than the bill owes, or another day, may need a manager: asked for when refused.
        self.add_approval(form, shown=False)

        self.print_receipt_check = QCheckBox(self.tr("P&rint receipt"))
        self.print_receipt_check.setObjectName("printReceiptCheck")
        self.print_receipt_check.setChecked(True)
        add_row(form, None, self.print_receipt_check)

    def _connect_signals(self) -> None:
        self.amount_edit.textEdited.connect(self._amount_edited)
        self.amount_edit.textChanged.connect(self._update_figures)
        self.tendered_edit.textChanged.connect(self._update_figures)
        self.currency_combo.currentIndexChanged.connect(self._currency_changed)
        self.method_combo.currentIndexChanged.connect(self._method_changed)

    def set_terminals(self, terminals: list[TerminalInfo]) -> None:
        """Offer each connected terminal as "Bank card — <name>", after the stand-alone card method."""
        if self._card_method is None or self.terminals:
            return
        self.terminals = list(terminals)
        label = self.card.names.method(self._card_method)
        index = self.method_combo.findData(self._card_method.code)
        at = index + 1 if index >= 0 else self.method_combo.count()
        for offset, info in enumerate(self.terminals):
            self.method_combo.insertItem(at + offset, self.tr("{method} — {terminal}").format(
                method=label, terminal=self.card.names.terminal(info.name)), f"{TERMINAL}{info.id}")
        if self.terminals and not self._methods:
            self.form_error.clear_message()
            self.apply_button.setEnabled(True)
        self._method_changed()

    def choose_terminal(self, terminal_id: int) -> None:
        index = self.method_combo.findData(f"{TERMINAL}{terminal_id}")
        if index >= 0:
            self.method_combo.setCurrentIndex(index)

    # what the clerk sees while typing

    @property
    def terminal(self) -> TerminalInfo | None:
        """The connected terminal chosen as the method, if one is."""
        data = str(self.method_combo.currentData() or "")
        if not data.startswith(TERMINAL):
            return None
        return next((t for t in self.terminals if f"{TERMINAL}{t.id}" == data), None)

    @property
    def method(self) -> PaymentMethod | None:
        if self.terminal is not None:
            return self._card_method
        return self._methods.get(self.method_combo.currentData())

    @property
    def currency(self) -> str:
        return str(self.currency_combo.currentData())

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        row = form_row(self.form, widget)
        if row >= 0:
            self.form.setRowVisible(row, visible)

    def _method_changed(self) -> None:
        method = self.method
        is_cash = method is not None and method.kind is MethodKind.CASH
        self.set_field_visible("tendered", is_cash)
        self._set_row_visible(self.change_due_label, is_cash)
        if not is_cash:
            self.error_label("tendered").clear_message()
        terminal = self.terminal
        self._set_row_visible(self.card_hint, method is not None and method.kind is MethodKind.CARD
                              and terminal is None)
        self._set_row_visible(self.terminal_hint, terminal is not None)
        # The terminal pays today, and its reference becomes the Text (R12).
        self.set_field_visible("date", terminal is None)
        self.set_field_visible("text", terminal is None)
        if terminal is not None:
            self.terminal_hint.setText(self.tr(
                "Apply sends the amount to {terminal}; the guest pays there with the card.").format(
                terminal=self.card.names.terminal(terminal.name)))
            if terminal.currency in self.card.rates and self.currency != terminal.currency:
                self.currency_combo.setCurrentIndex(self.currency_combo.findData(terminal.currency))
        self._set_row_visible(self.print_receipt_check, offers_receipt(self.card, method))

    def _amount_edited(self) -> None:
        self._amount_is_default = False

    def _currency_changed(self) -> None:
        # An untouched default follows the currency, so the bill's balance is still what is offered.
        if self._amount_is_default and self.bill.balance.is_positive:
            offered = in_currency(self.bill.balance, self.card.rates[self.currency], self.currency)
            self.amount_edit.setText(amount_for_edit(offered))
        self._update_figures()

    def _typed_amount(self) -> Money | None:
        try:
            return read_amount(self.amount_edit.text(), self.currency)
        except FieldProblem:
            return None

    def _update_figures(self) -> None:
        amount = self._typed_amount()
        show_conversion(self.converted_label, self.card, self.currency, amount)
        self.change_due_label.setText(self._change_due_text(amount))

    def _change_due_text(self, amount: Money | None) -> str:
        if not self.tendered_edit.text().strip() or amount is None:
            return "—"
        try:
            tendered = read_amount(self.tendered_edit.text(), self.currency)
        except FieldProblem:
            return "—"
        if tendered < amount:
            return self.tr("{short} short").format(short=money_text(amount - tendered))
        return money_text(tendered - amount)

    # applying

    def submit(self) -> Op[Any] | None:
        method = self.method
        if method is None:
            self.refuse("method", self.tr("Choose how the guest pays."))
        currency = self.currency
        amount = self.read("amount", read_amount, self.amount_edit.text(), currency)
        tendered: Money | None = None
        if method is not None and method.kind is MethodKind.CASH and self.tendered_edit.text().strip():
            tendered = self.read("tendered", read_amount, self.tendered_edit.text(), currency)
            if tendered is not None and amount is not None and tendered < amount:
                self.refuse("tendered", self.tr("The guest handed over less than the amount."))
        terminal = self.terminal
        if terminal is not None and currency != terminal.currency:
            self.refuse("amount", self.tr("{terminal} takes {currency} only.").format(
                terminal=self.card.names.terminal(terminal.name), currency=terminal.currency))
        if method is None or amount is None:
            return None
        if terminal is not None:
            if not self.refused:
                self._pay_on_terminal(terminal, amount, offers_receipt(self.card, method)
                                      and self.print_receipt_check.isChecked())
            return None
        tender = Tender(
            method_code=method.code,
            amount=amount,
            payer_name=self.payer_edit.text(),
            paid_on=python_date(self.date_edit.date()),
            text=self.text_edit.text(),
        )
        print_receipt = self.print_receipt_check.isChecked() and offers_receipt(self.card, method)
        approval = self.read_approval()
        if self.refused:
            return None
        # An overpayment the clerk already confirmed for this very amount is not asked about again
        # (say when a manager's credentials are typed for it after the confirmation).
        allow_overpay = self._confirmed_overpay == amount
        return (
            self.change(take_payment, self.bill_id, tender, allow_overpay=allow_overpay, approval=approval,
                        idempotency_key=self.idempotency_key)
            .success(lambda payment: self._paid(payment, print_receipt, tendered))
            .failure(lambda exc: self._refused(exc, tender))
        )

    def _refused(self, exc: BaseException, tender: Tender) -> None:
        if not isinstance(exc, WouldOverpay):
            self.show_failure(exc)
            return
        # More than the bill owes is taken only when the clerk says so, knowing by how much.
        text = self.tr("The bill owes {owed}; take {amount} and leave {overpaid} overpaid?").format(
            owed=money_text(exc.owed) if isinstance(exc.owed, Money) else str(exc.owed),
            amount=money_text(tender.amount),
            overpaid=money_text(exc.overpaid) if isinstance(exc.overpaid, Money) else str(exc.overpaid),
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Overpayment"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("overpayBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.overpay_box = box

        def answered(_result: int) -> None:
            box.deleteLater()
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                # Taken again as confirmed; a clerk without the overpay right is then asked for a
                # manager's credentials (show_failure reveals them on MissingRight).
                self._confirmed_overpay = tender.amount
                self.apply()
            else:
                self.show_problem("amount", self.tr("The bill owes {owed}.").format(
                    owed=money_text(exc.owed) if isinstance(exc.owed, Money) else str(exc.owed)))

        box.finished.connect(answered)
        box.open()

    def _pay_on_terminal(self, terminal: TerminalInfo, amount: Money, print_receipt: bool) -> None:
        """The same card sale as Action → Pay by card on the terminal, with this dialog's figures."""
        # The receipt was chosen here already: the terminal's dialog does not ask again.
        dialog = CardTerminalDialog(self.ctx, self.card, [terminal], CardKind.SALE, bill_id=self.bill_id,
                                    amount=amount, payer=self.payer_edit.text(), parent=self, offer_receipt=False)
        self.terminal_dialog = dialog

        def ended() -> None:
            outcome = dialog.outcome
            if outcome is None or outcome.state in NOTHING_CHARGED:
                return
            parent = self.parentWidget()
            if parent is not None and hasattr(parent, "statusBar"):
                parent.statusBar().showMessage(dialog.outcome_text(outcome), 15_000)
            if not outcome.settled:
                # The card may have been charged: the bill is not offered for payment again here.
                self.reject()
                return
            if print_receipt and outcome.payment_id is not None:
                self.receipt_dialog = ReceiptDialog(self.ctx, self.card, outcome.payment_id, parent)
                self.receipt_dialog.open()
            self.finish()

        # Settled (even after a late Cancel): this payment is done. Declined, cancelled, failed or
        # reversed: the clerk is back here, free to choose another method. An end nobody heard is
        # left to Pending card operations, never paid a second time from here.
        dialog.finished.connect(lambda _result: ended())
        dialog.open()
        dialog.start(terminal)

    def _paid(self, payment: Payment, print_receipt: bool, tendered: Money | None) -> None:
        kick_for_payment(self.ctx, self.parentWidget(), payment.id)
        if print_receipt:
            # What the guest handed over goes on the receipt with the change.
            self.receipt_dialog = ReceiptDialog(self.ctx, self.card, payment.id, self.parentWidget(),
                                                tendered=tendered)
            self.receipt_dialog.open()
        self.finish()


def show_conversion(label: QLabel, card: ReservationCardData, currency: str, amount: Money | None) -> None:
    """``= EUR 46.00 (at 1 USD = 0.92 EUR)`` under a foreign amount; hidden for the base currency."""
    if currency == card.currency:
        label.hide()
        return
    rate = card.rates[currency]
    # A rate reads like a quantity: no trailing zeros.
    rate_text = QCoreApplication.translate("MakePaymentDialog", "1 {currency} = {rate} {base}").format(
        currency=currency, rate=quantity_text(rate), base=card.currency
    )
    if amount is None:
        label.setText(rate_text)
    else:
        label.setText(
            QCoreApplication.translate("MakePaymentDialog", "= {amount} (at {rate})").format(
                amount=money_text(amount.convert(rate, card.currency)), rate=rate_text
            )
        )
    label.show()
