"""Refusals of the fiscal register, as templates the desk translates."""

from __future__ import annotations

from desk.core.errors import N_, DeskError, Phrase

# What the clerk is told about the printer, by the hardware error's code (translated as phrases).
PRINTER_PROBLEMS = {
    "device.paper_out": N_("the printer is out of paper; load paper"),
    "device.cover_open": N_("the printer's cover is open; close it"),
    "device.offline": N_("the printer is offline or switched off; switch it on and check its cable"),
    "device.timeout": N_("the printer did not answer in time; check that it is on and connected"),
    "device.unplugged": N_("the printer was unplugged; plug it back in"),
    "device.busy": N_("the printer is used by another program"),
    "device.not_found": N_("the printer was not found; check the register's connection"),
    "device.printer_fault": N_("the printer reports an error; open and close its cover, or switch it off and on"),
    "device.cancelled": N_("printing was cancelled"),
}


def printer_problem(code: str, message: str) -> str:
    """The clerk's words for a printer's error: a translated phrase when the kind is known."""
    phrase = PRINTER_PROBLEMS.get(code)
    return Phrase(phrase) if phrase is not None else message


class FiscalShiftClosed(DeskError):
    """A receipt needs an open fiscal shift (it opens with the cash shift)."""


class FiscalShiftTooOld(DeskError):
    """Fiscal law: a shift open for more than 24 hours is closed (Z report) before the next sale."""


class PrinterNotReady(DeskError):
    """The printer refused the job before any of it was sent: nothing was issued or printed."""

    device_code = ""  # the hardware error's code (device.paper_out, device.cover_open, ...)


class ReceiptNotPrinted(DeskError):
    """The document was issued but its paper is cut or unsure: reprint it as a copy."""


class FiscalKeyProblem(DeskError):
    """The register's signing key, kept in a file outside the database, is missing, unreadable or
    another one: nothing is signed or printed until the right key file is in place."""


class FiscalAnchorNotWritten(DeskError):
    """The Z report's anchor could not be appended to the anchor file: the report waits for a reprint."""
