"""Render the receipt window with a registered (ATOL) register, then its refusal of a receipt in euros (en, ru),
to docs/screenshots/receipt_atol{,_refused}_{en,ru}.png.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_registers

On the demo hotel (in euros), register FP-1 is set up as an ATOL register with a long name; the clerk picks it
and the guest's phone for the e-receipt, and Print is refused before the register is asked: roubles only.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
from sqlalchemy import update
from sqlalchemy.orm import Session

from desk.demo.seed import DEMO_WORKSTATION
from desk.fiscal.models import CashRegister
from desk.fiscal.settings import set_register
from desk.ledger.models import PaymentKind
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from tools.screenshots import add_payments, application, busiest_in_house_folio, demo_hotel, save, settle, wait_until
from ui.i18n import install_translator, remove_translators

LONG_NAME = "Касса стойки регистрации, главный корпус — АТОЛ 30Ф (ФН-15)"


def main() -> int:
    from ui.dialogs import ReceiptDialog

    app = application()

    def atol_register(session: Session) -> None:
        session.execute(update(CashRegister).where(CashRegister.code == "FP-1").values(name=LONG_NAME))
        set_register(session, trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER), "FP-1", kind="atol",
                     address="http://127.0.0.1:16732", taxation="osn", vat_map={"20": "vat20", "9": "vat10",
                                                                                 "0": "vat0", "": "none"})

    with demo_hotel(atol_register) as hotel:
        database = hotel.database
        folio_id = busiest_in_house_folio(database)
        add_payments(database, folio_id)
        ctx = hotel.desk("ivan", "ivan")
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            with database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id, language)
            payment = next(line.payment for line in card.folio.payments
                           if line.payment.kind is PaymentKind.PAYMENT and line.payment.amount.is_positive)
            dialog = ReceiptDialog(ctx, card, payment.id)
            dialog.open()
            settle(600)
            combo = dialog.findChild(QComboBox, "registerCombo")
            combo.setCurrentIndex(combo.findData("FP-1"))
            dialog.findChild(QCheckBox, "phoneCheck").setChecked(True)
            dialog.findChild(QLineEdit, "phoneEdit").setText("+7 (916) 123-45-67")
            settle()
            save(dialog, "receipt_atol", language)
            dialog.apply()
            wait_until(lambda shown=dialog: shown.apply_button.text() == shown.tr("&Retry"))
            settle()
            save(dialog, "receipt_atol_refused", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
