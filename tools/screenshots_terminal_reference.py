"""Render "Terminal…" at a Worldline hotel to docs/screenshots/ (en, ru): the window asking for the
transaction reference on the terminal's receipt, then the fake Saferpay's refusal of a reference it does
not know.

    python -m tools.screenshots_terminal_reference
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.cards.card_page import NewCardOwner
from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from desk.stays.models import Reservation
from tools.screenshots import OUT, settle, wait_until
from ui.cards.terminal_reference import TerminalReferenceDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery

WORKSTATION = "FRONT-1"
USER, PASSWORD = "API_245294_08670203", "screenshots-password"
HOLDER = "Konstantin Aleksandrovich Rimsky-Korsakov-Wittgenstein"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    saferpay = FakeSaferpay(user=USER, password=PASSWORD)
    url = saferpay.serve()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("DESK_MAIL_KEY_FILE", f"{folder}/desk.key")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            add_operator(session, manager, "Saferpay — Grand Hotel Adler, Konstanz", "saferpay", f"{USER}:{PASSWORD}",
                         account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=url, currencies=("EUR", "CHF"))
            reservation_id = session.scalars(select(Reservation.id)).first()
        ctx = DeskContext(database, manager)
        try:
            for language in ("en", "ru"):
                install_translator(app, language)  # type: ignore[arg-type]
                dialog = TerminalReferenceDialog(ctx, HOLDER, NewCardOwner(reservation_id=reservation_id))
                dialog.show()
                dialog.start()
                wait_until(dialog.reference_edit.isEnabled)
                dialog.reference_edit.setText("1:100002:1:87768996410")
                dialog.adjustSize()
                settle()
                dialog.grab().save(str(OUT / f"card_terminal_reference_{language}.png"))
                dialog.reference_edit.setText("1:100002:1:99999999999")
                dialog.save_button.click()
                wait_until(lambda d=dialog: not d.is_busy and d.outcome is not None)
                dialog.adjustSize()
                settle()
                dialog.grab().save(str(OUT / f"card_terminal_reference_unknown_{language}.png"))
                print(dialog.message_label.text())
                dialog.close()
                remove_translators(app)  # type: ignore[arg-type]
        finally:
            delivery.wait_all(10_000)
            ctx.close()
            database.dispose()
            saferpay.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
