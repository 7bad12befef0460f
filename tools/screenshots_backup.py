"""Render the Backup window of the demo hotel to PNG (en, ru): a backup done into a folder with a
long name, one refused because the file exists, a restore refused while a clerk is signed in at
another desk, and the restore check of that backup: clean, then
lacking the trail entries a later night audit anchored, then of a copy whose last posting was rewritten
with its bill's total (the ledger's chain names it).

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_backup
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desk.audit.anchors import ANCHOR_DIR_ENV, write_anchor
from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.people.auth import desk_signed_in, desk_signed_out, sign_in
from tools.screenshots import save, settle, wait_until
from ui.admin.backup import BackupDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators

LONG_FOLDER = "Резервные копии гостиницы Александровский-Константинопольский"


def _rewrite_posting(backup: Path) -> None:
    """The last posting made cheaper and its bill's stored total with it, behind the triggers, as whoever holds
    the file could: the totals agree, the ledger's chain does not."""
    connection = sqlite3.connect(backup, isolation_level=None)
    try:
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                      "AND tbl_name IN ('posting', 'bill_total')").fetchall()
        for name, _sql in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        posting_id, bill_id, amount = connection.execute(
            "SELECT id, bill_id, amount FROM posting WHERE amount NOT LIKE '%-%' ORDER BY id DESC LIMIT 1").fetchone()
        currency, value = amount.split(" ")
        cut = int(value.replace(".", "")) // 2
        connection.execute("UPDATE posting SET amount = ? WHERE id = ?",
                           (f"{currency} {Decimal(cut).scaleb(-2):.2f}", posting_id))
        connection.execute("UPDATE bill_total SET charges = charges - ? WHERE bill_id = ? AND currency = ?",
                           (int(value.replace(".", "")) - cut, bill_id, currency))
        for _name, sql in triggers:
            connection.execute(sql)
    finally:
        connection.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    for language in ("en", "ru"):
        with tempfile.TemporaryDirectory() as folder:
            os.environ[ANCHOR_DIR_ENV] = str(Path(folder) / "audit-anchors")  # never the user's own anchors
            database = Database(f"sqlite:///{folder}/demo.sqlite3")
            with database.unit_of_work() as session:
                seed_demo(session, today=date.today())
            with database.unit_of_work() as session:
                manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
            ctx = DeskContext(database, manager)
            install_translator(app, language)  # type: ignore[arg-type]
            backups = Path(folder) / LONG_FOLDER
            backups.mkdir()
            dialog = BackupDialog(ctx, folder=backups)
            dialog.show()
            done: list[object] = []
            dialog.finished_backup.connect(done.append)
            dialog.start()
            wait_until(lambda finished=done: bool(finished), 60_000)
            settle(300)
            save(dialog, "backup_done", language)
            dialog.start()  # the same file again: refused, nothing overwritten
            wait_until(lambda shown=dialog: shown.start_button.isEnabled(), 60_000)
            settle(300)
            save(dialog, "backup_refused", language)
            backup = Path(dialog.file_edit.text())
            dialog.check(backup)
            wait_until(lambda shown=dialog: shown.check_button.isEnabled(), 60_000)
            settle(300)
            save(dialog, "backup_check_clean", language)
            clerk_desk = "Ресепшн-второй-этаж-восточное-крыло-2"
            with database.writing() as session:  # someone signed in at another desk: Restore… names it
                desk_signed_in(session, sign_in(session, "anna", "anna", clerk_desk))
            dialog.ask = lambda _question: True  # type: ignore[method-assign]
            dialog.restore_from(backup)
            wait_until(lambda shown=dialog: shown.restore_button.isEnabled()
                       and "…" not in shown.status_label.text(), 60_000)
            settle(300)
            save(dialog, "backup_restore_refused", language)
            with database.writing() as session:
                desk_signed_out(session, workstation=clerk_desk)
            with database.unit_of_work() as session:  # the day goes on: entries the backup lacks...
                sign_in(session, "maria", "manager", DEMO_WORKSTATION)
            with database.writing() as session:  # ... anchored by the night audit
                write_anchor(session, date.today().isoformat())
            dialog.check(backup)
            wait_until(lambda shown=dialog: shown.check_button.isEnabled(), 60_000)
            settle(300)
            save(dialog, "backup_check_missing", language)
            tampered = backup.with_name("tampered.backup")  # a posting and its bill's total rewritten together
            shutil.copyfile(backup, tampered)
            _rewrite_posting(tampered)
            dialog.check(tampered)
            wait_until(lambda shown=dialog: shown.check_button.isEnabled(), 60_000)
            settle(300)
            save(dialog, "backup_check_tampered", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
            ctx.close()
            database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
