"""The Backup window (Administration): a manager copies the whole database to a new file, with
progress and Cancel, while the other desks go on working.

It checks a backup as a restore would first (a scratch copy: the desks go on working), showing what
it holds, what it lacks against the anchors, or what was changed in it. Restore… checks the chosen
backup the same way, asks the manager (and, for a backup older than the last anchors, their
confirmation of what is lost), then lets this desk's connections go and replaces the database; it is
refused, naming them, while someone is signed in at another workstation. The desk then closes with
that message and starts again on the restored database (a new process: every window and cache of
this one read the database that is gone).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.backup.check import RestoreCheck
from desk.backup.copy import BackupCancelled, BackupInfo, RestoreSummary, back_up, check_backup, refusal_of, restore
from desk.backup.schedule import MOST_KEPT, schedule_kept, set_backup_schedule
from desk.people.rights import Right, may
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.field_error import ERROR_COLOR
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState

# As the other administration windows show a refusal, and the night audit a missing anchor.
REFUSED_STYLE = f"color: {ERROR_COLOR};"  # red as every window shows a refusal
WARNING_STYLE = "color: #8a5a00"


def _selectable_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def restart_desk() -> None:
    """Start this program again as it was started (on the restored database), and end this one."""
    QProcess.startDetached(sys.executable, sys.orig_argv[1:])
    QCoreApplication.exit(0)


def suggested_name(now: datetime) -> str:
    return f"desk-{now:%Y-%m-%d-%H%M}.backup"


class BackupDialog(QDialog):
    """Choose a new file, back up to it, follow the progress, Cancel if need be."""

    finished_backup = Signal(object)  # the BackupInfo, once it is written and recorded
    restored = Signal(object)  # the RestoreSummary, once the database was replaced

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.op: Op[BackupInfo] | Op[RestoreCheck] | Op[RestoreSummary] | None = None
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up the database"))
        self.resize(720, 440)  # room for a restore check that lacks anchored entries, in Russian
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
        restore_note = QLabel(self.tr("To restore a backup, everyone else signs out and the POS service is "
                                      "stopped; Restore… then checks it first, as “Check a backup” does, and "
                                      "replaces the database. The desk starts again on the restored one."))
        restore_note.setObjectName("restoreNote")
        restore_note.setWordWrap(True)
        restore_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(restore_note)
        layout.addLayout(self._schedule_row())
        self.check_label = _selectable_label("checkLabel")
        layout.addWidget(self.check_label)
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        self.schedule_op: Op[tuple[str, int] | None] | Op[None] = (
            ctx.query(self, schedule_kept).success(self._show_schedule).failure(self._failed).run())

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("&Back up"))
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(self.start)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.check_button = QPushButton(self.tr("Chec&k a backup…"))
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.choose_backup_to_check)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setVisible(may(self.ctx.actor.role, Right.RESTORE))
        self.restore_button.clicked.connect(self.choose_backup_to_restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        return buttons

    def _schedule_row(self) -> QHBoxLayout:
        schedule_row = QHBoxLayout()
        schedule_label = QLabel(self.tr("Sc&heduled backups go to:"))
        schedule_row.addWidget(schedule_label)
        self.schedule_folder_edit = QLineEdit()
        self.schedule_folder_edit.setObjectName("scheduleFolderEdit")
        self.schedule_folder_edit.setPlaceholderText("/var/backups/desk")
        schedule_label.setBuddy(self.schedule_folder_edit)
        schedule_row.addWidget(self.schedule_folder_edit, 1)
        keep_label = QLabel(self.tr("&keeping the newest"))
        schedule_row.addWidget(keep_label)
        self.keep_spin = QSpinBox()
        self.keep_spin.setObjectName("keepSpin")
        self.keep_spin.setRange(1, MOST_KEPT)
        self.keep_spin.setValue(14)
        keep_label.setBuddy(self.keep_spin)
        schedule_row.addWidget(self.keep_spin)
        self.save_schedule_button = QPushButton(self.tr("&Save schedule"))
        self.save_schedule_button.setObjectName("saveScheduleButton")
        self.save_schedule_button.setEnabled(False)  # until the schedule kept now has been read
        self.save_schedule_button.clicked.connect(self.save_schedule)
        schedule_row.addWidget(self.save_schedule_button)
        return schedule_row

    def _show_schedule(self, schedule: tuple[str, int] | None) -> None:
        if schedule is not None:
            self.schedule_folder_edit.setText(schedule[0])
            self.keep_spin.setValue(schedule[1])
        self.save_schedule_button.setEnabled(True)

    def save_schedule(self) -> None:
        folder, keep = self.schedule_folder_edit.text().strip(), self.keep_spin.value()
        self.save_schedule_button.setEnabled(False)
        self.schedule_op = (self.ctx.change(self, set_backup_schedule, folder, keep)
                            .success(lambda _none: self._schedule_saved(folder, keep))
                            .failure(self._schedule_refused).run())

    def _schedule_saved(self, folder: str, keep: int) -> None:
        self.save_schedule_button.setEnabled(True)
        self._say(self.tr("Scheduled backups go to {folder}; the newest {keep} are kept.").format(
            folder=folder, keep=keep))

    def _schedule_refused(self, exc: BaseException) -> None:
        self.save_schedule_button.setEnabled(True)
        self._say(error_text(exc), REFUSED_STYLE)

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
        self._say(self.tr("Backing up to {file}…").format(file=str(target)))
        self.op = Op(self, copy).progress(self._progress).success(self._done).failure(self._failed).run()

    def choose_backup_to_check(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Check a backup"), self.file_edit.text(),
                                                      self.tr("Desk backups (*.backup);;All files (*)"))
        if chosen:
            self.check(Path(chosen))

    def check(self, backup: Path, then: Callable[[RestoreCheck], None] | None = None) -> None:
        """Restore ``backup`` into a scratch copy and show what a restore would find, replacing nothing."""
        url, actor = self.ctx.database.url, self.ctx.actor

        def scratch_check(state: TaskState) -> RestoreCheck:
            def progress(done: int, total: int) -> None:
                if state.cancel_requested:
                    raise BackupCancelled()
                state.report(done / total if total else None, "")

            return check_backup(url, actor, backup, progress=progress)

        self._running(True)
        self.check_label.clear()
        self._say(self.tr("Checking {file} in a scratch copy…").format(file=str(backup)))
        self.op = (Op(self, scratch_check).progress(self._progress)
                   .success(lambda check: self._checked(backup, check, then)).failure(self._failed).run())

    def choose_backup_to_restore(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Restore a backup"), self.file_edit.text(),
                                                      self.tr("Desk backups (*.backup);;All files (*)"))
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, backup: Path) -> None:
        """Check ``backup`` as Check a backup… does, show it, and restore it if the manager says so."""
        self.check(backup, then=lambda check: self._ask_to_restore(backup, check))

    def _ask_to_restore(self, backup: Path, check: RestoreCheck) -> None:
        if refusal_of(backup, check) is not None:
            return  # shown by the check, in red
        question = self.tr("Replace the whole database with {file}? Everything written since it was made is "
                           "lost. The desk then starts again on the restored database.").format(file=backup.name)
        if check.needs_confirmation:
            question = self.tr("{file} is older than the last anchors: restoring it loses what the check above "
                               "lists. Only a manager may confirm that. Restore it all the same?").format(
                file=backup.name)
        if self.ask(question):
            self._restore(backup, confirm_lost_anchored=check.needs_confirmation)

    def ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Restore a backup"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _restore(self, backup: Path, *, confirm_lost_anchored: bool) -> None:
        database, actor = self.ctx.database, self.ctx.actor
        self.ctx.stop_watching()  # its reads would hold the file the restore replaces
        self.ctx.database_being_replaced = True  # and the desk's heartbeat waits too

        def replace(state: TaskState) -> RestoreSummary:
            def progress(done: int, total: int) -> None:
                if state.cancel_requested:
                    raise BackupCancelled()
                state.report(done / total if total else None, "")

            # This desk's own pooled connections count as another desk: let them go (reopened on use).
            database.dispose()
            return restore(database.url, actor, backup, progress=progress, confirm_lost_anchored=confirm_lost_anchored)

        self._running(True)
        self._say(self.tr("Restoring {file}…").format(file=str(backup)))
        self.op = Op(self, replace).progress(self._progress).success(self._restored).failure(self._restore_failed).run()

    def _restore_failed(self, exc: BaseException) -> None:
        self.ctx.database_being_replaced = False
        self.ctx.start_watching()
        self._failed(exc)

    def _restored(self, summary: RestoreSummary) -> None:
        self._running(False)
        self.progress_bar.setValue(1000)
        message = self.tr("The database is restored. The desk closes now and starts again on the restored "
                          "database.")
        self._say(message)
        self.restored.emit(summary)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Restore a backup"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("restoredBox")
        box.finished.connect(lambda _result: restart_desk())
        box.open()

    def _checked(self, backup: Path, check: RestoreCheck,
                 then: Callable[[RestoreCheck], None] | None = None) -> None:
        self._running(False)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(1000)
        self._say("")
        refusal = refusal_of(backup, check)
        if refusal is not None:
            self.check_label.setStyleSheet(REFUSED_STYLE)
            self.check_label.setText(error_text(refusal))
            return
        lines = [self.tr("Schema: {schema}.").format(schema=", ".join(sorted(check.schema))),
                 self.tr("Ledger: {postings} postings and {payments} payments on {bills} bills add up.").format(
                     postings=check.postings, payments=check.payments, bills=check.bills),
                 self.tr("Ledger chain: {links} postings and payments, each still as it was written.").format(
                     links=check.ledger_links),
                 self.tr("Audit trail: {entries} entries, chain intact, {anchors} anchors held.").format(
                     entries=check.trail_entries, anchors=check.trail_anchors_held)]
        lines += [self.tr("Fiscal journal of register {register}: {documents} documents, chain intact.").format(
            register=register, documents=documents) for register, documents in check.registers]
        missing = check.missing_entries
        if missing is not None:
            lines.append(self.tr("The trail's later anchored entries are missing: entries {first} to {last}, "
                                 "anchored by the night audit of {date}. This backup is older than that night "
                                 "audit: restoring it loses them, and a manager must confirm the restore.").format(
                first=missing.first, last=missing.last, date=missing.business_date))
        lines += [self.tr("Register {register}: fiscal documents {first} to {last}, anchored by its Z report of "
                          "{date}, are missing: restoring the backup loses them.").format(
            register=documents.register, first=documents.first, last=documents.last, date=documents.issued_at)
            for documents in check.missing_documents]
        heading = (self.tr("{file} checks out: nothing in it was changed since it was made.") if check.clean else
                   self.tr("{file} was not changed, but it is older than the last anchors.")).format(file=backup.name)
        self.check_label.setStyleSheet("" if check.clean else WARNING_STYLE)
        self.check_label.setText("\n".join([heading, *lines]))
        if then is not None:
            then(check)

    def _say(self, text: str, style: str = "") -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)

    def _running(self, running: bool) -> None:
        self.check_button.setEnabled(not running)
        self.restore_button.setEnabled(not running)
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
        self._say(self.tr("Backed up to {file} ({size} KiB).").format(
            file=self.file_edit.text().strip(), size=max(1, info.size // 1024)))
        self.finished_backup.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self._running(False)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        # However the worker ended it, a cancelled backup left nothing behind: say so.
        cancelled = isinstance(exc, Cancelled | BackupCancelled)
        self._say(error_text(BackupCancelled() if isinstance(exc, Cancelled) else exc),
                  "" if cancelled else REFUSED_STYLE)

    def cancel(self) -> None:
        if self.op is not None and self.op.is_running:
            self.op.cancel()
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        if self.op is not None and self.op.is_running:
            return  # the file is being written: Cancel first
        super().reject()
