"""Render saving a card on an Adyen terminal to docs/screenshots/ (en, ru): Settings -> Card operators
with this workstation's Adyen terminal (its POIID), the window waiting for the guest's card on the fake
Adyen's terminal, and its words when the bank refused the card.

    python -m tools.screenshots_adyen_terminal
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.cards import reader_save
from desk.cards.operators.fakes.adyen import FakeAdyen
from tools.screenshots import application, demo_hotel, save_reader_shots, translated
from tools.screenshots_card_reader import WORKSTATION

KEY = "AQE_screenshots_key"
MERCHANT = "GrandHotelAdlerKonstanzECOM"
HMAC = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"
POIID = "V400m-324688179"


def main() -> int:
    app = application()
    reader_save.READER_POLL_S = 0.05
    adyen = FakeAdyen(KEY, MERCHANT, hmac_key=HMAC)
    adyen.hold_webhooks = True
    url = adyen.serve()
    adyen.terminals.add_terminal(POIID)
    try:
        with demo_hotel() as hotel:
            manager = hotel.sign_in("maria", "manager", WORKSTATION)
            hotel.card_operator(manager, "Adyen — Grand Hotel Adler, Konstanz", "adyen", KEY, account=MERCHANT,
                                api_base=url, currencies=("EUR", "CHF"), retention_days=90, hmac_key=HMAC,
                                reader=POIID)
            ctx = hotel.context(manager)
            for language in ("en", "ru"):
                with translated(app, language):
                    save_reader_shots(
                        ctx, hotel.first_reservation(), language, device=POIID,
                        names=("settings_card_operators_adyen_terminal", "card_adyen_terminal_waiting",
                               "card_adyen_terminal_refused"),
                        device_asked=lambda: adyen.terminals.terminals[POIID]["current"] is not None,
                        present=lambda: adyen.terminals.present_card(POIID, "refused"))
    finally:
        adyen.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
