"""Invoices on screen, in Bulgarian: a cashier issues the invoice of a company's bill from its card,
a manager finds it in the Invoices window, opens its PDF and issues a credit note for part of it."""

from __future__ import annotations

import io

import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desk.invoices.models import Invoice, InvoiceKind
from desk.ledger.models import Folio
from desk.people.models import Role
from desk.stays.models import Company
from ui import i18n
from ui.invoices.window import CreditNoteDialog, InvoicesDialog
from ui.reservation_card.base import BILLS_TAB
from ui.reservation_card.window import open_reservation_card

WAIT_MS = 30_000


def test_a_company_invoice_and_its_credit_note_in_bulgarian(qtbot, context_of, demo_database, qm_dir, tmp_path,
                                                           monkeypatch):
    monkeypatch.setenv("DESK_DOCUMENTS_DIR", str(tmp_path))
    monkeypatch.setattr("ui.reservation_card.actions.open_document", lambda path: True)
    monkeypatch.setattr("ui.invoices.window.QDesktopServices.openUrl", lambda url: True)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    i18n.install_translator(QCoreApplication.instance(), "bg", qm_dir=qm_dir)
    with demo_database.unit_of_work() as session:
        folio_id = session.scalars(select(Folio.id).join(Company, Company.id == Folio.company_id)
                                   .where(Company.name == "Balkan Travel Ltd")).one()

    card = open_reservation_card(context_of(Role.CASHIER), folio_id)
    qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=WAIT_MS)
    card.tabs.setCurrentIndex(BILLS_TAB)
    card.bills_view.selectRow(0)
    assert card.issue_invoice_action.text().replace("&", "") == "Издаване на фактура…"
    assert card.issue_invoice_action.isEnabled()
    card.issue_invoice_action.trigger()
    qtbot.waitUntil(lambda: card.findChild(QMessageBox, "billSavedBox") is not None, timeout=WAIT_MS)
    saved = card.last_pdf
    assert saved.parent == tmp_path and saved.name == "invoice-0000000001.pdf"
    words = PdfReader(io.BytesIO(saved.read_bytes())).pages[0].extract_text()
    assert "ФАКТУРА" in words and "Balkan Travel Ltd" in words and "Словом" in words
    card.close()

    dialog = InvoicesDialog(context_of(Role.MANAGER))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Фактури"
    dialog.open()
    qtbot.waitUntil(lambda: dialog.rows is not None and dialog.model.rowCount() == 1, timeout=WAIT_MS)
    assert [dialog.model.index(0, c).data() for c in (0, 1, 3)] == ["0000000001", "Фактура", "Balkan Travel Ltd"]
    assert not dialog.credit_button.isEnabled()
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=WAIT_MS)
    assert dialog.last_pdf == saved

    qtbot.mouseClick(dialog.credit_button, Qt.MouseButton.LeftButton)
    credit = dialog.findChild(CreditNoteDialog, "creditNoteDialog")
    assert credit.windowTitle() == "Кредитно известие към фактура 0000000001"
    # A reason as managers write it shows whole: the dialog is as wide as its reason field needs.
    qtbot.waitUntil(credit.isVisible, timeout=WAIT_MS)
    reason = "Отстъпка 10% по договор № 14/2026 за групово настаняване"
    assert credit.reason_edit.width() > credit.reason_edit.fontMetrics().horizontalAdvance(reason)
    right_edge = credit.reason_edit.mapTo(credit, QPoint(credit.reason_edit.width(), 0)).x()
    assert right_edge <= credit.width()  # the field is inside the dialog, not cut off by it
    qtbot.mouseClick(credit.issue_button, Qt.MouseButton.LeftButton)  # no reason given
    qtbot.waitUntil(lambda: credit.error_label.isVisible(), timeout=WAIT_MS)
    assert credit.error_label.text() == "Посочете основанието за кредитното известие"
    credit.amount_edit.setText("10,00")
    credit.reason_edit.setText("Отстъпка по договор")
    qtbot.mouseClick(credit.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=WAIT_MS)
    assert [dialog.model.index(0, c).data() for c in (0, 1, 5)] == ["0000000002", "Кредитно известие", "0000000001"]
    assert dialog.status_label.text() == "Издадено кредитно известие 0000000002"
    monkeypatch.setattr("desk.invoices.reading.MOST_ROWS", 2)  # a year of invoices, in two rows
    dialog.reload()
    qtbot.waitUntil(lambda: "0000000002" not in dialog.status_label.text(), timeout=WAIT_MS)
    assert dialog.status_label.text() == ("Показани са само последните 2: стеснете търсенето по дата, купувач "
                                          "или номер.")
    with demo_database.unit_of_work() as session:
        note = session.scalars(select(Invoice).where(Invoice.kind == InvoiceKind.CREDIT_NOTE)).one()
        assert (str(note.total), note.reason, note.created_by) == ("EUR 10.00", "Отстъпка по договор", "maria")
    assert shiboken6.isValid(dialog)


def test_several_company_bills_on_one_invoice(qtbot, context_of, demo_database, qm_dir, tmp_path, monkeypatch):
    """A cashier ticks the company's bills not yet invoiced, sees their total, and one invoice covers them all."""
    from desk.invoices.models import InvoiceBill
    from ui.invoices.window import CompanyInvoiceDialog

    monkeypatch.setenv("DESK_DOCUMENTS_DIR", str(tmp_path))
    monkeypatch.setattr("ui.invoices.window.QDesktopServices.openUrl", lambda url: True)
    i18n.install_translator(QCoreApplication.instance(), "en", qm_dir=qm_dir)
    with demo_database.unit_of_work() as session:
        folio_id = session.scalars(select(Folio.id).join(Company, Company.id == Folio.company_id)
                                   .where(Company.name == "Balkan Travel Ltd")).one()
    ctx = context_of(Role.CASHIER)
    card = open_reservation_card(ctx, folio_id)
    qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=WAIT_MS)
    card.tabs.setCurrentIndex(BILLS_TAB)
    card.bills_view.selectRow(0)
    assert card.invoice_company_bills_action.isEnabled()
    card.invoice_company_bills_action.trigger()
    dialog = card.findChild(CompanyInvoiceDialog, "companyInvoiceDialog")
    qtbot.waitUntil(lambda: dialog.bills is not None and dialog.company_combo.count() == 3, timeout=WAIT_MS)
    assert dialog.company_combo.currentText().startswith("Balkan Travel Ltd")
    assert dialog.bills, "the demo company has a bill to invoice"
    assert dialog.bill_list.item(0).checkState() == Qt.CheckState.Checked  # the bill selected on the card
    for row in range(dialog.bill_list.count()):
        dialog.bill_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.issue_button.isEnabled()
    assert dialog.total_label.text() == "Tick the bills to invoice."
    for row in range(dialog.bill_list.count()):
        dialog.bill_list.item(row).setCheckState(Qt.CheckState.Checked)
    chosen = [bill.bill_id for bill in dialog.bills]
    assert dialog.issue_button.isEnabled()
    assert dialog.total_label.text().endswith(str(sum(b.charges.amount for b in dialog.bills)))
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=WAIT_MS)
    assert dialog.last_pdf.name == "invoice-0000000001.pdf"
    qtbot.waitUntil(lambda: card.last_pdf == dialog.last_pdf, timeout=WAIT_MS)
    with demo_database.unit_of_work() as session:
        invoice = session.scalars(select(Invoice)).one()
        on_it = set(session.scalars(select(InvoiceBill.bill_id).where(InvoiceBill.invoice_id == invoice.id)))
        assert set(chosen) <= on_it
        assert invoice.created_by == ctx.actor.username


def test_a_manager_sets_the_sellers_details_from_the_invoices_window(qtbot, context_of, demo_database, qm_dir):
    from desk.hotel.models import Hotel
    from ui.invoices.seller import InvoiceSellerDialog

    i18n.install_translator(QCoreApplication.instance(), "en", qm_dir=qm_dir)
    clerk_window = InvoicesDialog(context_of(Role.CASHIER))
    qtbot.addWidget(clerk_window)
    assert not clerk_window.seller_button.isEnabled()
    window = InvoicesDialog(context_of(Role.MANAGER))
    qtbot.addWidget(window)
    assert window.seller_button.isEnabled()
    qtbot.mouseClick(window.seller_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(InvoiceSellerDialog, "invoiceSellerDialog")
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    assert dialog.address_edit.text() == "12 Vitosha Blvd"
    dialog.vat_edit.setText("bg 204567891")
    dialog.person_edit.setText("Maria Dimitrova")
    dialog.address_edit.setText("12 Vitosha Blvd, floor 2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    with demo_database.unit_of_work() as session:
        hotel = session.scalars(select(Hotel)).one()
        assert (hotel.vat_number, hotel.accountable_person, hotel.address, hotel.city) == (
            "BG204567891", "Maria Dimitrova", "12 Vitosha Blvd, floor 2", "Sofia")
