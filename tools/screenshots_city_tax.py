"""Render the City tax window of the demo hotel to PNG (en, ru): the demo's amount, a new one from a
later date set by the manager, and a negative amount refused.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_city_tax
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.people.auth import sign_in
from tools.screenshots import save, settle, wait_until
from ui.admin.city_tax import CityTaxDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators


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
            dialog = CityTaxDialog(ctx)
            loads: list[None] = []
            dialog.loaded.connect(lambda seen=loads: seen.append(None))
            dialog.open()
            wait_until(lambda seen=loads: len(seen) == 1)
            start = date.today() + timedelta(days=30)
            dialog.amount_edit.setText("2.40")
            dialog.from_edit.setDate(QDate(start.year, start.month, start.day))
            dialog.set_tax()
            wait_until(lambda seen=loads: len(seen) == 2)
            dialog.amount_edit.setText("-1")
            dialog.set_tax()
            settle(300)
            save(dialog, "city_tax", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
            ctx.close()
            database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
