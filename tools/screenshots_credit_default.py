"""Render Administration → Default credit limit… on the demo hotel to
docs/screenshots/default_credit_limit_{en,ru}.png.

    python -m tools.screenshots_credit_default
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desk.core.money import Money
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from tools.screenshots import save_in_each_language
from ui.context import DeskContext
from ui.ops import delivery
from ui.stays.credit_limit import DefaultCreditLimitDialog


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", "FRONT-1")
        ctx = DeskContext(database, manager)

        def dialog(_language: str) -> QWidget:
            window = DefaultCreditLimitDialog(ctx, Money.of("1250000.00", "EUR"), "EUR")
            window.show()
            return window

        save_in_each_language(app, "default_credit_limit", dialog)
        delivery.wait_all(30_000)
        ctx.close()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
