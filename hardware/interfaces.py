"""Device interfaces in plain values: what `desk/` programs against.

A receipt is a small document model (lines, label/amount rows, columns, rules, QR codes) that any
printer driver can lay out; amounts are integer minor units plus an ISO 4217 code, or strings the
caller already formatted. Drivers are synchronous and run on the device's worker thread
(`hardware.worker.DeviceWorker`); `hardware.escpos.queue.PrinterQueue` gives the Future-returning
face a GUI or a workflow uses.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol, runtime_checkable

from hardware.errors import CoverOpen, DeviceError, DeviceOffline, PaperOut, PrinterFault

Align = Literal["left", "center", "right"]

# Minor-unit exponents that are not 2 (ISO 4217); enough for the hotel currencies we meet.
_EXPONENTS = {"JPY": 0, "KRW": 0, "ISK": 0, "HUF": 2, "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3}


@dataclass(frozen=True)
class Amount:
    """Money as the device layer sees it: integer minor units and an ISO 4217 code."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not (len(self.currency) == 3 and self.currency.isalpha() and self.currency.isupper()):
            raise ValueError(f"currency must be an ISO 4217 code, not {self.currency!r}")
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("minor must be an int")

    @property
    def exponent(self) -> int:
        return _EXPONENTS.get(self.currency, 2)

    def format(self, *, with_currency: bool = True) -> str:
        """'1 234.50 BGN': a space between thousands, a point before the minor units."""
        sign = "-" if self.minor < 0 else ""
        units, minor = divmod(abs(self.minor), 10**self.exponent)
        text = f"{units:,}".replace(",", " ")
        if self.exponent:
            text += f".{minor:0{self.exponent}d}"
        return f"{sign}{text} {self.currency}" if with_currency else sign + text


Cell = str | Amount


def cell_text(value: Cell) -> str:
    return value.format() if isinstance(value, Amount) else value


# -- the document model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One paragraph; wrapped at the paper's width."""

    text: str
    align: Align = "left"
    bold: bool = False
    large: bool = False  # double width and height


@dataclass(frozen=True)
class Row:
    """A label on the left and a value on the right ("Room 101, 2 nights ..... 240.00 BGN")."""

    label: str
    value: Cell
    bold: bool = False


@dataclass(frozen=True)
class Columns:
    """A table row. `widths` are relative weights (default: equal); the last column is right-aligned
    unless `aligns` says otherwise."""

    cells: tuple[Cell, ...]
    widths: tuple[int, ...] | None = None
    aligns: tuple[Align, ...] | None = None
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    """A full-width line of one character."""

    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    data: str
    size: int = 6  # module size in dots, 1..16
    caption: str = ""


@dataclass(frozen=True)
class Feed:
    lines: int = 1


Block = Text | Row | Columns | Rule | QrCode | Feed


@dataclass(frozen=True)
class ReceiptDocument:
    """What to print. `copy=True` prints `copy_banner` at the top and bottom (a reprint); a document
    that marks its copy itself, in its own language, gives an empty `copy_banner`."""

    blocks: tuple[Block, ...]
    copy: bool = False
    copy_banner: str = "*** COPY ***"
    cut: bool = True
    kick_drawer: bool = False
    # Free text for the log and error messages ("sale receipt 0000123"); never printed.
    label: str = ""

    def as_copy(self) -> ReceiptDocument:
        return replace(self, copy=True, kick_drawer=False)


COPY_BANNER = ReceiptDocument.copy_banner


# -- status ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself (ESC/POS DLE EOT 1..4 on our drivers).

    `drawer_open` is None when the printer or its drawer does not report it.
    """

    online: bool
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    drawer_open: bool | None = None
    feed_button: bool = False
    cutter_error: bool = False
    unrecoverable_error: bool = False
    recoverable_error: bool = False  # e.g. head overheated; clears by itself
    raw: bytes = b""

    @property
    def ready(self) -> bool:
        return self.problem() is None

    def problem(self, *, device: str = "", **params: Any) -> DeviceError | None:
        """The error a job sent now would meet, or None. Order: the cause a clerk can fix first."""
        if self.cover_open:
            return CoverOpen(device=device, **params)
        if self.paper_out:
            return PaperOut(device=device, **params)
        if self.cutter_error:
            return PrinterFault("The printer's cutter is jammed. Open the cover, clear it and close it.",
                                device=device, **params)
        if self.unrecoverable_error:
            return PrinterFault("The printer reports an unrecoverable error. Switch it off and on.",
                                device=device, **params)
        if self.recoverable_error:
            return PrinterFault("The printer paused (print head too hot?). Wait a moment and try again.",
                                device=device, **params)
        if not self.online:
            return DeviceOffline("The printer is offline (paper feed button held, or an error).",
                                 device=device, **params)
        return None

    def describe(self) -> str:
        problem = self.problem()
        text = problem.message if problem else "Ready."
        if self.paper_near_end and not self.paper_out:
            text += " Paper is running low."
        if self.drawer_open is not None:
            text += " Drawer open." if self.drawer_open else " Drawer closed."
        return text


@dataclass(frozen=True)
class PrintResult:
    """A job that reached the printer whole and the printer was fine after it."""

    bytes_sent: int
    status_before: PrinterStatus | None
    status_after: PrinterStatus | None
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)


# -- protocols -------------------------------------------------------------------------------------


@runtime_checkable
class CashDrawer(Protocol):
    def kick_drawer(self, cancel: threading.Event | None = None) -> None:
        """Open the drawer (a pulse on the printer's drawer connector)."""
        ...

    def drawer_open(self, cancel: threading.Event | None = None) -> bool | None:
        """True/False when the printer reports it, None when it cannot tell."""
        ...


@runtime_checkable
class ReceiptPrinter(CashDrawer, Protocol):
    """A receipt printer. Calls block and must run on the printer's worker thread.

    `print_document` reads the status first (raising `CoverOpen`, `PaperOut`, `DeviceOffline`,
    `PrinterFault` before a byte is sent), sends the job with a timeout on every write, reads the
    status again and raises if the printer stopped: a `PaperOut` with `bytes_sent > 0` means the
    paper ran out mid-job, so reprint it whole with `document.as_copy()`. A `DeviceTimeout` or
    `DeviceOffline` with `bytes_sent > 0` means the outcome is unknown (the printer may have
    printed all of it): ask the clerk, reprint as a copy.
    """

    @property
    def name(self) -> str: ...

    @property
    def columns(self) -> int:
        """Characters per line in the normal font (32 on 58 mm paper, 42 or 48 on 80 mm)."""
        ...

    def status(self, cancel: threading.Event | None = None) -> PrinterStatus: ...

    def print_document(self, document: ReceiptDocument, cancel: threading.Event | None = None) -> PrintResult: ...

    def close(self) -> None: ...
