"""Render the Credit card section's saved cards against the fake Stripe to docs/screenshots/ (en, ru):
two cards saved on a stay, one pre-authorised, and the Charge saved card dialog; then the expired
hold's plain message with "Charge the saved card directly".

    python -m tools.screenshots_saved_cards
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLabel

from desk.cards.operator_workflow import pre_authorise_saved_card
from desk.cards.operators.fakes.stripe import FakeStripe
from desk.core.money import Money
from desk.db.runner import Runner
from tools.screenshots import (
    application,
    cards_on_busiest_stay,
    demo_hotel,
    save_grown,
    saved_cards_shown,
    settle,
    translated,
    wait_until,
)
from ui.cards.saved import SavedCardDialog, SavedCardOperation

WORKSTATION = "FRONT-1"
KEY = "sk_test_screenshots"


def main() -> int:
    app = application()
    fake = FakeStripe(KEY)
    url = fake.serve()
    try:
        with demo_hotel() as hotel:
            database = hotel.database
            manager = hotel.sign_in("maria", "manager", WORKSTATION)
            cashier = hotel.sign_in("ivan", "ivan", WORKSTATION)
            operator = hotel.card_operator(manager, "Stripe", "stripe", KEY, api_base=url)
            runner = Runner(database)
            folio_id, first = cards_on_busiest_stay(database, cashier, operator.id,
                                                    ("pm_card_visa", "pm_card_mastercard"))
            ctx = hotel.context(cashier)
            for language in ("en", "ru"):
                # A hold of its own in each language: the one before expired on the fake's clock.
                pre_authorise_saved_card(runner, cashier, operator.id, first, folio_id, Money.of("200.00", "EUR"))
                with translated(app, language):
                    window, card = saved_cards_shown(ctx, folio_id, "card_saved_cards", language)
                    dialog = SavedCardDialog(ctx, card, SavedCardOperation.CHARGE, saved=card.saved_cards[0],
                                             bill_id=card.folio.bills[0].bill.id, parent=window)
                    dialog.open()
                    settle()
                    save_grown(dialog, "card_charge_saved", language)
                    dialog.close()
                    hold = next(h for h in card.pre_authorisations if h.operator_id is not None and h.usable)
                    fake.advance(days=8)
                    capture = SavedCardDialog(ctx, card, SavedCardOperation.CAPTURE, hold=hold,
                                              bill_id=card.folio.bills[0].bill.id, parent=window)
                    capture.open()
                    capture.apply()
                    result = capture.findChild(QLabel, "resultLabel")
                    wait_until(lambda r=result: r.isVisible(), 30_000)
                    settle()
                    save_grown(capture, "card_hold_expired_saved", language)
                    capture.close()
                    window.close()
    finally:
        fake.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
