"""Settle a pending card operation by hand: a manager reads the terminal's evidence and says how it ended."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QLineEdit, QRadioButton, QWidget

from desk.cards.models import ONLINE_KINDS
from desk.cards.pending import settle_card_by_hand
from desk.journal.intents import IntentView
from desk.people.auth import ManagerApproval
from ui.context import DeskContext
from ui.dialogs.common import (
    DeskDialog,
    FieldProblem,
    add_credentials,
    amount_for_edit,
    hint_label,
    new_form,
    read_amount,
    read_credentials,
)
from ui.i18n import money_text
from ui.ops.op import Op


class SettleByHandDialog(DeskDialog):
    """It happened (the receipt's number and amount) or it did not; why; a manager's credentials."""

    def __init__(self, ctx: DeskContext, intent: IntentView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Settle by hand"), apply_text=self.tr("&Settle"))
        self.setObjectName("settleByHandDialog")
        self.intent = intent
        # A card operator's operation: its evidence is the operator's back office, its reference.
        self.online = intent.kind in ONLINE_KINDS
        amount = money_text(intent.amount) if intent.amount is not None else ""
        if self.online:
            note = self.tr("The card operator {operator} cannot say how this ended. Settle it only from what its "
                           "back office shows for this operation. Asked for: {amount}.").format(
                operator=intent.device, amount=amount)
            went_through = self.tr("It went through: the operator's back office shows it done")
        else:
            note = self.tr("The terminal cannot say how this ended. Settle it only from evidence: the receipt the "
                           "terminal printed, or the bank's statement. Asked for: {amount}.").format(amount=amount)
            went_through = self.tr("It went through: the terminal printed a receipt")
        self.content.addWidget(hint_label(note, "settleNoteLabel"))
        self.happened_radio = QRadioButton(went_through)
        self.happened_radio.setObjectName("happenedRadio")
        self.not_happened_radio = QRadioButton(self.tr("It did not go through: no money moved"))
        self.not_happened_radio.setObjectName("notHappenedRadio")
        self.outcome_group = QButtonGroup(self)
        for radio in (self.happened_radio, self.not_happened_radio):
            self.outcome_group.addButton(radio)
            self.content.addWidget(radio)
        self.happened_radio.toggled.connect(self._show_evidence)

        form = new_form()
        self.content.addLayout(form)
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setObjectName("receiptEdit")
        self.add_field(form, "receipt", self.tr("&Receipt number:"), self.receipt_edit)
        self.reference_edit = QLineEdit()
        self.reference_edit.setObjectName("referenceEdit")
        self.reference_edit.setMaxLength(64)
        self.add_field(form, "reference", self.tr("Operator's &reference:"), self.reference_edit)
        self.amount_edit = QLineEdit(amount_for_edit(intent.amount) if intent.amount is not None else "")
        self.amount_edit.setObjectName("amountEdit")
        self.add_field(form, "amount", self.tr("&Amount the operator shows:") if self.online
                       else self.tr("&Amount on the receipt:"), self.amount_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("What you checked"))
        self.add_field(form, "reason", self.tr("&Evidence:"), self.reason_edit)
        self.username_edit, self.password_edit = add_credentials(self, form)
        self._show_evidence(False)

    def _show_evidence(self, happened: bool) -> None:
        self.set_field_visible("receipt", happened and not self.online)
        self.set_field_visible("reference", happened and self.online)
        self.set_field_visible("amount", happened and self.intent.amount is not None)

    def submit(self) -> Op[Any] | None:
        if self.outcome_group.checkedButton() is None:
            self.refuse("outcome", self.tr("Say whether it went through."))
        happened = self.happened_radio.isChecked()
        receipt_no: int | None = None
        amount = None
        reference = self.reference_edit.text().strip()
        if happened and self.online:
            if not reference and self.intent.amount is not None:
                self.refuse("reference", self.tr("Type the operator's reference for this operation."))
        elif happened:
            text = self.receipt_edit.text().strip()
            if not text.isdigit():
                self.refuse("receipt", self.tr("Type the receipt number the terminal printed."))
            else:
                receipt_no = int(text)
        if happened and self.intent.amount is not None:
            try:
                amount = read_amount(self.amount_edit.text(), self.intent.amount.currency)
            except FieldProblem as problem:
                self.refuse("amount", str(problem))
        reason = self.reason_edit.text().strip()
        if not reason:
            self.refuse("reason", self.tr("Say what shows how it ended."))
        username, password = read_credentials(self, self.username_edit, self.password_edit)
        if self.refused:
            return None
        return self.change(settle_card_by_hand, self.intent.id, happened=happened, reason=reason,
                           receipt_no=receipt_no, amount=amount, reference=reference,
                           approval=ManagerApproval(username, password)
                           ).success(lambda _view: self.finish())

    def show_failure(self, exc: BaseException) -> None:
        super().show_failure(exc)
        self.password_edit.clear()
