"""Bills an invoice has closed: their services stay as invoiced until a credit note credits the
invoice in full. desk.invoices records both facts; every use case that would change a bill's
services asks here first, so the rule is decided once."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from desk.core.errors import ClosedForPosting
from desk.ledger.models import Bill, BillInvoicing

# The rule, as a column of a statement that reads the bill (here, desk.ledger.lookup.chargeable_bill):
# the bill's latest invoicing, unless a credit note reopened it.
CLOSING_INVOICE = (select(case((func.coalesce(BillInvoicing.reopened_by, "") == "", BillInvoicing.invoice_number)))
                   .where(BillInvoicing.bill_id == Bill.id).order_by(BillInvoicing.id.desc()).limit(1)
                   .scalar_subquery())
_CLOSING_INVOICE_OF_BILL = select(CLOSING_INVOICE).where(Bill.id == bindparam("bill_id"))


def closing_invoice(session: Session, bill_id: int) -> str | None:
    """The number of the invoice that holds the bill closed, None while it takes postings."""
    invoice = session.execute(_CLOSING_INVOICE_OF_BILL, {"bill_id": bill_id}).scalar()
    return None if invoice is None else str(invoice)


def refuse_invoiced_bill(session: Session, bill_id: int) -> None:
    """A charge, a reversal or a move would make the bill and its issued invoice disagree."""
    refuse_closing_invoice(bill_id, closing_invoice(session, bill_id))


def refuse_closing_invoice(bill_id: int, invoice: str | None) -> None:
    """:func:`refuse_invoiced_bill` on what :data:`CLOSING_INVOICE` read."""
    if invoice is not None:
        raise ClosedForPosting("Bill {bill} is closed by invoice {invoice}: its services stay as invoiced. Post "
                               "on another bill, or credit the whole invoice first", bill=f"{bill_id:06d}",
                               invoice=invoice)


def close_by_invoice(session: Session, bill_ids: Iterable[int], invoice_number: str) -> None:
    session.add_all(BillInvoicing(bill_id=bill_id, invoice_number=invoice_number) for bill_id in bill_ids)
    session.flush()


def reopen_after_credit(session: Session, invoice_number: str, credit_note_number: str) -> None:
    """The bills the invoice still holds closed take postings again: it was credited in full."""
    held = session.scalars(select(BillInvoicing.bill_id).where(BillInvoicing.invoice_number == invoice_number)
                           .distinct()).all()
    for bill_id in held:
        if closing_invoice(session, bill_id) == invoice_number:
            session.add(BillInvoicing(bill_id=bill_id, invoice_number=invoice_number,
                                      reopened_by=credit_note_number))
    session.flush()
