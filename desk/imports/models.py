"""Which of the desk's records another system's ids name: a re-import finds them, never duplicates."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.db.base import Base

EXTERNAL_ID_LENGTH = 64


class ImportedReservation(Base):
    __tablename__ = "imported_reservation"
    external_id: Mapped[str] = mapped_column(String(EXTERNAL_ID_LENGTH), primary_key=True)
    reservation_id: Mapped[int] = mapped_column(ForeignKey("reservation.id"), unique=True)


class ImportedGuest(Base):
    __tablename__ = "imported_guest"
    external_id: Mapped[str] = mapped_column(String(EXTERNAL_ID_LENGTH), primary_key=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id"), unique=True)
