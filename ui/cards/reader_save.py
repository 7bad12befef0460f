""""Verify and save credit card" with the terminal: the guest presents the card on this workstation's
reader of the hotel's operator (a Stripe Terminal reader), which saves it for later charges (R10).

The flow (:func:`desk.cards.reader_save.save_card_on_reader`) runs as one Op on the operators' pool;
this window shows what the reader waits for, a busy bar, and **Cancel**, which asks the reader to
stop; once the reader stopped, the operator is asked what it saved, so a card is never lost or saved
twice.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk.cards.card_page import NewCardOwner
from desk.cards.operator_workflow import OnlineOutcome, Watch
from desk.cards.reader_save import reader_operators, save_card_on_reader
from desk.cards.saved_cards import OperatorInfo
from desk.journal.intents import IntentState
from ui.cards.save_window import CardSaveWindow
from ui.cards.saved import operator_pool
from ui.context import DeskContext
from ui.ops.op import Op
from ui.ops.pools import TaskState

__all__ = ["ReaderSaveDialog"]


class ReaderSaveDialog(CardSaveWindow):
    """Save the card the guest presents on the reader, for a reservation, a company or an event."""

    def __init__(self, ctx: DeskContext, holder: str, owner: NewCardOwner, parent: QWidget | None = None) -> None:
        super().__init__(ctx, holder, owner, parent, name="readerSave", width=480)
        self.setWindowTitle(self.tr("Save a card from the terminal"))
        self.operator_id = 0
        self.operator_name = ""
        self.reader = ""
        # Adyen's device is a payment terminal (its POIID), Stripe's a reader: each named as its operator does.
        self.is_terminal = False
        self.message_label.setText(self.tr("Looking for the card reader of this workstation…"))

    def start(self) -> Op[list[tuple[OperatorInfo, str]]]:
        runner, workstation = self.ctx.runner, self.ctx.actor.workstation
        op: Op[list[tuple[OperatorInfo, str]]] = Op(self, lambda: runner.read(reader_operators, workstation),
                                                    pool=operator_pool())
        self.op = op.success(self._found).failure(self._failed)
        return op.run()

    def _found(self, found: list[tuple[OperatorInfo, str]]) -> None:
        if not found:
            self._stop(self.tr("No card reader of an online operator is set up at this workstation: a manager sets "
                               "it in Settings, Card operators."))
            return
        info, self.reader = found[0]
        self.operator_id, self.operator_name = info.id, info.name
        self.is_terminal = info.operator == "adyen"
        self.setWindowTitle(self.tr("Save a card from the terminal · {operator}").format(operator=info.name))
        starting = (self.tr("Starting the terminal {reader}…") if self.is_terminal
                    else self.tr("Starting the reader {reader}…"))
        self.message_label.setText(starting.format(reader=self.reader))
        self._save()

    def _save(self) -> None:
        runner, actor, ctx = self.ctx.runner, self.ctx.actor, self.ctx
        operator_id, holder, owner, cancel = self.operator_id, self.holder, self.owner, self.cancel_event

        def run(state: TaskState) -> OnlineOutcome:
            def progress(key: str) -> None:
                if state.cancel_requested:
                    cancel.set()
                state.report(None, key)

            outcome = save_card_on_reader(runner, actor, operator_id, holder, owner,
                                          Watch(progress=progress, cancel=cancel))
            ctx.ledger_changed.emit()
            return outcome

        op: Op[OnlineOutcome] = Op(self, run, pool=operator_pool())
        self.op = op.progress(self._progress).success(self._ended).failure(self._failed)
        op.run()

    def _progress(self, _fraction: float | None, key: str) -> None:
        if self.cancel_event.is_set():
            return
        present = (self.tr("Ask the guest to present the card on the terminal {reader}. Nothing is charged: "
                           "the card is saved for later.") if self.is_terminal
                   else self.tr("Ask the guest to present the card on the reader {reader}. Nothing is charged: "
                                "the card is saved for later."))
        texts = {
            "present_card": present.format(reader=self.reader),
            "contacting_operator": self.tr("Asking {operator}…").format(operator=self.operator_name),
        }
        if key in texts:
            self.message_label.setText(texts[key])

    def reject(self) -> None:
        if self.is_busy:
            # The reader is asked to stop; what it did before that is still asked and kept.
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            stopping = (self.tr("Asking the terminal to stop, and {operator} whether a card was saved…")
                        if self.is_terminal
                        else self.tr("Asking the reader to stop, and {operator} whether a card was saved…"))
            self.message_label.setText(stopping.format(operator=self.operator_name))
            return
        super().reject()

    def _ended(self, outcome: OnlineOutcome) -> None:
        self.outcome = outcome
        if outcome.settled:
            self.message_label.setText(self.outcome_text(outcome))
            self.accept()
            return
        if self.cancel_event.is_set() and outcome.intent.state is IntentState.CANCELLED:
            super().reject()  # the clerk stopped it and no card was read: nothing to tell
            return
        self._stop(self.outcome_text(outcome))

    def outcome_text(self, outcome: OnlineOutcome) -> str:
        """How it ended, for the clerk, in their language."""
        operator = self.operator_name
        state = outcome.intent.state
        result = outcome.intent.outcome.payload if outcome.intent.outcome is not None else {}
        if outcome.settled:
            return self.saved_text(outcome)
        if outcome.pending and self.is_terminal:
            return self.tr("{operator} did not answer. The card is listed under Pending card operations, where "
                           "{operator} is asked again whether the terminal saved it.").format(operator=operator)
        if outcome.pending:
            return self.tr("{operator} did not answer. The card is listed under Pending card operations, where "
                           "{operator} is asked again whether the reader saved it.").format(operator=operator)
        if state is IntentState.DECLINED:
            return self.tr("{operator} refused the card ({code}). Nothing was saved.").format(
                operator=operator, code=outcome.code or self.tr("no reason given"))
        if state is IntentState.FAILED and outcome.reason == "reader_busy" and self.is_terminal:
            return self.tr("The terminal {reader} is offline or busy with another payment: check it and try "
                           "again. Nothing was saved.").format(reader=self.reader)
        if state is IntentState.FAILED and outcome.reason == "reader_busy":
            return self.tr("The reader {reader} is offline or busy with another payment: check it and try again. "
                           "Nothing was saved.").format(reader=self.reader)
        if state is IntentState.FAILED:
            return self.tr("{operator} refused the request: {error}. Nothing was saved.").format(
                operator=operator, error=str(result.get("error", "")))
        if self.is_terminal:
            return self.tr("The terminal stopped without a card (none was presented in time, or the guest "
                           "cancelled). Nothing was saved.")
        return self.tr("The reader stopped without a card (none was presented in time, or the guest cancelled). "
                       "Nothing was saved.")
