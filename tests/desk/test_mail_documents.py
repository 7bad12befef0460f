"""Folios and bills e-mailed to the payer through the outbox and a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import smtplib
import ssl
from datetime import date

import pytest
from sqlalchemy import select

from desk.audit.models import AuditEntry, AuditKind
from desk.core.errors import InvalidInput
from desk.ledger.postings import post_service
from desk.mail.outbox import MailConfig, MailSendError, explain, send_due
from desk.mailing.documents import DOCUMENTS, email_document, folio_mails, mail_suggestion
from desk.people.models import Role
from desk.stays.reservations import post_night
from tests.helpers import free_port, pdf_text

from .conftest import Hotel, refused
from .test_mail import configure, smtp_server  # noqa: F401  (the fixture, used by name)


def test_a_folio_arrives_as_the_clerk_saw_it_in_the_chosen_language(hotel: Hotel, smtp_server):  # noqa: F811
    inbox, port = smtp_server
    configure(hotel, port)
    stay = hotel.stay()
    hotel.run(post_night, stay.reservation_id, date.today())
    clerk = hotel.as_role(Role.CLERK)
    queued = clerk.run(email_document, "folio", stay.folio_id, " accounts@example.com ", "ru")
    # The folio changes before the worker sends: the payer still receives what was queued.
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")

    (mail,) = hotel.query(folio_mails, stay.folio_id)
    assert (mail.id, mail.state, mail.recipient, mail.queued_by) == (queued, "queued", "accounts@example.com",
                                                                   clerk.actor.username)
    assert send_due(hotel.database) == 1
    (message,) = inbox.messages
    assert message["To"] == "accounts@example.com"
    assert message["Subject"].startswith("Hotel Aurora: Фолио T")
    assert "Во вложении: Фолио" in message.get_body(("plain",)).get_content()
    (attachment,) = message.iter_attachments()
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"folio-{stay.folio_id}.pdf"
    text = pdf_text(attachment.get_content())
    assert "Фолио" in text and "Остаток по фолио:" in text
    assert "Guest0 Test" in text
    assert "100,00" in text or "100.00" in text
    assert "спа" not in text.lower() and "35,00" not in text  # the spa posted after the clerk sent it is not there
    (mail,) = hotel.query(folio_mails, stay.folio_id)
    assert mail.state == "sent" and mail.attempts == 1
    with hotel.database.unit_of_work() as session:
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.kind == AuditKind.MAIL)).all()
        assert (entry.username, entry.folio_id) == (clerk.actor.username, stay.folio_id)
        assert "accounts@example.com" in entry.summary


def test_a_bill_goes_too_and_a_failure_is_shown_with_its_error(hotel: Hotel):
    port = free_port()
    configure(hotel, port)  # nothing listens there
    stay = hotel.stay()
    hotel.run(post_night, stay.reservation_id, date.today())
    hotel.run(email_document, "bill", stay.bill_id, "guest@example.com", "en")
    assert send_due(hotel.database) == 0
    (mail,) = hotel.query(folio_mails, stay.folio_id)
    assert mail.kind == "bill" and mail.state == "failed"
    # A kind the reader's window words in their language, and which server: no English sentence stored.
    assert (mail.error_kind, mail.last_error) == ("refused", f"127.0.0.1:{port}")


def test_a_wrong_address_language_or_kind_is_refused_and_nothing_written(hotel: Hotel):
    stay = hotel.stay()
    refused(hotel, InvalidInput, "{email} is not an e-mail address",
            lambda: hotel.run(email_document, "folio", stay.folio_id, "accounts@example", "en"), field="recipient")
    refused(hotel, InvalidInput, "Documents can be in {languages}; “{language}” is not one of them",
            lambda: hotel.run(email_document, "folio", stay.folio_id, "a@example.com", "de"), field="language")
    refused(hotel, InvalidInput, "A {kind} cannot be sent by e-mail",
            lambda: hotel.run(email_document, "menu", stay.folio_id, "a@example.com", "en"), field="kind")


def test_the_dialog_starts_with_the_guests_address_then_the_last_one_used(sqlite_hotel: Hotel):
    stay = sqlite_hotel.stay()
    assert sqlite_hotel.query(mail_suggestion, stay.folio_id).recipient == ""
    from desk.stays.models import Guest, Reservation

    with sqlite_hotel.database.writing() as session:
        session.get_one(Reservation, stay.reservation_id).guests[0].email = "guest0@example.com"
        assert isinstance(session.get_one(Reservation, stay.reservation_id).guests[0], Guest)
    assert sqlite_hotel.query(mail_suggestion, stay.folio_id).recipient == "guest0@example.com"
    assert set(DOCUMENTS) >= {"folio", "bill"}


def test_an_invoice_and_its_credit_note_go_as_issued_and_are_listed_with_the_folio(hotel: Hotel,
                                                                                   smtp_server):  # noqa: F811
    from desk.invoices.issuing import issue_credit_note, issue_invoice
    from desk.invoices.models import InvoiceKind
    from desk.invoices.reading import folio_invoices

    from .test_invoices import bulgarian, charged

    inbox, port = smtp_server
    configure(hotel, port)
    bulgarian(hotel)
    stay = charged(hotel)
    invoice = hotel.as_role(Role.CASHIER).run(issue_invoice, [stay.bill_id])
    credit = hotel.as_role(Role.MANAGER).run(issue_credit_note, invoice.number, "отстъпка", amount=hotel.money("10.00"))
    listed = hotel.query(folio_invoices, stay.folio_id)
    assert [(row.id, row.kind) for row in listed] == [(invoice.id, InvoiceKind.INVOICE),
                                                      (credit.id, InvoiceKind.CREDIT_NOTE)]
    # The clerk writes the mail in English; the documents stay as issued, in the hotel's Bulgarian.
    hotel.run(email_document, "invoice", invoice.id, "accounts@example.com", "en")
    hotel.run(email_document, "invoice", credit.id, "accounts@example.com", "en")
    assert [mail.kind for mail in hotel.query(folio_mails, stay.folio_id)] == ["invoice", "invoice"]
    assert send_due(hotel.database) == 2
    first, second = inbox.messages
    assert first["Subject"] == "Hotel Aurora: Invoice 0000000001"
    (attachment,) = first.iter_attachments()
    assert attachment.get_filename() == "invoice-0000000001.pdf"
    text = pdf_text(attachment.get_content())
    assert "ФАКТУРА" in text and "0000000001" in text and "Словом" in text
    (attachment,) = second.iter_attachments()
    assert attachment.get_filename() == "credit-note-0000000002.pdf"
    assert "КРЕДИТНО ИЗВЕСТИЕ" in pdf_text(attachment.get_content())


def untrusted_certificate() -> ssl.SSLCertVerificationError:
    error = ssl.SSLCertVerificationError(1, "certificate verify failed")
    error.verify_message = "self-signed certificate"  # as ssl sets it on a real handshake
    return error


MAIL_SERVER = MailConfig("mail.hotel.example", 587, "starttls", "desk", "frontdesk@hotel.example")


@pytest.mark.parametrize(("failure", "kind", "server_said"), [
    (smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication credentials invalid"), "authentication",
     "535 5.7.8 Authentication credentials invalid"),
    (smtplib.SMTPRecipientsRefused({"guest@example.com": (550, b"5.1.1 No such user")}), "recipient",
     "guest@example.com: 550 5.1.1 No such user"),
    (TimeoutError(), "timeout", "mail.hotel.example:587"),
    (ConnectionRefusedError(111, "Connection refused"), "refused", "mail.hotel.example:587"),
    (untrusted_certificate(), "certificate", "mail.hotel.example: self-signed certificate"),
    (smtplib.SMTPDataError(554, b"5.7.1 Message rejected as spam"), "other", "554 5.7.1 Message rejected as spam"),
])
def test_each_failure_is_kept_as_a_kind_and_the_servers_own_words(failure: Exception, kind: str, server_said: str):
    explained = explain(failure, MAIL_SERVER, "send")
    assert isinstance(explained, MailSendError)
    assert (explained.kind, explained.detail) == (kind, server_said)
