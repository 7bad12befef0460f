"""Render the reservation card's Guests → Guest… window with long, real-looking details, a recorded
document chosen to be corrected, to docs/screenshots/guest_details_{en,ru}.png.

    python -m tools.screenshots_guest
"""

from __future__ import annotations

import os
import sys
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget

from desk.stays.booking import DocumentEntry
from desk.stays.guest_details import GuestDetails
from desk.stays.models import DocumentKind
from tools.screenshots import application, demo_hotel, save_in_each_language
from ui.stays.guest_details import GuestDialog


def main() -> int:
    app = application()
    with demo_hotel() as hotel:
        ctx = hotel.desk("anna", "anna", "FRONT-1")
        details = GuestDetails(
            1, "Konstantin-Maximilian", "Aleksandrov-Vasilev-Hohenzollern", "konstantin.aleksandrov@example.com",
            "+359 88 123 4567 ext. 204", date(2018, 6, 1), "Child of a member of staff on official duty",
            (DocumentEntry(DocumentKind.PASSPORT, "BG382910457", "BG", date(2021, 3, 14), 1),
             DocumentEntry(DocumentKind.DRIVING_LICENCE, "DL-0093847561-XK", "DE", None, 2),
             DocumentEntry(DocumentKind.ID_CARD, "645009911", "BG", date(2019, 11, 5), 3)))

        def dialog(_language: str) -> QWidget:
            window = GuestDialog(ctx, details)
            window.show()
            window.documents_list.setCurrentRow(0)  # chosen to be corrected: its fields below
            window.document_edit.setText("BG382910475")
            return window

        save_in_each_language(app, "guest_details", dialog)
    return 0


if __name__ == "__main__":
    sys.exit(main())
