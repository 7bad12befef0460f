"""Render the terminal's card saving to docs/screenshots/ (en, ru): Settings -> Card operators with this
workstation's Stripe reader, the window waiting for the guest's card on the fake Stripe's simulated
reader, and Pending card operations' words for the terminal and the online operator.

    python -m tools.screenshots_card_reader
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.cards import reader_save
from desk.cards.operators.fakes.stripe import FakeStripe
from tools.screenshots import application, demo_hotel, save_grown, save_reader_shots, settle, translated
from ui.cards.operations import PendingCardOperationsDialog

WORKSTATION = "FRONT-1"
KEY = "sk_test_screenshots"


def main() -> int:
    app = application()
    reader_save.READER_POLL_S = 0.05
    stripe = FakeStripe(KEY)
    url = stripe.serve()
    reader = stripe.add_reader("Front desk 1")
    try:
        with demo_hotel() as hotel:
            manager = hotel.sign_in("maria", "manager", WORKSTATION)
            hotel.card_operator(manager, "Stripe — Grand Hotel Adler, Konstanz", "stripe", KEY, api_base=url,
                                currencies=("EUR", "CHF"), retention_days=90, reader=reader)
            ctx = hotel.context(manager)
            for language in ("en", "ru"):
                with translated(app, language):
                    save_reader_shots(
                        ctx, hotel.first_reservation(), language, device=reader,
                        names=("settings_card_operators_reader", "card_reader_waiting", "card_reader_declined"),
                        device_asked=lambda: (stripe.readers[reader]["action"] or {}).get("status") == "in_progress",
                        present=lambda: stripe.present_card(reader, "declined"))
                    pending = PendingCardOperationsDialog(ctx)
                    pending.show()
                    settle()
                    save_grown(pending, "card_pending_operations", language)
                    pending.close()
    finally:
        stripe.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
