"""Render the reservation card's Guests → Guest… window with long, real-looking details, a recorded
document chosen to be corrected, to docs/screenshots/guest_details_{en,ru}.png.

    python -m tools.screenshots_guest
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from desk.stays.booking import DocumentEntry
from desk.stays.guest_details import GuestDetails
from desk.stays.models import DocumentKind
from tools.screenshots import save_in_each_language
from ui.context import DeskContext
from ui.ops import delivery
from ui.stays.guest_details import GuestDialog


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            clerk = sign_in(session, "anna", "anna", "FRONT-1")
        ctx = DeskContext(database, clerk)
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
        delivery.wait_all(30_000)
        ctx.close()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
