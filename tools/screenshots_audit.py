"""Render the audit trail window of the demo hotel to PNG (en, ru): a day's entries, and one void's
entry found by its kind with its details.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_audit

The day: a clerk's failed sign-in, a payment and its void authorised by the manager, a refund, a service
renamed with a long name, a printer added and a switch of user, done through the desk's own use cases.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.devices.printers import add_printer
from desk.hotel.catalogue import change_service
from desk.ledger.payments import Tender, refund_payment, take_payment, void_payment
from desk.people.auth import ManagerApproval, sign_in
from tools.screenshots import busiest_in_house_folio, save, settle, wait_until
from ui.audit.trail import AuditTrailDialog
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators

SERVICE_NAMES = {"en": "Underground parking with electric vehicle charging (per day)",
                 "ru": "Подземная парковка с зарядкой электромобиля (за сутки)"}


def _a_day(database: Database, language: str) -> None:
    runner = Runner(database)
    try:
        with database.writing() as session:
            sign_in(session, "anna", "not her password", DEMO_WORKSTATION)
    except DeskError:
        pass  # the failed sign-in is what the trail shows
    with database.writing() as session:
        clerk = sign_in(session, "anna", "anna", DEMO_WORKSTATION)
    with database.writing() as session:
        cashier = sign_in(session, "ivan", "ivan", DEMO_WORKSTATION, replacing="anna")
    with database.writing() as session:
        manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
    folio_id = busiest_in_house_folio(database)
    from desk.ledger.folios import load_folio

    bill_id = runner.read(lambda session: load_folio(session, folio_id).bills[0].bill.id)
    paid = runner.run(take_payment, clerk, bill_id, Tender("cash", _money(database, "50.00")),
                      allow_overpay=True, approval=ManagerApproval("maria", "manager")).value
    twice = runner.run(take_payment, clerk, bill_id, Tender("cash", _money(database, "50.00")),
                       allow_overpay=True, approval=ManagerApproval("maria", "manager")).value
    runner.run(void_payment, clerk, twice.id, reason="Typed twice: the guest paid once",
               approval=ManagerApproval("maria", "manager"))
    runner.run(refund_payment, cashier, paid.id, _money(database, "12.00"), reason="Minibar charged by mistake")
    runner.run(change_service, manager, "PARKING", SERVICE_NAMES[language], _money(database, "15.00"), "VAT20")
    runner.run(add_printer, manager, DEMO_WORKSTATION, "Receipts, front desk left", "tcp://10.0.0.5:9100",
               paper_mm=80)


def _money(database: Database, amount: str):  # type: ignore[no-untyped-def]
    from desk.core.money import Money
    from desk.hotel.reference import base_currency

    return Money.of(amount, Runner(database).read(base_currency))


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    for language in ("en", "ru"):
        with tempfile.TemporaryDirectory() as folder:
            database = Database(f"sqlite:///{folder}/demo.sqlite3")
            with database.unit_of_work() as session:
                seed_demo(session, today=date.today())
            _a_day(database, language)
            with database.writing() as session:
                manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
            ctx = DeskContext(database, manager)
            install_translator(app, language)  # type: ignore[arg-type]
            dialog = AuditTrailDialog(ctx)
            dialog.show()
            dialog.reload()
            wait_until(lambda shown=dialog: shown.page is not None, 20_000)
            dialog.view.selectRow(0)
            settle(300)
            save(dialog, "audit_trail", language)
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("void"))
            dialog.page = None
            dialog.reload()
            wait_until(lambda shown=dialog: shown.page is not None, 20_000)
            dialog.view.selectRow(0)
            settle(300)
            save(dialog, "audit_trail_void", language)
            dialog.close()
            remove_translators(app)  # type: ignore[arg-type]
            ctx.close()
            database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
