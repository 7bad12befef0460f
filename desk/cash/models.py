"""Cash shifts: float, cash moves, the payments taken, the count at closing, drawer openings."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    ForeignKey,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.base import Base, LedgerRecord, enum_column


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
    kind: Mapped[ShiftMoveKind] = mapped_column(enum_column(ShiftMoveKind))
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
    __table_args__ = (UniqueConstraint("shift_id", "currency"),)  # also the look-up by shift
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"))
    currency: Mapped[str] = mapped_column(String(3))
    counted: Mapped[Money]
    expected: Mapped[Money]
    difference: Mapped[Money]  # counted - expected: positive is over, negative is short
    # Denomination (as text) -> pieces counted, as the cashier entered them.
    denominations: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


class DrawerOpening(LedgerRecord, Base):
    """The cash drawer was told to open: by whom, when, and why (a cash payment or by hand)."""

    __tablename__ = "drawer_opening"
    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(40), index=True)
    opened_by: Mapped[str] = mapped_column(String(40))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    # One kick per cash payment: a payment cannot be used to open the drawer again and again.
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), unique=True)

