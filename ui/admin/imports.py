"""The Import window (Administration): rooms, services, companies or guests from another system's
CSV file, all rows or none; a refused file lists each line at fault in the reader's language.
Reservations go in row by row by their external id (each refused line listed, the rest in), and a
dry run lists what an import would do without writing anything.

The file is read on the worker, never on the GUI thread (it may sit on a slow network share).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.db.runner import Outcome
from desk.imports import reservations
from desk.imports.csv_import import KINDS, ImportRefused, ImportSummary, import_csv, read_file
from desk.imports.reservations import ReservationImport, RowOutcome, import_reservations
from desk.stays.models import ReservationStatus
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import fill_combo, hint_label, new_form
from ui.ops.op import Op
from ui.reservation_card.header import reservation_status_text

RESERVATIONS = "reservations"


class ImportDialog(QDialog):
    finished_import = Signal(object)  # the ImportSummary, or the refusal

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import from a CSV file"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        form = new_form()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        names = {"rooms": self.tr("Rooms"), "services": self.tr("Services"), "companies": self.tr("Companies"),
                 "guests": self.tr("Guests"), RESERVATIONS: self.tr("Reservations")}
        fill_combo(self.kind_combo, [(names[kind], kind) for kind in [*KINDS, RESERVATIONS]])
        self.kind_combo.currentIndexChanged.connect(self._show_columns)
        form.addRow(self.tr("&What:"), self.kind_combo)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFileEdit")
        row.addWidget(self.file_edit, 1)
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.choose_button)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.file_edit)  # a row of two widgets gets no buddy of its own
        form.addRow(file_label, row)
        layout.addLayout(form)
        self.columns_label = hint_label("", "columnsHint")
        layout.addWidget(self.columns_label)
        self.whole_file_hint = hint_label(self.tr(
            "The first line names the columns. UTF-8 (Excel: \"CSV UTF-8\"), values separated by ; or ,. "
            "If any line is refused, nothing is imported and every line at fault is listed."), "importHint")
        layout.addWidget(self.whole_file_hint)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.problems_view = QPlainTextEdit()
        self.problems_view.setObjectName("problemsView")
        self.problems_view.setReadOnly(True)
        self.problems_view.hide()
        layout.addWidget(self.problems_view, 1)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.start)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.dry_run_button = QPushButton(self.tr("&Dry run"))
        self.dry_run_button.setObjectName("dryRunButton")
        self.dry_run_button.clicked.connect(lambda: self.start(dry_run=True))
        buttons.addButton(self.dry_run_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._show_columns()

    def _show_columns(self) -> None:
        kind = str(self.kind_combo.currentData())
        required, optional = ((reservations.REQUIRED, reservations.OPTIONAL) if kind == RESERVATIONS
                              else (KINDS[kind].required, KINDS[kind].optional))
        # Whole sentences, so every language ends the column list with its full stop before the next one.
        if optional:
            text = self.tr("Columns: {required} (optional: {optional}).").format(
                required=", ".join(required), optional=", ".join(optional))
        else:
            text = self.tr("Columns: {required}.").format(required=", ".join(required))
        if kind == RESERVATIONS:
            text += " " + self.tr("Reservations go in row by row: a line refused is listed and the others go in; "
                                  "a reservation imported again by its external id is updated, never doubled. "
                                  "The status is one of {statuses}; {in_house} needs its room, and an arrival "
                                  "before the business date is one of {past}.").format(
                statuses=", ".join(status.value for status in ReservationStatus), in_house=ReservationStatus.IN_HOUSE,
                past=", ".join((ReservationStatus.IN_HOUSE, ReservationStatus.CHECKED_OUT, ReservationStatus.NO_SHOW)))
        self.columns_label.setText(text)
        self.dry_run_button.setVisible(kind == RESERVATIONS)
        self.whole_file_hint.setVisible(kind != RESERVATIONS)  # reservations go in row by row

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Import from"), self.file_edit.text(),
                                                      self.tr("CSV files (*.csv);;All files (*)"))
        if chosen:
            self.file_edit.setText(chosen)

    def start(self, *, dry_run: bool = False) -> None:
        path = Path(self.file_edit.text().strip())
        kind = str(self.kind_combo.currentData())
        runner, actor = self.ctx.runner, self.ctx.actor

        def work() -> Outcome[ImportSummary] | Outcome[ReservationImport]:
            if kind == RESERVATIONS:
                return runner.run(import_reservations, actor, read_file(path), path.name, dry_run=dry_run)
            return runner.run(import_csv, actor, kind, read_file(path), path.name)

        self.import_button.setEnabled(False)
        self.dry_run_button.setEnabled(False)
        self.result_label.clear()
        self.problems_view.hide()
        Op(self, work).busy(self.import_button).success(self._done).failure(self._refused).run()

    def _outcome_text(self, outcome: RowOutcome) -> str:
        return {RowOutcome.NEW: self.tr("new"), RowOutcome.CHANGED: self.tr("changed"),
                RowOutcome.CANCELLED: self.tr("cancelled"), RowOutcome.UNCHANGED: self.tr("unchanged")}[outcome]

    def _reservations_done(self, done: ReservationImport) -> None:
        counts = {outcome: done.count(outcome) for outcome in RowOutcome}
        text = (self.tr("Would import: {new} new, {changed} changed, {cancelled} cancelled, {unchanged} unchanged, "
                        "{refused} refused. Nothing was written.") if done.dry_run else
                self.tr("Imported: {new} new, {changed} changed, {cancelled} cancelled, {unchanged} unchanged, "
                        "{refused} refused."))
        self.result_label.setText(text.format(new=counts[RowOutcome.NEW], changed=counts[RowOutcome.CHANGED],
                                              cancelled=counts[RowOutcome.CANCELLED],
                                              unchanged=counts[RowOutcome.UNCHANGED], refused=len(done.problems)))
        lines = [(row.line, self.tr("line {line}: {external_id} {outcome}, {status} ({number})").format(
            line=row.line, external_id=row.external_id, outcome=self._outcome_text(row.outcome),
            status=reservation_status_text(row.status).lower(), number=row.number))
            for row in done.rows if row.outcome is not RowOutcome.UNCHANGED]
        lines += [(line, self.tr("line {line}: {problem}").format(line=line, problem=error_text(problem)))
                  for line, problem in done.problems]
        self.problems_view.setPlainText("\n".join(text for _line, text in sorted(lines)))
        self.problems_view.setVisible(bool(lines))
        self.finished_import.emit(done)

    def _done(self, outcome: Outcome[ImportSummary] | Outcome[ReservationImport]) -> None:
        self.import_button.setEnabled(True)
        self.dry_run_button.setEnabled(True)
        if isinstance(outcome.value, ReservationImport):
            self._reservations_done(outcome.value)
            return
        summary = outcome.value
        self.result_label.setText(self.tr("Imported: {count}.").format(count=summary.imported))
        self.finished_import.emit(summary)

    def _refused(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.dry_run_button.setEnabled(True)
        self.result_label.setText(error_text(exc))
        if isinstance(exc, ImportRefused):
            self.problems_view.setPlainText("\n".join(
                self.tr("line {line}: {problem}").format(line=line, problem=error_text(problem))
                for line, problem in exc.problems))
            self.problems_view.show()
        if isinstance(exc, DeskError):
            self.finished_import.emit(exc)
