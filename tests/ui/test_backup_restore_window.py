"""Restore from the Backup window: checked first, asked, the SQLite file replaced, the desk restarted;
refused, naming the workstation and user, while someone is signed in at another desk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import ui.admin.backup
from desk.backup.copy import back_up
from desk.people.changes import changes_of, record_change
from desk.people.desks import desk_signed_in
from desk.people.models import Role
from tests.actors import signed_in
from ui.admin.backup import REFUSED_STYLE, BackupDialog

WAIT_MS = 20_000


def _changes(database) -> list[str]:  # type: ignore[no-untyped-def]
    with database.unit_of_work() as session:
        return [change.code for change in changes_of(session, "backup")]


@pytest.fixture
def restarts(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    made: list[bool] = []
    monkeypatch.setattr(ui.admin.backup, "restart_desk", lambda: made.append(True))
    return made


def _dialog(qtbot, context_of, tmp_path: Path) -> BackupDialog:  # type: ignore[no-untyped-def]
    dialog = BackupDialog(context_of(Role.MANAGER), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_sqlite_restore_from_the_window_replaces_the_database_and_restarts(
        qtbot, context_of, demo_database, tmp_path: Path, restarts: list[bool]):  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context_of, tmp_path)
    assert dialog.restore_button.isVisible()
    backup = tmp_path / "before.backup"
    back_up(demo_database, dialog.ctx.actor, backup)
    with demo_database.writing() as session:
        record_change(session, dialog.ctx.actor, "backup", "after.backup", "made after the one restored")
    assert _changes(demo_database) == ["before.backup", "after.backup"]
    questions: list[str] = []
    dialog.ask = lambda question: questions.append(question) or True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS):
        dialog.restore_from(backup)
    assert questions == ["Replace the whole database with before.backup? Everything written since it was made is "
                         "lost. The desk then starts again on the restored database."]
    assert dialog.check_label.text().startswith("before.backup checks out")
    # What was written after the backup's moment is gone (its own record too, written just after).
    assert _changes(demo_database) == []
    with demo_database.unit_of_work() as session:
        assert [change.code for change in changes_of(session, "restore")] == ["before.backup"]
    box = dialog.findChild(QMessageBox, "restoredBox")
    assert box is not None and "starts again on the restored database" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert restarts == [True]


def test_the_window_refuses_a_restore_while_another_desk_is_signed_in_naming_it(
        qtbot, context_of, demo_database, tmp_path: Path, restarts: list[bool]):  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, context_of, tmp_path)
    backup = tmp_path / "before.backup"
    back_up(demo_database, dialog.ctx.actor, backup)
    clerk = signed_in(demo_database, Role.CLERK, "FRONT-2")
    with demo_database.writing() as session:
        desk_signed_in(session, clerk)
    dialog.ask = lambda question: True  # type: ignore[method-assign]
    dialog.restore_from(backup)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled() and dialog.status_label.text() != ""
                    and "Restoring" not in dialog.status_label.text() and "Checking" not in dialog.status_label.text(),
                    timeout=WAIT_MS)
    assert dialog.status_label.text() == ("Someone is signed in at other workstations (FRONT-2: anna): "
                                          "sign out there, then restore")
    assert dialog.status_label.styleSheet() == REFUSED_STYLE
    assert restarts == []


def test_a_backup_older_than_the_anchors_is_restored_only_once_the_manager_confirms_the_loss(
        qtbot, context_of, demo_database, tmp_path: Path, restarts: list[bool]):  # type: ignore[no-untyped-def]
    from desk.audit.anchors import write_anchor

    dialog = _dialog(qtbot, context_of, tmp_path)
    backup = tmp_path / "before.backup"
    back_up(demo_database, dialog.ctx.actor, backup)
    context_of(Role.CLERK)  # a sign-in after the backup: an entry it lacks, then anchored
    with demo_database.writing() as session:
        assert write_anchor(session, "2026-12-06") is not None
    questions: list[str] = []
    dialog.ask = lambda question: questions.append(question) or False  # type: ignore[method-assign]
    dialog.restore_from(backup)
    qtbot.waitUntil(lambda: bool(questions), timeout=WAIT_MS)
    assert questions == ["before.backup is older than the last anchors: restoring it loses what the check above "
                         "lists. Only a manager may confirm that. Restore it all the same?"]
    assert _changes(demo_database) == ["before.backup"]  # declined: nothing replaced

    dialog.ask = lambda question: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS) as restored:
        dialog.restore_from(backup)
    assert restored.args[0].check.needs_confirmation
    with demo_database.unit_of_work() as session:
        [change] = changes_of(session, "restore")
        assert "CONFIRMED LOSS" in change.summary


def _rewrite_a_posting(backup: Path) -> int:
    """The last charge made cheaper in the file, behind its triggers, as whoever holds the file could."""
    connection = sqlite3.connect(backup, isolation_level=None)
    try:
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                      "AND tbl_name = 'posting'").fetchall()
        for name, _sql in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        posting_id, amount = connection.execute(
            "SELECT id, amount FROM posting WHERE amount NOT LIKE '%-%' ORDER BY id DESC LIMIT 1").fetchone()
        currency, _value = amount.split(" ")
        connection.execute("UPDATE posting SET amount = ? WHERE id = ?", (f"{currency} 0.01", posting_id))
        for _name, sql in triggers:
            connection.execute(sql)
    finally:
        connection.close()
    return int(posting_id)


def test_a_tampered_ledger_row_is_refused_in_russian_naming_the_row_with_no_english(
        qtbot, context_of, demo_database, tmp_path: Path, qm_dir, restarts: list[bool]):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QLocale

    from desk.hotel.reference import base_currency
    from tests.ui.test_no_english import KEY_NAMES, LATIN_WORD
    from ui import i18n

    dialog = _dialog(qtbot, context_of, tmp_path)
    backup = tmp_path / "tampered.backup"
    back_up(demo_database, dialog.ctx.actor, backup)
    posting_id = _rewrite_a_posting(backup)
    currency = dialog.ctx.runner.read(base_currency)
    saved = QLocale()
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    try:
        dialog.ask = lambda question: True  # type: ignore[method-assign]
        dialog.restore_from(backup)
        qtbot.waitUntil(lambda: dialog.restore_button.isEnabled() and dialog.check_label.text() != "",
                        timeout=WAIT_MS)
        said = dialog.check_label.text()
    finally:
        i18n.install_translator(QCoreApplication.instance(), "en")
        i18n.remove_translators(QCoreApplication.instance())
        QLocale.setDefault(saved)
    assert dialog.check_label.styleSheet() == REFUSED_STYLE and restarts == []
    assert f"начисление {posting_id}" in said, said  # the row, as the clerk knows it
    english = [word for word in LATIN_WORD.findall(said.replace(backup.name, ""))
               if word not in KEY_NAMES and word != currency]
    assert english == [], said
