"""The cash shift's dialogs: open with a float, cash in and out, the blind count at closing, X and Z reports.

Each is opened from the main window's **Shift** menu with the shift's form (currencies, notes and
coins, the open shift) loaded first. The closing count is blind: the dialog never shows what the
drawer should hold; over/short appears only after the count is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.cash.shift_pdf import write_z_report
from desk.cash.shifts import ShiftClosure, ShiftForm, ShiftReport, cash_in, cash_out, close_shift, open_shift
from desk.core.money import Money, minor_units
from desk.fiscal.interface import Paper
from desk.fiscal.workflow import ReceiptOutcome, close_register_shifts, print_shift_documents, print_x_report
from ui.context import DeskContext, device_pool
from ui.desk_text import error_text, format_param
from ui.dialogs.common import (
    Column,
    DeskDialog,
    RowsModel,
    documents_folder_here,
    fill_combo,
    fit_rows,
    heading_label,
    hint_label,
    new_form,
    read_amount,
    rows_view,
)
from ui.i18n import current_language, format_amount, format_datetime, money_text
from ui.ops.feedback import show_error
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState
from ui.receipts_check import document_name


def paper_problem_text(outcome: ReceiptOutcome) -> str:
    """What became of one of the shift's documents: one issued but not whole on paper waits in Check receipts
    (the receipt window's words, with their Retry, do not fit here)."""
    assert outcome.problem is not None
    if outcome.document is None or outcome.paper is Paper.PRINTED:
        return error_text(outcome.problem)
    params = outcome.problem.params
    error = format_param(params["error"]) if "error" in params else error_text(outcome.problem)
    return QCoreApplication.translate(
        "ShiftDialogs", "{document} is issued but did not print whole: {error}. It waits in Shift → Check "
        "receipts to be printed again.").format(document=document_name(outcome.document), error=error)


def report_directory() -> Path:
    """Where X and Z reports are kept: the program's documents folder, beside bills and folios.

    A Z report is the shift's record for the accountant; the temporary folder lost it at the next clean-up.
    """
    return documents_folder_here()


def open_document(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def denomination_text(denomination: Decimal, currency: str) -> str:
    digits = 0 if denomination == denomination.to_integral_value() else minor_units(currency)
    return format_amount(denomination, digits)


def _on_register(owner: QWidget, window: QWidget | None, work: Callable[[TaskState], list[ReceiptOutcome]],
                 then: Callable[[], object] | None = None) -> Op[list[ReceiptOutcome]]:
    """Paper on the workstation's register, on a device thread with progress and Cancel; what did not print
    is told in ``window``'s status bar, not a modal box (the record it prints stands whatever the printer
    does), then ``then`` runs."""

    def told(problems: list[str]) -> None:
        if problems and isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                QCoreApplication.translate("ShiftDialogs", "The register did not print: {problems}")
                .format(problems=" ".join(problems)), 30_000)
        if then is not None:
            then()

    return (Op(owner, work, pool=device_pool())
            .with_progress_dialog(QCoreApplication.translate("ShiftDialogs", "Printing on the register"))
            .success(lambda outcomes: told([paper_problem_text(o) for o in outcomes if o.problem is not None]))
            .failure(lambda exc: told([] if isinstance(exc, Cancelled) else [error_text(exc)])).run())


def print_shift_paper(dialog: DeskDialog, shift_id: int) -> Op[list[ReceiptOutcome]]:
    """After the drawer changed: its fiscal documents on the register (the shift's opening, cash in or out);
    then the dialog closes. What did not print is issued at the latest before the Z report."""
    runner, actor = dialog.ctx.runner, dialog.ctx.actor

    def work(state: TaskState) -> list[ReceiptOutcome]:
        return print_shift_documents(runner, actor, shift_id, cancel=state.cancel_event)

    return _on_register(dialog, dialog.parentWidget(), work, then=dialog.finish)


def print_x_report_on_register(ctx: DeskContext, window: QWidget) -> Op[list[ReceiptOutcome]]:
    """The register's X report on paper beside the one on screen."""
    runner, actor = ctx.runner, ctx.actor

    def work(state: TaskState) -> list[ReceiptOutcome]:
        return print_x_report(runner, actor, cancel=state.cancel_event)

    return _on_register(window, window, work)


class OpenShiftDialog(DeskDialog):
    """The float counted into the drawer, one field per currency the hotel takes cash in."""

    register_papers_done = Signal()  # the register's shift is open (or its opening told as failed)

    def __init__(self, ctx: DeskContext, form: ShiftForm, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Open shift"), apply_text=self.tr("&Open shift"))
        self.setObjectName("openShiftDialog")
        self.currencies = form.currencies
        self.content.addWidget(hint_label(
            self.tr("Count the cash in the drawer and enter it per currency (leave empty for none)."), "floatHint"))
        layout = new_form()
        self.float_edits: dict[str, QLineEdit] = {}
        for currency in form.currencies:
            edit = QLineEdit()
            edit.setObjectName(f"float{currency}Edit")
            edit.setPlaceholderText(format_amount(Decimal(0), minor_units(currency)))
            self.add_field(layout, f"float_{currency}", self.tr("Float in {currency}:").format(currency=currency),
                           edit)
            self.float_edits[currency] = edit
        self.content.addLayout(layout)
        self.field_aliases = {"amount": f"float_{form.currencies[0]}", "currency": f"float_{form.currencies[0]}"}
        if form.currencies:
            # The cashier counts and types at once; Enter then opens the shift.
            self.float_edits[form.currencies[0]].setFocus()

    def submit(self) -> Op[Any] | None:
        floats: list[Money] = []
        for currency, edit in self.float_edits.items():
            if not edit.text().strip():
                continue
            amount = self.read(f"float_{currency}", read_amount, edit.text(), currency, allow_zero=True)
            if amount is not None:
                floats.append(amount)
        if self.refused:
            return None
        return self.change(open_shift, floats).success(lambda status: print_shift_paper(self, status.shift_id))

    def finish(self) -> None:
        self.register_papers_done.emit()
        super().finish()


class CashMoveDialog(DeskDialog):
    """Cash in or cash out of the drawer, with the reason."""

    def __init__(self, ctx: DeskContext, form: ShiftForm, *, out: bool, parent: QWidget | None = None) -> None:
        title = self.tr("Cash out") if out else self.tr("Cash in")
        super().__init__(ctx, parent, title=title, apply_text=self.tr("Cash &out") if out else self.tr("Cash &in"))
        self.setObjectName("cashOutDialog" if out else "cashInDialog")
        self.out = out
        layout = new_form()
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountEdit")
        self.add_field(layout, "amount", self.tr("Am&ount:"), self.amount_edit)
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("currencyCombo")
        fill_combo(self.currency_combo, [(c, c) for c in form.currencies])
        self.add_field(layout, "currency", self.tr("C&urrency:"), self.currency_combo)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(240)
        self.add_field(layout, "reason", self.tr("&Reason:"), self.reason_edit)
        self.content.addLayout(layout)
        self.amount_edit.setFocus()

    def submit(self) -> Op[Any] | None:
        currency = self.currency_combo.currentData()
        amount = self.read("amount", read_amount, self.amount_edit.text(), currency)
        reason = self.reason_edit.text().strip()
        if not reason:
            self.refuse("reason", self.tr("Say why the cash goes in or out."))
        if amount is None or self.refused:
            return None
        use_case = cash_out if self.out else cash_in
        return self.change(use_case, amount, reason).success(lambda status: print_shift_paper(self, status.shift_id))


class CloseShiftDialog(DeskDialog):
    """The blind count: pieces per note and coin, per currency; then over/short and the Z report."""

    register_papers_done = Signal()  # the registers' Z reports ended, printed or not

    def __init__(self, ctx: DeskContext, form: ShiftForm, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Close shift"), apply_text=self.tr("&Close shift"))
        self.setObjectName("closeShiftDialog")
        self.setMinimumWidth(520)
        self.closure: ShiftClosure | None = None
        self.report_dialog: ShiftReportDialog | None = None
        self.z_left_printing = False  # Cancel stopped the waiting for the registers' Z reports
        if form.status is not None:
            self.content.addWidget(heading_label(
                self.tr("Shift {number}, opened by {name}").format(number=form.status.number,
                                                                   name=form.status.opened_by_name),
                "shiftHeading"))
        self.content.addWidget(hint_label(
            self.tr("Count every note and coin in the drawer. What the drawer should hold is shown "
                    "only after the count is recorded."), "blindHint"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("countTabs")
        self.spins: dict[str, dict[Decimal, QSpinBox]] = {}
        self.total_labels: dict[str, QLabel] = {}
        for currency in form.currencies:
            self.tabs.addTab(self._count_page(currency, form.denominations[currency]), currency)
        self.content.addWidget(self.tabs)

    def _count_page(self, currency: str, denominations: tuple[Decimal, ...]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        table = QTableWidget(len(denominations), 3)
        table.setObjectName(f"count{currency}Table")
        table.setHorizontalHeaderLabels([self.tr("Note or coin"), self.tr("Pieces"), self.tr("Amount")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.spins[currency] = {}
        for row, denomination in enumerate(denominations):
            label = QTableWidgetItem(denomination_text(denomination, currency))
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, label)
            spin = QSpinBox()
            spin.setObjectName(f"count_{currency}_{denomination}")
            spin.setRange(0, 99999)
            spin.valueChanged.connect(lambda _value, c=currency, t=table: self._recount(c, t))
            table.setCellWidget(row, 1, spin)
            amount = QTableWidgetItem(money_text(Money.zero(currency)))
            amount.setFlags(Qt.ItemFlag.ItemIsEnabled)
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 2, amount)
            self.spins[currency][denomination] = spin
        layout.addWidget(table, 1)
        total = QLabel(self.tr("Counted: {amount}").format(amount=money_text(Money.zero(currency))))
        total.setObjectName(f"counted{currency}Label")
        layout.addWidget(total)
        self.total_labels[currency] = total
        return page

    def counted(self, currency: str) -> Money:
        amount = Money.zero(currency)
        for denomination, spin in self.spins[currency].items():
            amount = amount + Money.of(denomination, currency) * spin.value()
        return amount

    def _recount(self, currency: str, table: QTableWidget) -> None:
        for row, (denomination, spin) in enumerate(self.spins[currency].items()):
            item = table.item(row, 2)
            assert item is not None, "the count's rows are built with their items"
            item.setText(money_text(Money.of(denomination, currency) * spin.value()))
        self.total_labels[currency].setText(self.tr("Counted: {amount}").format(
            amount=money_text(self.counted(currency))))

    def submit(self) -> Op[Any] | None:
        counts = {currency: {d: spin.value() for d, spin in spins.items() if spin.value()}
                  for currency, spins in self.spins.items()}
        return self.change(close_shift, counts).success(self._closed)

    def _closed(self, closure: ShiftClosure) -> None:
        self.closure = closure
        # The registers' shifts end with the cash shift: their Z reports print on the registers
        # (on a device thread), then the Z report as kept in the database is saved as PDF.
        runner, actor, shift_id = self.ctx.runner, self.ctx.actor, closure.report.shift_id

        def z_reports() -> list[ReceiptOutcome]:
            # No cancel goes down: a Z cancelled before it is issued would leave the register's shift open
            # with nothing to issue it later, and one begun prints to its end (half a Z is worse than late).
            return close_register_shifts(runner, actor, shift_id)

        self.z_op = (Op(self, z_reports, pool=device_pool())
                     .with_progress_dialog(self.tr("Z report"))
                     .cancel_stops_waiting(self._z_left_printing, self.tr(
                         "The register prints the Z report. Cancel stops waiting for it: the register still "
                         "finishes it, you are told how it ended, and a Z report whose paper is unsure waits "
                         "in Shift → Check receipts."))
                     .success(self._z_printed).failure(self._z_not_printed))
        self.z_op.run()

    def _z_left_printing(self) -> None:
        """Cancel: the clerk goes on while the register finishes the Z; this dialog, hidden, hears its end."""
        self.z_left_printing = True
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Z report"), self.tr(
            "The register is still printing the Z report; the shift is closed. You are told how the Z report "
            "ended when the register answers; if its paper is unsure, it waits in Shift → Check receipts to "
            "be printed again."), QMessageBox.StandardButton.Ok, self.parentWidget())
        box.setObjectName("zWaitingBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.z_waiting_box = box
        self._write_z()

    def _z_printed(self, outcomes: list[ReceiptOutcome]) -> None:
        self.z_outcomes = outcomes
        self.register_papers_done.emit()
        problems = [paper_problem_text(o) for o in outcomes if o.problem is not None]
        window = self.parentWidget()
        if problems:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Z report"),
                              self.tr("The register's Z report: {problems}").format(problems="\n".join(problems)),
                              QMessageBox.StandardButton.Ok, window)
            box.setObjectName("zProblemBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.z_problem_box = box
        elif self.z_left_printing and isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("The register printed the Z report."), 30_000)
        self._after_z()

    def _z_not_printed(self, exc: BaseException) -> None:
        self.register_papers_done.emit()
        self.z_problem_box = show_error(self.parentWidget(), exc)
        self._after_z()

    def _after_z(self) -> None:
        if not self.z_left_printing:
            self._write_z()
        elif self.report_dialog is not None:  # its PDF was shown while the register printed: done now
            self.finish()

    def _write_z(self) -> None:
        assert self.closure is not None
        self.query(write_z_report, self.closure.report.shift_id, report_directory(), current_language()).success(
            self._show_z).run()

    def _show_z(self, written: tuple[ShiftReport, Path]) -> None:
        report, path = written
        window = self.parentWidget()
        self.report_dialog = ShiftReportDialog(report, path, window)
        self.report_dialog.open()
        open_document(path)
        if self.z_op.is_running:  # the clerk stopped waiting: hidden, this dialog stays to hear how the Z ended
            self.hide()
            return
        self.finish()


class ShiftReportDialog(QDialog):
    """An X or Z report on screen: the drawer per currency, over/short after a count, and its PDF."""

    def __init__(self, report: ShiftReport, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftReportDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        self.path = path
        title = self.tr("Z report") if report.is_final else self.tr("X report")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(
            self.tr("{report} · shift {number} · {workstation}").format(
                report=title, number=report.number, workstation=report.workstation), "reportHeading"))
        layout.addWidget(QLabel(self.tr("Opened {when} by {name}").format(
            when=format_datetime(report.opened_at), name=report.opened_by_name)))
        if report.closed_at is not None:
            layout.addWidget(QLabel(self.tr("Closed {when} by {name}").format(
                when=format_datetime(report.closed_at), name=report.closed_by_name)))

        self.model = RowsModel([Column(""), *(Column(f.currency, align_right=True) for f in report.currencies)],
                               self)
        rows: list[list[str]] = []
        figures = report.currencies
        rows.append([self.tr("Float"), *(money_text(f.opening_float) for f in figures)])
        rows.append([self.tr("Cash received"), *(money_text(f.received) for f in figures)])
        rows.append([self.tr("Cash given back"), *(money_text(-f.given_back) for f in figures)])
        rows.append([self.tr("Cash in"), *(money_text(f.cash_in) for f in figures)])
        rows.append([self.tr("Cash out"), *(money_text(-f.cash_out) for f in figures)])
        rows.append([self.tr("Expected in drawer"), *(money_text(f.expected) for f in figures)])
        if report.is_final:
            rows.append([self.tr("Counted"), *(money_text(f.counted) if f.counted else "" for f in figures)])
            rows.append([self.tr("Over / short"),
                         *(money_text(f.difference) if f.difference is not None else "" for f in figures)])
        self.model.set_rows(rows)
        self.table = rows_view(self.model, "shiftFiguresTable")
        fit_rows(self.table, len(rows), at_most=10)
        layout.addWidget(self.table)

        self.methods_table: QTableView | None = None
        if report.methods:
            layout.addWidget(heading_label(self.tr("Payments by method"), "methodsHeading"))
            self.methods_model = RowsModel([
                Column(self.tr("Method")), Column(self.tr("Currency")),
                Column(self.tr("Payments"), align_right=True), Column(self.tr("Received"), align_right=True),
                Column(self.tr("Refunds"), align_right=True), Column(self.tr("Given back"), align_right=True),
            ], self)
            self.methods_model.set_rows([
                [f"{line.method_name} {line.brand}".strip(), line.currency, str(line.count),
                 money_text(line.received), str(line.refund_count), money_text(-line.given_back)]
                for line in report.methods])
            self.methods_table = rows_view(self.methods_model, "shiftMethodsTable")
            fit_rows(self.methods_table, len(report.methods), at_most=8)
            layout.addWidget(self.methods_table)

        if report.is_final:
            self.result_label = QLabel("\n".join(self._result_line(f.currency, f.difference)
                                                 for f in figures if f.difference is not None))
            self.result_label.setObjectName("overShortLabel")
            layout.addWidget(self.result_label)
        saved = QLabel(self.tr("Saved as {path}").format(path=str(path)))
        saved.setObjectName("reportPathLabel")
        saved.setWordWrap(True)
        saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(saved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open &PDF"))
        self.open_button.setObjectName("openPdfButton")
        self.open_button.clicked.connect(lambda: open_document(self.path))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _result_line(currency: str, difference: Money) -> str:
        if difference.is_negative:
            return QCoreApplication.translate("ShiftReportDialog", "{currency}: short by {amount}").format(
                currency=currency, amount=money_text(-difference))
        if difference.is_positive:
            return QCoreApplication.translate("ShiftReportDialog", "{currency}: over by {amount}").format(
                currency=currency, amount=money_text(difference))
        return QCoreApplication.translate("ShiftReportDialog", "{currency}: exact").format(currency=currency)
