"""Render the Import window of the demo hotel to PNG (en, ru): a services file with two bad lines,
refused whole with each line listed.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_import
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.people.auth import sign_in
from tools.screenshots import save, settle, wait_until
from ui.admin.imports import ImportDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators

SERVICES = ("\ufeffcode;name;price;vat;name_ru\r\n"
            "MASSAGE;Relaxing full-body massage with aromatic oils (50 minutes);45,00;VAT20;"
            "Расслабляющий массаж всего тела с ароматическими маслами (50 минут)\r\n"
            "SAUNA;Finnish sauna;12,345;VAT20;Финская сауна\r\n"
            "TRANSFER;Airport transfer;60,00;VAT7;Трансфер из аэропорта\r\n")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    for language in ("en", "ru"):
        with tempfile.TemporaryDirectory() as folder:
            database = Database(f"sqlite:///{folder}/demo.sqlite3")
            with database.unit_of_work() as session:
                seed_demo(session, today=date.today())
            with database.unit_of_work() as session:
                manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
            ctx = DeskContext(database, manager)
            install_translator(app, language)  # type: ignore[arg-type]
            file = Path(folder) / "services-from-the-old-system.csv"
            file.write_bytes(SERVICES.encode())
            dialog = ImportDialog(ctx)
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("services"))
            dialog.file_edit.setText(str(file))
            results: list[object] = []
            dialog.finished_import.connect(results.append)
            dialog.show()
            dialog.start()
            wait_until(lambda seen=results: bool(seen), 60_000)
            settle(300)
            save(dialog, "import_refused", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
            ctx.close()
            database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
