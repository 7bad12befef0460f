"""Guests, companies, events and reservations: who a folio belongs to."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship
from sqlalchemy.types import TypeEngine

from desk.core.money import Money
from desk.core.types import ExactDecimal, utcnow
from desk.db.base import Base, enum_column
from desk.hotel.reference import per_unit, reference
from desk.people.confirming import read_with_confirmation

if TYPE_CHECKING:
    from desk.hotel.models import Room


class ReservationStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    IN_HOUSE = "in_house"
    CHECKED_OUT = "checked_out"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"  # confirmed, never arrived: by hand, or the night audit once its arrival day has passed


# The statuses that hold a room for their nights.
HOLDS_ROOM = (ReservationStatus.CONFIRMED, ReservationStatus.IN_HOUSE)


def _search_text(length: int) -> TypeEngine[str]:
    # Searches match prefixes as index ranges; in the "C" collation PostgreSQL orders text by code
    # point, as SQLite does, so a range holds exactly the prefixed names whatever the server's locale.
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def _first_last_key(context: Any) -> str:
    row = context.get_current_parameters()
    return " ".join(f"{row.get('first_name', '')} {row.get('last_name', '')}".lower().split())


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
    documents: Mapped[list[GuestDocument]] = relationship(order_by="GuestDocument.id")
    birth_date: Mapped[date | None] = mapped_column(default=None)  # a child may be free of the city tax
    # Why the city tax does not apply to the guest (disabled, on duty...): empty, it does.
    city_tax_exemption: Mapped[str] = mapped_column(String(80), default="", server_default="")

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)


class DocumentKind(enum.StrEnum):
    PASSPORT = "passport"
    ID_CARD = "id_card"
    DRIVING_LICENCE = "driving_licence"
    OTHER = "other"


class GuestDocument(Base):
    """An identity document as the desk records it at registration."""

    __tablename__ = "guest_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id"), index=True)
    kind: Mapped[DocumentKind] = mapped_column(enum_column(DocumentKind))
    number: Mapped[str] = mapped_column(String(40))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166 alpha-2 of the issuing country
    issued_on: Mapped[date | None]


class Company(Base):
    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    search_name: Mapped[str] = mapped_column(_search_text(120), index=True)
    tax_id: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(240), default="")
    # Where its invoices and folios are e-mailed; empty: none given.
    email: Mapped[str] = mapped_column(String(254), default="")
    # How much the company may owe the hotel; None: no limit agreed.
    credit_limit: Mapped[Money | None] = mapped_column(default=None)


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
        # A room's or a company's stays newest first, read in index order (migration 0025).
        Index("ix_reservation_room_id_arrival", "room_id", "arrival"),
        Index("ix_reservation_company_id_arrival", "company_id", "arrival"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(_search_text(20), unique=True)
    status: Mapped[ReservationStatus] = mapped_column(enum_column(ReservationStatus))
    arrival: Mapped[date] = mapped_column(index=True)
    departure: Mapped[date]
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"))
    # The room type booked (a room of it is assigned at check-in at the latest).
    room_type: Mapped[str | None] = mapped_column(String(40))
    nightly_rate: Mapped[Money]
    # How much the guest may owe before the desk says so (desk.stays.credit); None: no limit set.
    credit_limit: Mapped[Money | None] = mapped_column(default=None)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"))
    checked_in_at: Mapped[datetime | None]
    checked_out_at: Mapped[datetime | None]
    checked_out_by: Mapped[str | None] = mapped_column(String(40))
    # A manager who let the guest leave with an open balance, and why.
    checkout_authorised_by: Mapped[str | None] = mapped_column(String(40))
    checkout_note: Mapped[str] = mapped_column(String(240), default="")
    cancel_reason: Mapped[str] = mapped_column(String(240), default="", server_default="")
    # Who made the last change: the change log's trigger copies it into stay_change.
    changed_by: Mapped[str | None] = mapped_column(String(40))
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


class StaySearchTerm(Base):
    """A guest's search key (``search_name`` or ``search_first_last``) on one of their stays, with
    the stay's arrival: kept by the database's triggers (migration 0025), never by the program.

    Its primary key is the name search itself: a prefix range over ``term`` read in key order holds
    the arrival and the stay, so the newest stays of a common prefix are found without reading a
    reservation or a guest. On PostgreSQL the desk's role may only read it.
    """

    __tablename__ = "stay_search_term"
    term: Mapped[str] = mapped_column(_search_text(170), primary_key=True)
    arrival: Mapped[date] = mapped_column(primary_key=True)
    reservation_id: Mapped[int] = mapped_column(ForeignKey("reservation.id"), primary_key=True, index=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id"), primary_key=True, index=True)


class StayChange(Base):
    """One row per update of a reservation, written by a database trigger (migration 0003_guard).

    Ledger rows are only inserted, so their ids already tell a desk what is new; a check-in or
    check-out updates a reservation in place, and this log makes that visible the same way.
    """

    __tablename__ = "stay_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    reservation_id: Mapped[int] = mapped_column(ForeignKey("reservation.id"))

    # A room move (or a first room given): the rooms' numbers, as the clerk read them then. The
    # trigger fills them only when the room changed, and copies who changed it from the reservation.
    from_room: Mapped[str | None] = mapped_column(String(10))
    to_room: Mapped[str | None] = mapped_column(String(10))
    changed_by: Mapped[str | None] = mapped_column(String(40))


class BusinessDay(Base):
    """One row per business day the hotel opened: the latest is today's business date.

    Rows are only added (set-up or the demo adds the first, each night audit the next), so two
    desks closing the same day cannot both move the date: the second's row collides on the key.
    """

    __tablename__ = "business_day"
    business_date: Mapped[date] = mapped_column(primary_key=True)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_by: Mapped[str] = mapped_column(String(40))


_LATEST_BUSINESS_DATE = select(BusinessDay.__table__.c.business_date).order_by(
    BusinessDay.__table__.c.business_date.desc()).limit(1)


def _note_business_date(session: Session, values: Sequence[object]) -> None:
    """The date read with the actor's confirmation (desk.people.confirming), so that it is not read again."""
    if isinstance(values[0], date):  # as reference() does: a unit setting the hotel up may still store one
        per_unit(session, BUSINESS_DATE_CACHE)[None] = values[0]


read_with_confirmation([_LATEST_BUSINESS_DATE.scalar_subquery()], _note_business_date)


def stored_business_date(session: Session) -> date | None:
    """The latest business day opened, read once per unit of work; None before set-up stores one.

    Here, beside its table, because the ledger dates every posting by it (desk.stays.business_day
    is the stays' own way to it): a posting of a hotel without one is dated by when it was ordered.
    """
    stored = reference(session, BUSINESS_DATE_CACHE, None, _LATEST_BUSINESS_DATE)
    return stored if isinstance(stored, date) else None


# What a unit that opens a business day forgets (desk.hotel.reference.forget).
BUSINESS_DATE_CACHE = "business_date"


class NightAudit(Base):
    """Each start of a night audit: who closed which business day, over which open items and why."""

    __tablename__ = "night_audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    business_date: Mapped[date] = mapped_column(index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))
    # Why the day was closed with items still open (empty when none was), and those items as listed.
    reason: Mapped[str] = mapped_column(String(240), default="")
    open_items: Mapped[str] = mapped_column(Text, default="")


class NightCharge(Base):
    """A charge the night audit posted for one night of one stay: its key is the database's promise
    that a night's room (or city tax) is charged once, however often the audit runs or dies."""

    __tablename__ = "night_charge"
    reservation_id: Mapped[int] = mapped_column(ForeignKey("reservation.id"), primary_key=True)
    night: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # room, city_tax
    posting_id: Mapped[int] = mapped_column(ForeignKey("posting.id"), unique=True)


class CityTax(Base):
    """The city tax per guest and night, from a date on; the latest row not after a night applies.
    An amount of zero means none from that date."""

    __tablename__ = "city_tax"
    valid_from: Mapped[date] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(ForeignKey("service.code"))
    per_person_night: Mapped[Money]
    # A share of the room night besides (or instead of) the amount, for the guests it applies to.
    percent_of_rate: Mapped[Decimal] = mapped_column(ExactDecimal(6, 3), default=Decimal(0), server_default="0")
    child_age_under: Mapped[int | None] = mapped_column(default=None)  # younger guests pay none
    set_by: Mapped[str] = mapped_column(String(40))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)
