"""A vendor-neutral fiscal register, in plain values.

A register issues numbered fiscal documents in shifts: it opens a shift, prints X reports, closes
the shift with a Z report, issues sale receipts ("receipt of income") and refund receipts
("return of income", linked to the original), cash-in and cash-out slips and copies. Every call
that issues a document carries an idempotency ``key`` we supply; :meth:`FiscalRegister.find`
answers "did the document with this key get issued?", so a lost answer is resolved by asking,
never by issuing again. A document issued but not (or not surely) on paper is returned all the
same, with ``paper`` saying so: it is reprinted whole, as a COPY, never issued twice.
"""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from desk.core.money import Money


class DocumentKind(enum.StrEnum):
    SHIFT_OPEN = "shift_open"
    SALE = "sale"  # receipt of income
    REFUND = "refund"  # return of income
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"
    X_REPORT = "x_report"
    Z_REPORT = "z_report"


class Paper(enum.StrEnum):
    """What became of a document's last print."""

    PRINTED = "printed"  # whole, and the printer was fine after it
    CUT = "cut"  # stopped mid-way (paper out, cover opened): reprint whole as a copy
    FAILED = "failed"  # not a byte reached the printer: print it again
    UNKNOWN = "unknown"  # the line died, or the program did, while printing: check, reprint as a copy


@dataclass(frozen=True)
class SaleLine:
    name: str
    quantity: str  # a decimal as text
    amount: str  # gross, a decimal as text in the receipt's currency
    tax_percent: str


@dataclass(frozen=True)
class TaxLine:
    percent: str
    gross: str
    tax: str


@dataclass(frozen=True)
class TenderLine:
    method: str
    amount: str  # "EUR 12.50": in the currency the money moved in
    tendered: str | None = None  # cash handed over
    change: str | None = None


@dataclass(frozen=True)
class Receipt:
    """A sale or refund receipt's content; amounts in ``currency`` (the hotel's own)."""

    kind: DocumentKind
    currency: str
    lines: tuple[SaleLine, ...]
    taxes: tuple[TaxLine, ...]
    total: str
    tenders: tuple[TenderLine, ...]
    payment_id: int | None = None
    payer: str = ""
    bill: str = ""
    refund_of: int | None = None  # the original sale receipt's document number
    # Where the guest wants the electronic receipt (an e-mail address or a +CC phone): a registered register
    # sends it through the fiscal data operator (tag 1008); ours mails it from the outbox.
    contact: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "currency": self.currency, "total": self.total, "payer": self.payer, "bill": self.bill,
            "lines": [vars(line) for line in self.lines], "taxes": [vars(t) for t in self.taxes],
            "tenders": [vars(t) for t in self.tenders],
        }


@dataclass(frozen=True)
class Document:
    """An issued fiscal document, as the register's journal keeps it."""

    id: int
    register: str
    number: int
    shift: int
    kind: DocumentKind
    key: str
    sign: str
    issued_at: datetime
    content: dict[str, Any]
    payment_id: int | None = None
    refers_to: int | None = None
    paper: Paper | None = None  # None: never printed yet
    printed_whole_once: bool = False
    # Part of it may be on paper: a print of it sent something, or none was recorded (the program died while
    # it printed). Printed again, it is then a COPY, whatever the last attempt did.
    maybe_on_paper: bool = False

    @property
    def label(self) -> str:
        return f"{self.kind.value} {self.register}/{self.number:07d}"

    @property
    def total(self) -> Money | None:
        """What a receipt or a cash move is for; None for a report or a shift's opening."""
        total = self.content.get("total")
        return Money.parse(total) if total else None


@dataclass(frozen=True)
class Printed:
    """A document and how its print went; ``error`` is the printer's message when not PRINTED."""

    document: Document
    paper: Paper
    copy: bool = False
    error: str = ""
    error_code: str = ""
    bytes_sent: int = 0


@dataclass(frozen=True)
class RegisterInfo:
    """A register as the workstation asking sees it: ``device``, ``paper_mm``, ``profile`` and
    ``text_as_image`` are those of the printer assigned to it there in Devices (``printer``, its
    name; empty ``device``: none is)."""

    code: str
    name: str
    device: str
    paper_mm: int
    language: str  # its documents' language and number format, as desk.hotel.country.register_format decided
    profile: str = "TM-T20II"
    printer: str = ""
    text_as_image: bool = False


@dataclass(frozen=True)
class RegisterStatus:
    clock: datetime
    shift_open: bool
    shift_number: int | None
    shift_opened_at: datetime | None
    shift_expired: bool  # open for more than 24 hours: close it before the next sale
    last_number: int
    printer: str  # the printer's own words ("Ready.", "The printer is out of paper...")
    printer_ready: bool
    waiting_for_reprint: tuple[int, ...] = field(default_factory=tuple)  # document numbers


class FiscalRegister(Protocol):
    """What a fiscal register does. Calls block: run them off the GUI thread."""

    def info(self) -> RegisterInfo: ...

    def status(self, cancel: threading.Event | None = None) -> RegisterStatus: ...

    def open_shift(self, key: str, cancel: threading.Event | None = None, *,
                   opening_float: tuple[str, ...] = ()) -> Printed: ...

    def x_report(self, key: str, cancel: threading.Event | None = None) -> Printed: ...

    def close_shift(self, key: str, cancel: threading.Event | None = None) -> Printed:
        """The Z report: it ends the shift."""
        ...

    def sale(self, key: str, receipt: Receipt, cancel: threading.Event | None = None) -> Printed: ...

    def refund(self, key: str, receipt: Receipt, cancel: threading.Event | None = None) -> Printed: ...

    def cash_in(self, key: str, amount: str, reason: str, cancel: threading.Event | None = None, *,
                move_id: int | None = None) -> Printed: ...

    def cash_out(self, key: str, amount: str, reason: str, cancel: threading.Event | None = None, *,
                 move_id: int | None = None) -> Printed: ...

    def copy(self, number: int, cancel: threading.Event | None = None) -> Printed:
        """Print document ``number`` again, whole, marked COPY."""
        ...

    def find(self, key: str) -> Document | None:
        """The document issued with our ``key``, or None if the register never issued it."""
        ...
