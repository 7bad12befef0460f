"""Guests, companies, events and reservations: who a folio belongs to."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.base import Base, enum_column

if TYPE_CHECKING:
    from desk.hotel.models import Room


class ReservationStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    IN_HOUSE = "in_house"
    CHECKED_OUT = "checked_out"
    CANCELLED = "cancelled"


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
    nightly_rate: Mapped[Money]
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id"))
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

