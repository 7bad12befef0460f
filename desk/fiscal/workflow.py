"""Fiscal receipts for payments, through the journal: intent first, then the register, then the events.

:func:`print_receipt` writes the intent (committed) before the register is asked, with the
intent's key as the register's idempotency id. The register issues the document (numbered,
signed, committed) and prints it. A crash or a line dropped between "sent" and the answer leaves
the intent open; :func:`reconcile_receipts` (at start-up and from the menu) asks the register
"did the document with this key get issued?" and settles or cancels it exactly once. A payment
that already has its receipt never gets a second one: a retry reprints the one it has, as a
COPY when any of it had reached paper.
"""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cash.models import ShiftCashMove, ShiftMoveKind
from desk.core.errors import DeskError, NotFound
from desk.core.money import Money
from desk.db.runner import Runner
from desk.devices.printers import PRINTERS, printer_settings
from desk.fiscal import chain
from desk.fiscal.content import build_receipt, issued_receipt
from desk.fiscal.errors import (
    PrinterNotReady,
    ReceiptNotPrinted,
    RegisterAnswerUnknown,
    RegisterNotSetUp,
    printer_problem,
)
from desk.fiscal.interface import Document, DocumentKind, Paper, Printed, RegisterInfo
from desk.fiscal.models import CashRegister, FiscalDocument
from desk.fiscal.receipts import validate_contact
from desk.fiscal.register import EscposFiscalRegister, register_info
from desk.fiscal.registers import atol
from desk.fiscal.registers.atol import AnswerLost, AtolClient, AtolRegister
from desk.fiscal.registers.erpnet import ErpNetClient, ErpNetRegister
from desk.fiscal.registers.kkmserver import KkmClient, KkmRegister
from desk.fiscal.settings import DRIVEN, RegisterKind, RegisterSettings, register_settings
from desk.hotel.country import register_format
from desk.journal import intents
from desk.journal.intents import EventType, IntentRequest, IntentState, IntentView, Resolution, Verdict
from desk.journal.models import JournalIntent
from desk.journal.steps import Answer, Performed, Progress, perform
from desk.ledger.lookup import get
from desk.ledger.models import Payment
from desk.people.auth import Actor
from desk.people.rights import Right, require
from hardware.escpos.owners import PrinterLease, PrinterOwners
from hardware.interfaces import ReceiptPrinter

KIND = "fiscal_receipt"

PrinterFactory = Callable[[RegisterInfo], ReceiptPrinter]
# Any register the desk drives: our printer with our journal, or a registered one behind its vendor's server.
AnyRegister = EscposFiscalRegister | AtolRegister


def printer_from_register(info: RegisterInfo) -> ReceiptPrinter:
    from hardware.escpos import printer_from_url

    return printer_from_url(info.device, profile=info.profile, paper_mm=info.paper_mm,
                            text_as_image=info.text_as_image)


class Registers:
    """Each register's printer in this process, leased from the printer's one owner (made on first use).

    The register's printer is the one assigned to it in the asking workstation's Devices, the same
    physical printer the workstation's device hub asks for statuses and drawer kicks: both lease it
    from :data:`desk.devices.printers.PRINTERS`, so their jobs queue on one worker and one
    connection. A register whose printer changed gets a new lease; the old one is released (and
    closed, when nobody else holds it). A register with no printer there prints nothing.
    """

    def __init__(self, factory: PrinterFactory = printer_from_register, owners: PrinterOwners = PRINTERS, *,
                 job_timeout: float = 60.0, status_timeout: float = 10.0,
                 kkm_client: Callable[[str], KkmClient] = KkmClient) -> None:
        self.factory = factory
        self.owners = owners
        self.job_timeout = job_timeout
        self.status_timeout = status_timeout
        # KKM-server's client by the server's address; a test passes one with shorter waits than a real register's.
        self.kkm_client = kkm_client
        self._held: dict[tuple[str, str], tuple[tuple[str, str, int, bool], PrinterLease, threading.Lock]] = {}
        self._lock = threading.Lock()
        self._clients: dict[str, AtolClient] = {}
        self._kkm_clients: dict[str, KkmClient] = {}
        self._erpnet_clients: dict[str, ErpNetClient] = {}

    def register(self, runner: Runner, actor: Actor, code: str) -> AnyRegister:
        """The register ``code`` as its kind drives it (see desk.fiscal.settings)."""
        settings = runner.read(register_settings, code)
        if settings.kind is RegisterKind.ESCPOS:
            return self.printer_register(runner, actor, code)
        if settings.kind not in DRIVEN:
            raise RegisterNotSetUp("{register} is a {kind} register, which this desk does not drive yet",
                                   register=code, kind=settings.kind.value)
        language = runner.read(lambda session: register_format(session, code).language)
        if settings.kind is RegisterKind.KKMSERVER:
            return KkmRegister(runner, actor, settings, self._kkm_client(settings), language=language)
        if settings.kind is RegisterKind.ERPNET:
            return ErpNetRegister(runner, actor, settings, self._erpnet_client(settings), language=language)
        return AtolRegister(runner, actor, settings, self._client(settings), language=language)

    def _client(self, settings: RegisterSettings) -> AtolClient:
        with self._lock:  # one connection pool per server, whoever asks
            client = self._clients.get(settings.address)
            if client is None:
                client = self._clients[settings.address] = AtolClient(settings.address)
            return client

    def _kkm_client(self, settings: RegisterSettings) -> KkmClient:
        with self._lock:
            client = self._kkm_clients.get(settings.address)
            if client is None:
                client = self._kkm_clients[settings.address] = self.kkm_client(settings.address)
            return client

    def _erpnet_client(self, settings: RegisterSettings) -> ErpNetClient:
        with self._lock:
            client = self._erpnet_clients.get(settings.address)
            if client is None:
                client = self._erpnet_clients[settings.address] = ErpNetClient(settings.address)
            return client

    def printer_register(self, runner: Runner, actor: Actor, code: str) -> EscposFiscalRegister:
        info = runner.read(register_info, code, actor.workstation)
        held_as = (actor.workstation, code)
        if not info.device:
            with self._lock:
                gone = self._held.pop(held_as, None)
            if gone is not None:
                gone[1].release()
            raise PrinterNotReady("{register} has no printer on {workstation}: a manager assigns one in Devices",
                                  register=code, workstation=actor.workstation)
        wanted = (info.device, info.profile, info.paper_mm, info.text_as_image)
        stale: PrinterLease | None = None
        with self._lock:
            known = self._held.get(held_as)
            if known is None or known[0] != wanted:
                try:
                    printer = self.factory(info)
                except (ValueError, OSError) as exc:  # settings spelt wrong, or a port that is not there
                    raise PrinterNotReady("The printer of {register} is not set up: {problem}", register=code,
                                          problem=str(exc)) from exc
                if known is not None:
                    stale = known[1]
                lease = self.owners.lease(printer, job_timeout=self.job_timeout, status_timeout=self.status_timeout)
                known = (wanted, lease, known[2] if known is not None else threading.Lock())
                self._held[held_as] = known
        if stale is not None:
            stale.release()
        return EscposFiscalRegister(runner, actor, info, known[1].blocking(), lock=known[2])

    def close(self) -> None:
        with self._lock:
            held = list(self._held.values())
            self._held.clear()
            clients: list[AtolClient | KkmClient | ErpNetClient] = [
                *self._clients.values(), *self._kkm_clients.values(), *self._erpnet_clients.values()]
            self._clients.clear()
            self._kkm_clients.clear()
            self._erpnet_clients.clear()
        for client in clients:
            client.close()
        for _wanted, lease, _lock in held:
            lease.release()


REGISTERS = Registers()


@dataclass(frozen=True)
class ReceiptOutcome:
    """How a receipt ended for the clerk: its document (if issued), its paper, and what went wrong."""

    state: IntentState | None
    document: Document | None = None
    paper: Paper | None = None
    copy: bool = False
    already: bool = False  # the payment had its receipt already: nothing new was issued
    problem: DeskError | None = None  # what to tell the clerk (translated by ui)
    printed_before: bool = False  # a reprint found it printed whole meanwhile: nothing went on paper now

    @property
    def printed(self) -> bool:
        return self.paper is Paper.PRINTED


class _Resolver:
    """Asks the register whether the intent's document was issued: our journal for our printer's register, the
    register itself for a registered one (by our key, then by its fiscal storage); nothing to settle in the
    ledger."""

    def __init__(self, runner: Runner, actor: Actor | None = None, registers: Registers | None = None) -> None:
        self.runner = runner
        self.actor = actor
        self.registers = registers

    def did_it_happen(self, intent: IntentView) -> Resolution:
        document = self.runner.read(chain.document_by_key, intent.key)
        if document is not None:
            return Resolution(Verdict.HAPPENED, _payload(document), EventType.PRINTED)
        code = intent.request.get("register") or intent.device
        if self.runner.read(_kind_of, code) is RegisterKind.ESCPOS:
            return Resolution(Verdict.DID_NOT_HAPPEN, {"asked": "register"})
        if self.actor is None or self.registers is None:
            return Resolution(Verdict.STILL_UNKNOWN, {"asked": "nobody"})
        register = self.registers.register(self.runner, self.actor, code)
        if not isinstance(register, AtolRegister):
            return Resolution(Verdict.STILL_UNKNOWN, {"asked": "nobody"})
        asked = register.ask(intent.key, intent.request)
        if asked.document is not None:
            return Resolution(Verdict.HAPPENED, _payload(asked.document), EventType.PRINTED)
        if asked.issued_none:
            return Resolution(Verdict.DID_NOT_HAPPEN, {"asked": "register"})
        return Resolution(Verdict.STILL_UNKNOWN, {"asked": "register", "check": code})

    def settle(self, session: Session, actor: Actor, intent: IntentView) -> int | None:
        return None  # the document row already names its payment


def _payload(document: Document, printed: Printed | None = None) -> dict[str, Any]:
    paper = printed.paper if printed is not None else document.paper
    return {"number": document.number, "shift": document.shift, "register": document.register,
            "paper": paper.value if paper is not None else "unknown",
            "error": printed.error if printed is not None else ""}


def _kind_of(session: Session, code: str) -> RegisterKind:
    row = session.get(CashRegister, code)
    return RegisterKind(row.kind) if row is not None and row.kind else RegisterKind.ESCPOS


def _registered_call(register: AnyRegister, key: str, request: dict[str, Any], call: Callable[[], Printed]) -> Printed:
    """The register's call; a registered register whose answer was lost is asked at once by our key, and
    only what it cannot tell is left open for reconciliation."""
    try:
        return call()
    except AnswerLost:
        if not isinstance(register, AtolRegister):
            raise
        asked = register.ask(key, request)
        if asked.document is not None:
            return Printed(asked.document, asked.document.paper or Paper.PRINTED)
        if asked.issued_none:
            raise RegisterNotSetUp("Register {register} did not issue the document; try again",
                                   register=register.code) from None
        raise


def _payment_facts(session: Session, payment_id: int) -> tuple[int, int | None]:
    payment = get(session, Payment, payment_id, "Payment")
    return payment.folio_id, payment.bill_id


def print_receipt(runner: Runner, actor: Actor, payment_id: int, register_code: str, *,
                  tendered: Money | None = None, progress: Progress | None = None,
                  cancel: threading.Event | None = None, registers: Registers = REGISTERS, email: str = "",
                  phone: str = "") -> ReceiptOutcome:
    """Print the sale or refund receipt of a payment on a register (see the module's docstring).

    Refusals known before the register is asked (not a fiscal payment, no shift, a shift over 24 h)
    are raised; what the printer says is in the outcome. ``email`` or ``phone`` (the e-mail first) goes to
    a registered register for the electronic receipt.
    """
    email, phone = validate_contact(email, phone)
    receipt = dataclasses.replace(runner.read(build_receipt, payment_id, tendered, register_code),
                                  contact=email or phone)
    register = registers.register(runner, actor, register_code)
    existing = runner.read(chain.receipt_of_payment, payment_id, receipt.kind)
    if existing is None and isinstance(register, AtolRegister):
        existing = runner.read(atol.receipt_of_payment, payment_id, receipt.kind)
    if existing is not None:
        if existing.paper is Paper.PRINTED:
            return ReceiptOutcome(None, existing, Paper.PRINTED, already=True)
        if progress is not None:
            progress("Printing the receipt again")
        try:
            printed = register.reprint(existing, cancel)
        except DeskError as exc:
            return ReceiptOutcome(None, existing, existing.paper, problem=exc)
        return _outcome(None, printed, already=True)
    asked_before: dict[str, Any] = {}
    if isinstance(register, AtolRegister):
        if runner.read(intents.unresolved_intent, [KIND], JournalIntent.payment_id == payment_id) is not None:
            # Its register may have issued it: only the register's answer (Check receipts) settles it, never a
            # second document.
            raise RegisterAnswerUnknown(
                "The receipt of this payment is still unanswered by register {register}: look at its last "
                "receipt on the register, then use Shift → Check receipts; it is not issued again before",
                register=f"{register.settings.name} ({register.code})")
        asked_before = register.prepare(receipt, cancel)  # its refusals, and its storage's count for a lost answer
    else:
        runner.read(chain.check_receipt_shift, actor.workstation, register_code)
    folio_id, bill_id = runner.read(_payment_facts, payment_id)
    total = Money.of(receipt.total, receipt.currency)
    request = IntentRequest(
        kind=KIND, device=register_code, amount=total, folio_id=folio_id,
        bill_id=bill_id, payment_id=payment_id, key=uuid.uuid4().hex,
        request={"payment_id": payment_id, "receipt": receipt.kind.value, "register": register_code,
                 "total": str(total), **asked_before},
    )
    seen: dict[str, Any] = {}

    def device_call(intent: IntentView, progress: Progress, cancel: threading.Event) -> Answer:
        return _call(intent, progress, cancel)

    def _call(intent: IntentView, report: Progress, cancel_event: threading.Event) -> Answer:
        report("Printing the receipt")
        issue = register.sale if receipt.kind is DocumentKind.SALE else register.refund
        try:
            printed = _registered_call(register, intent.key, intent.request,
                                       lambda: issue(intent.key, receipt, cancel_event))
        except DeskError as exc:
            return _refused(register, intent, exc, seen)
        seen["printed"] = printed
        return Answer(EventType.PRINTED, _payload(printed.document, printed))

    # An ErpNet.FP sale takes its unique sale number with its intent, in one transaction.
    record = register.record_intent if isinstance(register, ErpNetRegister) else intents.record_intent
    performed = perform(runner, actor, request, device_call, _Resolver(runner, actor, registers), progress=progress,
                        cancel=cancel, record=record)
    return _printed_outcome(performed, seen, register)


def _refused(register: AnyRegister, intent: IntentView, exc: DeskError, seen: dict[str, Any]) -> Answer:
    """A refusal before anything was issued (the printer not ready, no shift, the key) did not happen. One
    that came after the register issued a document under the intent's key (the database failing while its
    print was recorded) says nothing of how it ended: raised, it leaves the intent unknown for
    reconciliation, which asks the register by that key."""
    if register.find(intent.key) is not None:
        raise exc
    seen["problem"] = exc
    return Answer(EventType.FAILED, {"error": exc.message, "code": exc.code})


def _printed_outcome(performed: Performed, seen: dict[str, Any], register: AnyRegister) -> ReceiptOutcome:
    """How a document's printing ended, from what the device call saw and what the journal settled."""
    done: Printed | None = seen.get("printed")
    if done is not None:
        return _outcome(performed.state, done)
    problem = seen.get("problem")
    if problem is None and performed.error and isinstance(register, AtolRegister):
        problem = ReceiptNotPrinted(
            "Register {register} did not say whether it issued the document. Look at its last receipt on the "
            "register; the desk asks it again at the next start or with Shift → Check receipts, and when it still "
            "cannot tell, a manager settles it from the register's report in Shift → Pending register documents. Do "
            "not issue it again by hand", register=f"{register.settings.name} ({register.code})")
    elif problem is None and performed.error:
        problem = ReceiptNotPrinted(
            "The register gave no clear answer. The receipt will be checked with the register at the "
            "next start, or use Shift → Check receipts now; do not print it again by hand")
    return ReceiptOutcome(performed.state, problem=problem)


def _outcome(state: IntentState | None, printed: Printed, *, already: bool = False) -> ReceiptOutcome:
    problem = None
    if printed.paper is Paper.CUT:
        problem = ReceiptNotPrinted(
            "Receipt {number} was cut short: {error}. Fix the printer and press Retry: it is printed again "
            "whole, marked COPY", number=f"{printed.document.number:07d}", error=_why(printed))
    elif printed.paper is Paper.UNKNOWN:
        problem = ReceiptNotPrinted(
            "Receipt {number} may not have printed whole: {error}. Check the printer and press Retry: it is "
            "printed again, marked COPY", number=f"{printed.document.number:07d}", error=_why(printed))
    elif printed.paper is Paper.FAILED:
        problem = ReceiptNotPrinted(
            "Receipt {number} was issued but not printed: {error}. Fix the printer and press Retry",
            number=f"{printed.document.number:07d}", error=_why(printed))
    return ReceiptOutcome(state, printed.document, printed.paper, printed.copy, already, problem)


def _why(printed: Printed) -> str:
    return printer_problem(printed.error_code, printed.error)


# --- reconciliation and reprints ----------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptCheck:
    """What a check of the receipts found: intents settled or closed, and documents to reprint."""

    settled: int = 0
    cancelled: int = 0  # payments' receipts never issued: printed from the card
    still_unknown: int = 0
    waiting: tuple[Document, ...] = field(default_factory=tuple)
    failed: int = 0  # intents whose check itself failed (logged): left open, not "all clean"
    cancelled_moves: int = 0  # cash in or out never issued: issued with the shift's next paper

    @property
    def clean(self) -> bool:
        return not (self.still_unknown or self.waiting or self.failed)


def reconcile_receipts(runner: Runner, actor: Actor, *, registers: Registers = REGISTERS) -> ReceiptCheck:
    """Resolve this workstation's open receipt intents by asking the register, each exactly once;
    then list the documents whose paper is cut or unsure (the clerk reprints them as copies)."""
    moves = {intent.id for intent in runner.read(intents.unresolved, actor.workstation)
             if intent.kind == KIND and "move_id" in intent.request}
    result = intents.reconcile(runner, {KIND: _Resolver(runner, actor, registers)}, actor,
                               workstation=actor.workstation)
    waiting = tuple(runner.read(chain.waiting_for_reprint))
    closed_moves = len(set(result.closed) & moves)
    return ReceiptCheck(len(result.settled), len(result.closed) - closed_moves, len(result.still_unknown), waiting,
                        len(set(result.errors) - set(result.still_unknown)), closed_moves)


def reprint_right(kind: DocumentKind) -> Right:
    """Who may print a document again: a sale or refund receipt whoever may ask for one; the shift's own
    paper (its opening, cash in and out, the X and Z reports) whoever runs the cash shift."""
    return Right.REQUEST_RECEIPT if kind in chain.RECEIPT_KINDS else Right.RUN_CASH_SHIFT


def reprint(runner: Runner, actor: Actor, document_id: int, *, cancel: threading.Event | None = None,
            registers: Registers = REGISTERS) -> ReceiptOutcome:
    """Print a document waiting for it again, whole (as a COPY once any of it reached paper).

    Refused (MissingRight) before the printer is asked when the actor may not; what the printer says is in
    the outcome."""
    document = runner.read(_document, document_id)
    require(actor, reprint_right(document.kind))
    try:
        register = registers.register(runner, actor, document.register)
        printed = register.reprint(document, cancel)
    except DeskError as exc:
        return ReceiptOutcome(None, document, document.paper, problem=exc)
    if printed.paper is Paper.PRINTED and not printed.bytes_sent:
        return ReceiptOutcome(None, printed.document, Paper.PRINTED, already=True, printed_before=True)
    return _outcome(None, printed, already=True)


def print_copy(runner: Runner, actor: Actor, payment_id: int, *, cancel: threading.Event | None = None,
               registers: Registers = REGISTERS) -> Printed:
    """A copy of the payment's receipt on the register that issued it, marked as a copy, no new fiscal document.

    Refused (MissingRight) before the register is asked when the actor may not ask for a receipt. Each kind copies
    what it can: our ESC/POS register any receipt of its journal, KKM-server any receipt of the fiscal storage
    (GetDataCheck), ATOL and a Bulgarian printer their last receipt only (an older one is refused, saying where
    to read it). A register that does not answer is unreachable; nothing is written either way."""
    require(actor, Right.REQUEST_RECEIPT)
    document = runner.read(_issued_receipt, payment_id)
    if document is None:
        raise NotFound("Payment {payment} has no fiscal receipt to copy", payment=payment_id)
    register = registers.register(runner, actor, document.register)
    return register.copy(document.number, cancel)


def _issued_receipt(session: Session, payment_id: int) -> Document | None:
    for kind in (DocumentKind.SALE, DocumentKind.REFUND):
        found = issued_receipt(session, payment_id, kind)
        if found is not None:
            return found
    return None


def reprint_waiting(runner: Runner, actor: Actor, document_ids: Sequence[int], *,
                    cancel: threading.Event | None = None, registers: Registers = REGISTERS) -> list[ReceiptOutcome]:
    """Print each document again, in order, until the printer refuses one before printing (out of paper,
    off, no printer, cancelled): the others would meet the same refusal, and keep waiting."""
    outcomes = []
    for document_id in document_ids:
        outcome = reprint(runner, actor, document_id, cancel=cancel, registers=registers)
        outcomes.append(outcome)
        if isinstance(outcome.problem, PrinterNotReady):
            break
    return outcomes


def _document(session: Session, document_id: int) -> Document:

    row = get(session, FiscalDocument, document_id, "Fiscal document")
    return chain.document_view(session, row)


# --- the register's shift, tied to the cash shift ---------------------------------------------


def shift_register(session: Session, workstation: str) -> str | None:
    """The register the workstation's drawer documents go to: the first its printers print for, else a registered
    register set to follow this workstation's cash shift."""
    code = next((p.register_code for p in printer_settings(session, workstation) if p.register_code is not None), None)
    if code is not None:
        return code
    return session.scalars(select(CashRegister.code).where(CashRegister.workstation == workstation,
                                                           CashRegister.kind != RegisterKind.ESCPOS.value)
                           .order_by(CashRegister.code)).first()


@dataclass(frozen=True)
class _ShiftPaper:
    register: str | None
    opening_float: tuple[str, ...]  # "EUR 200.00", per currency counted in
    moves: tuple[tuple[int, ShiftMoveKind, str, str], ...]  # id, kind, amount, reason: still without a document
    to_reprint: tuple[Document, ...]  # moves' documents whose paper was cut, unsure or never printed


def _shift_paper(session: Session, workstation: str, cash_shift_id: int) -> _ShiftPaper:
    moves = session.scalars(select(ShiftCashMove).where(ShiftCashMove.shift_id == cash_shift_id)
                            .order_by(ShiftCashMove.id)).all()
    documented = chain.documented_moves(session, cash_shift_id) | atol.documented_moves(session, cash_shift_id)
    # A move whose print has no answer yet waits for Check receipts: asked again, it could print twice.
    asked = {intent.request.get("move_id") for intent in intents.unresolved(session, workstation)
             if intent.kind == KIND}
    return _ShiftPaper(
        shift_register(session, workstation),
        tuple(str(m.amount) for m in moves if m.kind is ShiftMoveKind.FLOAT),
        tuple((m.id, m.kind, str(m.amount), m.reason) for m in moves
              if m.kind is not ShiftMoveKind.FLOAT and m.id not in documented and m.id not in asked),
        tuple(d for d in chain.move_documents(session, cash_shift_id)
              if d.paper is not Paper.PRINTED and d.content["body"].get("move_id") not in asked),
    )


def print_shift_documents(runner: Runner, actor: Actor, cash_shift_id: int, *, opening: bool = True,
                          cancel: threading.Event | None = None,
                          registers: Registers = REGISTERS) -> list[ReceiptOutcome]:
    """Put the cash shift's fiscal documents on the workstation's register: the shift's opening (with
    the float), every cash in or out that has no document yet, and again (as a COPY) every one whose
    paper was cut or is unsure.

    The opening is one per register shift whatever its key. Each cash move goes through the journal
    as a receipt does (intent committed, then the register, resolved by asking the register for the
    intent's key), and is printed once: a repeat (after a printer fault, or at closing) issues only what
    is missing."""
    paper = runner.read(_shift_paper, actor.workstation, cash_shift_id)
    if paper.register is None:
        return []
    try:
        register = registers.register(runner, actor, paper.register)
    except DeskError as exc:  # a printer not set up: the shift's record stands, its paper waits
        return [ReceiptOutcome(None, problem=exc)]
    outcomes = []
    if opening:
        try:
            outcomes.append(_outcome(None, register.open_shift(f"open-{paper.register}-cash-{cash_shift_id}", cancel,
                                                               opening_float=paper.opening_float)))
        except DeskError as exc:
            outcomes.append(ReceiptOutcome(None, problem=exc))
    for document in paper.to_reprint:  # issued once, but its paper is owed: whole again, marked COPY
        try:
            outcomes.append(_outcome(None, register.reprint(document, cancel), already=True))
        except DeskError as exc:
            outcomes.append(ReceiptOutcome(None, document, document.paper, problem=exc))
    for move_id, kind, amount, reason in paper.moves:
        outcomes.append(_print_move(runner, actor, register, move_id, kind, amount, reason, cancel, registers))
    return outcomes


def _print_move(runner: Runner, actor: Actor, register: AnyRegister, move_id: int, kind: ShiftMoveKind,
                amount: str, reason: str, cancel: threading.Event | None, registers: Registers) -> ReceiptOutcome:
    issue = register.cash_in if kind is ShiftMoveKind.CASH_IN else register.cash_out
    request = IntentRequest(kind=KIND, device=register.code, amount=Money.parse(amount), key=uuid.uuid4().hex,
                            request={"document": kind.value, "move_id": move_id, "register": register.code,
                                     "total": amount})
    seen: dict[str, Any] = {}

    def device_call(intent: IntentView, report: Progress, cancel_event: threading.Event) -> Answer:
        report("Printing the receipt")
        try:
            printed = _registered_call(register, intent.key, intent.request,
                                       lambda: issue(intent.key, amount, reason, cancel_event, move_id=move_id))
        except DeskError as exc:
            return _refused(register, intent, exc, seen)
        seen["printed"] = printed
        return Answer(EventType.PRINTED, _payload(printed.document, printed))

    performed = perform(runner, actor, request, device_call, _Resolver(runner, actor, registers), cancel=cancel)
    return _printed_outcome(performed, seen, register)


def close_register_shifts(runner: Runner, actor: Actor, cash_shift_id: int, *,
                          cancel: threading.Event | None = None,
                          registers: Registers = REGISTERS) -> list[ReceiptOutcome]:
    """Print the Z report on every register whose shift opened with this cash shift (ending it).

    Cash moves whose document did not print before are issued first, so the Z counts them."""
    registered = _registered_close(runner, actor, cash_shift_id, cancel, registers)
    if registered is not None:
        return registered
    outcomes = []
    if runner.read(_register_shift_of, actor.workstation, cash_shift_id):
        outcomes = [o for o in print_shift_documents(runner, actor, cash_shift_id, opening=False, cancel=cancel,
                                                     registers=registers) if o.problem is not None]
    for code, number in runner.read(_shifts_of_cash_shift, cash_shift_id):
        try:  # a register without its printer here waits for its Z; the others still print theirs
            register = registers.register(runner, actor, code)
            printed = register.close_shift(f"z-{code}-{number}", cancel)
        except DeskError as exc:
            outcomes.append(ReceiptOutcome(None, problem=exc))
            continue
        outcomes.append(_outcome(None, printed))
    return outcomes


def _registered_close(runner: Runner, actor: Actor, cash_shift_id: int, cancel: threading.Event | None,
                      registers: Registers) -> list[ReceiptOutcome] | None:
    """The Z of the workstation's registered register (None: it has none): its cash moves first, then the Z
    whenever the register's shift is open, whoever opened it; the Z ends the register's shift over 24 hours too."""
    code = runner.read(shift_register, actor.workstation)
    if code is None or runner.read(_kind_of, code) is RegisterKind.ESCPOS:
        return None
    try:
        register = registers.register(runner, actor, code)
        assert isinstance(register, AtolRegister)
        if register.shift_state(cancel)["state"] == "closed":
            return []
        outcomes = [o for o in print_shift_documents(runner, actor, cash_shift_id, opening=False, cancel=cancel,
                                                     registers=registers) if o.problem is not None]
        key = f"z-{code}-cash-{cash_shift_id}"
        printed = _registered_call(register, key, {"document": DocumentKind.Z_REPORT.value},
                                   lambda: register.close_shift(key, cancel))
    except AnswerLost:
        return [ReceiptOutcome(None, problem=ReceiptNotPrinted(
            "Register {register} did not say whether it printed the Z report: look at the register; closing the "
            "shift again asks it once more", register=code))]
    except DeskError as exc:
        return [ReceiptOutcome(None, problem=exc)]
    return [*outcomes, _outcome(None, printed)]


def x_report(runner: Runner, actor: Actor, register_code: str, *, cancel: threading.Event | None = None,
             registers: Registers = REGISTERS) -> ReceiptOutcome:
    try:
        register = registers.register(runner, actor, register_code)
        printed = register.x_report(uuid.uuid4().hex, cancel)
    except DeskError as exc:
        return ReceiptOutcome(None, problem=exc)
    return _outcome(None, printed)


def _register_shift_of(session: Session, workstation: str, cash_shift_id: int) -> bool:
    """Whether the workstation's register has its shift open with this cash shift (its Z is to come)."""
    code = shift_register(session, workstation)
    shift = chain.open_fiscal_shift(session, code) if code is not None else None
    return shift is not None and shift.cash_shift_id == cash_shift_id


def print_x_report(runner: Runner, actor: Actor, *, cancel: threading.Event | None = None,
                   registers: Registers = REGISTERS) -> list[ReceiptOutcome]:
    """The X report on the workstation's register, when it has one (the shift's figures on paper)."""
    code = runner.read(shift_register, actor.workstation)
    if code is None:
        return []
    return [x_report(runner, actor, code, cancel=cancel, registers=registers)]


def _shifts_of_cash_shift(session: Session, cash_shift_id: int) -> list[tuple[str, int]]:
    found = []
    for code in chain.registers_with_documents(session):
        shift = chain.open_fiscal_shift(session, code)
        if shift is not None and shift.cash_shift_id == cash_shift_id:
            found.append((code, shift.number))
    return found
