"""Charge a saved card, pre-authorise on it, and capture or release its hold, at its online operator
(R12, R14-R16): the guest is not at the desk, nothing is typed on a terminal.

The call runs on the operators' own pool, never on the GUI thread; the dialog shows that the operator
is being asked, and **Cancel**, which stops the request if it has not left yet (once sent, its answer
is waited for and settled: money taken is never dropped). A hold the bank already released becomes
the plain message with **Charge the saved card directly**.
"""

from __future__ import annotations

import enum
import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desk.cards.operations import CardPaymentInfo
from desk.cards.operator_workflow import (
    OnlineOutcome,
    Watch,
    capture_online_hold,
    charge_saved_card,
    pre_authorise_saved_card,
    refund_online_payment,
    release_online_hold,
)
from desk.core.money import Money
from desk.journal.intents import IntentState
from desk.people.rights import Right
from desk.stays.reservation_card import PreAuthorisation, ReservationCardData, SavedCard
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, add_row, amount_for_edit, heading_label, new_form, read_amount
from ui.i18n import money_text
from ui.ops.op import Op
from ui.ops.pools import TaskState, named_pool

__all__ = ["SavedCardDialog", "SavedCardOperation"]


class SavedCardOperation(enum.StrEnum):
    CHARGE = "charge"
    PRE_AUTHORISE = "pre_authorise"
    CAPTURE = "capture"
    RELEASE = "release"
    REFUND = "refund"


def operator_pool() -> Any:
    """Threads for the online operators: a network wait never holds the GUI or a terminal's thread."""
    return named_pool("card-operator", 2)


class SavedCardDialog(DeskDialog):
    """One operation on a saved card (or on its hold) at the card's operator; see the module docstring."""

    # Money and a bill id: the hold was gone, the clerk chose to charge the saved card directly (R16).
    charge_directly = Signal(object, object)

    def __init__(self, ctx: DeskContext, card: ReservationCardData, operation: SavedCardOperation, *,
                 saved: SavedCard | None = None, hold: PreAuthorisation | None = None, bill_id: int | None = None,
                 payment: CardPaymentInfo | None = None, amount: Money | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self._title(operation), apply_text=self._apply_text(operation))
        self.setObjectName("savedCardDialog")
        self.card = card
        self.operation = operation
        self.saved = saved
        self.hold = hold
        self.bill_id = bill_id
        self.payment = payment
        self.cancel_event = threading.Event()
        self.outcome: OnlineOutcome | None = None
        self.field_aliases = {"currency": "amount", "bill": "amount", "hold": "amount", "card": "amount",
                              "payment": "amount"}
        self.content.addWidget(heading_label(self._heading(), "savedCardHeading"))
        self.form = new_form()
        self.content.addLayout(self.form)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountEdit")
        amount_row = QWidget()
        row = QHBoxLayout(amount_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount_edit, 1)
        row.addWidget(QLabel(self.currency))
        self.add_field(self.form, "amount", self.tr("Am&ount:"), amount_row, focus=self.amount_edit)
        self.set_field_visible("amount", operation is not SavedCardOperation.RELEASE)
        default = amount or (hold.amount if hold is not None else None)
        if default is None and payment is not None:
            default = card.folio.payment(payment.payment_id).refundable
        if default is None and operation is SavedCardOperation.CHARGE and bill_id is not None:
            owed = card.folio.bill(bill_id).balance
            default = owed if owed.is_positive and owed.currency == self.currency else None
        if default is not None and default.is_positive:
            self.amount_edit.setText(amount_for_edit(default))
        # A manager signs only what the clerk's own role may not do (as the terminal's dialog asks it).
        signs = ((operation is SavedCardOperation.RELEASE and self.lacks(Right.RELEASE_PREAUTH))
                 or (operation is SavedCardOperation.REFUND and self.lacks(Right.REFUND)))
        self.add_approval(self.form, shown=signs)
        self.message_label = QLabel()
        self.message_label.setObjectName("operatorMessageLabel")
        big = QFont(self.message_label.font())
        big.setBold(True)
        self.message_label.setFont(big)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        for label in (self.message_label, self.result_label):
            label.hide()
            add_row(self.form, None, label)
        self.charge_button = QPushButton(self.tr("C&harge the saved card directly"))
        self.charge_button.setObjectName("chargeSavedDirectlyButton")
        self.charge_button.hide()
        self.charge_button.clicked.connect(self._charge_directly)
        add_row(self.form, None, self.charge_button)
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    # --- what it shows --------------------------------------------------------------------------

    def _title(self, operation: SavedCardOperation) -> str:
        return {
            SavedCardOperation.CHARGE: self.tr("Charge saved card"),
            SavedCardOperation.PRE_AUTHORISE: self.tr("Pre-authorise with saved card"),
            SavedCardOperation.CAPTURE: self.tr("Capture pre-authorisation"),
            SavedCardOperation.RELEASE: self.tr("Release pre-authorisation"),
            SavedCardOperation.REFUND: self.tr("Refund to the saved card"),
        }[operation]

    def _apply_text(self, operation: SavedCardOperation) -> str:
        return {
            SavedCardOperation.CHARGE: self.tr("C&harge"),
            SavedCardOperation.PRE_AUTHORISE: self.tr("&Pre-authorise"),
            SavedCardOperation.CAPTURE: self.tr("Ca&pture"),
            SavedCardOperation.RELEASE: self.tr("Re&lease"),
            SavedCardOperation.REFUND: self.tr("&Refund"),
        }[operation]

    def _heading(self) -> str:
        if self.saved is not None:
            return self.tr("{brand} {number}, {holder} · {operator}").format(
                brand=self.saved.brand, number=self.saved.masked_number, holder=self.saved.holder,
                operator=self.saved.operator)
        if self.hold is not None:
            return self.tr("Pre-authorisation of {amount} · {operator}").format(
                amount=money_text(self.hold.amount), operator=self.hold.terminal)
        if self.payment is not None:
            return self.tr("Payment {payment}, {brand} {number} · {operator}").format(
                payment=self.payment.payment_id, brand=self.payment.brand, number=self.payment.masked_pan,
                operator=self.payment.terminal)
        return ""

    @property
    def currency(self) -> str:
        if self.hold is not None:
            return self.hold.amount.currency
        if self.payment is not None:  # R13: a refund is in the charge's own currency
            return self.card.folio.payment(self.payment.payment_id).payment.amount.currency
        return self.card.currency

    @property
    def operator_id(self) -> int:
        if self.saved is not None:
            return self.saved.operator_id
        if self.payment is not None and self.payment.operator_id is not None:
            return self.payment.operator_id
        assert self.hold is not None and self.hold.operator_id is not None
        return self.hold.operator_id

    # --- running ------------------------------------------------------------------------------

    def submit(self) -> Op[Any] | None:
        amount: Money | None = None
        if self.operation is not SavedCardOperation.RELEASE:
            amount = self.read("amount", read_amount, self.amount_edit.text(), self.currency)
        approval = self.read_approval()
        if self.refused:
            return None
        runner, actor, ctx = self.ctx.runner, self.ctx.actor, self.ctx
        operation, operator_id = self.operation, self.operator_id
        saved_id = self.saved.id if self.saved is not None else 0
        hold_id = self.hold.id if self.hold is not None else 0
        payment_id = self.payment.payment_id if self.payment is not None else 0
        bill_id, folio_id = self.bill_id, self.card.folio.folio.id
        self.cancel_event = threading.Event()
        cancel = self.cancel_event

        def run(state: TaskState) -> OnlineOutcome:
            def progress(key: str) -> None:
                if state.cancel_requested:
                    cancel.set()
                state.report(None, key)

            watch = Watch(progress=progress, cancel=cancel)
            match operation:
                case SavedCardOperation.CHARGE:
                    assert bill_id is not None and amount is not None
                    outcome = charge_saved_card(runner, actor, operator_id, saved_id, bill_id, amount,
                                                approval=approval, watch=watch)
                case SavedCardOperation.PRE_AUTHORISE:
                    assert amount is not None
                    outcome = pre_authorise_saved_card(runner, actor, operator_id, saved_id, folio_id, amount,
                                                       watch=watch)
                case SavedCardOperation.CAPTURE:
                    outcome = capture_online_hold(runner, actor, operator_id, hold_id, amount, bill_id=bill_id,
                                                  watch=watch)
                case SavedCardOperation.RELEASE:
                    outcome = release_online_hold(runner, actor, operator_id, hold_id, approval=approval,
                                                  watch=watch)
                case SavedCardOperation.REFUND:
                    outcome = refund_online_payment(runner, actor, operator_id, payment_id, amount,
                                                    approval=approval, watch=watch)
            ctx.folios_changed.emit(frozenset({folio_id}))
            ctx.ledger_changed.emit()
            return outcome

        self.amount_edit.setEnabled(False)
        self.result_label.hide()
        self.charge_button.hide()
        self.message_label.setText(self.tr("Asking {operator}…").format(operator=self._operator_name()))
        self.message_label.show()
        op: Op[OnlineOutcome] = Op(self, run, pool=operator_pool())
        return op.success(self._ended).failure(self._failed)

    def _operator_name(self) -> str:
        if self.saved is not None:
            return self.saved.operator
        if self.payment is not None:
            return self.payment.terminal
        return self.hold.terminal if self.hold is not None else ""

    def reject(self) -> None:
        # While the operator is asked, Cancel stops the request if it has not left; the dialog closes with the answer.
        if self.is_busy:
            self.cancel_event.set()
            self.message_label.setText(self.tr("Cancelling… if the request already left, its answer is waited for."))
            return
        super().reject()

    def _failed(self, exc: BaseException) -> None:
        self.amount_edit.setEnabled(True)
        self.message_label.hide()
        self.show_failure(exc)

    def _ended(self, outcome: OnlineOutcome) -> None:
        self.outcome = outcome
        self.amount_edit.setEnabled(True)
        self.message_label.hide()
        text = self.outcome_text(outcome)
        if outcome.settled:
            self.message_label.setText(text)
            self.finish()
            return
        self.result_label.setText(text)
        self.result_label.show()
        if outcome.pending:
            self.cancel_button.setText(self.tr("&Close"))
            self.apply_button.setEnabled(False)
        if outcome.hold_expired:
            self.apply_button.setEnabled(False)  # the hold is gone: only the direct charge is left
        if outcome.hold_expired and self.operation is SavedCardOperation.CAPTURE and self.hold is not None \
                and self.hold.saved_card_id is not None:
            self.charge_button.show()
            self.charge_button.setFocus()

    def outcome_text(self, outcome: OnlineOutcome) -> str:
        """What happened, for the clerk, in their language."""
        answer = outcome.intent.answer
        reference = str(answer.payload.get("reference", "")) if answer is not None else ""
        if outcome.settled:
            return self.tr("Approved (ref. {reference}).").format(reference=reference)
        if outcome.hold_expired:
            return self.tr("The bank has already released this pre-authorisation: nothing can be captured on it. "
                           "Charge the saved card directly for the amount instead?")
        state = outcome.intent.state
        if outcome.needs_cardholder:
            return self.tr("The bank wants the cardholder to confirm this payment, which cannot be done without "
                           "them: take it on the card terminal with the guest present. Nothing was charged.")
        if state is IntentState.DECLINED:
            return self.tr("The card was declined ({code}). Nothing was charged.").format(
                code=outcome.code or self.tr("no reason given"))
        if state is IntentState.CANCELLED:
            return self.tr("Cancelled before the request was sent. Nothing was charged.")
        if outcome.whole_only_before_settlement:
            return self.tr("{operator} gives back only the whole payment until its day is settled, usually "
                           "overnight: refund the whole now, or this part tomorrow. Nothing was refunded.").format(
                operator=self._operator_name())
        if state is IntentState.FAILED:
            payload = outcome.intent.outcome.payload if outcome.intent.outcome is not None else {}
            return self.tr("{operator} refused the request: {error}. Nothing was charged.").format(
                operator=self._operator_name(), error=str(payload.get("error", "")))
        if outcome.awaiting_confirmation:
            return self.tr("{operator} has the request and confirms it in a moment. Until then the operation is "
                           "listed under Pending card operations and the bill takes no other card payment."
                           ).format(operator=self._operator_name())
        return self.tr("{operator} did not answer. The operation is listed under Pending card operations, where "
                       "{operator} is asked again by the desk's own key; the bill takes no other card payment "
                       "until then.").format(operator=self._operator_name())

    def _charge_directly(self) -> None:
        """R16: the hold is gone; the clerk charges its amount on the saved card instead."""
        amount = self.read("amount", read_amount, self.amount_edit.text(), self.currency)
        self.charge_directly.emit(amount or (self.hold.amount if self.hold else None), self.bill_id)
        self.accept()

