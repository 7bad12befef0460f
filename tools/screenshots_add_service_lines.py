"""Render Add service (en, ru) with a minibar's count put together: two lines added, the third being
edited, and the total of all three that one Apply posts.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_add_service_lines
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget

from desk.stays.reservation_card import load_reservation_card
from tools.screenshots import application, busiest_in_house_folio, demo_hotel, save_in_each_language, settle
from ui.dialogs import AddServiceDialog


def main() -> int:
    app = application()
    with demo_hotel() as hotel:
        ctx = hotel.context(hotel.sign_in("maria", "manager", "FRONT-1"))
        folio_id = busiest_in_house_folio(hotel.database)

        def add_service(language: str) -> QWidget:
            with hotel.database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id, language)
            dialog = AddServiceDialog(ctx, card, card.folio.bills[0].bill.id)
            dialog.open()
            for code, quantity in (("MB-BEER", "2"), ("MB-WATER", "3")):
                dialog.service_combo.setCurrentIndex(dialog.service_combo.findData(code))
                dialog.quantity_edit.setText(quantity)
                dialog.add_line_button.click()
            dialog.service_combo.setCurrentIndex(dialog.service_combo.findData("PARKING"))
            dialog.quantity_edit.setText("2")
            settle()
            dialog.adjustSize()
            return dialog

        save_in_each_language(app, "add_service_lines", add_service)
    return 0


if __name__ == "__main__":
    sys.exit(main())
