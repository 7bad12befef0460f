"""ESC/POS real-time status (DLE EOT n) encoded and decoded by our own code.

python-escpos reads only DLE EOT 1 (online) and 4 (paper); a receipt needs the cover and the error
states too. All four queries go out in one write and their four answers come back in order, so a
full status costs one round trip. Real-time commands are answered even while the printer is
offline or its buffer is full, which is what makes them usable between chunks of a job.
"""

from __future__ import annotations

from hardware.errors import ProtocolError
from hardware.interfaces import PrinterStatus
from hardware.transport.base import Transport

DLE_EOT = b"\x10\x04"
QUERY_PRINTER = DLE_EOT + b"\x01"
QUERY_OFFLINE_CAUSE = DLE_EOT + b"\x02"
QUERY_ERROR_CAUSE = DLE_EOT + b"\x03"
QUERY_PAPER = DLE_EOT + b"\x04"
QUERY_ALL = QUERY_PRINTER + QUERY_OFFLINE_CAUSE + QUERY_ERROR_CAUSE + QUERY_PAPER

# Every DLE EOT answer has bit 1 and bit 4 set, bits 0 and 7 clear; that tells an answer from noise.
_FIXED_MASK = 0b1001_0011
_FIXED_VALUE = 0b0001_0010

# DLE EOT 1
PRINTER_DRAWER_PIN3 = 0x04
PRINTER_OFFLINE = 0x08
PRINTER_WAITING_RECOVERY = 0x20
PRINTER_FEED_BUTTON = 0x40
# DLE EOT 2
OFFLINE_COVER_OPEN = 0x04
OFFLINE_FEEDING = 0x08
OFFLINE_PAPER_END_STOP = 0x20
OFFLINE_ERROR = 0x40
# DLE EOT 3
ERROR_RECOVERABLE = 0x04
ERROR_CUTTER = 0x08
ERROR_UNRECOVERABLE = 0x20
ERROR_AUTO_RECOVERABLE = 0x40
# DLE EOT 4
PAPER_NEAR_END = 0x0C
PAPER_END = 0x60


def valid_status_byte(value: int) -> bool:
    return value & _FIXED_MASK == _FIXED_VALUE


def decode_status(answer: bytes, *, drawer_open_when_high: bool | None = True) -> PrinterStatus:
    """Decode the four answers to `QUERY_ALL`.

    `drawer_open_when_high`: how the drawer's switch is wired to connector pin 3 (True: pin 3
    high means open, the common wiring; False: the reverse; None: no drawer sensor).
    """
    if len(answer) != 4:
        raise ProtocolError(f"Expected 4 status bytes, got {len(answer)}: {answer.hex(' ')}.")
    bad = [f"{b:02x}" for b in answer if not valid_status_byte(b)]
    if bad:
        raise ProtocolError(f"Not a DLE EOT status answer: {answer.hex(' ')} (bad: {' '.join(bad)}).")
    printer, offline, error, paper = answer
    drawer: bool | None = None
    if drawer_open_when_high is not None:
        pin3_high = bool(printer & PRINTER_DRAWER_PIN3)
        drawer = pin3_high if drawer_open_when_high else not pin3_high
    return PrinterStatus(
        online=not printer & PRINTER_OFFLINE,
        cover_open=bool(offline & OFFLINE_COVER_OPEN),
        paper_out=bool(paper & PAPER_END) or bool(offline & OFFLINE_PAPER_END_STOP),
        paper_near_end=bool(paper & PAPER_NEAR_END),
        drawer_open=drawer,
        feed_button=bool(printer & PRINTER_FEED_BUTTON) or bool(offline & OFFLINE_FEEDING),
        cutter_error=bool(error & ERROR_CUTTER),
        unrecoverable_error=bool(error & ERROR_UNRECOVERABLE),
        recoverable_error=bool(error & (ERROR_RECOVERABLE | ERROR_AUTO_RECOVERABLE)),
        raw=bytes(answer),
    )


def encode_status(status: PrinterStatus, *, drawer_open_when_high: bool = True) -> bytes:
    """The four bytes a printer in `status` answers to `QUERY_ALL` (the simulator's side)."""
    printer = offline = error = paper = _FIXED_VALUE
    pin3_high = bool(status.drawer_open) == drawer_open_when_high
    if pin3_high:
        printer |= PRINTER_DRAWER_PIN3
    if not status.online:
        printer |= PRINTER_OFFLINE
    if status.feed_button:
        printer |= PRINTER_FEED_BUTTON
    if status.cover_open:
        offline |= OFFLINE_COVER_OPEN
    if status.paper_out:
        offline |= OFFLINE_PAPER_END_STOP
        paper |= PAPER_END
    if status.paper_near_end:
        paper |= PAPER_NEAR_END
    if status.cutter_error or status.unrecoverable_error or status.recoverable_error:
        offline |= OFFLINE_ERROR
    if status.cutter_error:
        error |= ERROR_CUTTER
    if status.unrecoverable_error:
        error |= ERROR_UNRECOVERABLE
    if status.recoverable_error:
        error |= ERROR_AUTO_RECOVERABLE
    return bytes([printer, offline, error, paper])


def read_status(transport: Transport, timeout: float, *, drawer_open_when_high: bool | None = True) -> PrinterStatus:
    """Ask all four statuses and decode them; a late answer from before is dropped first."""
    transport.discard_input()
    transport.write(QUERY_ALL, timeout)
    answer = transport.read_exact(4, timeout)
    return decode_status(answer, drawer_open_when_high=drawer_open_when_high)
