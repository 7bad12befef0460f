"""Render Shift → Pending register documents with a Bulgarian fiscal printer's sale receipt (ErpNet.FP forgot its
task) and a Russian register's refund receipt (KKM-server) nobody could tell the end of, and the manager's
settle-by-hand window for each (en, ru, bg), to docs/screenshots/register_pending_{en,ru,bg}.png,
register_settle_erpnet_{en,ru,bg}.png and register_settle_kkm_{en,ru,bg}.png.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_register_settle
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QLineEdit, QRadioButton
from sqlalchemy import update

from desk.core.money import Money
from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION
from desk.fiscal.models import CashRegister
from desk.fiscal.settings import set_register
from desk.journal.intents import EventType, IntentRequest, mark_sent, record_event, record_intent
from desk.people.auth import trusted_actor
from desk.people.models import Role
from tools.screenshots import application, demo_hotel, save, settle, wait_until
from ui.i18n import install_translator, remove_translators

ERPNET_NAME = "Каса рецепция, основна сграда — Datecs FP-2000 (ИН на ФУ DT279013)"
KKM_NAME = "Касса ресепшн, корпус Б — АТОЛ 30Ф через KKM-server (РН ККТ 0000000001012345)"


def pending(database: Database) -> int:
    """Two documents nothing could tell the end of; the ErpNet.FP one's intent id."""
    manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
    with database.unit_of_work() as session:
        session.execute(update(CashRegister).where(CashRegister.code == "FP-1").values(name=ERPNET_NAME))
        session.execute(update(CashRegister).where(CashRegister.code == "FP-2").values(name=KKM_NAME))
        set_register(session, manager, "FP-1", kind="erpnet", address="http://127.0.0.1:4444", device_id="dt279013",
                     vat_map={"9": "Г", "20": "Б", "0": "А", "": "А"}, workstation=DEMO_WORKSTATION)
        set_register(session, manager, "FP-2", kind="kkmserver", address="http://127.0.0.1:5893", taxation="osn",
                     vat_map={"20": "vat20", "": "none"})
        ids = []
        for code, kind, total, error in (
                ("FP-1", "sale", "EUR 1,284.60", "AnswerLost: the answer to task was lost: Server disconnected "
                                                 "without sending a response (taskinfo: unknown)"),
                ("FP-2", "refund", "EUR 12,450.00", "")):
            money = Money.parse(total.replace(",", ""))
            intent = record_intent(session, manager, IntentRequest(
                kind="fiscal_receipt", device=code, amount=money,
                request={"receipt": kind, "register": code, "total": str(money)}))
            mark_sent(session, manager, intent.id)
            if error:
                record_event(session, manager, intent.id, EventType.UNKNOWN, {"error": error})
            ids.append(intent.id)
    return ids[0]


def main() -> int:
    from ui.admin.register_documents import PendingRegisterDocumentsDialog, SettleRegisterDocumentDialog

    app = application()
    with demo_hotel() as hotel:
        erpnet_intent = pending(hotel.database)
        ctx = hotel.desk("anna", "anna")
        for language in ("en", "ru", "bg"):
            install_translator(app, language)  # type: ignore[arg-type]
            listing = PendingRegisterDocumentsDialog(ctx)
            listing.resize(1100, 380)
            listing.open()
            wait_until(lambda shown=listing: shown.table.rowCount() == 2)
            listing.table.selectRow(0)
            settle(600)
            save(listing, "register_pending", language)
            for row, name in ((0, "register_settle_erpnet"), (1, "register_settle_kkm")):
                dialog = SettleRegisterDocumentDialog(ctx, listing.pending[row], listing)
                dialog.open()
                dialog.findChild(QRadioButton, "issuedRadio").setChecked(True)
                dialog.findChild(QLineEdit, "numberEdit").setText("1042" if row == 0 else "31")
                dialog.findChild(QLineEdit, "signEdit").setText(
                    f"DT279013-0001-{erpnet_intent % 10_000_000:07d}" if row == 0 else "3826463735")
                if row != 0:
                    dialog.findChild(QLineEdit, "issuedAtEdit").setText("07.12.2026 10:42")
                dialog.findChild(QLineEdit, "reasonEdit").setText(
                    "Електронна контролна лента, бележка 1042 в 10:42" if row == 0 else
                    "Отчёт о состоянии расчётов: ФД 31 в 10:42")
                dialog.findChild(QLineEdit, "usernameEdit").setText("maria")
                settle(600)
                save(dialog, name, language)
                dialog.close()
            listing.close()
            remove_translators(app)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
