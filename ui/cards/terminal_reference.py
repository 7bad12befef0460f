""""Verify and save credit card" with the terminal at a Worldline hotel (R10, omni-channel): the clerk
pre-authorises 0.01 on the terminal, types the transaction reference its receipt shows, and Saferpay
turns that transaction's card into a saved card. ZVT hands the desk no such reference, so it is typed
(see desk.cards.operators.saferpay); Saferpay refuses one that names no transaction.

The save (:func:`desk.cards.operator_workflow.save_card_by_terminal_reference`) runs as one Op on the
operators' pool; a refusal of the typed reference is shown here and the clerk corrects it. Saferpay may
take minutes (100 s a try, tried three times): Cancel closes the window at once and stops the tries;
a request already sent stays under Pending card operations until Saferpay is asked what it did.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from desk.cards.card_page import NewCardOwner
from desk.cards.operator_workflow import OnlineOutcome, Watch, reference_operators, save_card_by_terminal_reference
from desk.cards.saved_cards import OperatorInfo
from desk.journal.intents import IntentState
from ui.cards.save_window import CardSaveWindow
from ui.cards.saved import operator_pool
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.field_error import ERROR_COLOR
from ui.ops.op import Op

__all__ = ["TerminalReferenceDialog"]


class TerminalReferenceDialog(CardSaveWindow):
    """Save the card of a terminal transaction, by the reference on its receipt, for a reservation, a
    company or an event."""

    # Cancel while Saferpay was asked: the window closed, its message says where the outcome will show.
    stopped_waiting = Signal()

    def __init__(self, ctx: DeskContext, holder: str, owner: NewCardOwner, parent: QWidget | None = None) -> None:
        super().__init__(ctx, holder, owner, parent, name="terminalReference", width=520)
        self.setWindowTitle(self.tr("Save a card from the terminal's receipt"))
        self.operator: OperatorInfo | None = None
        layout = self.fields_layout
        self.reference_edit = QLineEdit()
        self.reference_edit.setObjectName("terminalReferenceEdit")
        self.reference_edit.setPlaceholderText("1:100002:1:87768996410")
        self.reference_edit.setMaxLength(80)
        self.reference_edit.setEnabled(False)
        layout.addWidget(self.reference_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("terminalReferenceError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.progress_bar.hide()
        self.save_button = self.buttons.addButton(self.tr("&Save card"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        self.message_label.setText(self.tr("Looking for the hotel's Saferpay account…"))

    def start(self) -> Op[list[OperatorInfo]]:
        runner = self.ctx.runner
        op: Op[list[OperatorInfo]] = Op(self, lambda: runner.read(reference_operators), pool=operator_pool())
        self.op = op.success(self._found).failure(self._failed)
        return op.run()

    def _found(self, found: list[OperatorInfo]) -> None:
        if not found:
            self._stop(self.tr("No Saferpay account is set up: a manager adds it in Settings, Card operators."))
            return
        self.operator = found[0]
        self.setWindowTitle(self.tr("Save a card from the terminal's receipt · {operator}").format(
            operator=self.operator.name))
        self.message_label.setText(self.tr(
            "Pre-authorise 0.01 on the terminal with the guest's card, then type the transaction reference its "
            "receipt shows. {operator} saves that card for later; release the 0.01 afterwards.").format(
            operator=self.operator.name))
        self.reference_edit.setEnabled(True)
        self.save_button.setEnabled(True)
        self.reference_edit.setFocus()

    def _save(self) -> None:
        if self.operator is None or self.is_busy:
            return
        runner, actor, ctx = self.ctx.runner, self.ctx.actor, self.ctx
        operator_id, reference, holder, owner = (self.operator.id, self.reference_edit.text(), self.holder,
                                                 self.owner)
        self.cancel_event = cancel = threading.Event()

        def run() -> OnlineOutcome:
            outcome = save_card_by_terminal_reference(
                runner, actor, operator_id, reference, holder, reservation_id=owner.reservation_id,
                company_id=owner.company_id, event_id=owner.event_id, watch=Watch(cancel=cancel))
            ctx.ledger_changed.emit()
            return outcome

        self.error_label.hide()
        self.save_button.setEnabled(False)
        self.reference_edit.setEnabled(False)
        self.progress_bar.show()
        self.message_label.setText(self.tr("Asking {operator}… Cancel stops waiting: what it did is then asked "
                                           "under Pending card operations.").format(operator=self.operator.name))
        op: Op[OnlineOutcome] = Op(self, run, pool=operator_pool())
        self.op = op.success(self._ended).failure(self._refused)
        op.run()

    def reject(self) -> None:
        if self.is_busy and not self.cancel_event.is_set():
            # Not sent again, nor asked about now; an answer still on its way is kept all the same.
            self.cancel_event.set()
            operator = self.operator.name if self.operator is not None else ""
            self.message_label.setText(self.tr(
                "Stopped waiting for {operator}. The card is listed under Pending card operations, where "
                "{operator} is asked whether it saved it.").format(operator=operator))
            self.stopped_waiting.emit()
        super().reject()

    def _ended(self, outcome: OnlineOutcome) -> None:
        self.outcome = outcome
        self.progress_bar.hide()
        self.reference_edit.setEnabled(True)
        if self.cancel_event.is_set() and not outcome.settled:
            return  # the window is closed; the clerk was told where the outcome shows
        self.message_label.setText(self.outcome_text(outcome))
        if outcome.settled:
            self.accept()
            return
        if outcome.pending:
            self._stop(self.outcome_text(outcome))
            return
        self.save_button.setEnabled(True)  # another reference may be typed

    def _refused(self, exc: BaseException) -> None:
        self.progress_bar.hide()
        self.reference_edit.setEnabled(True)
        if self.cancel_event.is_set():
            return
        # A reference refused before Saferpay was asked: shown under the field, to be corrected.
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self.save_button.setEnabled(True)
        if self.operator is not None:
            self._found([self.operator])

    def _stop(self, text: str) -> None:
        self.reference_edit.setEnabled(False)
        self.save_button.hide()
        super()._stop(text)

    def outcome_text(self, outcome: OnlineOutcome) -> str:
        """How it ended, for the clerk, in their language."""
        operator = self.operator.name if self.operator is not None else ""
        result = outcome.intent.outcome.payload if outcome.intent.outcome is not None else {}
        if outcome.settled:
            return self.saved_text(outcome)
        if outcome.pending:
            return self.tr("{operator} did not answer. The card is listed under Pending card operations, where "
                           "{operator} is asked again whether it saved it.").format(operator=operator)
        if outcome.intent.state is IntentState.FAILED and outcome.code == "TRANSACTION_NOT_FOUND":
            return self.tr("{operator} knows no terminal transaction with this reference: check it on the "
                           "receipt and type it again. Nothing was saved.").format(operator=operator)
        return self.tr("{operator} refused it: {error}. Nothing was saved.").format(
            operator=operator, error=str(result.get("error", "") or outcome.code or ""))
