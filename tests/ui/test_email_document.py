"""E-mail folio…: the address checked by its field, the folio queued in the chosen language, listed with its state."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView
from sqlalchemy import select

from desk.mail.models import MailOutbox
from tests.helpers import pdf_text
from tests.ui.test_dialogs_common import apply_refused, card_window, child, click, find_card, opened, retype
from ui.dialogs.email_document import EmailDocumentDialog

pytestmark = pytest.mark.gui


def test_a_clerk_sends_the_folio_in_russian_and_sees_it_queued(qtbot, desk_context, demo_database):
    card = find_card(demo_database, lambda c: bool(c.folio.bills))
    window = card_window(qtbot)
    dialog = opened(qtbot, EmailDocumentDialog(desk_context, card, parent=window))
    address = child(dialog, QLineEdit, "addressEdit")
    qtbot.waitUntil(child(dialog, QPushButton, "applyButton").isEnabled, timeout=30_000)  # the suggestion read
    retype(qtbot, address, "accounts at example")
    assert "accounts at example" in apply_refused(qtbot, dialog, "recipient")
    with demo_database.unit_of_work() as session:
        assert session.scalars(select(MailOutbox).where(MailOutbox.folio_id == card.folio.folio.id)).first() is None

    retype(qtbot, address, "accounts@example.com")
    language = child(dialog, QComboBox, "languageCombo")
    language.setCurrentIndex(language.findData("ru"))
    click(qtbot, dialog, "applyButton")
    table = child(dialog, QTableView, "mailsView")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=30_000)
    row = [table.model().index(0, column).data() for column in range(4)]
    assert row[1:] == ["Folio", "accounts@example.com", "queued"]
    assert dialog.isVisible()  # stays open to show how far the mail got
    with demo_database.unit_of_work() as session:
        (mail,) = session.scalars(select(MailOutbox).where(MailOutbox.folio_id == card.folio.folio.id)).all()
        assert mail.id == dialog.queued_id and mail.language == "ru" and mail.pdf is not None
        assert "Фолио" in pdf_text(mail.pdf)


def test_an_invoice_of_the_folio_is_offered_and_listed_by_its_number(qtbot, desk_context, demo_database):
    from desk.invoices.issuing import issue_invoice
    from desk.people.models import Role
    from tests.actors import signed_in

    card = find_card(demo_database, lambda c: any(view.charges.is_positive for view in c.folio.bills))
    bill = next(view.bill for view in card.folio.bills if view.charges.is_positive)
    with demo_database.writing() as session:
        number = issue_invoice(session, signed_in(demo_database, Role.CASHIER), [bill.id]).number
    window = card_window(qtbot)
    dialog = opened(qtbot, EmailDocumentDialog(desk_context, card, parent=window))
    documents = child(dialog, QComboBox, "documentCombo")
    invoice_text = f"Invoice {number:010d}"
    qtbot.waitUntil(lambda: documents.findText(invoice_text) >= 0, timeout=30_000)
    documents.setCurrentIndex(documents.findText(invoice_text))
    qtbot.waitUntil(child(dialog, QPushButton, "applyButton").isEnabled, timeout=30_000)
    retype(qtbot, child(dialog, QLineEdit, "addressEdit"), "accounts@example.com")
    click(qtbot, dialog, "applyButton")
    table = child(dialog, QTableView, "mailsView")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=30_000)
    assert table.model().index(0, 1).data() == invoice_text
    with demo_database.unit_of_work() as session:
        (mail,) = session.scalars(select(MailOutbox).where(MailOutbox.folio_id == card.folio.folio.id)).all()
        assert mail.document_kind == "invoice" and mail.pdf is not None


def test_a_failure_reads_in_the_readers_language_with_the_servers_own_words(qtbot, qm_dir):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n
    from ui.dialogs.email_document import mail_failure_text

    assert mail_failure_text("refused", "mail.hotel.example:587") == (
        "The mail server refused the connection (mail.hotel.example:587)")
    i18n.install_translator(QCoreApplication.instance(), "ru", qm_dir=qm_dir)
    assert mail_failure_text("recipient", "guest@example.com: 550 5.1.1 No such user") == (
        "Почтовый сервер отклонил получателя (guest@example.com: 550 5.1.1 No such user)")
    assert mail_failure_text("authentication", "535 5.7.8") == "Почтовый сервер не принял логин и пароль (535 5.7.8)"
    # A failure recorded before the desk kept its kind is shown as it was written.
    assert mail_failure_text("", "The mail server answered 554 spam") == "The mail server answered 554 spam"
