"""Render Settings -> Card operators to docs/screenshots/ (en, ru): an Adyen account checked against the
fake Adyen (the webhook HMAC key row shown), and a Saferpay account whose key the operator refuses.

    python -m tools.screenshots_card_operators
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel

from desk.cards.operators.fakes.adyen import FakeAdyen
from desk.cards.operators.fakes.saferpay import DEFAULT_CUSTOMER, DEFAULT_TERMINAL, FakeSaferpay
from desk.cards.saved_cards import add_operator
from desk.db.engine import Database
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in
from tools.screenshots import OUT, settle, wait_until
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery
from ui.settings.card_operators import CardOperatorsDialog

WORKSTATION = "FRONT-1"
ADYEN_KEY = "AQEyhmfxK4_screenshots_api_key"
MERCHANT = "GrandHotelAdlerAmBodenseeECOM"
HMAC = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    adyen = FakeAdyen(ADYEN_KEY, MERCHANT)
    adyen_url = adyen.serve()
    saferpay = FakeSaferpay(user="API_245294_08670203", password="right-password")
    saferpay_url = saferpay.serve()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("DESK_MAIL_KEY_FILE", f"{folder}/desk.key")
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        with database.unit_of_work() as session:
            manager = sign_in(session, "maria", "manager", WORKSTATION)
            adyen_info = add_operator(session, manager, "Adyen — Grand Hotel Adler, Konstanz", "adyen", ADYEN_KEY,
                                      account=MERCHANT, api_base=adyen_url, currencies=("EUR", "CHF", "USD"),
                                      retention_days=90, hmac_key=HMAC)
            saferpay_info = add_operator(session, manager, "Worldline Saferpay — Zürich", "saferpay",
                                         "API_245294_08670203:a-password-since-rotated",
                                         account=f"{DEFAULT_CUSTOMER}/{DEFAULT_TERMINAL}", api_base=saferpay_url,
                                         currencies=("CHF", "EUR"))
        ctx = DeskContext(database, manager)
        try:
            for language in ("en", "ru"):
                install_translator(app, language)  # type: ignore[arg-type]
                for info, name in ((adyen_info, "settings_card_operators"),
                                   (saferpay_info, "settings_card_operators_refused")):
                    dialog = CardOperatorsDialog(ctx)
                    dialog.open()
                    wait_until(lambda d=dialog: d.operator_combo.count() > 1)
                    dialog.operator_combo.setCurrentIndex(dialog.operator_combo.findData(info.id))
                    label = dialog.findChild(QLabel, "operatorCheckLabel")
                    dialog.check_connection()
                    wait_until(lambda d=dialog: d.check_button.isEnabled(), 30_000)
                    dialog.adjustSize()
                    settle()
                    path = OUT / f"{name}_{language}.png"
                    dialog.grab().save(str(path))
                    print(path, label.text())
                    dialog.close()
                remove_translators(app)  # type: ignore[arg-type]
        finally:
            delivery.wait_all(10_000)
            ctx.close()
            database.dispose()
            adyen.close()
            saferpay.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
