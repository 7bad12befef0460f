"""Render invoices of a busy demo day to PNG (pdftoppm): a Bulgarian company invoice and its credit
note, an English guest invoice, and a Russian company's счёт-фактура with the corrective one of its second
credit note, each issued as the hotel's country had it then.

    python -m tools.screenshots_invoices
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desk.db.engine import Database
from desk.demo.seed import DEMO_WORKSTATION, seed_demo
from desk.hotel.models import Hotel
from desk.invoices.issuing import CreditLine, issue_credit_note, issue_invoice
from desk.invoices.pdf import invoice_pdf
from desk.invoices.reading import invoiceable_bills
from desk.invoices.seller import set_invoice_seller
from desk.ledger.bills import move_postings, open_bill
from desk.ledger.models import Bill, Folio
from desk.ledger.payments import transfer_to_company
from desk.ledger.postings import post_charge, post_service
from desk.people.auth import Actor, sign_in, trusted_actor
from desk.people.models import Role
from desk.stays.models import Company, Reservation, ReservationStatus
from tools.screenshots import OUT
from tools.screenshots_reports import busy_day, eur


def _country(database: Database, country: str) -> None:
    with database.writing() as session:
        session.scalars(select(Hotel)).one().country = country


def _png(database: Database, invoice_id: int, name: str) -> None:
    with database.unit_of_work() as session:
        pdf = invoice_pdf(session, invoice_id)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "invoice.pdf"
        path.write_bytes(pdf)
        target = OUT / name
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(path), str(target)],
                       check=True)
        print(f"{target}.png")


def _russian(database: Database, cashier: Actor, manager: Actor, bill: int) -> None:
    """A счёт-фактура to a Russian company and the corrective one of its second credit note."""
    _country(database, "RU")
    with database.writing() as session:
        set_invoice_seller(session, manager, vat_number="", accountable_person="Иванова Мария Петровна",
                           city="Москва", address="ул. Тверская, д. 12, стр. 1, 125009",
                           tax_id="7710123456/771001001")
        buyer = Company(name="ООО «Северо-Западное агентство деловых поездок и конгрессов»",
                        search_name="северо-западное агентство", tax_id="7812345678/781201001",
                        address="191186, г. Санкт-Петербург, Невский пр-т, д. 28, офис 415")
        session.add(buyer)
        session.flush()
        # The company pays the stay: its own bill on the guest's folio, invoiced to it.
        own = open_bill(session, manager, session.get_one(Bill, bill).folio_id, payer_company_id=buyer.id)
        post_charge(session, cashier, bill_id=own.id, description="Проживание в номере «Делюкс» с видом на парк, "
                    "двухместное размещение", quantity=3, unit_price=eur("165.00"), tax_code="VAT20")
        post_charge(session, cashier, bill_id=own.id, description="Ужин в ресторане «Витоша», меню для двоих",
                    quantity=2, unit_price=eur("38.40"), tax_code="VAT20")
        post_charge(session, cashier, bill_id=own.id, description="Трансфер аэропорт Пулково — гостиница",
                    quantity=1, unit_price=eur("45.00"), tax_code="VAT20")
        own_id = own.id
    with database.writing() as session:
        invoice = issue_invoice(session, cashier, [own_id])
    with database.writing() as session:
        issue_credit_note(session, manager, invoice.number, "Скидка 10% по договору № 14/2026",
                          lines=[CreditLine(1, eur("40.00"))])
    with database.writing() as session:
        corrective = issue_credit_note(session, manager, invoice.number, "Ужин не состоялся: возврат по акту № 7",
                                       lines=[CreditLine(1, eur("20.00")), CreditLine(2)])
    _png(database, invoice.id, "invoice_pdf_ru")
    _png(database, corrective.id, "credit_note_pdf_ru")


def _windows(database: Database, company_id: int) -> None:
    """The Invoices window with these documents, and its credit note dialog, in English and Russian."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tools.screenshots import save_in_each_language, wait_until
    from ui.context import DeskContext
    from ui.invoices.seller import InvoiceSellerDialog
    from ui.invoices.window import CompanyInvoiceDialog, CreditNoteDialog, InvoicesDialog

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with database.unit_of_work() as session:
        manager = sign_in(session, "maria", "manager", DEMO_WORKSTATION)
    ctx = DeskContext(database, manager)

    def invoices(_language: str) -> InvoicesDialog:
        dialog = InvoicesDialog(ctx)
        dialog.show()
        dialog.reload()
        wait_until(lambda: dialog.rows is not None)
        dialog.view.selectRow(len(dialog.rows or []) - 1)
        return dialog

    def credit(_language: str) -> CreditNoteDialog:
        dialog = invoices(_language)
        row = dialog.selected()
        assert row is not None
        note = CreditNoteDialog(ctx, row, dialog)
        note.reason_edit.setText("Отстъпка 10% по договор № 14/2026 за групово настаняване")
        note.show()
        return note

    def company_invoice(_language: str) -> CompanyInvoiceDialog:
        dialog = CompanyInvoiceDialog(ctx, company_id)
        dialog.open()
        wait_until(lambda: dialog.bills is not None and dialog.bill_list.count() > 0)
        for row in range(dialog.bill_list.count() - 1):  # all but the last: the total of the ticked ones
            dialog.bill_list.item(row).setCheckState(Qt.CheckState.Checked)
        return dialog

    def seller(_language: str) -> InvoiceSellerDialog:
        dialog = InvoiceSellerDialog(ctx)
        dialog.open()
        wait_until(lambda: dialog.loaded)
        return dialog

    save_in_each_language(app, "invoices_window", invoices)
    save_in_each_language(app, "credit_note_dialog", credit)
    save_in_each_language(app, "company_invoice_dialog", company_invoice)
    save_in_each_language(app, "invoice_seller_dialog", seller)
    ctx.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        with database.writing() as session:
            seed_demo(session, today=date.today())
        busy_day(database)
        cashier = trusted_actor("ivan", DEMO_WORKSTATION, Role.CASHIER)
        manager = trusted_actor("maria", DEMO_WORKSTATION, Role.MANAGER)
        with database.writing() as session:
            set_invoice_seller(session, manager, vat_number="BG204567891", accountable_person="Мария Димитрова",
                               city="София", address="бул. „Витоша“ 12, ет. 3", tax_id="204567891")
            bills = [folio.bills[0].id for folio in session.scalars(
                select(Folio).join(Reservation, Reservation.id == Folio.reservation_id)
                .where(Reservation.status == ReservationStatus.IN_HOUSE).order_by(Folio.id).limit(9))]
            company = session.scalars(select(Company).where(Company.name == "Balkan Travel Ltd")).one()
            company.address = "ул. „Г. С. Раковски“ 108, ет. 4, 1000 София, България"
            for bill in bills[:3]:
                post_service(session, cashier, bill_id=bill, service_code="SPA")
                post_charge(session, cashier, bill_id=bill, description="Вечеря в ресторант „Витоша“, меню за двама",
                            quantity=2, unit_price=eur("38.40"), tax_code="VAT20")
                transfer_to_company(session, cashier, bill, company.id)
            company_id = company.id
        with database.writing() as session:
            company_bills = [bill.bill_id for bill in invoiceable_bills(session, company_id)]
        _country(database, "BG")
        with database.writing() as session:
            bulgarian = issue_invoice(session, cashier, company_bills)
        with database.writing() as session:
            credit = issue_credit_note(session, manager, bulgarian.number, "Отстъпка 10% по договор № 14/2026 за "
                                       "групово настаняване", lines=[CreditLine(1, eur("10.00")), CreditLine(2)])
        _png(database, bulgarian.id, "invoice_pdf_bg")
        _png(database, credit.id, "credit_note_pdf_bg")
        _country(database, "GB")
        with database.writing() as session:
            post_service(session, cashier, bill_id=bills[4], service_code="SPA")
            invoice = issue_invoice(session, cashier, [bills[4]])
        _png(database, invoice.id, "invoice_pdf_en")
        _russian(database, cashier, manager, bills[3])
        with database.writing() as session:  # another company's stays, each on a bill of its own, not invoiced
            other = session.scalars(select(Company).where(Company.name == "Danube Logistics GmbH")).one()
            for bill in bills[5:9]:
                post_service(session, cashier, bill_id=bill, service_code="SPA")
                payment = transfer_to_company(session, cashier, bill, other.id)
                account = session.scalars(select(Folio).where(Folio.company_id == other.id)).one()
                own = open_bill(session, manager, account.id, payer_company_id=other.id)
                move_postings(session, manager, [payment.company_posting_id], own.id)
            other_id = other.id
        _windows(database, other_id)
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
