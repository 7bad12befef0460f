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
    # What the register is (desk.fiscal.settings.RegisterKind) and how it is reached: our ESC/POS printer
    # with our signed journal, or a vendor's server on ``address`` driving the device ``device_id``.
    kind: Mapped[str] = mapped_column(String(16), default="escpos")
    address: Mapped[str] = mapped_column(String(200), default="")
    device_id: Mapped[str] = mapped_column(String(40), default="")
    # The register's tax settings: its taxation system (ATOL's taxationType) and our rates' VAT codes on it,
    # as JSON {"20": "vat20", "0": "vat0"}; a rate missing here is refused before the register is asked.
    taxation: Mapped[str] = mapped_column(String(24), default="")
    vat_map: Mapped[str] = mapped_column(Text, default="")
    # The workstation whose cash shift opens and closes a register that has no printer in its Devices.
    workstation: Mapped[str] = mapped_column(String(40), default="")


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
    register_code: Mapped[str] = mapped_column(ForeignKey("cash_register.code"))  # looked up by (register_code, number)
    number: Mapped[int]
    shift_number: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64), unique=True)  # the idempotency id we supplied
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))  # its look-ups: (payment_id, kind)
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



class RegisterDocument(LedgerRecord, Base):
    """A document a registered fiscal register (ATOL, KKM-server) issued for us, as it answered.

    The register's fiscal storage is the record; this row is what it told us (fiscal document number,
    fiscal sign, storage number, shift, its own date and time, registration number), kept under the
    journal's ``key`` so a lost answer is found again and a payment's receipt is never asked twice.
    """

    __tablename__ = "register_document"
    __table_args__ = (UniqueConstraint("payment_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    register_code: Mapped[str] = mapped_column(ForeignKey("cash_register.code"), index=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))  # its look-ups: (payment_id, kind)
    move_id: Mapped[int | None]  # the cash shift's move a cash in or out documents
    cash_shift_id: Mapped[int | None] = mapped_column(ForeignKey("cash_shift.id"))
    refers_to: Mapped[int | None]  # a refund's original: its fiscal document number on the same register
    number: Mapped[int | None]  # the fiscal document number (none for an X report or a cash move)
    fiscal_sign: Mapped[str] = mapped_column(String(20), default="")
    fn_number: Mapped[str] = mapped_column(String(20), default="")
    registration_number: Mapped[str] = mapped_column(String(20), default="")
    shift_number: Mapped[int | None]
    receipt_number: Mapped[int | None]
    issued_at: Mapped[str] = mapped_column(String(32), default="")  # the register's clock, with its zone
    total: Mapped[Money | None]
    contact: Mapped[str] = mapped_column(String(120), default="")  # where the e-receipt went (tag 1008)
    content: Mapped[str] = mapped_column(Text)  # the task we sent and the register's answer, as JSON
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(40))


class SaleNumber(LedgerRecord, Base):
    """A Bulgarian unique sale number (УНП) given to one sale receipt's journal intent: the printer's serial, the
    operator's code and the next of their sequence, taken in the intent's own transaction under the register's
    row lock, so a rolled-back intent takes none, two desks never take the same one, and one sent in a request
    whose end is unknown stays taken."""

    __tablename__ = "sale_number"
    __table_args__ = (UniqueConstraint("serial", "operator", "sequence"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    register_code: Mapped[str] = mapped_column(ForeignKey("cash_register.code"))
    serial: Mapped[str] = mapped_column(String(16))
    operator: Mapped[str] = mapped_column(String(4))
    sequence: Mapped[int]
    key: Mapped[str] = mapped_column(String(64), unique=True)  # the journal intent's
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def text(self) -> str:
        return f"{self.serial}-{self.operator}-{self.sequence:07d}"
