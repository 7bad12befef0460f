"""Render the Services tab of the demo hotel to PNG (en, ru) with services sold at outlets, one of
them chosen: its outlet in the table and in the form.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_service_outlet
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_demo
from desk.hotel.catalogue import add_outlet, set_service_outlet
from desk.people.auth import sign_in
from tools.screenshots import save_in_each_language, settle, wait_until
from ui.admin.catalogue import CatalogueDialog
from ui.context import DeskContext


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", "FRONT-1")
        runner = Runner(database)
        runner.run(add_outlet, manager, "WELLNESS", "Wellness centre and panoramic rooftop pool",
                   {"ru": "Велнес-центр и панорамный бассейн на крыше"})
        runner.run(set_service_outlet, manager, "SPA", "WELLNESS")
        runner.run(set_service_outlet, manager, "PARKING", "BAR")
        ctx = DeskContext(database, manager)

        def services(_language: str) -> QWidget:
            dialog = CatalogueDialog(ctx)
            dialog.open()
            wait_until(lambda: dialog.loaded is not None and dialog.service_outlet_combo.count() > 1)
            assert dialog.loaded is not None
            dialog.services_view.selectRow([s.code for s in dialog.loaded.services].index("SPA"))
            settle()
            dialog.resize(dialog.width(), 720)
            return dialog

        save_in_each_language(app, "services_outlet", services)
        ctx.close()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
