"""Render every report of a busy demo day to PNG: its PDF in English, Russian and Bulgarian
(pdftoppm), and the Reports window in each language.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_reports

The demo hotel's day gets what a manager reads about: card payments on two brands at the desk's
terminal, refunds, a payment voided and a charge voided with a manager's authorisation and long
reasons, cash in and out, the front desk's shift closed short, a second cashier's shift.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.cards.models import CardRecord, CardRecordKind
from desk.cash.shifts import cash_in, cash_out, close_shift, open_shift
from desk.core.document_format import format_of_language
from desk.core.money import Money
from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.ledger.models import Bill, Folio
from desk.ledger.payments import Tender, refund_payment, take_payment, void_payment
from desk.ledger.postings import post_charge, void_posting
from desk.people.auth import ManagerApproval, sign_in, trusted_actor
from desk.people.models import Role
from desk.reports.tables import make_report, report_names, report_pdf
from desk.stays.credit import set_credit_limit
from desk.stays.models import Reservation, ReservationStatus
from tools.screenshots import OUT, save, settle, wait_until
from ui.context import DeskContext
from ui.i18n import install_translator, remove_translators
from ui.reports.window import ReportsWindow

LANGUAGES = ("en", "ru", "bg")
MANAGER = ManagerApproval("maria", "manager")


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def busy_day(database: Database) -> None:
    cashier = trusted_actor("ivan", DEMO_WORKSTATION, Role.CASHIER)
    second = trusted_actor("ivan", "FRONT-2", Role.CASHIER)
    with database.writing() as session:
        bills = [folio.bills[0].id for folio in session.scalars(
            select(Folio).join(Reservation, Reservation.id == Folio.reservation_id)
            .where(Reservation.status == ReservationStatus.IN_HOUSE).order_by(Folio.id).limit(6))]
    paid = []
    for k, bill in enumerate(bills):
        with database.writing() as session:
            post_charge(session, cashier, bill_id=bill, description="Conference hall with catering", quantity=1,
                        unit_price=eur("480.00"))
            payment = take_payment(session, cashier, bill, Tender("card", eur(f"{120 + 35 * k}.00")))
            session.add(CardRecord(operation=CardRecordKind.SALE, payment_id=payment.id, folio_id=payment.folio_id,
                                   amount=payment.amount, terminal="Ingenico Move/5000 front desk",
                                   brand=("VISA", "MASTERCARD", "MAESTRO")[k % 3], receipt_no=100 + k,
                                   created_by=cashier.username, workstation=cashier.workstation))
            paid.append(take_payment(session, cashier, bill, Tender("cash", eur(f"{40 + 5 * k}.50"))).id)
    with database.writing() as session:
        refund_payment(session, cashier, paid[0], eur("15.00"),
                       reason="Minibar charged twice: the guest showed the receipt from the bar")
        void_payment(session, cashier, paid[1], approval=MANAGER,
                     reason="Entered on the wrong folio; taken again on the guest's own bill")
        charge = post_charge(session, cashier, bill_id=bills[2], description="Late check-out until 18:00",
                             quantity=1, unit_price=eur("60.00"))
        void_posting(session, cashier, charge.id, approval=MANAGER,
                     reason="Late check-out was promised free by the duty manager at booking")
        cash_in(session, cashier, eur("100.00"), "Change from the safe for the evening")
        cash_out(session, cashier, eur("250.00"), "Takings to the safe at 15:00")
    with database.writing() as session:  # the terminal's end of day as the journal keeps it: receipt 106 unknown
        session.add(CardRecord(operation=CardRecordKind.END_OF_DAY, amount=eur("1305.00"),
                               terminal="Ingenico Move/5000 front desk", created_by=cashier.username,
                               workstation=cashier.workstation, details={
                                   "count": 7, "itemised": True, "first_receipt": 100, "last_receipt": 106,
                                   "brands": [{"brand": "Visa", "count": 3, "amount_minor": 44500},
                                              {"brand": "Eurocard/Mastercard", "count": 2, "amount_minor": 41500},
                                              {"brand": "girocard", "count": 2, "amount_minor": 44500}]}))
    with database.writing() as session:
        close_shift(session, cashier, {"EUR": {Decimal("50"): 40, Decimal("20"): 3}, "USD": {Decimal("50"): 1}})
    with database.writing() as session:
        open_shift(session, second, [eur("150.00")])
        take_payment(session, second, bills[3], Tender("transfer", eur("75.00")))
        take_payment(session, second, bills[4], Tender("cash", Money.of("20.00", "USD")))
    manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
    with database.writing() as session:  # one guest owes more than the manager allowed, one less
        stays = [bill.folio.reservation_id for bill in session.scalars(select(Bill).where(Bill.id.in_(bills[:2])))]
        set_credit_limit(session, manager, stays[0], eur("250.00"))
        set_credit_limit(session, manager, stays[1], eur("5000.00"))


def render_pdfs(database: Database) -> None:
    manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
    for language in LANGUAGES:
        for name in report_names():
            with database.unit_of_work() as session:
                # The revenue of the demo's week: its night audit charged the nights up to yesterday.
                first = date.today() - timedelta(days=6 if name == "revenue" else 0)
                report = make_report(session, manager, name, first, date.today(), None, language)
            with tempfile.TemporaryDirectory() as folder:
                pdf = Path(folder) / "report.pdf"
                pdf.write_bytes(report_pdf(report, format_of_language(language)))
                target = OUT / f"report_{name}_pdf_{language}"
                subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                                str(target)], check=True)
                print(f"{target}.png")


def render_windows(app: QApplication, database: Database) -> None:
    with database.unit_of_work() as session:
        manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
    ctx = DeskContext(database, manager)
    for language in LANGUAGES:
        install_translator(app, language)  # type: ignore[arg-type]
        for name in report_names():
            window = ReportsWindow(ctx, name=name)
            window.show()
            window.load()
            wait_until(lambda shown=window: shown.report is not None)
            settle(300)
            save(window, f"report_{name}_window", language)
            if window.charts:
                window.tabs.setCurrentWidget(window.charts[0])
                settle(200)
                save(window, f"report_{name}_chart", language)
            window.close()
        remove_translators(app)  # type: ignore[arg-type]
    ctx.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.writing() as session:
            seed_demo(session, today=date.today())
        busy_day(database)
        render_pdfs(database)
        render_windows(app, database)
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
