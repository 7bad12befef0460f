"""E-mailing a document to its payer: a folio, a bill, and whatever kind is added to :data:`DOCUMENTS`.

The clerk chooses the address and the language; :func:`email_document` renders the PDF there and then
and keeps it in the outbox row with the mail's subject and text, in the same transaction as the audit
trail's entry. The worker (desk.mail.outbox) only sends what was kept: a folio goes on changing after
the clerk pressed Send, and the payer must receive what the desk showed then, not what it shows when
the mail server answers.

A new kind of document is one entry in :data:`DOCUMENTS`: a function ``(session, id, language)`` that
returns its :class:`Document`. An invoice or credit note is sent as it was issued, in the hotel's
document language whatever the clerk chose: only the mail's own words follow the choice.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.addresses import EMAIL_PATTERN
from desk.core.errors import InvalidInput
from desk.db.audit_notes import AuditNote, note
from desk.hotel.country import hotel_format
from desk.hotel.models import Hotel
from desk.invoices.issuing import number_text
from desk.invoices.models import Invoice, InvoiceKind
from desk.invoices.pdf import invoice_file
from desk.invoices.reading import folio_of_invoice
from desk.invoices.texts import document_label
from desk.ledger.lookup import get
from desk.ledger.models import Bill, Folio
from desk.mail.models import MailOutbox
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.reports.labels import label
from desk.reports.pdf import render_bill_pdf, render_folio_pdf

# The languages a document can be written in (desk.reports.labels has their words).
LANGUAGES = ("en", "ru", "bg")
# The trail's kind for a document handed to the outbox (desk.audit.models.AuditKind.MAIL).
AUDIT_KIND = "document_mailed"

# The mail's own words; English is the key.
WORDS = {
    "ru": {"Please find attached: {title}.": "Во вложении: {title}.",
           "Thank you for staying with {hotel}.": "Благодарим, что остановились в {hotel}."},
    "bg": {"Please find attached: {title}.": "Приложено изпращаме: {title}.",
           "Thank you for staying with {hotel}.": "Благодарим ви, че отседнахте в {hotel}."},
}


@dataclass(frozen=True)
class Document:
    """One document as it will be sent: its PDF, its title (the mail's subject after the hotel's
    name), the attachment's file name and the folio it belongs to."""

    pdf: bytes
    title: str
    filename: str
    folio_id: int


def _rendered(render: Callable[[Session, int, Path, str], Path], session: Session, document_id: int,
              language: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="desk-mail-") as folder:
        return render(session, document_id, Path(folder) / "document.pdf", language).read_bytes()


def folio_document(session: Session, folio_id: int, language: str) -> Document:
    folio = get(session, Folio, folio_id, "Folio")
    pdf = _rendered(render_folio_pdf, session, folio_id, language)
    return Document(pdf, label(language, "Folio {owner}", owner=folio.owner_label), f"folio-{folio_id}.pdf", folio_id)


def bill_document(session: Session, bill_id: int, language: str) -> Document:
    bill = get(session, Bill, bill_id, "Bill")
    pdf = _rendered(render_bill_pdf, session, bill_id, language)
    return Document(pdf, label(language, "Bill {number}", number=bill.number), f"bill-{bill.number}.pdf",
                    bill.folio_id)


def invoice_document(session: Session, invoice_id: int, language: str) -> Document:
    filename, pdf = invoice_file(session, invoice_id)
    invoice = get(session, Invoice, invoice_id, "Invoice")
    title = "Credit note {number}" if invoice.kind is InvoiceKind.CREDIT_NOTE else "Invoice {number}"
    return Document(pdf, document_label(language, title, number=number_text(invoice.number)),
                    filename, folio_of_invoice(session, invoice_id))


# What can be e-mailed, by kind. An e-receipt ("receipt") is queued by its receipt request instead
# (desk.fiscal.receipts) and rendered when sent: a fiscal copy never changes.
DOCUMENTS: dict[str, Callable[[Session, int, str], Document]] = {
    "folio": folio_document,
    "bill": bill_document,
    "invoice": invoice_document,
}


def _word(language: str, english: str, **params: str) -> str:
    return WORDS.get(language, {}).get(english, english).format(**params)


def checked_address(address: str) -> str:
    address = address.strip()
    if not EMAIL_PATTERN.match(address) or len(address) > 120:
        raise InvalidInput("{email} is not an e-mail address", field="recipient", email=address)
    return address


def email_document(session: Session, actor: Actor, kind: str, document_id: int, recipient: str,
                   language: str) -> int:
    """Queue document ``kind`` ``document_id`` for ``recipient``, written in ``language``: its PDF made now."""
    require(actor, Right.EMAIL_DOCUMENTS)
    make = DOCUMENTS.get(kind)
    if make is None:
        raise InvalidInput("A {kind} cannot be sent by e-mail", field="kind", kind=kind)
    recipient = checked_address(recipient)
    if language not in LANGUAGES:
        raise InvalidInput("Documents can be in {languages}; “{language}” is not one of them", field="language",
                           language=language, languages=", ".join(LANGUAGES))
    document = make(session, document_id, language)
    hotel = session.scalars(select(Hotel.name).limit(1)).one()
    body = (_word(language, "Please find attached: {title}.", title=document.title) + "\n\n"
            + _word(language, "Thank you for staying with {hotel}.", hotel=hotel) + "\n")
    row = MailOutbox(document_kind=kind, document_id=document_id, folio_id=document.folio_id, language=language,
                     subject=f"{hotel}: {document.title}"[:200], body=body, filename=document.filename,
                     pdf=document.pdf, queued_by=actor.username, recipient=recipient)
    session.add(row)
    session.flush()
    note(session, AuditNote(kind=AUDIT_KIND, username=actor.username, workstation=actor.workstation,
                            subject=f"{kind} {document_id}", folio_id=document.folio_id,
                            summary=f"{kind} {document_id} e-mailed to {recipient} ({language})",
                            detail={"mail": row.id, "kind": kind, "document": document_id, "recipient": recipient,
                                    "language": language}))
    return row.id


@dataclass(frozen=True)
class SentDocument:
    """One document e-mailed from a folio, and how far it got."""

    id: int
    kind: str
    document_id: int | None
    recipient: str
    language: str
    queued_by: str
    queued_at: datetime
    sent_at: datetime | None
    attempts: int
    last_error: str  # the server's own words (or, before 0049, the failure in English)
    error_kind: str = ""  # desk.mail.outbox.FAILURE_KINDS, for the window to word

    @property
    def state(self) -> str:
        """"sent", "failed" (tried, not taken yet: tried again later) or "queued"."""
        if self.sent_at is not None:
            return "sent"
        return "failed" if self.last_error or self.error_kind else "queued"


def folio_mails(session: Session, folio_id: int) -> list[SentDocument]:
    """The documents e-mailed from ``folio_id``, newest first."""
    rows = session.scalars(select(MailOutbox).where(MailOutbox.folio_id == folio_id)
                           .order_by(MailOutbox.id.desc()))
    return [SentDocument(row.id, row.document_kind, row.document_id, row.recipient, row.language, row.queued_by,
                         row.created_at, row.sent_at, row.attempts, row.last_error, row.error_kind) for row in rows]


@dataclass(frozen=True)
class MailSuggestion:
    """What the e-mail dialog starts with: the payer's address if the desk knows one, and a language."""

    recipient: str
    language: str


def mail_suggestion(session: Session, folio_id: int) -> MailSuggestion:
    """The first guest's address on a reservation's folio; the company's on its account or its event's;
    else the address this folio was last sent to; the hotel's documents' language."""
    folio = get(session, Folio, folio_id, "Folio")
    language = hotel_format(session).language
    language = language if language in LANGUAGES else "en"
    if folio.reservation is not None:
        for guest in folio.reservation.guests:
            if guest.email:
                return MailSuggestion(guest.email, language)
    company = folio.company or (folio.event.company if folio.event is not None else None)
    if company is not None and company.email:
        return MailSuggestion(company.email, language)
    last = session.scalars(select(MailOutbox.recipient).where(MailOutbox.folio_id == folio_id)
                           .order_by(MailOutbox.id.desc()).limit(1)).first()
    return MailSuggestion(last or "", language)
