"""The Backup window: a manager backs the demo hotel up to a new file, with progress; Cancel leaves
no file; a file that exists is refused in the window, translated; the menu item is a manager's."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

import desk.backup.copy
from desk.backup.copy import inspect_backup
from desk.people.changes import changes_of
from desk.people.models import Role
from ui import i18n
from ui.admin.backup import REFUSED_STYLE, BackupDialog
from ui.dialogs.common import ERROR_COLOR

WAIT_MS = 20_000


def _open(qtbot, context_of, folder: Path) -> BackupDialog:  # type: ignore[no-untyped-def]
    folder.mkdir(exist_ok=True)
    dialog = BackupDialog(context_of(Role.MANAGER), folder=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_manager_backs_the_hotel_up_with_progress(qtbot, context_of, demo_database, tmp_path: Path):
    dialog = _open(qtbot, context_of, tmp_path)
    seen: list[float | None] = []
    original = dialog._progress
    dialog._progress = lambda fraction, text: (seen.append(fraction), original(fraction, text))  # type: ignore[method-assign]
    target = Path(dialog.file_edit.text())
    assert target.parent == tmp_path and target.suffix == ".backup"
    with qtbot.waitSignal(dialog.finished_backup, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert inspect_backup(target).kind == "sqlite"
    assert dialog.status_label.text().startswith(f"Backed up to {target} (")
    assert ERROR_COLOR not in dialog.status_label.styleSheet()
    assert dialog.progress_bar.value() == 1000 and seen and seen[-1] == 1.0
    with demo_database.unit_of_work() as session:
        assert [change.code for change in changes_of(session, "backup")] == [target.name]


def test_cancel_leaves_no_file(qtbot, context_of, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "backups"  # the demo database is in tmp_path
    dialog = _open(qtbot, context_of, folder)
    cancelled = threading.Event()
    copy_sqlite = desk.backup.copy._copy_sqlite

    def slow_copy(source, target, progress):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            cancelled.wait(10)  # the step waits for the click on Cancel
            progress(done, total)

        copy_sqlite(source, target, held)

    monkeypatch.setattr(desk.backup.copy, "_copy_sqlite", slow_copy)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isEnabled() and not dialog.start_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    cancelled.set()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.status_label.text() == "Cancelled: nothing was written or replaced"
    assert list(folder.iterdir()) == []


def test_an_existing_file_is_refused_in_russian(qtbot, qm_dir, context_of, tmp_path: Path):  # type: ignore[no-untyped-def]
    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translator(app, "ru", qm_dir=qm_dir)
    dialog = _open(qtbot, context_of, tmp_path)
    assert dialog.windowTitle() == "Резервная копия базы данных"
    taken = tmp_path / "taken.backup"
    taken.write_text("x", encoding="utf-8")
    dialog.file_edit.setText(str(taken))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.status_label.text() == "Файл taken.backup уже существует: выберите другое имя"
    assert ERROR_COLOR in dialog.status_label.styleSheet()  # a refusal is red, as in the other windows
    assert taken.read_text(encoding="utf-8") == "x"


def _backed_up(qtbot, dialog: BackupDialog) -> Path:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.finished_backup, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    return Path(dialog.file_edit.text())


def _checked(qtbot, dialog: BackupDialog, backup: Path) -> str:  # type: ignore[no-untyped-def]
    dialog.check(backup)
    assert not dialog.check_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=WAIT_MS)
    return dialog.check_label.text()


def test_a_backup_checks_out_then_shows_the_anchored_entries_a_later_night_audit_left(
        qtbot, context_of, demo_database, tmp_path: Path):  # type: ignore[no-untyped-def]
    from desk.audit.anchors import write_anchor

    dialog = _open(qtbot, context_of, tmp_path / "backups")
    backup = _backed_up(qtbot, dialog)
    clean = _checked(qtbot, dialog, backup)
    assert clean.startswith(f"{backup.name} checks out: nothing in it was changed since it was made.\nSchema: ")
    assert "bills add up." in clean and dialog.check_label.styleSheet() == ""

    context_of(Role.CLERK)  # a sign-in after the backup: an entry it lacks
    with demo_database.writing() as session:
        anchor = write_anchor(session, "2026-12-06")
    assert anchor is not None
    lacking = _checked(qtbot, dialog, backup)
    assert lacking.startswith(f"{backup.name} was not changed, but it is older than the last anchors.")
    held = int(lacking.split("Audit trail: ")[1].split(" entries")[0])
    assert held < anchor.seq
    assert (f"The trail's later anchored entries are missing: entries {held + 1} to {anchor.seq}, "
            "anchored by the night audit of 2026-12-06.") in lacking
    assert dialog.check_label.styleSheet() == "color: #8a5a00"


def test_a_refusal_is_shown_in_red(qtbot, context_of, tmp_path: Path):  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, context_of, tmp_path / "backups")
    not_a_backup = tmp_path / "notes.backup"
    not_a_backup.write_text("Room 101: extra towels", encoding="utf-8")
    _checked(qtbot, dialog, not_a_backup)
    assert dialog.status_label.text() == "notes.backup is not a backup of the desk's database"
    assert dialog.status_label.styleSheet() == REFUSED_STYLE
    _backed_up(qtbot, dialog)
    assert dialog.status_label.styleSheet() == ""


def test_a_manager_sets_where_scheduled_backups_go_and_how_many_are_kept(
        qtbot, context_of, demo_database, tmp_path: Path):  # type: ignore[no-untyped-def]
    from desk.backup.schedule import schedule_kept

    dialog = _open(qtbot, context_of, tmp_path / "backups")
    qtbot.waitUntil(dialog.save_schedule_button.isEnabled, timeout=WAIT_MS)
    assert dialog.schedule_folder_edit.text() == ""
    dialog.schedule_folder_edit.setText("backups")
    qtbot.mouseClick(dialog.save_schedule_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.save_schedule_button.isEnabled, timeout=WAIT_MS)
    assert dialog.status_label.text() == "The backup folder must be a full path, such as /var/backups/desk"
    assert dialog.status_label.styleSheet() == REFUSED_STYLE

    dialog.schedule_folder_edit.setText(str(tmp_path / "backups"))
    dialog.keep_spin.setValue(7)
    qtbot.mouseClick(dialog.save_schedule_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Scheduled"), timeout=WAIT_MS)
    assert dialog.status_label.text() == f"Scheduled backups go to {tmp_path / 'backups'}; the newest 7 are kept."
    with demo_database.unit_of_work() as session:
        assert schedule_kept(session) == (str(tmp_path / "backups"), 7)
    again = _open(qtbot, context_of, tmp_path / "backups")
    qtbot.waitUntil(again.save_schedule_button.isEnabled, timeout=WAIT_MS)
    assert (again.schedule_folder_edit.text(), again.keep_spin.value()) == (str(tmp_path / "backups"), 7)
