"""The first fiscal register: an ESC/POS receipt printer plus the workstation's fiscal journal.

The order of every document is what makes it safe:
1. the printer's status is read; a printer that is offline, out of paper or open refuses here,
   and nothing is issued;
2. the document is issued (numbered, signed, chained) and committed;
3. it is printed, and how that went is recorded. A print cut by paper-out mid-way, or whose end
   is unsure, leaves the document waiting for a reprint whole, as a COPY; it is never issued
   again. :meth:`find` answers for a key whatever happened after step 2.

The actor's standing (active, with the rights signed in with) is confirmed when the document is
issued, or before a copy or reprint is asked for, and no more once the printer has it
(``Runner.finish``): a clerk deactivated or demoted while the printer prints does not unprint the
original, which is recorded as it came out, in the clerk's name.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from desk.core.document_format import format_of_language
from desk.core.types import utcnow
from desk.db.runner import Runner
from desk.devices.printers import DEFAULT_PROFILE, register_printer
from desk.fiscal import chain
from desk.fiscal.anchors import write_anchor
from desk.fiscal.errors import FiscalAnchorNotWritten, printer_not_ready, refuse_unless_ready
from desk.fiscal.interface import (
    Document,
    DocumentKind,
    Paper,
    Printed,
    Receipt,
    RegisterInfo,
    RegisterStatus,
)
from desk.fiscal.models import CashRegister
from desk.fiscal.render import render_document
from desk.hotel.country import register_format
from desk.people.auth import Actor
from hardware.errors import Cancelled, CoverOpen, DeviceError, PaperOut, PrinterFault
from hardware.interfaces import ReceiptPrinter

# How often a caller waiting for the register's turn looks at its Cancel.
_TURN_POLL = 0.05


class EscposFiscalRegister:
    """A FiscalRegister on one ESC/POS printer; calls block (run them on a worker thread)."""

    def __init__(self, runner: Runner, actor: Actor, info: RegisterInfo, printer: ReceiptPrinter,
                 *, lock: threading.Lock | None = None) -> None:
        self.runner = runner
        self.actor = actor
        self._info = info
        self.printer = printer
        # One job at a time on the printer, whoever asks.
        self.lock = lock or threading.Lock()

    def info(self) -> RegisterInfo:
        return self._info

    @property
    def code(self) -> str:
        return self._info.code

    # -- status --------------------------------------------------------------------------------------

    def status(self, cancel: threading.Event | None = None) -> RegisterStatus:
        shift = self.runner.read(chain.open_fiscal_shift, self.code)
        waiting = self.runner.read(chain.waiting_for_reprint, self.code)
        last = self.runner.read(_last_number, self.code)
        try:
            with self.lock:
                printer = self.printer.status(cancel)
            words, ready = printer.describe(), printer.ready
        except DeviceError as exc:
            words, ready = exc.message, False
        return RegisterStatus(
            clock=utcnow(), shift_open=shift is not None, shift_number=shift.number if shift else None,
            shift_opened_at=shift.opened_at if shift else None, shift_expired=bool(shift and shift.expired),
            last_number=last, printer=words, printer_ready=ready,
            waiting_for_reprint=tuple(d.number for d in waiting),
        )

    # -- documents -----------------------------------------------------------------------------------

    def sale(self, key: str, receipt: Receipt, cancel: threading.Event | None = None) -> Printed:
        return self._receipt(key, receipt, DocumentKind.SALE, cancel)

    def refund(self, key: str, receipt: Receipt, cancel: threading.Event | None = None) -> Printed:
        return self._receipt(key, receipt, DocumentKind.REFUND, cancel)

    def _receipt(self, key: str, receipt: Receipt, kind: DocumentKind, cancel: threading.Event | None) -> Printed:
        if receipt.kind is not kind:
            raise ValueError(f"a {receipt.kind.value} receipt sent as {kind.value}")
        return self._issue_and_print(
            lambda: self.runner.run(chain.issue_receipt, self.actor, self.code, key, receipt).value, cancel)

    def open_shift(self, key: str, cancel: threading.Event | None = None, *,
                   opening_float: tuple[str, ...] = ()) -> Printed:
        return self._shift_document(key, DocumentKind.SHIFT_OPEN, {"float": list(opening_float)}, cancel)

    def x_report(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._shift_document(key, DocumentKind.X_REPORT, {}, cancel)

    def close_shift(self, key: str, cancel: threading.Event | None = None) -> Printed:
        return self._shift_document(key, DocumentKind.Z_REPORT, {}, cancel)

    def cash_in(self, key: str, amount: str, reason: str, cancel: threading.Event | None = None, *,
                move_id: int | None = None) -> Printed:
        return self._shift_document(key, DocumentKind.CASH_IN, _move_body(amount, reason, move_id), cancel)

    def cash_out(self, key: str, amount: str, reason: str, cancel: threading.Event | None = None, *,
                 move_id: int | None = None) -> Printed:
        return self._shift_document(key, DocumentKind.CASH_OUT, _move_body(amount, reason, move_id), cancel)

    def _shift_document(self, key: str, kind: DocumentKind, body: dict[str, Any],
                        cancel: threading.Event | None) -> Printed:
        return self._issue_and_print(
            lambda: self.runner.run(chain.issue_shift_document, self.actor, self.code, key, kind, body).value,
            cancel)

    def copy(self, number: int, cancel: threading.Event | None = None) -> Printed:
        document = self.runner.read(chain.document_by_number, self.code, number)
        # A copy is asked for anew: refused for a user who may no longer act, before any paper comes out.
        self.runner.run(chain.check_print, self.actor, document.id)
        with self._turn(cancel):
            self._ready_or_raise(cancel)
            return self._print(document, cancel, copy=True)

    def reprint(self, document: Document, cancel: threading.Event | None = None) -> Printed:
        """A document waiting for reprint: as a COPY once any of it reached paper, else as it was.

        One whose print ended whole while this one waited its turn (a print the clerk stopped waiting for,
        still running when the document was listed) is not printed again: ``bytes_sent`` 0 says so."""
        self.runner.run(chain.check_print, self.actor, document.id)  # as for a copy
        with self._turn(cancel):
            document = self.runner.read(chain.document_by_number, self.code, document.number)
            if document.paper is Paper.PRINTED:
                return Printed(document, Paper.PRINTED)
            self._ready_or_raise(cancel)
            return self._print(document, cancel, copy=document.maybe_on_paper)

    def find(self, key: str) -> Document | None:
        return self.runner.read(chain.document_by_key, key)

    # -- the three steps -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _turn(self, cancel: threading.Event | None) -> Iterator[None]:
        """The register to ourselves, waiting for another document's print (up to its job's timeout) only
        until Cancel: nothing is issued or printed before the turn comes."""
        while not self.lock.acquire(timeout=_TURN_POLL):
            if cancel is not None and cancel.is_set():
                raise printer_not_ready(self.code, Cancelled(device=self.printer.name, bytes_sent=0))
        try:
            yield
        finally:
            self.lock.release()

    def _issue_and_print(self, issue: Callable[[], Document], cancel: threading.Event | None) -> Printed:
        with self._turn(cancel):
            self._ready_or_raise(cancel)
            document = issue()
            if document.paper is not None:
                # Issued before (a retry with the same key, or of the same payment): never a second
                # document. Its paper is whatever it was; a cut or unsure one is reprinted as a copy.
                if document.paper is Paper.PRINTED:
                    return Printed(document, Paper.PRINTED)
                return self._print(document, cancel, copy=document.maybe_on_paper)
            return self._print(document, cancel, copy=False)

    def _ready_or_raise(self, cancel: threading.Event | None) -> None:
        try:
            status = self.printer.status(cancel)
        except DeviceError as exc:
            raise printer_not_ready(self.code, exc) from exc
        refuse_unless_ready(self.code, status, device=self.printer.name)

    def _print(self, document: Document, cancel: threading.Event | None, *, copy: bool) -> Printed:
        # Only after the actor's standing was confirmed (the document issued, or check_print): what
        # the printer did is recorded whatever the actor's standing has become while it printed.
        if document.kind is DocumentKind.Z_REPORT:
            # Outside the database before it is on paper: a Z whose anchor could not be kept waits
            # for its reprint (which tries again) rather than pretend the chain is anchored.
            try:
                write_anchor(document)
            except FiscalAnchorNotWritten as exc:
                self.runner.finish(chain.record_print, self.actor, document.id, copy, Paper.FAILED, 0, exc.message)
                raise
        receipt = render_document(document, format_of_language(self._info.language), copy=copy)
        try:
            result = self.printer.print_document(receipt, cancel)
        except DeviceError as exc:
            sent = int(exc.params.get("bytes_sent") or 0)
            if not sent and not exc.params.get("outcome_unknown"):
                paper = Paper.FAILED
            elif isinstance(exc, PaperOut | CoverOpen | PrinterFault):
                paper = Paper.CUT
            else:
                paper = Paper.UNKNOWN
            self.runner.finish(chain.record_print, self.actor, document.id, copy, paper, sent, exc.message)
            document = self.runner.read(chain.document_by_number, self.code, document.number)
            return Printed(document, paper, copy, exc.message, exc.code, sent)
        self.runner.finish(chain.record_print, self.actor, document.id, copy, Paper.PRINTED, result.bytes_sent)
        document = self.runner.read(chain.document_by_number, self.code, document.number)
        return Printed(document, Paper.PRINTED, copy, bytes_sent=result.bytes_sent)


def _move_body(amount: str, reason: str, move_id: int | None) -> dict[str, Any]:
    body: dict[str, Any] = {"amount": amount, "reason": reason}
    if move_id is not None:
        body["move_id"] = move_id  # the cash shift's move it documents: issued once per move
    return body


def _last_number(session: Any, register_code: str) -> int:
    row = chain.last_document(session, register_code)
    return row.number if row is not None else 0


def register_info(session: Any, code: str, workstation: str) -> RegisterInfo:
    """The register ``code`` with the printer assigned to it on ``workstation`` (Devices is the one place)."""
    register = session.get(CashRegister, code)
    if register is None:
        from desk.core.errors import InvalidInput

        raise InvalidInput("There is no cash register “{register}”", field="register", register=code)
    printer = register_printer(session, workstation, code)
    language = register_format(session, code).language
    if printer is None:
        return RegisterInfo(register.code, register.name, "", 80, language, DEFAULT_PROFILE)
    return RegisterInfo(register.code, register.name, printer.url, printer.paper_mm, language,
                        printer.profile, printer.name, printer.text_as_image)
