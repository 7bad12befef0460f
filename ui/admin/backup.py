"""The Backup window (Administration): a manager copies the whole database to a new file, with
progress and Cancel, while the other desks go on working.

There is no restore button: this desk is itself connected to the database, and a restore needs
every desk closed. The window says how (``desk restore FILE`` with every desk closed).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.backup.copy import BackupCancelled, BackupInfo, back_up
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.common import ERROR_COLOR
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState


def suggested_name(now: datetime) -> str:
    return f"desk-{now:%Y-%m-%d-%H%M}.backup"


class BackupDialog(QDialog):
    """Choose a new file, back up to it, follow the progress, Cancel if need be."""

    finished_backup = Signal(object)  # the BackupInfo, once it is written and recorded

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.op: Op[BackupInfo] | None = None
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up the database"))
        self.resize(640, 300)
        layout = QVBoxLayout(self)
        lead = QLabel(self.tr("A backup is the whole database at one moment: every guest, bill and payment. "
                              "The other workstations may go on working meanwhile. Keep the file safe: "
                              "only its owner can read it."))
        lead.setWordWrap(True)
        layout.addWidget(lead)
        row = QHBoxLayout()
        file_label = QLabel(self.tr("&File:"))
        row.addWidget(file_label)
        self.file_edit = QLineEdit(str((folder or Path.home()) / suggested_name(datetime.now())))
        self.file_edit.setObjectName("backupFileEdit")
        file_label.setBuddy(self.file_edit)
        row.addWidget(self.file_edit, 1)
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        layout.addWidget(self.progress_bar)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        restore_note = QLabel(self.tr("To restore a backup, close the desk and the POS service on every "
                                      "workstation, then run on one of them: desk restore FILE"))
        restore_note.setObjectName("restoreNote")
        restore_note.setWordWrap(True)
        restore_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(restore_note)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("&Back up"))
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(self.start)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Back up to"), self.file_edit.text(),
                                                      self.tr("Desk backups (*.backup)"))
        if chosen:
            self.file_edit.setText(chosen)

    def start(self) -> None:
        target = Path(self.file_edit.text().strip())
        database, actor = self.ctx.database, self.ctx.actor

        def copy(state: TaskState) -> BackupInfo:
            def progress(done: int, total: int) -> None:
                if state.cancel_requested:
                    raise BackupCancelled()
                state.report(done / total if total else None, "")

            return back_up(database, actor, target, progress=progress)

        self._running(True)
        self._status(self.tr("Backing up to {file}…").format(file=str(target)))
        self.op = Op(self, copy).progress(self._progress).success(self._done).failure(self._failed).run()

    def _running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.choose_button.setEnabled(not running)
        self.file_edit.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _progress(self, fraction: float | None, _text: str) -> None:
        if fraction is None:  # a PostgreSQL dump does not know its size beforehand
            self.progress_bar.setRange(0, 0)
            return
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(round(fraction * 1000))

    def _done(self, info: BackupInfo) -> None:
        self._running(False)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(1000)
        self._status(self.tr("Backed up to {file} ({size} KiB).").format(
            file=self.file_edit.text().strip(), size=max(1, info.size // 1024)))
        self.finished_backup.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self._running(False)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        # However the worker ended it, a cancelled backup left nothing behind: say so.
        self._status(error_text(BackupCancelled() if isinstance(exc, Cancelled) else exc), refused=True)

    def _status(self, text: str, *, refused: bool = False) -> None:
        # A refusal (or a cancelled backup) red, as the other windows show one; progress and success plain.
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};" if refused else "")
        self.status_label.setText(text)

    def cancel(self) -> None:
        if self.op is not None and self.op.is_running:
            self.op.cancel()
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        if self.op is not None and self.op.is_running:
            return  # the file is being written: Cancel first
        super().reject()
