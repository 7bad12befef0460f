"""Render the Credit card section's saved cards against the fake Stripe to docs/screenshots/ (en, ru):
two cards saved on a stay, one pre-authorised, and the Charge saved card dialog; then the expired
hold's plain message with "Charge the saved card directly".

    python -m tools.screenshots_saved_cards
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLabel

from desk.cards.operator_workflow import pre_authorise_saved_card, save_card
from desk.cards.operators.fakes.stripe import FakeStripe
from desk.cards.saved_cards import saved_cards
from desk.core.money import Money
from desk.db.runner import Runner
from desk.stays.reservation_card import load_reservation_card
from tools.screenshots import (
    application,
    busiest_in_house_folio,
    demo_hotel,
    save,
    save_grown,
    settle,
    translated,
    wait_until,
)
from ui.cards.saved import SavedCardDialog, SavedCardOperation
from ui.reservation_card.window import open_reservation_card

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
            folio_id = busiest_in_house_folio(database)
            with database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id)
            reservation_id = card.folio.folio.reservation_id
            for source, holder in (("pm_card_visa", "Anna-Katharina Petrova-Wittgenstein"),
                                   ("pm_card_mastercard", "Konstantin Aleksandrovich Rimsky-Korsakov")):
                assert save_card(runner, cashier, operator.id, source, holder, reservation_id=reservation_id).settled
            with database.unit_of_work() as session:
                first = saved_cards(session, reservation_id=reservation_id)[0]
            ctx = hotel.context(cashier)
            for language in ("en", "ru"):
                # A hold of its own in each language: the one before expired on the fake's clock.
                pre_authorise_saved_card(runner, cashier, operator.id, first.id, folio_id, Money.of("200.00", "EUR"))
                with translated(app, language):
                    window = open_reservation_card(ctx, folio_id)
                    wait_until(lambda w=window: w.is_loaded)
                    window.saved_cards_view.selectRow(0)
                    settle()
                    save(window, "card_saved_cards", language)
                    with database.unit_of_work() as session:
                        card = load_reservation_card(session, folio_id, language)
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
