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
from ui.admin.backup import BackupDialog
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
