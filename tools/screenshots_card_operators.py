"""Render Settings -> Card operators to docs/screenshots/ (en, ru): an Adyen account checked against the
fake Adyen (the webhook HMAC key row shown), and a Saferpay account whose key the operator refuses.

    python -m tools.screenshots_card_operators
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from tools.screenshots import application, demo_hotel, save_grown, settle, translated, wait_until
from ui.settings.card_operators import CardOperatorsDialog

WORKSTATION = "FRONT-1"
ADYEN_KEY = "AQEyhmfxK4_screenshots_api_key"
MERCHANT = "GrandHotelAdlerAmBodenseeECOM"
HMAC = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"


def main() -> int:
    app = application()
    adyen = FakeAdyen(ADYEN_KEY, MERCHANT)
    adyen_url = adyen.serve()
    saferpay = FakeSaferpay(user="API_245294_08670203", password="right-password")
    saferpay_url = saferpay.serve()
    try:
        with demo_hotel() as hotel:
            manager = hotel.sign_in("maria", "manager", WORKSTATION)
            adyen_info = hotel.card_operator(manager, "Adyen — Grand Hotel Adler, Konstanz", "adyen", ADYEN_KEY,
                                             account=MERCHANT, api_base=adyen_url, currencies=("EUR", "CHF", "USD"),
                                             retention_days=90, hmac_key=HMAC)
            saferpay_info = hotel.card_operator(manager, "Worldline Saferpay — Zürich", "saferpay",
                                                "API_245294_08670203:a-password-since-rotated",
                                                account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}",
                                                api_base=saferpay_url, currencies=("CHF", "EUR"))
            ctx = hotel.context(manager)
            for language in ("en", "ru"):
                with translated(app, language):
                    for info, name in ((adyen_info, "settings_card_operators"),
                                       (saferpay_info, "settings_card_operators_refused")):
                        dialog = CardOperatorsDialog(ctx)
                        dialog.open()
                        wait_until(lambda d=dialog: d.operator_combo.count() > 1)
                        dialog.operator_combo.setCurrentIndex(dialog.operator_combo.findData(info.id))
                        dialog.check_connection()
                        wait_until(lambda d=dialog: d.check_button.isEnabled(), 30_000)
                        settle()
                        save_grown(dialog, name, language)
                        dialog.close()
    finally:
        adyen.close()
        saferpay.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
