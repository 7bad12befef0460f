"""The hotel's data: settings, stays, folios, bills and the append-only ledger."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

from desk.money import Money
from desk.types import ExactDecimal, MoneyType, UtcDateTime, utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {Money: MoneyType(), datetime: UtcDateTime()}


def _enum(cls: type[enum.Enum]) -> Enum:
    # Stored as the lowercase value, as a plain string: new members need no DDL change.
    return Enum(cls, native_enum=False, create_constraint=False, length=24,
                values_callable=lambda members: [m.value for m in members])


class ReservationStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    IN_HOUSE = "in_house"
    CHECKED_OUT = "checked_out"
    CANCELLED = "cancelled"


class MethodKind(enum.StrEnum):
    CASH = "cash"
    CARD = "card"
    TRANSFER = "transfer"
    DEPOSIT = "deposit"
    COMPANY_ACCOUNT = "company_account"
    OTHER = "other"


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


class Role(enum.StrEnum):
    CLERK = "clerk"
    CASHIER = "cashier"
    MANAGER = "manager"
    POS = "pos"  # the restaurant POS service's own account: posts and cancels POS orders only


# --- settings -------------------------------------------------------------------------------


class Hotel(Base):
    __tablename__ = "hotel"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    base_currency: Mapped[str] = mapped_column(String(3))
    address: Mapped[str] = mapped_column(String(240), default="")
    tax_id: Mapped[str] = mapped_column(String(40), default="")


class CurrencyRate(Base):
    """An accepted currency and what one unit of it is worth in the base currency."""

    __tablename__ = "currency_rate"
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    rate: Mapped[Decimal] = mapped_column(ExactDecimal(18, 8))


class TaxRate(Base):
    __tablename__ = "tax_rate"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    percent: Mapped[Decimal] = mapped_column(ExactDecimal(6, 3))


class PaymentMethod(Base):
    __tablename__ = "payment_method"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[MethodKind] = mapped_column(_enum(MethodKind))
    opens_drawer: Mapped[bool] = mapped_column(default=False)
    fiscal: Mapped[bool] = mapped_column(default=True)


class Outlet(Base):
    __tablename__ = "outlet"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))


class Service(Base):
    __tablename__ = "service"
    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(24))
    price: Mapped[Money]
    tax_code: Mapped[str] = mapped_column(ForeignKey("tax_rate.code"))
    tax: Mapped[TaxRate] = relationship(lazy="joined")


class NameTranslation(Base):
    """A catalogue name (service, payment method, room type...) in one of the GUI's languages."""

    __tablename__ = "name_translation"
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    code: Mapped[str] = mapped_column(String(160), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    text: Mapped[str] = mapped_column(String(160))


class CashRegister(Base):
    """A fiscal printer a receipt can be sent to; ``device`` is the hardware layer's address."""

    __tablename__ = "cash_register"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    device: Mapped[str] = mapped_column(String(160), default="")
    paper_mm: Mapped[int] = mapped_column(default=80)  # 58 or 80
    # The printer's capability profile (python-escpos names) and the language its receipts are in.
    profile: Mapped[str] = mapped_column(String(40), default="TM-T20II")
    language: Mapped[str] = mapped_column(String(8), default="en")


class User(Base):
    __tablename__ = "user_account"
    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(_enum(Role))
    password_hash: Mapped[str] = mapped_column(String(200))
    # A short PIN for switching user at the desk, hashed like the password; None: no PIN set.
    pin_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    # Wrong passwords and PINs since the last success; reaching the limit locks until locked_until.
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(default=None)


# --- stays ----------------------------------------------------------------------------------


def _search_text(length: int) -> TypeEngine[str]:
    # Searches match prefixes as index ranges; in the "C" collation PostgreSQL orders text by code
    # point, as SQLite does, so a range holds exactly the prefixed names whatever the server's locale.
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def _first_last_key(context: Any) -> str:
    row = context.get_current_parameters()
    return " ".join(f"{row.get('first_name', '')} {row.get('last_name', '')}".lower().split())


class Room(Base):
    __tablename__ = "room"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10), unique=True)
    floor: Mapped[int]
    room_type: Mapped[str] = mapped_column(String(40))
    beds: Mapped[int] = mapped_column(default=2)


def full_name(first_name: str, last_name: str) -> str:
    """A guest's name as bills and the POS show it."""
    return f"{first_name} {last_name}".strip()


class Guest(Base):
    __tablename__ = "guest"
    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    # Lower-cased "last first" so name search is one indexed prefix match on every database.
    search_name: Mapped[str] = mapped_column(_search_text(170), index=True)
    # Lower-cased "first last", so a first name is found by an indexed prefix match too.
    search_first_last: Mapped[str] = mapped_column(_search_text(170), index=True, default=_first_last_key)
    email: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)


class Company(Base):
    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    search_name: Mapped[str] = mapped_column(_search_text(120), index=True)
    tax_id: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(240), default="")


class Event(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    company: Mapped[Company | None] = relationship()


class Reservation(Base):
    __tablename__ = "reservation"
    __table_args__ = (
        CheckConstraint("departure > arrival", name="stay_has_nights"),
        Index("ix_reservation_status_arrival", "status", "arrival"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(_search_text(20), unique=True)
    status: Mapped[ReservationStatus] = mapped_column(_enum(ReservationStatus))
    arrival: Mapped[date] = mapped_column(index=True)
    departure: Mapped[date]
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"), index=True)
    nightly_rate: Mapped[Money]
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"))
    checked_in_at: Mapped[datetime | None]
    checked_out_at: Mapped[datetime | None]
    checked_out_by: Mapped[str | None] = mapped_column(String(40))
    # A manager who let the guest leave with an open balance, and why.
    checkout_authorised_by: Mapped[str | None] = mapped_column(String(40))
    checkout_note: Mapped[str] = mapped_column(String(240), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    room: Mapped[Room | None] = relationship(lazy="joined")
    company: Mapped[Company | None] = relationship()
    event: Mapped[Event | None] = relationship()
    stay_guests: Mapped[list[ReservationGuest]] = relationship(
        back_populates="reservation", order_by="ReservationGuest.position"
    )

    @property
    def guests(self) -> list[Guest]:
        return [link.guest for link in self.stay_guests]

    @property
    def nights(self) -> int:
        return (self.departure - self.arrival).days


class ReservationGuest(Base):
    __tablename__ = "reservation_guest"
    reservation_id: Mapped[int] = mapped_column(ForeignKey("reservation.id"), primary_key=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)
    reservation: Mapped[Reservation] = relationship(back_populates="stay_guests")
    guest: Mapped[Guest] = relationship(lazy="joined")


# --- folios and bills -----------------------------------------------------------------------


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
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reservation_id: Mapped[int | None] = mapped_column(ForeignKey("reservation.id"), unique=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"), unique=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), unique=True)
    walk_in_name: Mapped[str | None] = mapped_column(String(120), index=True)
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


# --- the ledger: rows are only ever inserted ------------------------------------------------


class LedgerRecord:
    """Marker: instances are never updated or deleted (see desk.db's flush guard)."""


class Posting(LedgerRecord, Base):
    """A charge on a bill, or the reversal of one (a negative copy pointing at it)."""

    __tablename__ = "posting"
    id: Mapped[int] = mapped_column(primary_key=True)
    folio_id: Mapped[int] = mapped_column(ForeignKey("folio.id"), index=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), index=True)
    kind: Mapped[PostingKind] = mapped_column(_enum(PostingKind))
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


class Payment(LedgerRecord, Base):
    """Money in or out of a bill, or of the folio's deposit account when ``bill_id`` is None."""

    __tablename__ = "payment"
    __table_args__ = (UniqueConstraint("voids_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    folio_id: Mapped[int] = mapped_column(ForeignKey("folio.id"), index=True)
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bill.id"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(_enum(PaymentKind))
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
    reason: Mapped[str] = mapped_column(String(240), default="")
    authorised_by: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))

    method: Mapped[PaymentMethod] = relationship(lazy="joined")
    # What the terminal said about a card payment or refund: its Text is shown from this (desk.texts).
    card_record: Mapped[CardRecord | None] = relationship(
        "CardRecord", primaryjoin="CardRecord.payment_id == Payment.id", foreign_keys="CardRecord.payment_id",
        viewonly=True, uselist=False)


class ReceiptKind(enum.StrEnum):
    SALE = "sale"  # receipt of income
    REFUND = "refund"  # return of income


class ReceiptRequest(LedgerRecord, Base):
    """A fiscal receipt asked for a payment: which register, and where the e-receipt goes."""

    __tablename__ = "receipt_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    kind: Mapped[ReceiptKind] = mapped_column(_enum(ReceiptKind))
    register_code: Mapped[str] = mapped_column(ForeignKey("cash_register.code"))
    email: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    requested_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))



class StayChange(Base):
    """One row per update of a reservation, written by a database trigger (migration 0003_guard).

    Ledger rows are only inserted, so their ids already tell a desk what is new; a check-in or
    check-out updates a reservation in place, and this log makes that visible the same way.
    """

    __tablename__ = "stay_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    reservation_id: Mapped[int] = mapped_column(ForeignKey("reservation.id"))


# --- the journal of device operations: rows are only ever inserted --------------------------


class JournalIntent(LedgerRecord, Base):
    """An operation a device (or operator) is about to be asked to do, committed before it is asked."""

    __tablename__ = "journal_intent"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # our idempotency key, sent to the device
    kind: Mapped[str] = mapped_column(String(32))  # e.g. "fiscal_receipt", "card_sale"
    device: Mapped[str] = mapped_column(String(80))
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    folio_id: Mapped[int | None] = mapped_column(ForeignKey("folio.id"), index=True)
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bill.id"))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    amount: Mapped[Money | None]
    request: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class JournalEvent(LedgerRecord, Base):
    """Something the device answered, or what became of the intent; its state is read from these."""

    __tablename__ = "journal_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    intent_id: Mapped[int] = mapped_column(ForeignKey("journal_intent.id"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Set (to intent_id) only on an outcome event: unique, so an intent gets one outcome whoever races.
    outcome_of: Mapped[int | None] = mapped_column(ForeignKey("journal_intent.id"), unique=True)
    # The ledger record a settlement wrote, if it is a payment.
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))


# --- cash shifts: rows are only ever inserted -----------------------------------------------


class ShiftMoveKind(enum.StrEnum):
    FLOAT = "float"  # counted into the drawer when the shift opens
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"


class CashShift(LedgerRecord, Base):
    """A cashier's shift on one workstation; closed when it has a ShiftClose."""

    __tablename__ = "cash_shift"
    # Numbered per workstation: the next number is taken only once, so two shifts cannot both open.
    __table_args__ = (UniqueConstraint("workstation", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40))
    number: Mapped[int]
    opened_by: Mapped[str] = mapped_column(String(40))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)


class ShiftCashMove(LedgerRecord, Base):
    """Cash into or out of the drawer that is not a guest's payment: the float, cash in, cash out."""

    __tablename__ = "shift_cash_move"
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"), index=True)
    kind: Mapped[ShiftMoveKind] = mapped_column(_enum(ShiftMoveKind))
    amount: Mapped[Money]  # always positive; the kind gives the direction
    reason: Mapped[str] = mapped_column(String(240), default="")
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ShiftPayment(LedgerRecord, Base):
    """A cash payment, deposit, refund or void taken during a shift: a link, not a copy."""

    __tablename__ = "shift_payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"), index=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), unique=True)


class ShiftClose(LedgerRecord, Base):
    """The end of a shift, with its Z report as printed."""

    __tablename__ = "shift_close"
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"), unique=True)
    closed_by: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[datetime] = mapped_column(default=utcnow)
    z_report_pdf: Mapped[bytes] = mapped_column(LargeBinary)


class ShiftCount(LedgerRecord, Base):
    """The blind count of one currency at closing, and how far it was from what was expected."""

    __tablename__ = "shift_count"
    __table_args__ = (UniqueConstraint("shift_id", "currency"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    counted: Mapped[Money]
    expected: Mapped[Money]
    difference: Mapped[Money]  # counted - expected: positive is over, negative is short
    # Denomination (as text) -> pieces counted, as the cashier entered them.
    denominations: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


# --- devices of each workstation, and who opened the cash drawer ----------------------------


class WorkstationPrinter(Base):
    """A receipt printer on one workstation, kept by the workstation's name (survives reinstalling).

    ``register_code`` is the cash register whose receipts it prints (None: test pages and copies
    only); ``drawer`` marks the printer whose drawer connector holds the cash drawer.
    """

    __tablename__ = "workstation_printer"
    __table_args__ = (UniqueConstraint("workstation", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(80))
    url: Mapped[str] = mapped_column(String(160))
    profile: Mapped[str] = mapped_column(String(40))
    paper_mm: Mapped[int]
    register_code: Mapped[str | None] = mapped_column(ForeignKey("cash_register.code"))
    drawer: Mapped[bool] = mapped_column(default=False)
    changed_by: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class DrawerOpening(LedgerRecord, Base):
    """The cash drawer was told to open: by whom, when, and why (a cash payment or by hand)."""

    __tablename__ = "drawer_opening"
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    opened_by: Mapped[str] = mapped_column(String(40))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    # One kick per cash payment: a payment cannot be used to open the drawer again and again.
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), unique=True)


class MailSettings(Base):
    """The SMTP server electronic receipts go out through (one row). Its password is here only
    sealed (Fernet) with a key kept outside the database (desk/mail.py), or not at all."""

    __tablename__ = "mail_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(160))
    port: Mapped[int]
    security: Mapped[str] = mapped_column(String(16))  # "none", "starttls" or "tls"
    username: Mapped[str] = mapped_column(String(120), default="")
    sender: Mapped[str] = mapped_column(String(120))
    password_sealed: Mapped[str] = mapped_column(Text, default="")  # a Fernet token, never the password
    key_id: Mapped[str] = mapped_column(String(16), default="")  # which key sealed it, to say so when missing
    ca_pem: Mapped[str] = mapped_column(Text, default="")  # the hotel's own CA, trusted besides the system's
    changed_by: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class MailOutbox(Base):
    """An e-mail waiting to go out, or gone: tried again until the server takes it."""

    __tablename__ = "mail_outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_request_id: Mapped[int] = mapped_column(ForeignKey("receipt_request.id"), unique=True)
    recipient: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_error: Mapped[str] = mapped_column(String(240), default="")
    sent_at: Mapped[datetime | None]


# --- the fiscal journal: each register's documents, chained by their signs; rows only inserted ---


class FiscalKey(LedgerRecord, Base):
    """A register's signing secret, made when its first document is issued and never changed."""

    __tablename__ = "fiscal_key"
    register_code: Mapped[str] = mapped_column(ForeignKey("cash_register.code"), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))  # hex
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FiscalDocument(LedgerRecord, Base):
    """One fiscal document of a register: its number, shift and sign, over the canonical ``content``.

    Every column but ``id`` and ``sign`` is also inside ``content`` (the text that was signed), so a
    row changed behind our back no longer matches its own content or its sign.
    """

    __tablename__ = "fiscal_document"
    __table_args__ = (
        UniqueConstraint("register_code", "number"),
        # A chain cannot fork: two documents never follow the same one.
        UniqueConstraint("register_code", "prev_sign"),
        # One sale receipt and one refund receipt per payment at most, whoever retries.
        UniqueConstraint("payment_id", "kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    register_code: Mapped[str] = mapped_column(ForeignKey("cash_register.code"), index=True)
    number: Mapped[int]
    shift_number: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64), unique=True)  # the idempotency id we supplied
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    refers_to: Mapped[int | None]  # a refund's original document number
    cash_shift_id: Mapped[int | None] = mapped_column(ForeignKey("cash_shift.id"))
    total: Mapped[Money | None]
    content: Mapped[str] = mapped_column(Text)
    prev_sign: Mapped[str] = mapped_column(String(64))
    sign: Mapped[str] = mapped_column(String(64))


class FiscalPrint(LedgerRecord, Base):
    """One attempt at putting a fiscal document on paper, and how it ended."""

    __tablename__ = "fiscal_print"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("fiscal_document.id"), index=True)
    copy: Mapped[bool]
    result: Mapped[str] = mapped_column(String(16))  # printed, cut, failed, unknown
    bytes_sent: Mapped[int] = mapped_column(default=0)
    message: Mapped[str] = mapped_column(String(240), default="")
    printed_at: Mapped[datetime] = mapped_column(default=utcnow)
    printed_by: Mapped[str] = mapped_column(String(40))


# --- card terminals (issue 17) ---------------------------------------------------------------


class CardTerminalConfig(Base):
    """A card terminal beside a workstation, as the desk connects to it (several per workstation)."""

    __tablename__ = "card_terminal"
    __table_args__ = (UniqueConstraint("workstation", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(80))
    url: Mapped[str] = mapped_column(String(200))  # tcp://host:20007 or serial:///dev/ttyACM0
    currency: Mapped[str] = mapped_column(String(3))
    # The ZVT cashier password (a terminal setting, digits); never shown or logged.
    password: Mapped[str] = mapped_column(String(8), default="000000")
    # False: the terminal sends its slips as text (the desk's ZVT client asks for them) and the
    # workstation's receipt printer prints them; True: the terminal prints on its own paper.
    own_printer: Mapped[bool] = mapped_column(default=False, server_default=false())
    merchant_copy: Mapped[bool] = mapped_column(default=False, server_default=false())  # printed by the desk too


class CardOperationKind(enum.StrEnum):
    SALE = "sale"
    REFUND = "refund"
    REVERSAL = "reversal"
    PRE_AUTHORISATION = "pre_authorisation"
    CAPTURE = "capture"
    RELEASE = "release"
    EXPIRED = "expired"  # the bank had already dropped the hold when we tried to capture it (R16)
    END_OF_DAY = "end_of_day"


class CardRecord(LedgerRecord, Base):
    """What a card terminal did, as it said so: never a full card number, only its masked form.

    A refund, capture, release or reversal points at the record it acts on (``original_id``);
    a hold's state is read from the records pointing at it.
    """

    __tablename__ = "card_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    operation: Mapped[CardOperationKind] = mapped_column(_enum(CardOperationKind))
    intent_id: Mapped[int | None] = mapped_column(ForeignKey("journal_intent.id"), unique=True)
    folio_id: Mapped[int | None] = mapped_column(ForeignKey("folio.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    original_id: Mapped[int | None] = mapped_column(ForeignKey("card_record.id"), index=True)
    amount: Mapped[Money]
    terminal: Mapped[str] = mapped_column(String(80))  # our name for it
    terminal_id: Mapped[str] = mapped_column(String(16), default="")  # the terminal's own id
    receipt_no: Mapped[int | None]
    trace_no: Mapped[int | None]
    auth_code: Mapped[str] = mapped_column(String(16), default="")
    brand: Mapped[str] = mapped_column(String(40), default="")
    masked_pan: Mapped[str] = mapped_column(String(32), default="")
    # The terminal's receipts ({"kind", "lines"}), kept to print when the terminal has no printer.
    receipts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # end-of-day totals
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))
