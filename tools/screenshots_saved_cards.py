"""Render the Credit card section's saved cards against the fake Stripe to docs/screenshots/ (en, ru):
two cards saved on a stay, one pre-authorised, and the Charge saved card dialog; then the expired
hold's plain message with "Charge the saved card directly".

    python -m tools.screenshots_saved_cards
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel

from desk.cards.operator_workflow import pre_authorise_saved_card, save_card
from desk.cards.operators.fakes.stripe import FakeStripe
from desk.cards.saved_cards import add_operator, saved_cards
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from desk.stays.reservation_card import load_reservation_card
from tools.screenshots import OUT, busiest_in_house_folio, settle, wait_until
from ui.cards.saved import SavedCardDialog, SavedCardOperation
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.reservation_card.window import open_reservation_card

WORKSTATION = "FRONT-1"
KEY = "sk_test_screenshots"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    fake = FakeStripe(KEY)
    url = fake.serve()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("DESK_MAIL_KEY_FILE", f"{folder}/desk.key")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            cashier = sign_in(session, "ivan", "ivan", WORKSTATION)
            operator = add_operator(session, manager, "Stripe", "stripe", KEY, api_base=url)
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
        ctx = DeskContext(database, cashier)
        try:
            for language in ("en", "ru"):
                # A hold of its own in each language: the one before expired on the fake's clock.
                pre_authorise_saved_card(runner, cashier, operator.id, first.id, folio_id, Money.of("200.00", "EUR"))
                install_translator(app, language)  # type: ignore[arg-type]
                window = open_reservation_card(ctx, folio_id)
                wait_until(lambda w=window: w.is_loaded)
                window.saved_cards_view.selectRow(0)
                settle()
                window.grab().save(str(OUT / f"card_saved_cards_{language}.png"))
                print(OUT / f"card_saved_cards_{language}.png")
                with database.unit_of_work() as session:
                    card = load_reservation_card(session, folio_id, language)
                dialog = SavedCardDialog(ctx, card, SavedCardOperation.CHARGE, saved=card.saved_cards[0],
                                         bill_id=card.folio.bills[0].bill.id, parent=window)
                dialog.open()
                dialog.adjustSize()
                settle()
                dialog.grab().save(str(OUT / f"card_charge_saved_{language}.png"))
                print(OUT / f"card_charge_saved_{language}.png")
                dialog.close()
                hold = next(h for h in card.pre_authorisations if h.operator_id is not None and h.usable)
                fake.advance(days=8)
                capture = SavedCardDialog(ctx, card, SavedCardOperation.CAPTURE, hold=hold,
                                          bill_id=card.folio.bills[0].bill.id, parent=window)
                capture.open()
                capture.apply()
                result = capture.findChild(QLabel, "resultLabel")
                wait_until(lambda r=result: r.isVisible(), 30_000)
                capture.adjustSize()
                settle()
                capture.grab().save(str(OUT / f"card_hold_expired_saved_{language}.png"))
                print(OUT / f"card_hold_expired_saved_{language}.png")
                capture.close()
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
