"""Render the New card window to docs/screenshots/ (en, ru) against the fake Saferpay: opened from the
reservation card's Credit card section with the operator's own card page loaded and half filled by
the guest, and the plain message after the guest cancelled on that page.

    python -m tools.screenshots_new_card
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from tools.screenshots import OUT, busiest_in_house_folio, settle, wait_until
from ui.cards.new_card import NewCardDialog
from ui.cards.web_engine import prepare_web_engine
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.reservation_card.window import open_reservation_card

WORKSTATION = "FRONT-1"
USER, PASSWORD = "API_245294_08670203", "screenshots-password"
GUEST_TYPES = """
document.getElementById('card_number').value = '4111 1111 1111 1111';
document.getElementById('exp_month').value = '09';
document.getElementById('holder').value = 'Anna-Katharina Petrova-Wittgenstein';
"""


def pause(ms: int) -> None:
    """Let the page draw; not tools.screenshots.settle, which waits for the running op (the page's)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def waiting_for_page(condition: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        pause(50)
        waited += 50
    if not condition():
        raise TimeoutError("the card page did not get there")


def main() -> int:
    prepare_web_engine()
    app = QApplication.instance() or QApplication(sys.argv)
    fake = FakeSaferpay(user=USER, password=PASSWORD)
    url = fake.serve()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("DESK_MAIL_KEY_FILE", f"{folder}/desk.key")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            cashier = sign_in(session, "ivan", "ivan", WORKSTATION)
            add_operator(session, manager, "Worldline Saferpay", "saferpay", f"{USER}:{PASSWORD}",
                         account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=url)
        folio_id = busiest_in_house_folio(database)
        ctx = DeskContext(database, cashier)
        try:
            for language in ("en", "ru"):
                install_translator(app, language)  # type: ignore[arg-type]
                window = open_reservation_card(ctx, folio_id)
                wait_until(lambda w=window: w.is_loaded)
                settle()
                window.findChild(QPushButton, "newCardButton").click()
                dialog = window.last_dialog
                assert isinstance(dialog, NewCardDialog)
                waiting_for_page(lambda d=dialog: d.view is not None and d.view.isVisible()
                                 and d.progress_bar.isHidden())
                assert dialog.page is not None
                dialog.page.runJavaScript(GUEST_TYPES)
                pause(1_000)
                dialog.grab().save(str(OUT / f"new_card_page_{language}.png"))
                print(OUT / f"new_card_page_{language}.png")
                dialog.page.runJavaScript("document.getElementById('cancel').click();")
                waiting_for_page(lambda d=dialog: d.outcome is not None)
                settle()
                dialog.grab().save(str(OUT / f"new_card_left_{language}.png"))
                print(OUT / f"new_card_left_{language}.png")
                dialog.close()
                window.close()
                remove_translators(app)  # type: ignore[arg-type]
        finally:
            delivery.wait_all(10_000)
            ctx.close()
            database.dispose()
            fake.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
