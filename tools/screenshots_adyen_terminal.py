"""Render saving a card on an Adyen terminal to docs/screenshots/ (en, ru): Settings -> Card operators
with this workstation's Adyen terminal (its POIID), the window waiting for the guest's card on the fake
Adyen's terminal, and its words when the bank refused the card.

    python -m tools.screenshots_adyen_terminal
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.cards import reader_save
from desk.cards.card_page import NewCardOwner
from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from desk.stays.models import Reservation
from tools.screenshots import OUT, settle, wait_until
from tools.screenshots_card_reader import HOLDER, WORKSTATION, _spin
from ui.cards.reader_save import ReaderSaveDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.settings.card_operators import CardOperatorsDialog

KEY = "AQE_screenshots_key"
MERCHANT = "GrandHotelAdlerKonstanzECOM"
HMAC = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"
POIID = "V400m-324688179"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    reader_save.READER_POLL_S = 0.05
    adyen = FakeAdyen(KEY, MERCHANT, hmac_key=HMAC)
    adyen.hold_webhooks = True
    url = adyen.serve()
    adyen.terminals.add_terminal(POIID)
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("DESK_MAIL_KEY_FILE", f"{folder}/desk.key")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            add_operator(session, manager, "Adyen — Grand Hotel Adler, Konstanz", "adyen", KEY, account=MERCHANT,
                         api_base=url, currencies=("EUR", "CHF"), retention_days=90, hmac_key=HMAC, reader=POIID)
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
                settings.grab().save(str(OUT / f"settings_card_operators_adyen_terminal_{language}.png"))
                settings.close()

                waiting = ReaderSaveDialog(ctx, HOLDER, NewCardOwner(reservation_id=reservation_id))
                waiting.show()
                waiting.start()
                _spin(lambda: adyen.terminals.terminals[POIID]["current"] is not None)
                _spin(lambda d=waiting: POIID in d.message_label.text() and not d.message_label.text().endswith("…"))
                waiting.adjustSize()
                QCoreApplication.processEvents()
                waiting.grab().save(str(OUT / f"card_adyen_terminal_waiting_{language}.png"))
                print(waiting.message_label.text())
                adyen.terminals.present_card(POIID, "refused")
                _spin(lambda d=waiting: not d.is_busy)
                waiting.adjustSize()
                QCoreApplication.processEvents()
                waiting.grab().save(str(OUT / f"card_adyen_terminal_refused_{language}.png"))
                print(waiting.message_label.text())
                waiting.close()
                remove_translators(app)  # type: ignore[arg-type]
        finally:
            delivery.wait_all(10_000)
            ctx.close()
            database.dispose()
            adyen.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
