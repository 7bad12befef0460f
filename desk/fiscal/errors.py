"""Refusals of the fiscal register, as templates the desk translates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.core.errors import N_, DeskError, Phrase

if TYPE_CHECKING:
    from hardware.errors import DeviceError
    from hardware.interfaces import PrinterStatus

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
    "register.not_printed": N_("the register recorded the receipt but did not print it; check its paper and cover"),
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


def printer_not_ready(register: str, problem: DeviceError) -> PrinterNotReady:
    """The refusal before anything is issued, whichever register's printer said ``problem``."""
    error = PrinterNotReady("The printer of {register} is not ready: {problem}", register=register,
                            problem=printer_problem(problem.code, problem.message))
    error.device_code = problem.code
    return error


def refuse_unless_ready(register: str, status: PrinterStatus, *, device: str) -> None:
    """Raise the refusal before anything is issued when ``status`` says a document sent now would not print."""
    problem = status.problem(device=device)
    if problem is not None:
        raise printer_not_ready(register, problem)


class ReceiptNotPrinted(DeskError):
    """The document was issued but its paper is cut or unsure: reprint it as a copy."""


class FiscalKeyProblem(DeskError):
    """The register's signing key, kept in a file outside the database, is missing, unreadable or
    another one: nothing is signed or printed until the right key file is in place."""


class FiscalAnchorNotWritten(DeskError):
    """The Z report's anchor could not be appended to the anchor file: the report waits for a reprint."""


# What the cashier does when a registered fiscal register refuses, by the register's own error (ATOL's libfptr
# codes); the register's own words are shown after it.
REGISTER_PROBLEMS = {
    44: N_("the register is out of paper: load a paper roll and try again"),
    45: N_("the register's cover is open: close it and try again"),
    46: N_("the register's printer reports a fault: switch the register off and on, then try again"),
    68: N_("the register's shift is over 24 hours: close the cash shift (Z report) and open a new one"),
    73: N_("the register's shift is closed: open the cash shift first"),
    83: N_("the register's shift is already open: close it with the cash shift's Z report first"),
    120: N_("the register's fiscal storage (FN) has expired: call the service centre to replace it; "
            "no receipt can be issued on this register until then"),
    121: N_("the register's fiscal storage (FN) is full: call the service centre to replace it; "
            "no receipt can be issued on this register until then"),
    137: N_("the register has not reached the fiscal data operator (OFD) for too long: check its internet "
            "connection and the OFD contract; receipts resume once its documents are sent"),
    143: N_("the register refused the taxation system: a manager checks the register's settings"),
    144: N_("the register refused a VAT rate: a manager checks the register's VAT codes"),
}


# What the cashier does when a Bulgarian fiscal printer refuses, by ErpNet.FP's standard codes (ErrorCodes.md,
# the same for every make of printer); the server's own words are shown after it.
PRINTER_REFUSALS = {
    "E201": N_("the fiscal printer's fiscal memory is full: call its service centre; no receipt can be issued on "
               "it until then"),
    "E206": N_("the fiscal printer's electronic journal is full: call its service centre"),
    "E301": N_("the fiscal printer is out of paper: load a paper roll and try again"),
    "E302": N_("the fiscal printer's cover is open: close it and try again"),
    "E303": N_("the fiscal printer's printing unit reports a fault: switch it off and on, then try again"),
    "E406": N_("the fiscal printer refused the payment: check the receipt's payment and try again"),
    "E407": N_("the fiscal printer refused an item of the receipt: a manager checks the item's name and price"),
    "E411": N_("the fiscal printer refused a tax group: a manager checks the register's VAT codes"),
    "E502": N_("the fiscal printer has had no Z report for 24 hours: close the cash shift (Z report) and open a "
               "new one"),
    "E503": N_("the fiscal printer has not reached the revenue agency (NRA) for three days: check its SIM card "
               "and mobile signal; receipts resume once its data are sent"),
}


# ErpNet.FP adds an error for every fault it finds, so ``ok`` false without one is an answer the desk does not
# understand: never read as ready.
UNEXPLAINED_NOT_READY = N_("its printer is not ready, and its answer does not say why: check the printer and its "
                           "server")


def printer_refusal(code: str, description: str) -> str:
    """The cashier's words for a Bulgarian fiscal printer's error code: what to do, when the code is known."""
    phrase = PRINTER_REFUSALS.get(code)
    return Phrase(phrase) if phrase is not None else description


def register_problem(code: int, description: str) -> str:
    """The cashier's words for a register's error: what to do, when the code is known."""
    phrase = REGISTER_PROBLEMS.get(code)
    return Phrase(phrase) if phrase is not None else description


class RegisterRefused(DeskError):
    """The fiscal register refused the document: nothing was issued."""

    register_code = 0  # the register's own error code


class RegisterUnreachable(DeskError):
    """The register's server could not be reached before anything was sent: nothing was issued."""


class RegisterNotSetUp(DeskError):
    """The register's settings lack what the document needs (a VAT code, its kind's driver): nothing was sent."""


class RefundWithoutOriginal(DeskError):
    """A refund receipt refers to its original sale receipt on the same register; without it, none is issued."""


class RegisterAnswerUnknown(DeskError):
    """The register was asked and its answer is lost; asking it again could not tell: check it by hand."""
