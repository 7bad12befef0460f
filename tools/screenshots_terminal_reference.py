"""Render "Terminal…" at a Worldline hotel to docs/screenshots/ (en, ru): the window asking for the
transaction reference on the terminal's receipt, then the fake Saferpay's refusal of a reference it does
not know.

    python -m tools.screenshots_terminal_reference
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.cards.card_page import NewCardOwner
from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from tools.screenshots import CARD_HOLDER, application, demo_hotel, save_grown, settle, translated, wait_until
from ui.cards.terminal_reference import TerminalReferenceDialog

WORKSTATION = "FRONT-1"
USER, PASSWORD = "API_245294_08670203", "screenshots-password"


def main() -> int:
    app = application()
    saferpay = FakeSaferpay(user=USER, password=PASSWORD)
    url = saferpay.serve()
    try:
        with demo_hotel() as hotel:
            manager = hotel.sign_in("maria", "manager", WORKSTATION)
            hotel.card_operator(manager, "Saferpay — Grand Hotel Adler, Konstanz", "saferpay", f"{USER}:{PASSWORD}",
                                account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=url,
                                currencies=("EUR", "CHF"))
            ctx = hotel.context(manager)
            for language in ("en", "ru"):
                with translated(app, language):
                    dialog = TerminalReferenceDialog(ctx, CARD_HOLDER,
                                                     NewCardOwner(reservation_id=hotel.first_reservation()))
                    dialog.show()
                    dialog.start()
                    wait_until(dialog.reference_edit.isEnabled)
                    dialog.reference_edit.setText("1:100002:1:87768996410")
                    settle()
                    save_grown(dialog, "card_terminal_reference", language)
                    dialog.reference_edit.setText("1:100002:1:99999999999")
                    dialog.save_button.click()
                    wait_until(lambda d=dialog: not d.is_busy and d.outcome is not None)
                    settle()
                    save_grown(dialog, "card_terminal_reference_unknown", language)
                    dialog.close()
    finally:
        saferpay.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
