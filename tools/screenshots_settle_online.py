"""Render Settle by hand for an online card operation to docs/screenshots/ (en, ru): an Adyen refund
whose confirmation never came, "It went through" chosen, the operator's reference typed.

    python -m tools.screenshots_settle_online
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desk.core.money import Money
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.journal.intents import IntentView
from desk.people.auth import sign_in
from tools.screenshots import OUT, settle
from ui.cards.settle_by_hand import SettleByHandDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery

WORKSTATION = "FRONT-1"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
        ctx = DeskContext(database, manager)
        intent = IntentView(1, "refund:9:0", "online_refund", "Adyen — Grand Hotel Adler, Konstanz", WORKSTATION,
                            "maria", datetime.now(UTC), None, None, 9, Money.of("1249.50", "EUR"),
                            {"operation": "refund"})
        try:
            for language in ("en", "ru"):
                install_translator(app, language)  # type: ignore[arg-type]
                dialog = SettleByHandDialog(ctx, intent)
                dialog.open()
                dialog.happened_radio.setChecked(True)
                dialog.reference_edit.setText("NC6HT9CRT65ZGN82")
                dialog.reason_edit.setText("Adyen Customer Area: refund settled on 7 December, batch 1207")
                dialog.adjustSize()
                settle()
                path = OUT / f"settle_by_hand_online_{language}.png"
                dialog.grab().save(str(path))
                print(path)
                dialog.close()
                remove_translators(app)  # type: ignore[arg-type]
        finally:
            delivery.wait_all(10_000)
            ctx.close()
            database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
