"""The card terminal as the desk sees it: plain values in, plain values out.

Amounts are integers in the currency's minor units with an ISO 4217 code ("EUR"). Every long call
takes three optional hooks: `on_status(StatusMessage)` for the terminal's own prompts as they come,
`on_print(PrintOut)` for receipt text as it comes, and `cancel`, a `threading.Event` that asks the
terminal to abort. A call returns a `CardResult` when the terminal approved, and raises otherwise:

- `Declined` (and its kinds): the terminal answered no; no money moved.
- `OutcomeUnknown`: the request reached (or may have reached) the terminal and no final answer
  came; ask the terminal (`repeat_last_receipt`, `status`) before doing anything else.
- any other `DeviceError`: raised before the request left; nothing reached the terminal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Protocol, runtime_checkable


class CardOperation(Enum):
    SALE = "sale"
    REFUND = "refund"
    PRE_AUTHORISATION = "pre_authorisation"
    CAPTURE = "capture"
    REVERSAL = "reversal"
    RELEASE = "release"
    REPEAT_RECEIPT = "repeat_receipt"


class ReceiptKind(Enum):
    MERCHANT = "merchant"
    CUSTOMER = "customer"
    ADMINISTRATION = "administration"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class StatusMessage:
    """A prompt of the terminal. `key` is stable (for translation); `text` is English."""

    key: str
    text: str
    raw: int


@dataclass(frozen=True)
class PrintOut:
    """Receipt text as it arrives: a whole block, or one line (`complete` on its last line)."""

    kind: ReceiptKind
    lines: tuple[str, ...]
    complete: bool


@dataclass(frozen=True)
class Receipt:
    kind: ReceiptKind
    lines: tuple[str, ...]


@dataclass(frozen=True)
class CardResult:
    """What the terminal said about one approved transaction. Never holds a full card number."""

    operation: CardOperation
    result_code: int
    amount_minor: int | None
    currency: str | None
    receipt_no: int | None = None
    trace_no: int | None = None
    auth_code: str | None = None
    card_name: str | None = None
    card_type: int | None = None
    masked_pan: str | None = None
    terminal_id: str | None = None
    when: datetime | None = None
    receipts: tuple[Receipt, ...] = ()
    # Cancel was asked for, but the terminal had already approved: the money moved.
    cancel_too_late: bool = False

    @property
    def approved(self) -> bool:
        return self.result_code == 0

    @property
    def reference(self) -> str:
        """A short human reference for the ledger's text: receipt, trace, authorisation code."""
        parts = []
        if self.receipt_no is not None:
            parts.append(f"receipt {self.receipt_no:04d}")
        if self.trace_no is not None:
            parts.append(f"trace {self.trace_no:06d}")
        if self.auth_code:
            parts.append(f"auth {self.auth_code}")
        if self.card_name:
            parts.append(self.card_name)
        if self.masked_pan:
            parts.append(self.masked_pan)
        return ", ".join(parts)


@dataclass(frozen=True)
class BrandTotal:
    brand: str
    count: int
    amount_minor: int


@dataclass(frozen=True)
class EndOfDayResult:
    result_code: int
    amount_minor: int | None
    currency: str | None
    count: int
    brands: tuple[BrandTotal, ...]
    first_receipt_no: int | None
    last_receipt_no: int | None
    trace_no: int | None
    when: datetime | None
    receipts: tuple[Receipt, ...] = ()


@dataclass(frozen=True)
class TerminalState:
    """The answer to a status enquiry (05 01): ready for a transaction, or what stops it."""

    ready: bool
    status_code: int
    terminal_id: str | None
    text: str


StatusCallback = Callable[[StatusMessage], None]
PrintCallback = Callable[[PrintOut], None]
SentCallback = Callable[[], None]


@dataclass
class Hooks:
    """Optional hooks of one call. `on_sent` fires when the terminal has the request (journal it)."""

    on_status: StatusCallback | None = None
    on_print: PrintCallback | None = None
    on_sent: SentCallback | None = None
    cancel: threading.Event | None = None
    # Filled in by the driver as the call goes: the last prompt and the receipts seen so far, so a
    # caller holding an exception can still show what the terminal said last.
    last_status: StatusMessage | None = field(default=None)


@runtime_checkable
class CardTerminal(Protocol):
    """One card terminal. Calls block until the terminal is done; run them off the GUI thread."""

    @property
    def name(self) -> str: ...

    def sale(self, amount_minor: int, currency: str, hooks: Hooks | None = None) -> CardResult: ...

    def refund(self, amount_minor: int, currency: str, hooks: Hooks | None = None) -> CardResult: ...

    def pre_authorise(self, amount_minor: int, currency: str, hooks: Hooks | None = None) -> CardResult: ...

    def capture(
        self,
        receipt_no: int,
        amount_minor: int,
        currency: str,
        *,
        trace_no: int | None = None,
        auth_code: str | None = None,
        hooks: Hooks | None = None,
    ) -> CardResult:
        """Book `amount_minor` (all or part) of a pre-authorisation; the rest is released."""
        ...

    def release(
        self, receipt_no: int, amount_minor: int, currency: str, *, partial: bool = False, hooks: Hooks | None = None
    ) -> CardResult:
        """Release a pre-authorisation: all of it, or (`partial`) `amount_minor` of it."""
        ...

    def reversal(self, receipt_no: int, hooks: Hooks | None = None) -> CardResult:
        """Void a sale of today's batch by its receipt number."""
        ...

    def repeat_last_receipt(self, hooks: Hooks | None = None) -> CardResult:
        """The last transaction the terminal completed, to resolve an `OutcomeUnknown`."""
        ...

    def end_of_day(self, hooks: Hooks | None = None) -> EndOfDayResult: ...

    def status(self) -> TerminalState: ...

    def abort(self) -> None:
        """Ask the terminal to abort whatever it does (outside a call: the cancel Event inside one)."""
        ...

    def register(self) -> TerminalState: ...

    def log_off(self) -> None: ...

    def close(self) -> None: ...
