"""Folios, bills and the append-only ledger: postings, their items and moves, payments."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.core.money import Money
from desk.core.types import ExactDecimal, utcnow
from desk.db.base import Base, LedgerRecord, enum_column

if TYPE_CHECKING:
    from desk.cards.models import CardRecord
    from desk.hotel.models import Outlet, PaymentMethod
    from desk.stays.models import Company, Event, Reservation


class PostingKind(enum.StrEnum):
    CHARGE = "charge"
    REVERSAL = "reversal"  # an order cancelled at its source (the POS), or a correction
    VOID = "void"  # a mistake undone with a manager's authorisation


class PaymentKind(enum.StrEnum):
    PAYMENT = "payment"  # money received for a bill
    DEPOSIT = "deposit"  # money received in advance, held on the folio's deposit account
    REFUND = "refund"  # money given back (negative), linked to what it refunds
    TRANSFER = "transfer"  # money moved between the deposit account and a bill (pairs)
    VOID = "void"  # a mistaken record undone (negative of it)


class Folio(Base):
    """The account of a stay, a company, an event or a walk-in client."""

    __tablename__ = "folio"
    __table_args__ = (
        CheckConstraint(
            " + ".join(
                f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)"
                for column in ("reservation_id", "company_id", "event_id", "walk_in_name")
            )
            + " = 1",
            name="one_owner",
        ),
        # The walk-ins in the order the search lists them, newest first: a few among hundreds of
        # thousands of stays' folios, read without touching the others.
        Index("ix_folio_walk_ins", "id", sqlite_where=text("walk_in_name IS NOT NULL"),
              postgresql_where=text("walk_in_name IS NOT NULL")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reservation_id: Mapped[int | None] = mapped_column(ForeignKey("reservation.id"), unique=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), unique=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), unique=True)
    walk_in_name: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    reservation: Mapped[Reservation | None] = relationship()
    company: Mapped[Company | None] = relationship()
    event: Mapped[Event | None] = relationship()
    bills: Mapped[list[Bill]] = relationship(back_populates="folio", order_by="Bill.id")

    @property
    def owner_label(self) -> str:
        if self.reservation is not None:
            names = ", ".join(g.full_name for g in self.reservation.guests)
            return f"{self.reservation.number} {names}".strip()
        if self.company is not None:
            return self.company.name
        if self.event is not None:
            return self.event.name
        return self.walk_in_name or ""


class Bill(Base):
    __tablename__ = "bill"
    id: Mapped[int] = mapped_column(primary_key=True)
    folio_id: Mapped[int] = mapped_column(ForeignKey("folio.id"), index=True)
    payer_name: Mapped[str] = mapped_column(String(160))
    payer_guest_id: Mapped[int | None] = mapped_column(ForeignKey("guest.id"))
    payer_company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))

    folio: Mapped[Folio] = relationship(back_populates="bills")

    @property
    def number(self) -> str:
        return f"{self.id:06d}"


# The postings the voids report lists: a few among millions of charges, indexed apart by time
# (migration 0047). A query that wants this index repeats the text exactly (SQLite matches it so).
EXCEPTIONAL_POSTING = "(kind <> 'charge' OR authorised_by IS NOT NULL)"


class Posting(LedgerRecord, Base):
    """A charge on a bill, or the reversal of one (a negative copy pointing at it)."""

    __tablename__ = "posting"
    __table_args__ = (
        Index("ix_posting_exceptions", "created_at", sqlite_where=text(EXCEPTIONAL_POSTING),
              postgresql_where=text(EXCEPTIONAL_POSTING)),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    folio_id: Mapped[int] = mapped_column(ForeignKey("folio.id"), index=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), index=True)
    kind: Mapped[PostingKind] = mapped_column(enum_column(PostingKind))
    service_code: Mapped[str | None] = mapped_column(ForeignKey("service.code"))
    description: Mapped[str] = mapped_column(String(160))
    quantity: Mapped[Decimal] = mapped_column(ExactDecimal(12, 3))
    unit_price: Mapped[Money]
    amount: Mapped[Money]
    tax_code: Mapped[str | None] = mapped_column(String(16))
    tax_percent: Mapped[Decimal] = mapped_column(ExactDecimal(6, 3))
    tax_amount: Mapped[Money]
    ordered_at: Mapped[datetime]
    business_date: Mapped[date]
    source: Mapped[str] = mapped_column(String(16))  # desk, pos, audit
    outlet_code: Mapped[str | None] = mapped_column(ForeignKey("outlet.code"))
    check_number: Mapped[str | None] = mapped_column(String(40))
    # Idempotency key for postings that arrive from outside (POS orders, night audit).
    external_ref: Mapped[str | None] = mapped_column(String(80), unique=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("posting.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(240), default="")
    authorised_by: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))

    items: Mapped[list[PostingItem]] = relationship(order_by="PostingItem.id")
    outlet: Mapped[Outlet | None] = relationship(lazy="joined")

    @property
    def source_label(self) -> str:
        if self.outlet is not None:
            label = self.outlet.name
            return f"{label}, check {self.check_number}" if self.check_number else label
        return self.source


class PostingItem(LedgerRecord, Base):
    """One line of an order's composition (a POS check's items)."""

    __tablename__ = "posting_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("posting.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    quantity: Mapped[Decimal] = mapped_column(ExactDecimal(12, 3))
    unit_price: Mapped[Money]
    amount: Mapped[Money]


class PostingMove(LedgerRecord, Base):
    """A posting moved to another bill; a posting's bill is that of its latest move."""

    __tablename__ = "posting_move"
    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("posting.id"), index=True)
    from_bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"))
    to_bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), index=True)
    moved_at: Mapped[datetime] = mapped_column(default=utcnow)
    moved_by: Mapped[str] = mapped_column(String(40))


class BillInvoicing(LedgerRecord, Base):
    """A bill closed by an invoice, or opened again by the credit note that credited that invoice in
    full; a bill's standing is that of its latest row. Written by desk.invoices in the issue's own
    transaction and read here, so the ledger refuses to change what an invoice froze without
    knowing what an invoice is."""

    __tablename__ = "bill_invoicing"
    id: Mapped[int] = mapped_column(primary_key=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), index=True)
    invoice_number: Mapped[str] = mapped_column(String(20))
    # Empty: the invoice closed the bill. A number: that credit note credited the invoice in full.
    reopened_by: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Payment(LedgerRecord, Base):
    """Money in or out of a bill, or of the folio's deposit account when ``bill_id`` is None."""

    __tablename__ = "payment"
    __table_args__ = (
        UniqueConstraint("voids_id"),
        # A shift's payments (its workstation, while it was open) and a day's (migration 0047).
        Index("ix_payment_workstation_created_at", "workstation", "created_at"),
        Index("ix_payment_created_at", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    folio_id: Mapped[int] = mapped_column(ForeignKey("folio.id"), index=True)
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bill.id"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(enum_column(PaymentKind))
    method_code: Mapped[str] = mapped_column(ForeignKey("payment_method.code"))
    amount: Mapped[Money]  # in the currency the money moved in
    rate: Mapped[Decimal] = mapped_column(ExactDecimal(18, 8))  # base units per unit of amount
    base_amount: Mapped[Money]  # what it counts for on the bill, in the base currency
    text: Mapped[str] = mapped_column(String(240), default="")  # reference shown to clerks
    payer_name: Mapped[str] = mapped_column(String(160), default="")
    paid_on: Mapped[date]
    refund_of_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    voids_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))
    # Both halves of a deposit transfer share one group key.
    transfer_group: Mapped[str | None] = mapped_column(String(36), index=True)
    # A bill settled to a company's account: the charge on the company folio this payment stands for.
    company_posting_id: Mapped[int | None] = mapped_column(ForeignKey("posting.id"), index=True, unique=True)
    # The key of the Apply that made this payment (made when its dialog opened, kept across retries):
    # the same key again returns this payment instead of taking the money twice.
    idempotency_key: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)
    reason: Mapped[str] = mapped_column(String(240), default="")
    authorised_by: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))

    method: Mapped[PaymentMethod] = relationship(lazy="joined")
    # What the terminal said about a card payment or refund: its Text is shown from this (desk.ledger.texts).
    card_record: Mapped[CardRecord | None] = relationship(
        "CardRecord", primaryjoin="CardRecord.payment_id == Payment.id", foreign_keys="CardRecord.payment_id",
        viewonly=True, uselist=False)



class BillTotal(Base):
    """What a bill's ledger adds up to, per currency, in whole minor units: kept by the database's own
    triggers (migration 0024) as postings, moves and payments are inserted, never by the program.

    A payment checks what the bill owes in one read, however long the stay (issue 23). Rows change
    with every insert, so this is not a ledger table; on PostgreSQL the desk's role may only read it
    and the triggers run as the tables' owner. ``entries`` counts the postings on the bill and its
    payments in that currency, so a bill that holds an amount in another currency is still noticed.
    """

    __tablename__ = "bill_total"
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    charges: Mapped[int] = mapped_column(BigInteger)
    paid: Mapped[int] = mapped_column(BigInteger)
    entries: Mapped[int]
