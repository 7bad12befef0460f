"""Render the New card window to docs/screenshots/ (en, ru) against the fake Saferpay: opened from the
reservation card's Credit card section with the operator's own card page loaded and half filled by
the guest, and the plain message after the guest cancelled on that page.

    python -m tools.screenshots_new_card
"""

from __future__ import annotations

import os
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QPushButton

from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from tools.screenshots import application, busiest_in_house_folio, demo_hotel, save, settle, translated, wait_until
from ui.cards.new_card import NewCardDialog
from ui.cards.web_engine import prepare_web_engine
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
    app = application()
    fake = FakeSaferpay(user=USER, password=PASSWORD)
    url = fake.serve()
    try:
        with demo_hotel() as hotel:
            manager = hotel.sign_in("maria", "manager", WORKSTATION)
            cashier = hotel.sign_in("ivan", "ivan", WORKSTATION)
            hotel.card_operator(manager, "Worldline Saferpay", "saferpay", f"{USER}:{PASSWORD}",
                                account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=url)
            folio_id = busiest_in_house_folio(hotel.database)
            ctx = hotel.context(cashier)
            for language in ("en", "ru"):
                with translated(app, language):
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
                    save(dialog, "new_card_page", language)
                    dialog.page.runJavaScript("document.getElementById('cancel').click();")
                    waiting_for_page(lambda d=dialog: d.outcome is not None)
                    settle()
                    save(dialog, "new_card_left", language)
                    dialog.close()
                    window.close()
    finally:
        fake.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
