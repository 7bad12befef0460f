"""Invoices on screen, in Bulgarian: a cashier issues the invoice of a company's bill from its card,
a manager finds it in the Invoices window, opens its PDF and issues a credit note for part of it."""

from __future__ import annotations

import io

import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt
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
    qtbot.mouseClick(credit.issue_button, Qt.MouseButton.LeftButton)  # no reason given
    qtbot.waitUntil(lambda: credit.error_label.isVisible(), timeout=WAIT_MS)
    assert credit.error_label.text() == "Посочете основанието за кредитното известие"
    credit.amount_edit.setText("10,00")
    credit.reason_edit.setText("Отстъпка по договор")
    qtbot.mouseClick(credit.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=WAIT_MS)
    assert [dialog.model.index(0, c).data() for c in (0, 1, 5)] == ["0000000002", "Кредитно известие", "0000000001"]
    assert dialog.status_label.text() == "Издадено кредитно известие 0000000002"
    with demo_database.unit_of_work() as session:
        note = session.scalars(select(Invoice).where(Invoice.kind == InvoiceKind.CREDIT_NOTE)).one()
        assert (str(note.total), note.reason, note.created_by) == ("EUR 10.00", "Отстъпка по договор", "maria")
    assert shiboken6.isValid(dialog)
