"""Card payment, refund, pre-authorisation, capture and release on the desk's card terminal (R12-R16).

One button per terminal of this workstation, saying what it does and where ("Charge 120,00 EUR ·
Front terminal"); pressing it starts the operation on the terminal's own pool, never on the GUI
thread. While the terminal works the dialog shows the terminal's prompts in the clerk's language, a
countdown, and **Cancel**, which asks the terminal to abort: an approval that beat the abort is
settled and the clerk told so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, assert_never
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desk.cards.models import CardKind
from desk.cards.operations import CaptureSuggestion, capture_suggestion, card_receipt_refusal
from desk.cards.slips import SlipOutcome, print_card_slip
from desk.cards.terminal_workflow import (
    CardOutcome,
    Watch,
    card_capture,
    card_pre_authorise,
    card_refund,
    card_release,
    card_sale,
)
from desk.cards.terminals import TerminalInfo
from desk.core.errors import WouldOverpay
from desk.core.money import Money
from desk.journal.intents import IntentState
from desk.stays.reservation_card import PreAuthorisation, ReservationCardData
from ui.context import DeskContext
from ui.desk_text import card_reference_text, error_text
from ui.dialogs.common import (
    DeskDialog,
    FieldProblem,
    add_row,
    amount_for_edit,
    fill_combo,
    form_row,
    heading_label,
    hint_label,
    in_currency,
    new_form,
    read_amount,
)
from ui.i18n import money_text
from ui.ops.feedback import dialog_parent
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState, named_pool

__all__ = ["CardKind", "CardTerminalDialog", "print_card_slip_later", "terminal_message", "terminal_pool"]

DEFAULT_ANSWER_TIMEOUT_S = 180  # the terminal's own limit for the guest, as desk.cards.terminals assumes


def terminal_pool() -> Any:
    """One thread for the card terminals: a terminal does one thing at a time."""
    return named_pool("card-terminal", 2)


def terminal_message(key: str) -> str:
    """The terminal's prompt (``StatusMessage.key``) in the clerk's language."""
    texts = {
        "insert_card": QCoreApplication.translate("CardTerminal", "Insert, tap or swipe the card"),
        "enter_pin": QCoreApplication.translate("CardTerminal", "The guest enters the PIN"),
        "please_wait": QCoreApplication.translate("CardTerminal", "Please wait…"),
        "waiting_for_host": QCoreApplication.translate("CardTerminal", "Waiting for the bank…"),
        "confirm_amount": QCoreApplication.translate("CardTerminal", "The guest confirms the amount"),
        "remove_card": QCoreApplication.translate("CardTerminal", "Remove the card"),
        "card_not_accepted": QCoreApplication.translate("CardTerminal", "Card not accepted"),
        "not_accepted": QCoreApplication.translate("CardTerminal", "Not accepted"),
        "declined": QCoreApplication.translate("CardTerminal", "Declined"),
        "approved": QCoreApplication.translate("CardTerminal", "Approved"),
        "error": QCoreApplication.translate("CardTerminal", "The terminal reports an error"),
        "choose_application": QCoreApplication.translate("CardTerminal", "The guest chooses the card application"),
        "choose_language": QCoreApplication.translate("CardTerminal", "The guest chooses the language"),
    }
    return texts.get(key, texts["please_wait"])


def _answer_timeout(info: TerminalInfo) -> int:
    values = parse_qs(urlsplit(info.url).query).get("answer_timeout")
    try:
        return max(1, round(float(values[0]))) if values else DEFAULT_ANSWER_TIMEOUT_S
    except ValueError:
        return DEFAULT_ANSWER_TIMEOUT_S


class CardTerminalDialog(DeskDialog):
    """One card operation on a terminal chosen by its button; see the module docstring."""

    # Money and a bill id: the clerk chose to charge a dropped hold's amount on the capture's bill (R16).
    charge_directly = Signal(object, object)
    # A ThenCharge: the clerk chose "New card", the operator's own page, for this payment or hold (R12, R14).
    new_card = Signal(object)

    def __init__(self, ctx: DeskContext, card: ReservationCardData, terminals: list[TerminalInfo],
                 operation: CardKind, *,
                 bill_id: int | None = None, payment_id: int | None = None, hold: PreAuthorisation | None = None,
                 amount: Money | None = None, payer: str = "", parent: QWidget | None = None,
                 offer_receipt: bool = True) -> None:
        super().__init__(ctx, parent, title=self._title(operation), apply_text=self.tr("&Apply"))
        self.setObjectName("cardTerminalDialog")
        self.card = card
        self.terminals = terminals
        self.operation = operation
        self.bill_id = bill_id
        self.payment_id = payment_id
        self.hold = hold
        self.payer = payer  # a sale's payer as typed in Make payment; the bill's payer when empty
        self.cancel_event = threading.Event()
        self.outcome: CardOutcome | None = None
        self.overpay_box: QMessageBox | None = None
        self._confirmed_overpay: Money | None = None
        self._terminal: TerminalInfo | None = None
        self._seconds_left = 0
        self.apply_button.hide()  # the terminal buttons apply
        self.field_aliases = {"currency": "amount", "bill": "amount", "hold": "amount", "payment": "amount"}
        # Desk says where a capture lands and how much to offer; the capture is then booked on that bill.
        self.capture: CaptureSuggestion | None = None
        if operation is CardKind.CAPTURE and hold is not None:
            self.capture = capture_suggestion(card.folio, hold.amount, card.rates, bill_id)
            self.bill_id = self.capture.bill_id

        self.content.addWidget(heading_label(self._heading(), "cardHeading"))
        if self.capture is not None and self.capture.bill_id is not None:
            self.content.addWidget(hint_label(self._bill_text(self.capture.bill_id), "captureBillLabel"))
        form = self.form = new_form()
        self.content.addLayout(form)
        self._build_amount_row(amount)
        self.add_approval(form, shown=False)
        self._build_receipt_row(offer_receipt)
        self._build_terminal_buttons()
        self._build_status_rows()

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def _build_amount_row(self, amount: Money | None) -> None:
        """Amount and currency, filled with what the operation is for (none for a release)."""
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountEdit")
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("currencyCombo")
        currencies = self._currencies()
        chosen = amount.currency if amount is not None and amount.currency in currencies else None
        fill_combo(self.currency_combo, [(c, c) for c in currencies], chosen or self._default_currency())
        amount_row = QWidget()
        row = QHBoxLayout(amount_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount_edit, 1)
        row.addWidget(self.currency_combo)
        self.add_field(self.form, "amount", self.tr("Am&ount:"), amount_row, focus=self.amount_edit)
        self.set_field_visible("amount", self.operation is not CardKind.RELEASE)
        if self.operation in (CardKind.REFUND, CardKind.CAPTURE):
            self.currency_combo.setEnabled(False)
        self.capture_note = hint_label("", "captureNoteLabel")
        if self.operation is CardKind.CAPTURE:
            add_row(self.form, None, self.capture_note)
        else:
            self.capture_note.hide()
        default = amount if amount is not None else self._default_amount()
        if default is not None and default.is_positive:
            self.amount_edit.setText(amount_for_edit(default))

    def _build_receipt_row(self, offer: bool) -> None:
        """Print receipt, as Make payment offers it for cash: the same rule of desk decides (R8, R12)."""
        self.receipt_dialog: QDialog | None = None
        self.print_receipt_check = QCheckBox(self.tr("P&rint receipt"))
        self.print_receipt_check.setObjectName("printReceiptCheck")
        self.print_receipt_check.setChecked(True)
        add_row(self.form, None, self.print_receipt_check)
        self.offers_receipt = offer and card_receipt_refusal(
            self.operation, self.card.methods, has_register=bool(self.card.registers)) is None
        self.form.setRowVisible(form_row(self.form, self.print_receipt_check), self.offers_receipt)

    def _offer_receipt(self, outcome: CardOutcome) -> None:
        """After the money: the receipt window for the payment the terminal made, when the clerk asked for it."""
        if not (self.offers_receipt and self.print_receipt_check.isChecked() and outcome.payment_id is not None):
            return
        from ui.dialogs.receipt import ReceiptDialog  # the payment dialogs import this module

        self.receipt_dialog = ReceiptDialog(self.ctx, self.card, outcome.payment_id, lasting_parent(self))
        self.receipt_dialog.open()

    def _build_terminal_buttons(self) -> None:
        """One button per terminal of this workstation; pressing it starts the operation there."""
        self.terminal_row = QHBoxLayout()
        self.terminal_buttons: list[QPushButton] = []
        for info in self.terminals:
            button = QPushButton()
            button.setObjectName(f"terminalButton{info.id}")
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, chosen=info: self.start(chosen))
            self.terminal_row.addWidget(button)
            self.terminal_buttons.append(button)
        if self.operation in (CardKind.SALE, CardKind.PRE_AUTHORISATION):
            self.new_card_button = QPushButton(self.tr("&New card…"))
            self.new_card_button.setObjectName("newCardPaymentButton")
            self.new_card_button.setMinimumHeight(40)
            self.new_card_button.setToolTip(self.tr("The guest types the card on the online operator's own page; "
                                                    "it is saved, then charged or held there."))
            self.new_card_button.clicked.connect(self._new_card)
            self.terminal_row.addWidget(self.new_card_button)
        self.content.addLayout(self.terminal_row)
        self.amount_edit.textChanged.connect(self._amount_changed)
        self.currency_combo.currentIndexChanged.connect(self._amount_changed)
        self._amount_changed()
        if not self.terminals:
            self.content.addWidget(hint_label(
                self.tr("No card terminal is configured for this workstation (Settings › Card terminals)."),
                "noTerminalLabel"))

    def _typed_amount(self) -> Money | None:
        try:
            return read_amount(self.amount_edit.text(), self.currency)
        except FieldProblem:  # half-typed: the buttons name no amount until it reads
            return None

    def _amount_changed(self) -> None:
        amount = self._typed_amount() if self.operation is not CardKind.RELEASE else None
        for info, button in zip(self.terminals, self.terminal_buttons, strict=True):
            button.setText(self.button_text(self.card.names.terminal(info.name), amount))
        self._show_capture_note(amount)

    def button_text(self, terminal: str, amount: Money | None) -> str:
        """The verb, the amount and the terminal: the clerk reads what the press will do, and where."""
        shown = money_text(amount) if amount is not None else ""
        match self.operation:
            case CardKind.SALE:
                text = self.tr("Charge {amount} · {terminal}") if shown else self.tr("Charge · {terminal}")
            case CardKind.REFUND | CardKind.REVERSAL:
                text = self.tr("Refund {amount} · {terminal}") if shown else self.tr("Refund · {terminal}")
            case CardKind.PRE_AUTHORISATION:
                text = (self.tr("Pre-authorise {amount} · {terminal}") if shown
                        else self.tr("Pre-authorise · {terminal}"))
            case CardKind.CAPTURE:
                text = self.tr("Capture {amount} · {terminal}") if shown else self.tr("Capture · {terminal}")
            case CardKind.RELEASE:
                text = self.tr("Release the whole hold · {terminal}")
            case _:
                assert_never(self.operation)
        return text.format(amount=shown, terminal=terminal)

    def _show_capture_note(self, amount: Money | None) -> None:
        """A partial capture ends the hold: the clerk is told before, not after, that the rest goes back."""
        if self.operation is not CardKind.CAPTURE or self.hold is None:
            return
        held = self.hold.amount
        if amount is not None and amount.currency == held.currency and (held - amount).is_positive:
            rest = held - amount
            self.capture_note.setText(self.tr(
                "Only {amount} is captured; the other {rest} of the pre-authorisation is released to the "
                "guest's card at once and cannot be captured later.").format(
                amount=money_text(amount), rest=money_text(rest)))
        else:
            self.capture_note.setText(self.tr(
                "The whole pre-authorisation is captured; a smaller amount releases the rest to the card."))

    def _build_status_rows(self) -> None:
        """The terminal's prompt, the countdown, the result and Charge directly: hidden until needed."""
        self.message_label = QLabel()
        self.message_label.setObjectName("terminalMessageLabel")
        big = QFont(self.message_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.message_label.setFont(big)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("countdownLabel")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.message_label, self.countdown_label, self.result_label):
            label.hide()
            add_row(self.form, None, label)
        self.charge_button = QPushButton(self.tr("C&harge the card directly"))
        self.charge_button.setObjectName("chargeDirectlyButton")
        self.charge_button.hide()
        self.charge_button.clicked.connect(self._charge_directly)
        add_row(self.form, None, self.charge_button)

    # --- what it shows --------------------------------------------------------------------------

    def _title(self, operation: CardKind) -> str:
        match operation:
            case CardKind.SALE:
                return self.tr("Card payment")
            case CardKind.REFUND | CardKind.REVERSAL:  # desk decides which one the terminal does
                return self.tr("Refund to card")
            case CardKind.PRE_AUTHORISATION:
                return self.tr("Pre-authorise card")
            case CardKind.CAPTURE:
                return self.tr("Capture pre-authorisation")
            case CardKind.RELEASE:
                return self.tr("Release pre-authorisation")
            case _:
                assert_never(operation)

    def _heading(self) -> str:
        folio = self.card.folio
        if self.operation is CardKind.SALE and self.bill_id is not None:
            return self._bill_text(self.bill_id)
        if self.operation is CardKind.REFUND and self.payment_id is not None:
            line = folio.payment(self.payment_id)
            return self.tr("Card payment of {amount} · refundable {refundable}").format(
                amount=money_text(line.payment.amount), refundable=money_text(line.refundable))
        if self.hold is not None:
            return self.tr("Pre-authorisation of {amount} · {age} days old").format(
                amount=money_text(self.hold.amount), age=self.hold.age_days)
        return self.tr("Balance: {balance}").format(balance=money_text(folio.balance))

    def _bill_text(self, bill_id: int) -> str:
        bill = self.card.folio.bill(bill_id)
        return self.tr("Bill {number} · balance {balance}").format(
            number=bill.bill.number, balance=money_text(bill.balance))

    def _currencies(self) -> list[str]:
        fixed = self._fixed_currency()
        if fixed is not None:
            return [fixed]
        taken = {info.currency for info in self.terminals}
        accepted = [c for c in self.card.rates if c in taken]
        return accepted or list(self.card.rates)

    def _fixed_currency(self) -> str | None:
        if self.operation is CardKind.REFUND and self.payment_id is not None:
            return self.card.folio.payment(self.payment_id).payment.amount.currency
        if self.hold is not None:
            return self.hold.amount.currency
        return None

    def _default_currency(self) -> str:
        currencies = self._currencies()
        return self.card.currency if self.card.currency in currencies else currencies[0]

    def _default_amount(self) -> Money | None:
        folio = self.card.folio
        if self.operation is CardKind.REFUND and self.payment_id is not None:
            return folio.payment(self.payment_id).refundable
        if self.capture is not None:
            return self.capture.amount
        if self.hold is not None:  # a release: the whole hold, not shown
            return self.hold.amount
        owed = folio.bill(self.bill_id).balance if self.bill_id is not None else folio.balance
        currency = self._default_currency()
        if currency != owed.currency and currency in self.card.rates:
            return in_currency(owed, self.card.rates[currency], currency)
        return owed

    @property
    def currency(self) -> str:
        return str(self.currency_combo.currentData())

    @property
    def running(self) -> bool:
        return self.is_busy

    # --- running ------------------------------------------------------------------------------

    def start(self, terminal: TerminalInfo) -> None:
        """The clerk pressed a terminal's button."""
        self._terminal = terminal
        self.apply()

    def submit(self) -> Op[Any] | None:
        terminal = self._terminal
        if terminal is None:
            return None
        amount: Money | None = None
        if self.operation is not CardKind.RELEASE:
            amount = self.read("amount", read_amount, self.amount_edit.text(), self.currency)
        approval = self.read_approval()
        if self.refused:
            return None
        if self.operation is CardKind.SALE and amount is not None and self._confirmed_overpay != amount:
            self._confirmed_overpay = None
        work = self._work(terminal, amount, approval)
        self.cancel_event = threading.Event()
        cancel = self.cancel_event
        ctx = self.ctx
        folio_id = self.card.folio.folio.id

        def run(state: TaskState) -> CardOutcome:
            def progress(key: str) -> None:
                if state.cancel_requested:  # the program is closing: the terminal is asked to abort too
                    cancel.set()
                state.report(None, key)

            outcome = work(progress, cancel)
            ctx.folios_changed.emit(frozenset({folio_id}))
            ctx.ledger_changed.emit()
            return outcome

        self._begin(terminal)
        op: Op[CardOutcome] = Op(self, run, pool=terminal_pool())
        return op.progress(self._progress).success(self._ended).failure(self._failed)

    def _work(self, terminal: TerminalInfo, amount: Money | None,
              approval: Any) -> Callable[[Callable[[str], None], threading.Event], CardOutcome]:
        runner, actor, tid = self.ctx.runner, self.ctx.actor, terminal.id
        operation = self.operation
        bill_id, payment_id, hold_id = self.bill_id, self.payment_id, self.hold.id if self.hold else None
        folio_id = self.card.folio.folio.id
        allow_overpay = self._confirmed_overpay is not None and self._confirmed_overpay == amount
        payer = self.payer

        def work(progress: Callable[[str], None], cancel: threading.Event) -> CardOutcome:
            watch = Watch(progress=progress, cancel=cancel)
            match operation:
                case CardKind.SALE:
                    assert bill_id is not None and amount is not None
                    return card_sale(runner, actor, tid, bill_id, amount, approval=approval,
                                     allow_overpay=allow_overpay, payer_name=payer, watch=watch)
                case CardKind.REFUND | CardKind.REVERSAL:
                    assert payment_id is not None
                    return card_refund(runner, actor, tid, payment_id, amount, approval=approval, watch=watch)
                case CardKind.PRE_AUTHORISATION:
                    assert amount is not None
                    return card_pre_authorise(runner, actor, tid, folio_id, amount, watch=watch)
                case CardKind.CAPTURE:
                    assert hold_id is not None
                    return card_capture(runner, actor, tid, hold_id, amount, bill_id=bill_id, watch=watch)
                case CardKind.RELEASE:
                    assert hold_id is not None
                    return card_release(runner, actor, tid, hold_id, approval=approval, watch=watch)
                case _:
                    assert_never(operation)

        return work

    def _begin(self, terminal: TerminalInfo) -> None:
        for button in self.terminal_buttons:
            button.setEnabled(False)
        self.amount_edit.setEnabled(False)
        self.result_label.hide()
        self.charge_button.hide()
        self.message_label.setText(self.tr("Connecting to {terminal}…").format(
            terminal=self.card.names.terminal(terminal.name)))
        self.message_label.show()
        self._seconds_left = _answer_timeout(terminal)
        self._show_countdown()
        self.countdown_label.show()
        self._timer.start()

    def _tick(self) -> None:
        self._seconds_left = max(0, self._seconds_left - 1)
        self._show_countdown()

    def _show_countdown(self) -> None:
        self.countdown_label.setText(self.tr("{seconds} s left for the guest").format(seconds=self._seconds_left))

    def _progress(self, _fraction: float | None, key: str) -> None:
        if key:
            self.message_label.setText(terminal_message(key))

    def _end(self) -> None:
        self._timer.stop()
        self.countdown_label.hide()
        for button in self.terminal_buttons:
            button.setEnabled(True)
        self.amount_edit.setEnabled(True)
        self.cancel_button.setText(self.tr("&Cancel"))

    def reject(self) -> None:
        # While the terminal works, Cancel is the terminal's abort; the dialog closes with the answer.
        if self.is_busy:
            self.cancel_event.set()
            self.message_label.setText(self.tr("Cancelling on the terminal…"))
            return
        super().reject()

    def _failed(self, exc: BaseException) -> None:
        self._end()
        self.message_label.hide()
        if isinstance(exc, WouldOverpay):
            self._ask_overpay(exc)
            return
        self.show_failure(exc)

    def _ask_overpay(self, exc: WouldOverpay) -> None:
        amount = self.read("amount", read_amount, self.amount_edit.text(), self.currency)
        owed = money_text(exc.owed) if isinstance(exc.owed, Money) else str(exc.owed)
        overpaid = money_text(exc.overpaid) if isinstance(exc.overpaid, Money) else str(exc.overpaid)
        text = QCoreApplication.translate("MakePaymentDialog",
                                          "The bill owes {owed}; take {amount} and leave {overpaid} overpaid?").format(
            owed=owed, amount=money_text(amount) if amount is not None else "", overpaid=overpaid)
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MakePaymentDialog", "Overpayment"),
                          text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("overpayBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.overpay_box = box
        terminal = self._terminal

        def answered(_result: int) -> None:
            box.deleteLater()
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes) and terminal is not None:
                self._confirmed_overpay = amount
                self.start(terminal)
            else:
                self.show_problem("amount", QCoreApplication.translate("MakePaymentDialog", "The bill owes {owed}.")
                                  .format(owed=owed))

        box.finished.connect(answered)
        box.open()

    def _ended(self, outcome: CardOutcome) -> None:
        self._end()
        self.outcome = outcome
        self.message_label.hide()
        text = self.outcome_text(outcome)
        if outcome.settled:
            # Paper after money: the slip is printed (or its failure told) once the payment stands.
            print_card_slip_later(self.ctx, lasting_parent(self), intent_id=outcome.intent.id)
            self._offer_receipt(outcome)
        if outcome.settled and not outcome.approved_despite_cancel:
            self.message_label.setText(text)
            self.finish()
            return
        self.result_label.setText(text)
        self.result_label.show()
        if outcome.settled or outcome.state.is_open:
            # Done, or maybe done (Pending card operations finds out): never sent to the terminal again.
            self.cancel_button.setText(self.tr("&Close"))
            for button in self.terminal_buttons:
                button.setEnabled(False)
            self.amount_edit.setEnabled(False)
        if outcome.preauth_unavailable and self.operation is CardKind.CAPTURE:
            self.charge_button.show()
            self.charge_button.setFocus()

    def outcome_text(self, outcome: CardOutcome) -> str:
        """What happened, for the clerk, in their language."""
        answer = outcome.intent.answer
        reference = card_reference_text(answer.payload) if answer is not None else ""
        payload = outcome.intent.outcome.payload if outcome.intent.outcome is not None else {}
        if outcome.settled:
            if outcome.approved_despite_cancel:
                return self.tr("The terminal had already approved before the cancel arrived: the payment went "
                               "through and is on the bill ({reference}).").format(reference=reference)
            return self.tr("Approved ({reference}).").format(reference=reference)
        if outcome.preauth_unavailable:
            return self.tr("The bank has already released this pre-authorisation: nothing can be captured on it. "
                           "Charge the card directly for the amount instead?")
        state = outcome.state
        if state is IntentState.DECLINED:
            code = payload.get("result_code")
            if code is None:
                return self.tr("The card was declined. Nothing was charged.")
            return self.tr("The card was declined (code {code:02X}). Nothing was charged.").format(code=int(code))
        if state is IntentState.CANCELLED:
            if payload.get("by_us"):
                return self.tr("Cancelled on the terminal. Nothing was charged.")
            return self.tr("The terminal gave up (time out, or the guest pressed Stop). Nothing was charged.")
        if state is IntentState.FAILED and payload.get("reason") == "refused":
            return self.tr("The terminal would not take the command (code {code:02X}): it is busy or cannot do "
                           "this. Nothing was charged.").format(code=int(payload.get("result_code") or 0))
        if state is IntentState.FAILED:
            return self.tr("The terminal could not be reached: {error}. Nothing was charged.").format(
                error=str(payload.get("error", "")))
        if state is IntentState.REVERSED:
            return self.tr("The terminal's operation was reversed. Nothing was charged.")
        return self.tr("The terminal did not say how this ended. It is listed under Pending card operations, "
                       "where it is resolved with the terminal.")

    def _new_card(self) -> None:
        """The amount as typed here, charged (or held) on a card the guest types on the operator's page."""
        from desk.cards.card_page import ThenCharge

        amount = self.read("amount", read_amount, self.amount_edit.text(), self.currency)
        if amount is None:
            return
        hold = self.operation is CardKind.PRE_AUTHORISATION
        self.new_card.emit(ThenCharge(amount, bill_id=None if hold else self.bill_id,
                                      folio_id=self.card.folio.folio.id if hold else None, hold=hold))
        self.reject()

    def _charge_directly(self) -> None:
        """R16: the hold is gone; the clerk charges its amount as a card payment instead."""
        amount = self.hold.amount if self.hold is not None else None
        self.charge_directly.emit(amount, self.bill_id)
        self.accept()


def lasting_parent(dialog: QWidget) -> QWidget | None:
    """The window under a stack of dialogs (they close when the card operation ends; it stays)."""
    parent = dialog.parentWidget()
    while isinstance(parent, QDialog) and parent.parentWidget() is not None:
        parent = parent.parentWidget()
    return parent


# A parentless warning belongs to Python: kept until the clerk closes it.
_slip_warnings: set[QMessageBox] = set()


def print_card_slip_later(ctx: DeskContext, parent: QWidget | None, *, intent_id: int | None = None,
                          payment_id: int | None = None, record_id: int | None = None,
                          reprint: bool = False) -> Op[SlipOutcome]:
    """Print a card operation's slip on the receipt printer, off the GUI thread; a problem is told.

    The payment is already recorded: a printer that is away or out of paper only costs the slip,
    which **Print card slip** on the payment (or the pre-authorisation) prints again.
    """
    runner, actor, hub = ctx.runner, ctx.actor, ctx.devices
    printing = QCoreApplication.translate("CardTerminal", "Printing the card slip…")

    def work(state: TaskState) -> SlipOutcome:
        # The op's cancel (its Cancel button, the window going, the program's exit) drops a queued slip.
        return print_card_slip(runner, actor, hub, intent_id=intent_id, payment_id=payment_id, record_id=record_id,
                               reprint=reprint, progress=lambda _step: state.report(None, printing),
                               cancel=state.cancel_event)

    def done(outcome: SlipOutcome) -> None:
        if outcome.problem is not None:
            warn(error_text(outcome.problem))
        elif reprint and parent is not None and hasattr(parent, "statusBar"):
            text = (QCoreApplication.translate("CardTerminal", "Card slip printed.") if outcome.printed
                    else QCoreApplication.translate("CardTerminal", "This card operation has no slip to print."))
            parent.statusBar().showMessage(text, 10_000)

    def warn(text: str) -> None:
        window = dialog_parent(parent)
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("CardTerminal", "Card slip"), text,
                          QMessageBox.StandardButton.Ok, window)
        box.setObjectName("cardSlipWarning")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _slip_warnings.add(box)
        box.finished.connect(lambda _result: _slip_warnings.discard(box))
        box.open()

    op = ctx.device_op(parent, work).with_progress_dialog(
        QCoreApplication.translate("CardTerminal", "Card slip")).success(done).failure(
        lambda exc: None if isinstance(exc, Cancelled) else warn(error_text(exc))).run()
    if parent is not None:
        parent.destroyed.connect(op.cancel)
    return op
