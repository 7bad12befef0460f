"""Cash registers, receipt requests, and the signed chain of fiscal documents."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.base import Base, LedgerRecord, enum_column


class CashRegister(Base):
    """A fiscal register a receipt can be sent to. Which printer prints it is set per workstation
    in Devices (``workstation_printer.register_code``), never here."""

    __tablename__ = "cash_register"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    # The language, and with it the number format, of the register's documents; its hotel's
    # country's when empty (desk.hotel.country.register_format decides, nowhere else).
    language: Mapped[str] = mapped_column(String(8), default="")


class ReceiptKind(enum.StrEnum):
    SALE = "sale"  # receipt of income
    REFUND = "refund"  # return of income


class ReceiptRequest(LedgerRecord, Base):
    """A fiscal receipt asked for a payment: which register, and where the e-receipt goes."""

    __tablename__ = "receipt_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    kind: Mapped[ReceiptKind] = mapped_column(enum_column(ReceiptKind))
    register_code: Mapped[str] = mapped_column(ForeignKey("cash_register.code"))
    email: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    requested_by: Mapped[str] = mapped_column(String(40))
    workstation: Mapped[str] = mapped_column(String(40))


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

