"""Folios, bills and the append-only ledger: postings, their items and moves, payments."""

from __future__ import annotations

import enum
import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Connection,
    ForeignKey,
    Index,
    String,
    TypeDecorator,
    UniqueConstraint,
    bindparam,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship
from sqlalchemy.types import TypeEngine

from desk.core.canonical import canonical
from desk.core.money import Money
from desk.core.types import ExactDecimal, MoneyType, UtcDateTime, utcnow
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
        # Most postings have no external_ref, so SQLite's statistics give the unique constraint's index
        # (which holds the NULLs) the whole table per key and the night audit's and a POS check's look-up
        # read every posting; this index holds only the refs (migration 0064), whatever ANALYZE says.
        # PostgreSQL's planner uses the constraint's index: there it was only a second write (0065).
        Index("ix_posting_external_ref", "external_ref", unique=True,
              sqlite_where=text("external_ref IS NOT NULL")).ddl_if(dialect="sqlite"),
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
        # Only the payments an Apply made hold a key: an index of the keys alone is found by the planner
        # whatever the statistics say of the NULLs (migration 0064), as ix_posting_external_ref.
        Index("ix_payment_idempotency_key", "idempotency_key", unique=True,
              sqlite_where=text("idempotency_key IS NOT NULL"), postgresql_where=text("idempotency_key IS NOT NULL")),
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
    idempotency_key: Mapped[str | None] = mapped_column(String(64))
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


class LedgerLink(LedgerRecord, Base):
    """One posting or payment in the ledger's chain (desk.ledger.chain), in the order they were committed:
    ``hash`` = SHA-256 of ``prev_hash`` and the canonical bytes of the row's content, so a row changed or
    removed behind the database's guards no longer matches its link."""

    __tablename__ = "ledger_link"
    __table_args__ = (UniqueConstraint("kind", "row_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)  # 1, 2, 3... without gaps
    kind: Mapped[str] = mapped_column(String(8))  # "posting" or "payment"
    row_id: Mapped[int]
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))


class LedgerHead(Base):
    """One row, never changed: locked by each unit that chains ledger rows, just before it commits."""

    __tablename__ = "ledger_head"
    id: Mapped[int] = mapped_column(primary_key=True)


class LedgerUnlinked(Base):
    """A posting or payment inserted and not yet chained: written by the database's own triggers on every
    insert, whichever path inserted it, and emptied by the chain as its unit commits."""

    __tablename__ = "ledger_unlinked"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    row_id: Mapped[int]


# -- what a link of the ledger's chain hashes (desk.ledger.chain; migration 0052 chains the rows before it) --

GENESIS = "0" * 64
POSTING = "posting"
PAYMENT = "payment"
POSTING_COLUMNS = ("id", "folio_id", "bill_id", "kind", "service_code", "description", "quantity", "unit_price",
                   "amount", "tax_code", "tax_percent", "tax_amount", "ordered_at", "business_date", "source",
                   "outlet_code", "check_number", "external_ref", "reverses_id", "reason", "authorised_by",
                   "created_at", "created_by", "workstation")
PAYMENT_COLUMNS = ("id", "folio_id", "bill_id", "kind", "method_code", "amount", "rate", "base_amount", "text",
                   "payer_name", "paid_on", "refund_of_id", "voids_id", "transfer_group", "company_posting_id",
                   "idempotency_key", "reason", "authorised_by", "created_at", "created_by", "workstation")
_LINK_BATCH = 500


def plain_value(value: object) -> object:
    """One spelling per value, whichever database stored it (NUMERIC's trailing zeros, SQLite's text)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, Money):
        return f"{value.currency} {format(value.amount.normalize(), 'f')}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def content_bytes(kind: str, row: Mapping[str, Any]) -> bytes:
    _table, columns = LINKED_TABLES[kind]
    return canonical({"kind": kind, **{name: plain_value(row[name]) for name in columns}})


def link_hash(prev_hash: str, content: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + content).hexdigest()


def rows_by_id(connection: Connection, kind: str, ids: Iterable[int]) -> dict[int, Mapping[str, Any]]:
    wanted = list(ids)
    found: dict[int, Mapping[str, Any]] = {}
    for start in range(0, len(wanted), _LINK_BATCH):
        rows = connection.execute(_ROWS_BY_ID[kind], {"ids": wanted[start:start + _LINK_BATCH]})
        found.update({row.id: row._mapping for row in rows})
    return found


def stored_value(column_type: TypeEngine[Any], value: object, dialect: Dialect) -> object:
    """``value`` as the database gives it back once stored in a column of ``column_type``: the column
    type's own conversions both ways, and what PostgreSQL's columns do to a value they accept (a
    NUMERIC rounds to its scale, a VARCHAR drops the spaces beyond its length). SQLite keeps the
    text it is given."""
    if value is None:
        return None
    if isinstance(column_type, TypeDecorator):
        value = column_type.process_result_value(column_type.process_bind_param(value, dialect), dialect)
    if dialect.name == "sqlite":
        return value
    if isinstance(column_type, ExactDecimal) and isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -column_type.scale:
            return value.quantize(Decimal(1).scaleb(-column_type.scale), rounding=ROUND_HALF_UP)
    if isinstance(column_type, String) and isinstance(value, str) and column_type.length is not None:
        return value[:column_type.length]
    return value


_Stored = Callable[[object, Dialect], object]


def _stored_as(column_type: TypeEngine[Any], dialect_name: str) -> _Stored:
    """:func:`stored_value` for one column, what its type does chosen once: the chain runs it for every
    column of every row a unit writes. A value of another kind than the column's own is left to
    ``stored_value`` itself."""
    def generic(value: object, dialect: Dialect) -> object:
        return stored_value(column_type, value, dialect)

    if isinstance(column_type, MoneyType):
        # Money's text is its currency and its amount, already at the currency's decimals: read back, the same.
        return lambda value, dialect: value if type(value) is Money else generic(value, dialect)
    if isinstance(column_type, UtcDateTime):
        # In UTC as either database gives it back (SQLite: stored without its zone, read as UTC).
        return lambda value, dialect: (value.astimezone(UTC) if isinstance(value, datetime) and value.tzinfo is not None
                                       else generic(value, dialect))
    if isinstance(column_type, ExactDecimal) and dialect_name == "sqlite":
        return lambda value, dialect: value if type(value) is Decimal else generic(value, dialect)
    if isinstance(column_type, TypeDecorator):
        return generic
    if isinstance(column_type, String) and column_type.length is not None and dialect_name != "sqlite":
        length = column_type.length
        return lambda value, _dialect: value[:length] if isinstance(value, str) else value
    return lambda value, _dialect: value  # kept as it is given


@functools.cache
def _stored_columns(kind: str, dialect_name: str) -> tuple[tuple[str, _Stored], ...]:
    table, columns = LINKED_TABLES[kind]
    return tuple((name, _stored_as(table.c[name].type, dialect_name)) for name in columns)


def flushed_content(kind: str, record: object, dialect: Dialect) -> bytes | None:
    """:func:`content_bytes` of a row from the object its unit flushed, without reading the row back;
    None when one of the hashed columns is not loaded on it (then the row is read)."""
    _table, columns = LINKED_TABLES[kind]
    state = inspect(record)
    loaded, expired = state.dict, state.expired_attributes
    if expired and not expired.isdisjoint(columns):
        return None
    # A column the object was never given was inserted as NULL (the ORM's INSERT names every column).
    values = {name: None if (value := loaded.get(name)) is None else stored(value, dialect)
              for name, stored in _stored_columns(kind, dialect.name)}
    return content_bytes(kind, values)


def link_contents(connection: Connection, noted: Sequence[tuple[str, int]],
                  known: Mapping[tuple[str, int], bytes]) -> list[tuple[str, int, bytes]]:
    """(kind, row id, content) of each noted row that exists, in the order noted: from ``known``
    when the unit flushed it, else read from the database."""
    unknown = [(kind, row_id) for kind, row_id in noted if (kind, row_id) not in known]
    rows = {kind: rows_by_id(connection, kind, [row_id for k, row_id in unknown if k == kind])
            for kind in LINKED_TABLES}
    contents = []
    for kind, row_id in noted:
        content = known.get((kind, row_id))
        if content is None:
            row = rows[kind].get(row_id)
            if row is None:  # inserted and removed in the same unit: nothing of it is left to chain
                continue
            content = content_bytes(kind, row)
        contents.append((kind, row_id, content))
    return contents


def new_links(contents: Sequence[tuple[str, int, bytes]], seq: int, prev_hash: str) -> list[dict[str, Any]]:
    """The links of ``contents`` in that order after link (seq, prev_hash)."""
    links = []
    for kind, row_id, content in contents:
        seq += 1
        digest = link_hash(prev_hash, content)
        links.append({"seq": seq, "kind": kind, "row_id": row_id, "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
    return links


def last_link(connection: Connection | Session) -> tuple[int, str]:
    """(seq, hash) of the chain's last link, (0, GENESIS) when there is none."""
    row = connection.execute(_LAST_LINK).first()
    return (row.seq, row.hash) if row is not None else (0, GENESIS)


def append_links(connection: Connection, noted: Sequence[tuple[str, int]], seq: int,
                 prev_hash: str) -> tuple[int, str]:
    """Chain ``noted`` (kind, row id) in that order after link (seq, prev_hash); the new last link."""
    links = new_links(link_contents(connection, noted, {}), seq, prev_hash)
    if not links:
        return seq, prev_hash
    connection.execute(NEW_LINK, links)
    return links[-1]["seq"], links[-1]["hash"]


@dataclass(frozen=True)
class LedgerAnchor:
    """The chain's last link as a night audit left it (kept in the trail's anchor file)."""

    seq: int
    hash: str
    business_date: str


LINKED_TABLES = {POSTING: (Posting.__table__, POSTING_COLUMNS), PAYMENT: (Payment.__table__, PAYMENT_COLUMNS)}
# Built once: the chain runs in every unit that writes to the ledger, where a statement's construction shows.
_ROWS_BY_ID = {kind: select(*(table.c[name] for name in columns))
               .where(table.c.id.in_(bindparam("ids", expanding=True)))
               for kind, (table, columns) in LINKED_TABLES.items()}
_LAST_LINK = select(LedgerLink.__table__.c.seq, LedgerLink.__table__.c.hash).order_by(
    LedgerLink.__table__.c.seq.desc()).limit(1)
NEW_LINK = insert(LedgerLink)
