"""Render the Credit card section with cards saved at the fake Adyen to docs/screenshots/ (en, ru):
the saved cards, and a partial capture Adyen only "received", which waits for its webhook.

    python -m tools.screenshots_adyen
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from desk.cards.adyen_webhooks import receive_notifications
from desk.cards.operator_workflow import pre_authorise_saved_card, save_card
from desk.cards.operators.fakes.adyen import DEFAULT_HMAC_KEY, FakeAdyen
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
KEY = "AQE_screenshots"
MERCHANT = "HotelAdlerMuenchenECOM"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    fake = FakeAdyen(KEY, MERCHANT)
    fake.hold_webhooks = True  # the screenshots show the wait for Adyen's confirmation
    url = fake.serve()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("DESK_MAIL_KEY_FILE", f"{folder}/desk.key")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            cashier = sign_in(session, "ivan", "ivan", WORKSTATION)
            operator = add_operator(session, manager, "Adyen Hotel Adler München", "adyen", KEY, account=MERCHANT,
                                    api_base=url, hmac_key=DEFAULT_HMAC_KEY)
        runner = Runner(database)
        folio_id = busiest_in_house_folio(database)
        with database.unit_of_work() as session:
            card = load_reservation_card(session, folio_id)
        reservation_id = card.folio.folio.reservation_id
        for source, holder in (("adyenjs_test$visa", "Anna-Katharina Petrova-Wittgenstein"),
                               ("adyenjs_test$mc", "Konstantin Aleksandrovich Rimsky-Korsakov")):
            assert save_card(runner, cashier, operator.id, source, holder, reservation_id=reservation_id).settled
        with database.unit_of_work() as session:
            first = saved_cards(session, reservation_id=reservation_id)[0]
        ctx = DeskContext(database, cashier)
        try:
            for language in ("en", "ru"):
                pre_authorise_saved_card(runner, cashier, operator.id, first.id, folio_id, Money.of("350.00", "EUR"))
                install_translator(app, language)  # type: ignore[arg-type]
                window = open_reservation_card(ctx, folio_id)
                wait_until(lambda w=window: w.is_loaded)
                window.saved_cards_view.selectRow(0)
                settle()
                window.grab().save(str(OUT / f"card_saved_cards_adyen_{language}.png"))
                print(OUT / f"card_saved_cards_adyen_{language}.png")
                with database.unit_of_work() as session:
                    card = load_reservation_card(session, folio_id, language)
                hold = next(h for h in card.pre_authorisations if h.operator_id is not None and h.usable)
                capture = SavedCardDialog(ctx, card, SavedCardOperation.CAPTURE, hold=hold,
                                          bill_id=card.folio.bills[0].bill.id, parent=window)
                capture.open()
                capture.findChild(QLineEdit, "amountEdit").setText("120.00")
                capture.apply()
                result = capture.findChild(QLabel, "resultLabel")
                wait_until(lambda r=result: r.isVisible(), 30_000)
                capture.adjustSize()
                settle()
                capture.grab().save(str(OUT / f"card_capture_awaiting_adyen_{language}.png"))
                print(OUT / f"card_capture_awaiting_adyen_{language}.png")
                capture.close()
                window.close()
                # Adyen's webhooks, as desk serve receives them: the capture settles, the bill is free again.
                for item in fake.queued_webhooks():
                    receive_notifications(runner, {"notificationItems": [{"NotificationRequestItem": item}]})
                remove_translators(app)  # type: ignore[arg-type]
        finally:
            delivery.wait_all(10_000)
            ctx.close()
            database.dispose()
            fake.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
