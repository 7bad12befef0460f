"""The night audit window: what the business day leaves open, the audit's progress, its summary.

Three pages in one window. The first lists the open items (read off the GUI thread) and asks a
reason when there are any; the second follows the audit stay by stay, and its Cancel stops after
the stay being charged (the audit is resumable: running it again finishes it, charging nothing
twice); the third says what was done and the new business date.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.stays.night_audit import AuditPlan, AuditSummary, OpenItem, OpenKind, audit_plan, run_night_audit
from ui.cards.operations import operation_name
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.field_error import ERROR_COLOR
from ui.i18n import format_date, money_text
from ui.ops.op import Op
from ui.ops.pools import TaskState

logger = logging.getLogger(__name__)

def kind_name(kind: OpenKind) -> str:
    return {
        OpenKind.CASH_SHIFT: QCoreApplication.translate("NightAudit", "Cash shift not closed"),
        OpenKind.CARD_OPERATION: QCoreApplication.translate("NightAudit", "Card operation pending"),
        OpenKind.RECEIPT: QCoreApplication.translate("NightAudit", "Receipt not printed"),
        OpenKind.ARRIVAL: QCoreApplication.translate("NightAudit", "Arrival not checked in"),
        OpenKind.DEPARTURE: QCoreApplication.translate("NightAudit", "Departure not checked out"),
    }[kind]


def item_detail(item: OpenItem) -> str:
    if item.kind is OpenKind.CASH_SHIFT:
        return QCoreApplication.translate("NightAudit", "opened by {user}").format(user=item.detail)
    if item.kind is OpenKind.CARD_OPERATION:
        name = operation_name(item.detail)
        return f"{name} {money_text(item.amount)}" if item.amount is not None else name
    if item.kind is OpenKind.RECEIPT:
        return QCoreApplication.translate("NightAudit", "payment {number}").format(number=item.detail)
    return item.detail


class NightAuditDialog(QDialog):
    """Close the business day: open items and a reason, then progress with Cancel, then the summary."""

    summary_shown = Signal(object)  # the AuditSummary, once its page is on screen

    OPEN_PAGE, PROGRESS_PAGE, SUMMARY_PAGE = range(3)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("nightAuditDialog")
        self.setWindowTitle(self.tr("Night audit"))
        self.resize(780, 460)
        self.plan: AuditPlan | None = None
        self.summary: AuditSummary | None = None
        self.op: Op[AuditSummary] | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._open_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.reload()

    # -- page 1: what is open --------------------------------------------------------------------

    def _open_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.date_label = QLabel()
        self.date_label.setObjectName("businessDateLabel")
        self.date_label.setWordWrap(True)
        layout.addWidget(self.date_label)
        self.items_table = QTableWidget(0, 3)
        self.items_table.setObjectName("openItemsTable")
        self.items_table.setHorizontalHeaderLabels([self.tr("Open item"), self.tr("Where"), self.tr("Details")])
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.verticalHeader().hide()
        self.items_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.items_table)
        self.plan_label = QLabel()
        self.plan_label.setObjectName("planLabel")
        self.plan_label.setWordWrap(True)
        layout.addWidget(self.plan_label)
        form = QFormLayout()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(240)
        self.reason_edit.setPlaceholderText(self.tr("Why the day is closed with these items open"))
        self.reason_edit.textChanged.connect(self._update_start)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("&Close the day"))
        self.start_button.setObjectName("startButton")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.refresh_button = buttons.addButton(self.tr("Re&fresh"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.reload)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def reload(self) -> None:
        self.start_button.setEnabled(False)
        self.ctx.query(self, audit_plan).success(self.show_plan).failure(self._failed).run()

    def show_plan(self, plan: AuditPlan) -> None:
        self.plan = plan
        self.date_label.setText(self.tr("Business date: {date}").format(date=format_date(plan.business_date)))
        self.items_table.setRowCount(len(plan.open_items))
        for row, item in enumerate(plan.open_items):
            for column, text in enumerate((kind_name(item.kind), item.reference, item_detail(item))):
                self.items_table.setItem(row, column, QTableWidgetItem(text))
        self.items_table.resizeColumnsToContents()
        if plan.open_items:
            lead = self.tr("Open items: {count}. A manager may close the day over them, giving a reason.").format(
                count=len(plan.open_items))
        else:
            lead = self.tr("Nothing is open.")
        self.plan_label.setText(lead + " " + self.tr(
            "In-house stays to charge: {stays}. Reservations to mark as no-shows: {no_shows}.").format(
            stays=plan.stays, no_shows=plan.no_shows))
        self.reason_edit.setEnabled(bool(plan.open_items))
        self._update_start()

    def _update_start(self) -> None:
        plan = self.plan
        reason_given = bool(self.reason_edit.text().strip())
        self.start_button.setEnabled(plan is not None and (not plan.open_items or reason_given))

    def _failed(self, exc: BaseException) -> None:
        was_running = self.pages.currentIndex() == self.PROGRESS_PAGE
        self.error_label.setText(error_text(exc))
        self.pages.setCurrentIndex(self.OPEN_PAGE)
        if was_running:  # refused at its start (another desk opened or closed something): list it again
            self.reload()
        self._update_start()

    # -- page 2: progress --------------------------------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setWordWrap(True)
        layout.addWidget(self.progress_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        layout.addWidget(self.progress_bar)
        note = QLabel(self.tr("Cancel stops after the stay being charged; running the night audit again finishes "
                          "the day without charging anything twice."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        return page

    def start(self) -> None:
        if self.plan is None:
            return
        reason = self.reason_edit.text().strip() if self.plan.open_items else ""
        runner, actor = self.ctx.runner, self.ctx.actor
        self.error_label.clear()
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(self.tr("Closing business day {date}…").format(
            date=format_date(self.plan.business_date)))
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(self.PROGRESS_PAGE)

        def audit(state: TaskState) -> AuditSummary:
            return run_night_audit(runner, actor, reason=reason, stop=lambda: state.cancel_requested,
                                   progress=lambda done, total: state.report(done / total, f"{done}/{total}"))

        self.op = Op(self, audit).progress(self._progress).success(self.show_summary).failure(self._failed).run()

    def _progress(self, fraction: float | None, _text: str) -> None:
        if fraction is None:
            return
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(round(fraction * 1000))

    def cancel(self) -> None:
        if self.op is not None and self.op.is_running:
            self.op.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping after the stay being charged…"))

    # -- page 3: summary ---------------------------------------------------------------------------

    def _summary_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_title = QLabel()
        self.summary_title.setObjectName("summaryTitle")
        self.summary_title.setWordWrap(True)
        font = self.summary_title.font()
        font.setBold(True)
        self.summary_title.setFont(font)
        layout.addWidget(self.summary_title)
        form = QFormLayout()
        self.nights_value = QLabel()
        self.nights_value.setObjectName("nightsValue")
        self.rooms_value = QLabel()
        self.rooms_value.setObjectName("roomsValue")
        self.city_tax_value = QLabel()
        self.city_tax_value.setObjectName("cityTaxValue")
        self.no_shows_value = QLabel()
        self.no_shows_value.setObjectName("noShowsValue")
        self.new_date_value = QLabel()
        self.new_date_value.setObjectName("newDateValue")
        self.cards_deleted_value = QLabel()
        self.cards_deleted_value.setObjectName("cardsDeletedValue")
        self.cards_kept_value = QLabel()
        self.cards_kept_value.setObjectName("cardsKeptValue")
        form.addRow(self.tr("Nights charged:"), self.nights_value)
        form.addRow(self.tr("Room charges:"), self.rooms_value)
        form.addRow(self.tr("City tax:"), self.city_tax_value)
        form.addRow(self.tr("No-shows:"), self.no_shows_value)
        form.addRow(self.tr("New business date:"), self.new_date_value)
        form.addRow(self.tr("Saved cards deleted (past their date):"), self.cards_deleted_value)
        form.addRow(self.tr("Saved cards not deleted yet:"), self.cards_kept_value)
        layout.addLayout(form)
        self.cards_label = QLabel()
        self.cards_label.setObjectName("cardsKeptLabel")
        self.cards_label.setWordWrap(True)
        self.cards_label.setStyleSheet("color: #8a5a00")
        layout.addWidget(self.cards_label)
        self.refused_label = QLabel()
        self.refused_label.setObjectName("refusedLabel")
        self.refused_label.setWordWrap(True)
        self.refused_label.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.refused_label)
        self.anchor_label = QLabel()
        self.anchor_label.setObjectName("anchorWarningLabel")
        self.anchor_label.setWordWrap(True)
        self.anchor_label.setStyleSheet("color: #8a5a00")
        layout.addWidget(self.anchor_label)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.again_button = QPushButton(self.tr("&Run again"))
        self.again_button.setObjectName("againButton")
        self.again_button.clicked.connect(self._run_again)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        done = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        done.setObjectName("doneButton")
        done.clicked.connect(self.accept)
        layout.addWidget(buttons)
        return page

    def show_summary(self, summary: AuditSummary) -> None:
        self.summary = summary
        self.ctx.ledger_changed.emit()
        if summary.finished:
            self.summary_title.setText(self.tr("Business day {date} is closed.").format(
                date=format_date(summary.business_date)))
        else:
            self.summary_title.setText(self.tr(
                "The night audit of {date} was stopped: run it again to finish the day.").format(
                date=format_date(summary.business_date)))
        self.nights_value.setText(str(summary.nights))
        self.rooms_value.setText(money_text(summary.rooms))
        self.city_tax_value.setText(money_text(summary.city_tax))
        self.no_shows_value.setText(str(summary.no_shows))
        self.new_date_value.setText(format_date(summary.new_business_date) if summary.new_business_date
                                    else self.tr("not moved yet"))
        self.refused_label.setText("\n".join(
            [self.tr("Not charged: settle these stays, then run the night audit again.")]
            + [f"{night.reservation}: {error_text(night.refusal)}" for night in summary.refused])
            if summary.refused else "")
        self.refused_label.setVisible(bool(summary.refused))
        self.cards_deleted_value.setText(str(summary.cards_deleted))
        self.cards_kept_value.setText(str(len(summary.cards_not_deleted)))
        self.cards_label.setText("\n".join(
            [self.tr("These cards stay until the operator deletes them: the next night audit tries again.")]
            + [f"{kept.card}: {self._why_kept(kept.refusal)}" for kept in summary.cards_not_deleted])
            if summary.cards_not_deleted else "")
        self.cards_label.setVisible(bool(summary.cards_not_deleted))
        warning = summary.anchor_warning
        self.anchor_label.setText(self.tr("Warning: {problem}. The audit trail itself is intact.").format(
            problem=error_text(warning)) if warning is not None else "")
        self.anchor_label.setVisible(warning is not None)
        self.again_button.setVisible(not summary.finished)
        self.pages.setCurrentIndex(self.SUMMARY_PAGE)
        self.summary_shown.emit(summary)

    def _why_kept(self, refusal: str | DeskError) -> str:
        if not refusal:
            return self.tr("the card operator was not reached; whether it deleted the card is asked first")
        if isinstance(refusal, DeskError):
            return error_text(refusal)
        return self.tr("the card operator refused: {refusal}").format(refusal=refusal)

    def _run_again(self) -> None:
        self.pages.setCurrentIndex(self.OPEN_PAGE)
        self.reload()

    def reject(self) -> None:
        # Closing the window while the audit runs stops it after the current stay, as Cancel does.
        self.cancel()
        super().reject()


def open_night_audit(ctx: DeskContext, parent: QWidget | None) -> NightAuditDialog:
    dialog = NightAuditDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
