"""Invoices and credit notes as issued: numbered, frozen, append-only."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.base import Base, LedgerRecord, enum_column


class InvoiceKind(enum.StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


class InvoiceSeries(Base):
    """One row per hotel, never changed: locked by each issue before it reads the last number, so two
    desks never take the same number and a rolled-back issue leaves none unused. ``first_number`` is
    where the hotel's series starts (a hotel moving to the desk goes on from its old numbers)."""

    __tablename__ = "invoice_series"
    id: Mapped[int] = mapped_column(primary_key=True)
    first_number: Mapped[int] = mapped_column(BigInteger)


class Invoice(LedgerRecord, Base):
    """An issued invoice or credit note. ``content`` is the document as issued (canonical JSON: seller,
    buyer, lines, totals, words), ``content_hash`` its SHA-256; the PDF is made from ``content`` only,
    so a later change of the hotel's or a service's name never changes an issued document. The other
    columns copy what lists and limits look up."""

    __tablename__ = "invoice"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, unique=True)  # invoices and credit notes share one series
    kind: Mapped[InvoiceKind] = mapped_column(enum_column(InvoiceKind))
    issued_on: Mapped[date] = mapped_column(index=True)
    supply_date: Mapped[date]
    credited_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"), index=True)
    buyer_name: Mapped[str] = mapped_column(String(160))
    buyer_company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), index=True)
    total: Mapped[Money]  # gross; what a credit note gives back, as a positive amount
    reason: Mapped[str] = mapped_column(String(240), default="")
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))


class InvoiceBill(LedgerRecord, Base):
    """A bill an invoice covers: a bill is invoiced once, unless its invoice was credited in full."""

    __tablename__ = "invoice_bill"
    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), index=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), index=True)
