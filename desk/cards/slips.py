"""Card slips on the workstation's receipt printer, for terminals without a printer of their own.

The terminal sends its merchant and customer receipts as text; they are kept on the card record
(:func:`desk.cards.operations.settle_card_intent`). After an approved operation, and whenever the clerk asks
(**Print card slip** on the payment), :func:`print_card_slip` prints the customer's copy (and the
merchant's, where the terminal's settings say so) through the journal of device operations: an
intent committed before the printer is asked, then PRINTED or FAILED. The payment was settled
before any of this: a printer that is offline or out of paper never touches the money; the clerk
is told and prints the slip again from the payment.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CardRecord, CardRecordKind
from desk.cards.terminals import terminal_by_name
from desk.core.card_numbers import mask_card_numbers
from desk.core.errors import N_, DeskError, NotFound, Phrase
from desk.db.runner import Runner
from desk.devices.printers import DeviceFailed, DeviceHub, PrinterSetting
from desk.fiscal.errors import printer_problem
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentRequest, IntentState, IntentView, Resolution, Verdict
from desk.journal.steps import Answer, Progress, perform
from desk.people.auth import Actor
from desk.people.rights import Right, require
from hardware.errors import DeviceError
from hardware.interfaces import Feed, ReceiptDocument, Text

logger = logging.getLogger(__name__)

KIND = "card_slip"
CUSTOMER = "customer"
MERCHANT = "merchant"
# Receipt kinds the terminal sends: lines without a kind (ZVT 06 D1 print lines) are the guest's copy.
_GUEST_KINDS = ("customer", "unknown")
_SLIP_OPERATIONS = (CardRecordKind.SALE, CardRecordKind.REFUND, CardRecordKind.REVERSAL,
                    CardRecordKind.PRE_AUTHORISATION, CardRecordKind.CAPTURE, CardRecordKind.RELEASE)


# What the clerk reads when the printer's failure has no translated phrase of its own.
SLIP_PROBLEM_UNCLEAR = N_("the printer did not say what went wrong; check it")


class NoSlipPrinter(DeskError):
    """The workstation has no receipt printer to put the card slip on."""


class SlipNotPrinted(DeskError):
    """The card operation stands; only its paper slip is missing (the clerk prints it again)."""


@dataclass(frozen=True)
class Slip:
    """What a card record's slip holds: the copies to print, each the terminal's own lines."""

    record_id: int
    payment_id: int | None
    folio_id: int | None
    terminal: str
    own_printer: bool  # the terminal printed it itself: the desk prints only when asked
    copies: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class SlipOutcome:
    """How printing a slip ended: ``problem`` (translated by ui) when it did not reach paper whole."""

    state: IntentState | None
    printer: str = ""
    copies: int = 0
    skipped: bool = False  # nothing to print: the terminal prints itself, or it sent no receipt
    problem: DeskError | None = None

    @property
    def printed(self) -> bool:
        return self.problem is None and not self.skipped




def _record(session: Session, *, intent_id: int | None, payment_id: int | None,
            record_id: int | None = None) -> CardRecord | None:
    query = select(CardRecord).where(CardRecord.operation.in_(_SLIP_OPERATIONS))
    if record_id is not None:
        query = query.where(CardRecord.id == record_id)
    elif intent_id is not None:
        query = query.where(CardRecord.intent_id == intent_id)
    elif payment_id is not None:
        query = query.where(CardRecord.payment_id == payment_id)
    else:
        return None
    return session.scalar(query.order_by(CardRecord.id))


def card_slip(session: Session, *, intent_id: int | None = None, payment_id: int | None = None,
              record_id: int | None = None) -> Slip | None:
    """The slip of a card operation (by its journal intent or its card record, as a pre-authorisation
    is known) or of a card payment; None if it has none."""
    record = _record(session, intent_id=intent_id, payment_id=payment_id, record_id=record_id)
    if record is None:
        return None
    terminal = terminal_by_name(session, record.workstation, record.terminal)
    # A terminal since removed is assumed printerless: the slip is printed rather than lost.
    own_printer = terminal is not None and terminal.info.own_printer
    merchant_copy = terminal is not None and terminal.info.merchant_copy
    copies: list[tuple[str, tuple[str, ...]]] = []
    for receipt in record.receipts or []:
        kind = str(receipt.get("kind", "unknown"))
        lines = tuple(mask_card_numbers(str(line)) for line in receipt.get("lines") or ())
        if not lines:
            continue
        if kind in _GUEST_KINDS:
            copies.append((CUSTOMER, lines))
        elif kind == MERCHANT and merchant_copy:
            copies.append((MERCHANT, lines))
    copies.sort(key=lambda copy: copy[0] != CUSTOMER)  # the guest's first: they are waiting for it
    return Slip(record.id, record.payment_id, record.folio_id, record.terminal, own_printer, tuple(copies))


def has_card_slip(session: Session, payment_id: int) -> bool:
    """Whether **Print card slip** has anything to print for this payment."""
    slip = card_slip(session, payment_id=payment_id)
    return slip is not None and bool(slip.copies)


def payments_with_card_slip(session: Session, folio_id: int) -> frozenset[int]:
    """A folio's payments (and refunds) for which **Print card slip** has something to print."""
    ids = set(session.scalars(select(CardRecord.payment_id).where(
        CardRecord.folio_id == folio_id, CardRecord.operation.in_(_SLIP_OPERATIONS),
        CardRecord.payment_id.is_not(None))))
    return frozenset(payment_id for payment_id in ids if payment_id is not None and has_card_slip(session, payment_id))


def slip_printer(hub: DeviceHub) -> PrinterSetting | None:
    """The printer at the cash desk (the one with the drawer), else the workstation's first."""
    plan = hub.plan
    return hub.drawer_printer() or (plan[0] if plan else None)


def slip_document(lines: tuple[str, ...], *, reprint: bool, label: str) -> ReceiptDocument:
    blocks = [Text(line) for line in lines]
    return ReceiptDocument((*blocks, Feed(2)), copy=reprint, label=label)


class _Resolver:
    """A slip is paper only: one whose end nobody saw is closed, and the clerk prints it again if needed."""

    def did_it_happen(self, intent: IntentView) -> Resolution:
        return Resolution(Verdict.DID_NOT_HAPPEN, {"asked": "nobody: a slip leaves no trace in the printer"})

    def settle(self, session: Session, actor: Actor, intent: IntentView) -> int | None:
        return None


def close_unfinished_slips(runner: Runner, actor: Actor) -> journal.Reconciled:
    """Close this workstation's slips whose end nobody saw (the program died printing); a slip printing
    now in this process is left alone."""
    return journal.reconcile(runner, {KIND: _Resolver()}, actor, workstation=actor.workstation, kinds={KIND})


def print_card_slip(runner: Runner, actor: Actor, hub: DeviceHub, *, intent_id: int | None = None,
                    payment_id: int | None = None, record_id: int | None = None, reprint: bool = False,
                    progress: Progress | None = None, cancel: threading.Event | None = None) -> SlipOutcome:
    """Print a card operation's slip (see the module docstring).

    Automatically (``reprint`` False) only for a terminal without its own printer, and once per
    operation: the intent's key is the card record's. ``reprint`` prints it again, marked COPY;
    ``record_id`` names an operation without a payment (a pre-authorisation's hold).
    """
    require(actor, Right.TAKE_PAYMENT)
    close_unfinished_slips(runner, actor)
    slip = runner.read(card_slip, intent_id=intent_id, payment_id=payment_id, record_id=record_id)
    if slip is None:
        if reprint and record_id is not None:
            raise NotFound("This card operation has no slip to print")
        if reprint:
            raise NotFound("Payment {payment} has no card slip", payment=payment_id)
        return SlipOutcome(None, skipped=True)
    if (slip.own_printer and not reprint) or not slip.copies:
        return SlipOutcome(None, skipped=True)
    if not hub.plan:
        runner.read(hub.load)
    setting = slip_printer(hub)
    if setting is None:
        return SlipOutcome(None, problem=NoSlipPrinter(
            "No receipt printer is set up on {workstation} for the card slip", workstation=actor.workstation))
    key = f"slip:{slip.record_id}:{uuid.uuid4().hex if reprint else 'auto'}"
    request = IntentRequest(kind=KIND, device=setting.name, folio_id=slip.folio_id, payment_id=slip.payment_id,
                            key=key, request={"record": slip.record_id, "copies": [c[0] for c in slip.copies],
                                              "reprint": reprint})
    printed: dict[str, Any] = {"copies": 0, "called": False}
    # One bound for all copies together: a slip never waits longer than one receipt behind the queue.
    queued_until = time.monotonic() + hub.queue_timeout

    def device_call(_intent: IntentView, progress: Progress, cancel: threading.Event) -> Answer:
        printed["called"] = True
        progress("printing_slip")
        for kind, lines in slip.copies:
            if cancel.is_set():
                return Answer(EventType.CANCELLED, {"printed": printed["copies"]})
            try:
                # On the printer's one queue: behind a fiscal receipt on the same printer, never inside it.
                hub.print_document(setting, slip_document(lines, reprint=reprint,
                                                          label=f"card slip {slip.record_id} {kind}"), cancel,
                                   queue_timeout=max(0.0, queued_until - time.monotonic()))
            except DeviceFailed as exc:
                printed["problem"] = printer_problem(exc.device_code, str(exc.params.get("detail", "")))
                return Answer(EventType.FAILED, {"error": exc.message, "code": exc.device_code,
                                                 "printed": printed["copies"]})
            except DeviceError as exc:
                printed["problem"] = printer_problem(exc.code, exc.message)
                return Answer(EventType.FAILED, {"error": exc.message, "code": exc.code,
                                                 "printed": printed["copies"]})
            printed["copies"] += 1
        return Answer(EventType.PRINTED, {"printed": printed["copies"]})

    performed = perform(runner, actor, request, device_call, _Resolver(), progress=progress, cancel=cancel,
                        record_progress=False)
    if not printed["called"]:
        # This operation's slip was printed (or tried) before: never twice on its own.
        return SlipOutcome(performed.state, setting.name, skipped=True)
    if performed.state is IntentState.SETTLED:
        return SlipOutcome(performed.state, setting.name, printed["copies"])
    problem = printed.get("problem")
    if not isinstance(problem, Phrase):
        # The device's own words are English (or there were none): the clerk reads a translated phrase.
        logger.warning("card slip %s did not print on %s: %s", slip.record_id, setting.name,
                       problem or performed.error or "no answer")
        problem = Phrase(SLIP_PROBLEM_UNCLEAR)
    if slip.payment_id is None:  # a pre-authorisation or its release: no payment to print it from
        return SlipOutcome(performed.state, setting.name, printed["copies"], problem=SlipNotPrinted(
            "The card operation is recorded, but its slip did not print on {printer}: {problem}. "
            "Fix the printer, then use Print card slip on the pre-authorisation", printer=setting.name,
            problem=problem))
    return SlipOutcome(performed.state, setting.name, printed["copies"], problem=SlipNotPrinted(
        "The card operation is recorded, but its slip did not print on {printer}: {problem}. "
        "Fix the printer, then use Print card slip on the payment", printer=setting.name, problem=problem))
