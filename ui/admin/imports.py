"""The Import window (Administration): rooms, services, companies or guests from another system's
CSV file, all rows or none; a refused file lists each line at fault in the reader's language.

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
from desk.imports.csv_import import KINDS, ImportRefused, ImportSummary, import_csv, read_file
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import fill_combo, hint_label, new_form
from ui.ops.op import Op


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
                 "guests": self.tr("Guests")}
        fill_combo(self.kind_combo, [(names[kind], kind) for kind in KINDS])
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
        layout.addWidget(hint_label(self.tr(
            "The first line names the columns. UTF-8 (Excel: \"CSV UTF-8\"), values separated by ; or ,. "
            "If any line is refused, nothing is imported and every line at fault is listed."), "importHint"))
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
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._show_columns()

    def _show_columns(self) -> None:
        spec = KINDS[str(self.kind_combo.currentData())]
        text = self.tr("Columns: {required}").format(required=", ".join(spec.required))
        if spec.optional:
            text += " " + self.tr("(optional: {optional})").format(optional=", ".join(spec.optional))
        self.columns_label.setText(text)

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Import from"), self.file_edit.text(),
                                                      self.tr("CSV files (*.csv);;All files (*)"))
        if chosen:
            self.file_edit.setText(chosen)

    def start(self) -> None:
        path = Path(self.file_edit.text().strip())
        kind = str(self.kind_combo.currentData())
        runner, actor = self.ctx.runner, self.ctx.actor

        def work() -> Outcome[ImportSummary]:
            return runner.run(import_csv, actor, kind, read_file(path), path.name)

        self.import_button.setEnabled(False)
        self.result_label.clear()
        self.problems_view.hide()
        Op(self, work).busy(self.import_button).success(self._done).failure(self._refused).run()

    def _done(self, outcome: Outcome[ImportSummary]) -> None:
        self.import_button.setEnabled(True)
        summary = outcome.value
        self.result_label.setText(self.tr("Imported: {count}.").format(count=summary.imported))
        self.finished_import.emit(summary)

    def _refused(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.result_label.setText(error_text(exc))
        if isinstance(exc, ImportRefused):
            self.problems_view.setPlainText("\n".join(
                self.tr("line {line}: {problem}").format(line=line, problem=error_text(problem))
                for line, problem in exc.problems))
            self.problems_view.show()
        if isinstance(exc, DeskError):
            self.finished_import.emit(exc)
