"""Finding issued invoices and credit notes, and the bills a company's invoice may cover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from desk.core.errors import NotFound
from desk.core.money import Money, total
from desk.invoices.issuing import credit_left, number_text
from desk.invoices.models import Invoice, InvoiceBill, InvoiceKind
from desk.ledger.folios import load_folio
from desk.ledger.models import Bill, Folio

MOST_ROWS = 500


@dataclass(frozen=True)
class InvoiceFilter:
    first: date | None = None
    last: date | None = None
    buyer: str = ""  # any part of the buyer's name, in any case
    number: str = ""  # the number, with or without its leading zeros


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    number: str
    kind: InvoiceKind
    issued_on: date
    buyer: str
    total: Money
    credits: str  # a credit note: the invoice it credits
    left_to_credit: Money | None  # an invoice: what a credit note may still take back


def list_invoices(session: Session, wanted: InvoiceFilter = InvoiceFilter()) -> list[InvoiceRow]:
    """Invoices and credit notes, newest first, at most :data:`MOST_ROWS`."""
    credited = aliased(Invoice)
    query = (select(Invoice, credited.number).outerjoin(credited, credited.id == Invoice.credited_invoice_id)
             .order_by(Invoice.number.desc()).limit(MOST_ROWS))
    if wanted.first is not None:
        query = query.where(Invoice.issued_on >= wanted.first)
    if wanted.last is not None:
        query = query.where(Invoice.issued_on <= wanted.last)
    if wanted.buyer.strip():
        query = query.where(func.lower(Invoice.buyer_name).contains(wanted.buyer.strip().lower(), autoescape=True))
    digits = wanted.number.strip().lstrip("0")
    if digits:
        if not digits.isdigit():
            return []
        query = query.where(Invoice.number == int(digits))
    found = session.execute(query).all()
    ids = [invoice.id for invoice, _ in found]
    credits: dict[int, list[Money]] = {}
    for of, amount in session.execute(select(Invoice.credited_invoice_id, Invoice.total)
                                      .where(Invoice.credited_invoice_id.in_(ids))):
        if of is not None:
            credits.setdefault(of, []).append(amount)
    return [InvoiceRow(invoice.id, number_text(invoice.number), invoice.kind, invoice.issued_on, invoice.buyer_name,
                       invoice.total, number_text(of) if of is not None else "",
                       invoice.total - total(credits.get(invoice.id, []), invoice.total.currency)
                       if invoice.kind is InvoiceKind.INVOICE else None)
            for invoice, of in found]


def invoice_id_of(session: Session, number: int) -> int:
    found = session.scalar(select(Invoice.id).where(Invoice.number == number))
    if found is None:
        raise NotFound("There is no invoice {number}", field="invoice", number=number_text(number))
    return int(found)


@dataclass(frozen=True)
class InvoiceableBill:
    bill_id: int
    number: str
    payer: str
    charges: Money


def invoiceable_bills(session: Session, company_id: int) -> list[InvoiceableBill]:
    """The bills of the company's folio with charges on them and no invoice that still stands."""
    folio_id = session.scalar(select(Folio.id).where(Folio.company_id == company_id))
    if folio_id is None:
        raise NotFound("Company {company} has no account", field="company", company=company_id)
    view = load_folio(session, folio_id)
    bill_ids = [b.bill.id for b in view.bills]
    standing = {bill_id for bill_id, invoice in session.execute(
        select(InvoiceBill.bill_id, Invoice).join(Invoice, Invoice.id == InvoiceBill.invoice_id)
        .where(InvoiceBill.bill_id.in_(bill_ids))) if credit_left(session, invoice)}
    return [InvoiceableBill(b.bill.id, b.bill.number, b.bill.payer_name, b.charges)
            for b in view.bills if b.charges.is_positive and b.bill.id not in standing]


@dataclass(frozen=True)
class FolioInvoice:
    """An invoice or credit note drawn on a bill of one folio (a credit note through its invoice)."""

    id: int
    number: str
    kind: InvoiceKind


def folio_of_invoice(session: Session, invoice_id: int) -> int:
    """The folio whose bill ``invoice_id`` invoices (a credit note: its invoice's; a company's several
    bills: the first one's), where the desk lists what was sent about it."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound("There is no invoice {number}", field="invoice", number=str(invoice_id))
    source = invoice.credited_invoice_id or invoice.id
    folio_id = session.scalar(select(Bill.folio_id).join(InvoiceBill, InvoiceBill.bill_id == Bill.id)
                              .where(InvoiceBill.invoice_id == source).order_by(InvoiceBill.id).limit(1))
    if folio_id is None:
        raise NotFound("There is no invoice {number}", field="invoice", number=number_text(invoice.number))
    return int(folio_id)


def folio_invoices(session: Session, folio_id: int) -> list[FolioInvoice]:
    """The invoices on the folio's bills and their credit notes, in number order."""
    invoiced = (select(InvoiceBill.invoice_id).join(Bill, Bill.id == InvoiceBill.bill_id)
                .where(Bill.folio_id == folio_id))
    rows = session.scalars(select(Invoice)
                           .where(or_(Invoice.id.in_(invoiced), Invoice.credited_invoice_id.in_(invoiced)))
                           .order_by(Invoice.number))
    return [FolioInvoice(invoice.id, number_text(invoice.number), invoice.kind) for invoice in rows]
