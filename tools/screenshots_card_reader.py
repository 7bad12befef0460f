"""Render the terminal's card saving to docs/screenshots/ (en, ru): Settings -> Card operators with this
workstation's Stripe reader, the window waiting for the guest's card on the fake Stripe's simulated
reader, and Pending card operations' words for the terminal and the online operator.

    python -m tools.screenshots_card_reader
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.cards import reader_save
from desk.cards.card_page import NewCardOwner
from desk.cards.operators.fakes.stripe import FakeStripe
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from desk.stays.models import Reservation
from tools.screenshots import OUT, settle, wait_until
from ui.cards.operations import PendingCardOperationsDialog
from ui.cards.reader_save import ReaderSaveDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.settings.card_operators import CardOperatorsDialog

WORKSTATION = "FRONT-1"
KEY = "sk_test_screenshots"
HOLDER = "Konstantin Aleksandrovich Rimsky-Korsakov-Wittgenstein"


def _spin(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Wait without waiting for the running op (it waits for the guest's card)."""
    end = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    reader_save.READER_POLL_S = 0.05
    stripe = FakeStripe(KEY)
    url = stripe.serve()
    reader = stripe.add_reader("Front desk 1")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("DESK_MAIL_KEY_FILE", f"{folder}/desk.key")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            add_operator(session, manager, "Stripe — Grand Hotel Adler, Konstanz", "stripe", KEY, api_base=url,
                         currencies=("EUR", "CHF"), retention_days=90, reader=reader)
            reservation_id = session.scalars(select(Reservation.id)).first()
        ctx = DeskContext(database, manager)
        try:
            for language in ("en", "ru"):
                install_translator(app, language)  # type: ignore[arg-type]
                settings = CardOperatorsDialog(ctx)
                settings.open()
                wait_until(lambda d=settings: d.operator_combo.count() > 1 and d.reader_edit.text() != "")
                settings.adjustSize()
                settle()
                settings.grab().save(str(OUT / f"settings_card_operators_reader_{language}.png"))
                settings.close()

                waiting = ReaderSaveDialog(ctx, HOLDER, NewCardOwner(reservation_id=reservation_id))
                waiting.show()
                waiting.start()
                _spin(lambda: (stripe.readers[reader]["action"] or {}).get("status") == "in_progress")
                # The "present the card" words: the reader's id, and no longer the start's ellipsis.
                _spin(lambda d=waiting: reader in d.message_label.text() and not d.message_label.text().endswith("…"))
                waiting.adjustSize()
                QCoreApplication.processEvents()
                waiting.grab().save(str(OUT / f"card_reader_waiting_{language}.png"))
                print(waiting.message_label.text())
                stripe.present_card(reader, "declined")
                _spin(lambda d=waiting: not d.is_busy)
                waiting.adjustSize()
                QCoreApplication.processEvents()
                waiting.grab().save(str(OUT / f"card_reader_declined_{language}.png"))
                print(waiting.message_label.text())
                waiting.close()

                pending = PendingCardOperationsDialog(ctx)
                pending.show()
                settle()
                pending.adjustSize()
                pending.grab().save(str(OUT / f"card_pending_operations_{language}.png"))
                pending.close()
                remove_translators(app)  # type: ignore[arg-type]
        finally:
            delivery.wait_all(10_000)
            ctx.close()
            database.dispose()
            stripe.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
