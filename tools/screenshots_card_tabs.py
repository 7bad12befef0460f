"""Render the cards window with several reservation cards open as tabs to docs/screenshots/
(``card_tabs_{en,ru}.png``): every in-house stay of the demo hotel, the busiest in front.

    python -m tools.screenshots_card_tabs
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.ledger.models import Folio
from desk.people.auth import sign_in
from desk.stays.models import Reservation, ReservationStatus
from tools.screenshots import busiest_in_house_folio, save, settle, wait_until
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.reservation_card.window import open_reservation_card


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            actor = sign_in(session, "anna", "anna", "FRONT-1")
            in_house = list(session.scalars(select(Folio.id).join(Reservation).where(
                Reservation.status == ReservationStatus.IN_HOUSE).order_by(Reservation.number)))
        busiest = busiest_in_house_folio(database)
        ctx = DeskContext(database, actor)
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            cards = [open_reservation_card(ctx, folio_id) for folio_id in [*in_house, busiest]]
            wait_until(lambda cards=cards: all(card.is_loaded for card in cards))  # type: ignore[misc]
            window = cards[-1].window()
            window.resize(1280, 820)
            settle(600)
            save(window, "card_tabs", language)
            window.close()
            settle()
            remove_translators(app)  # type: ignore[arg-type]
        delivery.wait_all(10_000)
        ctx.close()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
