"""Render the cards window with several reservation cards open as tabs to docs/screenshots/
(``card_tabs_{en,ru}.png``): every in-house stay of the demo hotel, the busiest in front; and the
same with the card in front taking a payment (``card_tab_modal_{en,ru}.png``): its page greyed
behind its dialog, the other tabs free; and that card's tab closed while its dialog is open
(``card_close_with_dialog_{en,ru}.png``): the card stays, its dialog in front, its status bar says why.

    python -m tools.screenshots_card_tabs
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from desk.ledger.models import Folio
from desk.stays.models import Reservation, ReservationStatus
from tools.screenshots import OUT, application, busiest_in_house_folio, demo_hotel, save, settle, wait_until
from ui.i18n import install_translator, remove_translators
from ui.reservation_card.cards_window import CardsWindow
from ui.reservation_card.window import ReservationCard, open_reservation_card


def save_with_dialog(window: QWidget, dialog: QWidget, name: str, language: str) -> None:
    """The window with its dialog drawn over it where a window manager centres it (offscreen, each
    window is grabbed apart)."""
    picture = window.grab()
    painter = QPainter(picture)
    over = dialog.grab()
    painter.drawPixmap(QPoint((picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2), over)
    painter.end()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}_{language}.png"
    picture.save(str(path))
    print(path)


def main() -> int:
    app = application()
    with demo_hotel() as hotel:
        database = hotel.database
        with database.unit_of_work() as session:
            in_house = list(session.scalars(select(Folio.id).join(Reservation).where(
                Reservation.status == ReservationStatus.IN_HOUSE).order_by(Reservation.number)))
        busiest = busiest_in_house_folio(database)
        ctx = hotel.desk("anna", "anna", "FRONT-1")
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            cards = [open_reservation_card(ctx, folio_id) for folio_id in [*in_house, busiest]]
            wait_until(lambda cards=cards: all(card.is_loaded for card in cards))  # type: ignore[misc]
            front = open_reservation_card(ctx, busiest)  # in front (the cards behind the last five rest)
            window = front.window()
            assert isinstance(window, CardsWindow)
            window.resize(1280, 820)
            settle(600)
            save(window, "card_tabs", language)
            in_front = window.tabs.currentWidget()
            assert isinstance(in_front, ReservationCard)
            in_front.make_payment_action.trigger()
            dialog = in_front.last_dialog
            assert dialog is not None
            wait_until(dialog.isVisible)
            settle(600)
            save_with_dialog(window, dialog, "card_tab_modal", language)
            # The clerk closes that tab: the card stays, its dialog in front, and says why.
            window.tabs.tabCloseRequested.emit(window.tabs.indexOf(in_front))
            settle(600)
            save_with_dialog(window, dialog, "card_close_with_dialog", language)
            dialog.close()
            settle()
            window.close()
            settle()
            remove_translators(app)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
