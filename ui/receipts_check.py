"""Check receipts: settle with the registers what a crash or a lost answer left open (after sign-in, and
from Shift → Check receipts), tell the clerk what was resolved, and list what waits to be printed again
(a receipt, a Z report, a shift's opening or a cash move whose paper was cut, is unsure or never came out)
with **Print again**, which prints it whole on its register (marked COPY where any of it may be on paper)."""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.fiscal.chain import waiting_for_reprint
from desk.fiscal.errors import ReceiptNotPrinted
from desk.fiscal.interface import Document, DocumentKind, Paper
from desk.fiscal.workflow import ReceiptCheck, ReceiptOutcome, reconcile_receipts, reprint_right, reprint_waiting
from desk.people.rights import MissingRight
from ui.context import DeskContext, device_pool
from ui.desk_text import error_text, format_param
from ui.dialogs.common import Column, RowsModel, heading_label, hint_label, rows_view
from ui.i18n import local_date_time, money_text
from ui.ops.feedback import show_error
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState


def check_text(check: ReceiptCheck) -> str:
    """What the check resolved, for the clerk (every part a sentence of its own); what waits is listed apart
    (empty when only that is news)."""
    parts = []
    if check.settled:
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Receipts confirmed by the register: {count}.").format(count=check.settled))
    if check.cancelled:
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Receipts the register never issued: {count}. Print them from the card "
            "(Action → Print receipt).").format(count=check.cancelled))
    if check.cancelled_moves:
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Cash in or out the register never issued: {count}. They are issued with the "
            "shift's next paper, at the latest before its Z report.").format(count=check.cancelled_moves))
    if check.still_unknown or check.failed:  # a check that failed is as open as one not answered
        parts.append(QCoreApplication.translate(
            "ReceiptsCheck", "Receipts the register could not answer for: {count}. Check again when the "
            "register is on (Shift → Check receipts).").format(count=check.still_unknown + check.failed))
    if not parts and not check.waiting:
        parts.append(QCoreApplication.translate("ReceiptsCheck", "Every receipt is settled with the register."))
    return "\n\n".join(parts)


def kind_name(kind: DocumentKind) -> str:
    return {
        DocumentKind.SALE: QCoreApplication.translate("ReceiptsCheck", "Sale receipt"),
        DocumentKind.REFUND: QCoreApplication.translate("ReceiptsCheck", "Refund receipt"),
        DocumentKind.SHIFT_OPEN: QCoreApplication.translate("ReceiptsCheck", "Shift opening"),
        DocumentKind.CASH_IN: QCoreApplication.translate("ReceiptsCheck", "Cash in"),
        DocumentKind.CASH_OUT: QCoreApplication.translate("ReceiptsCheck", "Cash out"),
        DocumentKind.X_REPORT: QCoreApplication.translate("ReceiptsCheck", "X report"),
        DocumentKind.Z_REPORT: QCoreApplication.translate("ReceiptsCheck", "Z report"),
    }[kind]


def paper_name(paper: Paper | None) -> str:
    """What became of the document's last print, in the clerk's words."""
    if paper is Paper.CUT:
        return QCoreApplication.translate("ReceiptsCheck", "cut short")
    if paper is Paper.UNKNOWN:
        return QCoreApplication.translate("ReceiptsCheck", "may not have printed whole")
    if paper is Paper.FAILED:
        return QCoreApplication.translate("ReceiptsCheck", "not printed")
    # Issued, and no print of it has ended: the program stopped while it printed, or it is printing now.
    return QCoreApplication.translate("ReceiptsCheck", "no print has ended")


def document_name(document: Document) -> str:
    return f"{kind_name(document.kind)} {document.register}/{document.number:07d}"


def outcome_text(outcome: ReceiptOutcome) -> str:
    """How one Print again ended."""
    assert outcome.document is not None, "a reprint's outcome names its document"
    name = document_name(outcome.document)
    if outcome.printed_before:
        return QCoreApplication.translate(
            "ReceiptsCheck", "{document} had printed whole meanwhile: nothing was printed again.").format(
            document=name)
    if outcome.problem is None:
        if outcome.copy:
            return QCoreApplication.translate(
                "ReceiptsCheck", "{document} printed again, marked COPY.").format(document=name)
        return QCoreApplication.translate("ReceiptsCheck", "{document} printed.").format(document=name)
    if isinstance(outcome.problem, ReceiptNotPrinted) and "error" in outcome.problem.params:
        # The receipt window's words speak of Retry; here the document waits in this list again.
        return QCoreApplication.translate(
            "ReceiptsCheck", "{document} did not print whole: {error}. It still waits: once the printer is "
            "fixed, press Print again.").format(document=name, error=format_param(outcome.problem.params["error"]))
    return QCoreApplication.translate("ReceiptsCheck", "{document} was not printed: {problem}").format(
        document=name, problem=error_text(outcome.problem))


class ReceiptsCheckDialog(QDialog):
    """What the check resolved, and the documents waiting to be printed again with **Print again**."""

    def __init__(self, ctx: DeskContext, check: ReceiptCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("receiptsCheckDialog")
        self.setWindowTitle(self.tr("Check receipts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 420)
        self.documents: list[Document] = []
        self.print_op: Op[list[ReceiptOutcome]] | None = None
        layout = QVBoxLayout(self)
        self.summary_label = hint_label("", "checkSummaryLabel")
        layout.addWidget(self.summary_label)
        self.waiting_heading = heading_label("", "waitingHeading")
        layout.addWidget(self.waiting_heading)
        self.hint = hint_label(self.tr(
            "Print again prints the document whole on its register. Where any of it may already be on paper, "
            "it is marked COPY; no new fiscal document is issued."), "printAgainHint")
        layout.addWidget(self.hint)
        self.model = RowsModel([
            Column(self.tr("Document")), Column(self.tr("Number")), Column(self.tr("Register")),
            Column(self.tr("Amount"), align_right=True), Column(self.tr("Paper")), Column(self.tr("Issued")),
        ], self)
        self.table = rows_view(self.model, "waitingTable", stretch_column=4)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.print_again_button = QPushButton(self.tr("Print &again"))
        self.print_again_button.setObjectName("printAgainButton")
        self.print_again_button.clicked.connect(lambda: self.print_again(self.selected()))
        self.print_all_button = QPushButton(self.tr("Print a&ll again"))
        self.print_all_button.setObjectName("printAllAgainButton")
        self.print_all_button.clicked.connect(lambda: self.print_again(self.documents))
        row.addWidget(self.print_again_button)
        row.addWidget(self.print_all_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setObjectName("printStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ctx.actor_changed.connect(self._actor_changed)
        self.show_check(check)

    def show_check(self, check: ReceiptCheck) -> None:
        self.summary_label.setText(check_text(check))
        self.summary_label.setVisible(bool(self.summary_label.text()))
        self.show_documents(list(check.waiting))

    def reload(self) -> None:
        self.ctx.query(self, waiting_for_reprint).success(self.show_documents).run()

    def show_documents(self, documents: Sequence[Document]) -> None:
        self.documents = list(documents)
        rows = []
        for document in self.documents:
            day, time = local_date_time(document.issued_at)
            total = document.total
            rows.append([kind_name(document.kind), f"{document.number:07d}", document.register,
                         money_text(total) if total is not None else "", paper_name(document.paper),
                         f"{day} {time}"])
        self.model.set_rows(rows)
        if self.documents:
            self.waiting_heading.setText(self.tr("Waiting to be printed again: {count}").format(
                count=len(self.documents)))
        else:
            self.waiting_heading.setText(self.tr("Nothing waits to be printed again."))
        if len(self.documents) == 1:
            self.table.selectionModel().select(self.model.index(0, 0), QItemSelectionModel.SelectionFlag.Rows
                                               | QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._update()

    def selected(self) -> list[Document]:
        return [self.documents[index.row()] for index in sorted(self.table.selectionModel().selectedRows(),
                                                                key=lambda index: index.row())]

    def _refusal(self, documents: Sequence[Document]) -> MissingRight | None:
        """The desk's refusal of printing one of ``documents`` again by the signed-in user, if any."""
        actor = self.ctx.actor
        for document in documents:
            right = reprint_right(document.kind)
            if not actor.may(right):
                return MissingRight(right, actor.role)
        return None

    def _update(self) -> None:
        busy = self.print_op is not None and self.print_op.is_running
        selected = self.selected()
        refusal = self._refusal(selected)
        self.print_again_button.setEnabled(bool(selected) and refusal is None and not busy)
        self.print_again_button.setToolTip(error_text(refusal) if refusal is not None else "")
        refusal_all = self._refusal(self.documents)
        self.print_all_button.setEnabled(bool(self.documents) and refusal_all is None and not busy)
        self.print_all_button.setToolTip(error_text(refusal_all) if refusal_all is not None else "")

    def _actor_changed(self, _actor: object) -> None:
        if shiboken6.isValid(self):
            self._update()

    def print_again(self, documents: Sequence[Document]) -> Op[list[ReceiptOutcome]] | None:
        if not documents or (self.print_op is not None and self.print_op.is_running):
            return None
        runner, actor, ids = self.ctx.runner, self.ctx.actor, [d.id for d in documents]
        self.status_label.clear()  # the progress dialog says it prints; then this says how it ended

        def work(state: TaskState) -> list[ReceiptOutcome]:
            return reprint_waiting(runner, actor, ids, cancel=state.cancel_event)

        self.print_op = (Op(self, work, pool=device_pool())
                         .busy(self.print_again_button, self.print_all_button)
                         .with_progress_dialog(self.tr("Print again"))
                         .success(lambda outcomes: self._printed(outcomes, len(ids)))
                         .failure(self._not_printed))
        return self.print_op.run()

    def _printed(self, outcomes: list[ReceiptOutcome], asked: int) -> None:
        lines = [outcome_text(outcome) for outcome in outcomes]
        if len(outcomes) < asked:
            lines.append(self.tr("The other documents were not tried: they still wait."))
        self.status_label.setText("\n".join(lines))
        self.ctx.ledger_changed.emit()  # the cards' receipt marks follow their paper
        self.reload()

    def _not_printed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.status_label.setText(self.tr("Printing was cancelled: the documents still wait."))
        elif isinstance(exc, MissingRight):
            self.status_label.setText(error_text(exc))
        else:
            self.status_label.setText("")
            show_error(self, exc)
        self.reload()


def check_receipts(ctx: DeskContext, parent: QWidget, *, quiet_when_clean: bool = False) -> Op[ReceiptCheck]:
    """Reconcile this workstation's receipts off the GUI thread; the outcome, and what waits, in the Check
    receipts window (one per parent: checked again, it shows the new check).

    ``quiet_when_clean`` (at start-up): say nothing when there was nothing to resolve.
    """
    runner, actor = ctx.runner, ctx.actor

    def done(check: ReceiptCheck) -> None:
        parent.setProperty("lastReceiptCheck", check_text(check))
        if check.settled or check.cancelled or check.cancelled_moves:  # the cards' receipt marks changed
            ctx.ledger_changed.emit()
        if quiet_when_clean and check.clean and not (check.settled or check.cancelled or check.cancelled_moves):
            return
        shown = [d for d in parent.findChildren(ReceiptsCheckDialog) if d.isVisible()]
        if shown:
            shown[0].show_check(check)
            shown[0].raise_()
            shown[0].activateWindow()
            return
        ReceiptsCheckDialog(ctx, check, parent).open()

    return (Op(parent, lambda: reconcile_receipts(runner, actor), pool=device_pool())
            .success(done).failure(lambda exc: show_error(parent, exc)).run())
