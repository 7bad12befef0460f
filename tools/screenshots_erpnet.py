"""Render the cash register's settings window with a Bulgarian fiscal printer behind ErpNet.FP after Check
connection, and the receipt window's refusal when that printer is out of paper (en, ru), to
docs/screenshots/register_settings_erpnet_{en,ru}.png and receipt_erpnet_paper_out_{en,ru}.png.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_erpnet

The fake ErpNet.FP (hardware.simulators.erpnet) runs in this process on a free loopback port.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from sqlalchemy import update

from desk.cash.shifts import open_shift_of
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.fiscal.models import CashRegister
from desk.fiscal.settings import set_register
from desk.fiscal.workflow import print_shift_documents
from desk.ledger.models import PaymentKind
from desk.people.auth import sign_in, trusted_actor
from desk.people.models import Role
from desk.stays.reservation_card import load_reservation_card
from hardware.simulators import erpnet as fake
from tools.screenshots import add_payments, busiest_in_house_folio, save, settle, wait_until
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.ops import delivery

LONG_NAME = "Каса рецепция, основна сграда — Datecs FP-2000 (ИН на ФУ DT279013)"


def main() -> int:
    from ui.admin.register_settings import RegisterSettingsDialog
    from ui.dialogs import ReceiptDialog

    app = QApplication.instance() or QApplication(sys.argv)
    server = fake.serve(0, None)
    address = f"http://127.0.0.1:{server.server_port}"
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.unit_of_work() as session:
            seed_demo(session, today=date.today())
        manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
        with database.unit_of_work() as session:
            session.execute(update(CashRegister).where(CashRegister.code == "FP-1").values(name=LONG_NAME))
            set_register(session, manager, "FP-1", kind="erpnet", address=address, device_id="dt279013",
                         vat_map={"9": "Г", "20": "Б", "0": "А", "": "А"}, workstation=DEMO_WORKSTATION)
        with database.unit_of_work() as session:
            cashier = sign_in(session, "ivan", "ivan", DEMO_WORKSTATION)
        with database.unit_of_work() as session:
            shift = open_shift_of(session, DEMO_WORKSTATION)
            assert shift is not None  # the demo's cash shift is open: the register's follows it
            shift_id = shift.id
        print_shift_documents(Runner(database), cashier, shift_id)
        folio_id = busiest_in_house_folio(database)
        add_payments(database, folio_id)
        with database.unit_of_work() as session:
            boss = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
        admin = DeskContext(database, boss)
        ctx = DeskContext(database, cashier)
        for language in ("en", "ru"):
            install_translator(app, language)  # type: ignore[arg-type]
            settings = RegisterSettingsDialog(admin, "FP-1")
            settings.open()
            settle(600)
            settings.findChild(QPushButton, "checkConnectionButton").click()
            result = settings.findChild(QLabel, "registerCheckResult")
            wait_until(lambda label=result: "DT279013" in label.text())
            settle()
            save(settings, "register_settings_erpnet", language)
            settings.close()
            with database.unit_of_work() as session:
                card = load_reservation_card(session, folio_id, language)
            payment = next(line.payment for line in card.folio.payments
                           if line.payment.kind is PaymentKind.PAYMENT and line.payment.amount.is_positive)
            server.printer.faults.add("paper")
            dialog = ReceiptDialog(ctx, card, payment.id)
            dialog.open()
            settle(600)
            dialog.apply()
            wait_until(lambda shown=dialog: shown.apply_button.text() == shown.tr("&Retry"))
            settle()
            save(dialog, "receipt_erpnet_paper_out", language)
            dialog.close()
            server.printer.faults.discard("paper")
            remove_translators(app)  # type: ignore[arg-type]
        delivery.wait_all(10_000)
        ctx.close()
        admin.close()
        database.dispose()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
