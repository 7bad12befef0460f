"""Render the Credit card section with cards saved at the fake Adyen to docs/screenshots/ (en, ru):
the saved cards, and a partial capture Adyen only "received", which waits for its webhook.

    python -m tools.screenshots_adyen
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLabel, QLineEdit

from desk.cards.adyen_webhooks import receive_notifications
from desk.cards.operator_workflow import pre_authorise_saved_card
from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.core.money import Money
from desk.db.runner import Runner
from tools.screenshots import (
    ADYEN_KEY,
    ADYEN_MERCHANT,
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


def main() -> int:
    app = application()
    fake = FakeAdyen(ADYEN_KEY, ADYEN_MERCHANT)
    fake.hold_webhooks = True  # the screenshots show the wait for Adyen's confirmation
    url = fake.serve()
    try:
        with demo_hotel() as hotel:
            database = hotel.database
            manager, cashier = hotel.manager_and_cashier(WORKSTATION)
            operator = hotel.adyen_operator(manager, url)
            runner = Runner(database)
            folio_id, first = cards_on_busiest_stay(database, cashier, operator.id,
                                                    ("adyenjs_test$visa", "adyenjs_test$mc"))
            ctx = hotel.context(cashier)
            for language in ("en", "ru"):
                pre_authorise_saved_card(runner, cashier, operator.id, first, folio_id, Money.of("350.00", "EUR"))
                with translated(app, language):
                    window, card = saved_cards_shown(ctx, folio_id, "card_saved_cards_adyen", language)
                    hold = next(h for h in card.pre_authorisations if h.operator_id is not None and h.usable)
                    capture = SavedCardDialog(ctx, card, SavedCardOperation.CAPTURE, hold=hold,
                                              bill_id=card.folio.bills[0].bill.id, parent=window)
                    capture.open()
                    capture.findChild(QLineEdit, "amountEdit").setText("120.00")
                    capture.apply()
                    result = capture.findChild(QLabel, "resultLabel")
                    wait_until(lambda r=result: r.isVisible(), 30_000)
                    settle()
                    save_grown(capture, "card_capture_awaiting_adyen", language)
                    capture.close()
                    window.close()
                    # Adyen's webhooks, as desk serve receives them: the capture settles, the bill is free again.
                    for item in fake.queued_webhooks():
                        receive_notifications(runner, {"notificationItems": [{"NotificationRequestItem": item}]})
    finally:
        fake.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
