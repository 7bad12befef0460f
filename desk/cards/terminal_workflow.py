"""Card terminal workflows on the journal: sale, refund (or reversal), pre-authorisation, capture,
release, end of day, and the reconciliation of the ones nobody heard the end of.

Each runs through :func:`desk.journal.steps.perform`: the intent is committed before the
terminal is asked, the answer appended as it arrives, the ledger settled after. The device call
itself runs on the terminal's own :class:`~hardware.worker.DeviceWorker` thread; the caller (a GUI
op) only waits. Cancel is the terminal's abort; an approval that beat it is settled all the same.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, assert_never

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CARD_KINDS, ONLINE_KINDS, CardKind, CardRecord
from desk.cards.operations import (
    CardRequest,
    EndOfDayReport,
    note_hold_expired,
    plan_card_operation,
    record_card_intent,
    record_end_of_day,
    settle_card_intent,
)
from desk.cards.terminals import TerminalSettings, connect, terminal_settings
from desk.core.card_numbers import mask_card_numbers
from desk.core.money import Money
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentState, IntentView, Reconciled, Resolution, Verdict
from desk.journal.steps import Answer, DeviceCall, perform
from desk.people.auth import Actor, ManagerApproval
from hardware.errors import DeviceError, DeviceOffline
from hardware.terminal import (
    CardResult,
    CardTerminal,
    Declined,
    Hooks,
    OutcomeUnknown,
    PreauthUnavailable,
    Receipt,
    Refused,
    StatusMessage,
    TerminalAborted,
)

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]  # gets the terminal's StatusMessage.key ("insert_card", ...)


def receipts_payload(receipts: Iterable[Receipt]) -> list[dict[str, Any]]:
    """The terminal's receipts as kept (journal, card record, end of day): a whole card number masked first."""
    return [{"kind": r.kind.value, "lines": [mask_card_numbers(line) for line in r.lines]} for r in receipts]


def answer_payload(result: CardResult) -> dict[str, Any]:
    """What the journal keeps of an approval: references and the masked number, never the card."""
    return {
        "receipt_no": result.receipt_no, "trace_no": result.trace_no, "auth_code": result.auth_code or "",
        "brand": result.card_name or "", "masked_pan": result.masked_pan or "", "terminal_id": result.terminal_id or "",
        "amount_minor": result.amount_minor, "currency": result.currency,
        "receipts": receipts_payload(result.receipts),
        "cancel_too_late": result.cancel_too_late,
    }


def _ask(terminal: CardTerminal, request: Mapping[str, Any], hooks: Hooks) -> CardResult:
    kind = CardKind(request["operation"])
    amount, currency = int(request["amount_minor"]), str(request["currency"])
    match kind:
        case CardKind.SALE:
            return terminal.sale(amount, currency, hooks)
        case CardKind.REFUND:
            return terminal.refund(amount, currency, hooks)
        case CardKind.REVERSAL:
            return terminal.reversal(int(request["receipt_no"]), hooks)
        case CardKind.PRE_AUTHORISATION:
            return terminal.pre_authorise(amount, currency, hooks)
        case CardKind.CAPTURE:
            return terminal.capture(int(request["receipt_no"]), amount, currency, trace_no=request.get("trace_no"),
                                    auth_code=request.get("auth_code") or None, hooks=hooks)
        case CardKind.RELEASE:
            return terminal.release(int(request["receipt_no"]), amount, currency, hooks=hooks)
        case _:
            assert_never(kind)


def terminal_call(settings: TerminalSettings) -> DeviceCall:
    """The device call of :func:`perform` for one terminal: it runs on the terminal's worker thread."""

    def call(intent: IntentView, progress: Progress, cancel: threading.Event) -> Answer:
        connection = connect(settings)

        def status(message: StatusMessage) -> None:
            progress(message.key)

        hooks = Hooks(on_status=status, cancel=cancel)
        try:
            result = connection.worker.call(lambda _stop: _ask(connection.terminal, intent.request, hooks),
                                            label=intent.kind)
        except PreauthUnavailable as exc:
            return Answer(EventType.DECLINED, {"reason": "preauth_unavailable", "result_code": exc.result_code})
        except TerminalAborted as exc:
            return Answer(EventType.CANCELLED, {"reason": "aborted", "by_us": exc.by_us or cancel.is_set(),
                                                "result_code": exc.result_code})
        except Refused as exc:
            # The command was not taken (busy, not possible): the card was never asked, no money moved.
            return Answer(EventType.FAILED, {"reason": "refused", "result_code": exc.result_code, "error": exc.message})
        except Declined as exc:
            return Answer(EventType.DECLINED, {"reason": "declined", "result_code": exc.result_code})
        except OutcomeUnknown:
            raise
        except DeviceOffline as exc:
            # Nothing reached the terminal: it could not even be opened.
            return Answer(EventType.FAILED, {"reason": "offline", "error": exc.message})
        return Answer(EventType.APPROVED, answer_payload(result))

    return call


class CardResolver:
    """Asks a terminal whether an unanswered operation happened (its last receipt), and settles it."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner

    def did_it_happen(self, intent: IntentView) -> Resolution:
        settings = self.runner.read(terminal_settings, int(intent.request["terminal_id"]))
        connection = connect(settings)
        try:
            last = connection.worker.call(lambda _stop: connection.terminal.repeat_last_receipt(), label="repeat")
        except Refused as exc:
            # A refusal to the enquiry (84 xx) says nothing of how the operation ended: it stays pending.
            return Resolution(Verdict.STILL_UNKNOWN, {"error": exc.message, "result_code": exc.result_code})
        except Declined as exc:
            # The terminal would not repeat a receipt (none kept, restarted, busy): that is no proof that
            # the operation did not happen. Only a last receipt the ledger already has proves it.
            return Resolution(Verdict.STILL_UNKNOWN, {"error": exc.message, "result_code": exc.result_code})
        except DeviceError as exc:
            return Resolution(Verdict.STILL_UNKNOWN, {"error": exc.message})
        if last.receipt_no is None or last.amount_minor is None:
            # An answer we cannot compare is no proof either way.
            return Resolution(Verdict.STILL_UNKNOWN, {"error": "the last receipt has no number or amount"})
        known = self.runner.read(_recorded_for, intent.device, last.receipt_no)
        if known is None:
            if last.amount_minor == intent.request.get("amount_minor"):
                return Resolution(Verdict.HAPPENED, answer_payload(last))
        elif known.intent_id is not None and known.intent_id < intent.id:
            # The terminal's last transaction is one the ledger had before this operation was asked.
            return Resolution(Verdict.DID_NOT_HAPPEN, {"last_receipt_no": last.receipt_no})
        # Another operation came after this one (on the terminal or from the desk): the terminal's last
        # receipt tells nothing of this one, which stays for the terminal or a manager.
        return Resolution(Verdict.STILL_UNKNOWN, {"last_receipt_no": last.receipt_no})

    def settle(self, session: Session, actor: Actor, intent: IntentView) -> int | None:
        return settle_card_intent(session, actor, intent)


@dataclass(frozen=True)
class _Recorded:
    intent_id: int | None


def _recorded_for(session: Session, terminal: str, receipt_no: int) -> _Recorded | None:
    """The ledger's record of the terminal's receipt ``receipt_no``, if it has one."""
    row = session.execute(select(CardRecord.intent_id).where(
        CardRecord.terminal == terminal, CardRecord.receipt_no == receipt_no).order_by(CardRecord.id.desc())).first()
    return None if row is None else _Recorded(row.intent_id)


def resolvers(runner: Runner) -> dict[str, CardResolver]:
    resolver = CardResolver(runner)
    return dict.fromkeys(CARD_KINDS, resolver)


def reconcile_cards(runner: Runner, actor: Actor, intent_ids: list[int] | None = None) -> Reconciled:
    """Resolve this workstation's card operations that never got their end (at start, or on request):
    the terminal's, by its last receipt, and the online operators', by our key."""
    from desk.cards.operator_workflow import reconcile_online

    done = journal.reconcile(runner, resolvers(runner), actor, workstation=actor.workstation, kinds=CARD_KINDS,
                             intent_ids=intent_ids)
    online = reconcile_online(runner, actor, intent_ids)
    return Reconciled(done.settled + online.settled, done.closed + online.closed,
                      done.still_unknown + online.still_unknown,
                      done.awaiting_confirmation + online.awaiting_confirmation, done.skipped + online.skipped,
                      {**done.errors, **online.errors})


def pending_card_operations(session: Session, workstation: str) -> list[IntentView]:
    return [i for i in journal.unresolved(session, workstation) if i.kind in CARD_KINDS | ONLINE_KINDS]


# --- the flows ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardOutcome:
    """How a card operation ended, for the clerk."""

    intent: IntentView
    error: str = ""

    @property
    def state(self) -> IntentState:
        return self.intent.state

    @property
    def settled(self) -> bool:
        return self.state is IntentState.SETTLED

    @property
    def payment_id(self) -> int | None:
        return self.intent.settled_payment_id

    @property
    def approved_despite_cancel(self) -> bool:
        answer = self.intent.answer
        return answer is not None and bool(answer.payload.get("cancel_too_late"))

    @property
    def preauth_unavailable(self) -> bool:
        outcome = self.intent.outcome
        return outcome is not None and outcome.payload.get("reason") == "preauth_unavailable"

    @property
    def reason(self) -> str:
        outcome = self.intent.outcome
        return str(outcome.payload.get("reason", "")) if outcome is not None else ""


def _plan(session: Session, actor: Actor, kind: CardKind, terminal_id: int,
          asked: CardRequest) -> tuple[journal.IntentRequest, TerminalSettings]:
    return plan_card_operation(session, actor, kind, terminal_id, asked), terminal_settings(session, terminal_id)


@dataclass(frozen=True)
class Watch:
    """How the caller follows a card operation: the terminal's prompts, a Cancel, and the moment the
    checks passed (before that, nothing was written)."""

    progress: Progress | None = None
    cancel: threading.Event | None = None
    on_planned: Callable[[], None] | None = None


def run_card_operation(runner: Runner, actor: Actor, kind: CardKind, terminal_id: int, asked: CardRequest,
                       watch: Watch | None = None) -> CardOutcome:
    """Plan, perform and settle one card operation; an unclear end is asked about at once."""
    watch = watch or Watch()
    # Planning writes nothing: one read transaction, no write lock, before the intent's own commit.
    request, settings = runner.read(_plan, actor, kind, terminal_id, asked)
    if watch.on_planned is not None:
        watch.on_planned()
    done = perform(runner, actor, request, terminal_call(settings), CardResolver(runner),
                   progress=watch.progress, cancel=watch.cancel, record=record_card_intent)
    intent = done.intent
    if intent.state in (IntentState.SENT, IntentState.UNKNOWN):
        # The line dropped or the answer came late: the terminal's last receipt says how it ended.
        try:
            reconcile_cards(runner, actor, [intent.id])
        except Exception:  # left for the Pending card operations view
            logger.warning("card operation %s left pending", intent.key, exc_info=True)
        intent = runner.read(journal.load_intent, intent.id)
    outcome = CardOutcome(intent, done.error)
    if outcome.preauth_unavailable:
        runner.run(note_hold_expired, actor, intent.id)
    return outcome


def card_sale(runner: Runner, actor: Actor, terminal_id: int, bill_id: int, amount: Money, *,
              approval: ManagerApproval | None = None, payer_name: str = "", allow_overpay: bool = False,
              watch: Watch | None = None) -> CardOutcome:
    """A bill paid on the terminal; ``payer_name`` as the clerk typed it (the bill's payer when empty)."""
    asked = CardRequest(bill_id=bill_id, amount=amount, approval=approval, payer_name=payer_name,
                        allow_overpay=allow_overpay)
    return run_card_operation(runner, actor, CardKind.SALE, terminal_id, asked, watch)


def card_refund(runner: Runner, actor: Actor, terminal_id: int, payment_id: int, amount: Money | None = None, *,
                approval: ManagerApproval | None = None, watch: Watch | None = None) -> CardOutcome:
    """A refund beside a card payment, once; a same-day full one is reversed on the terminal."""
    asked = CardRequest(payment_id=payment_id, amount=amount, approval=approval)
    return run_card_operation(runner, actor, CardKind.REFUND, terminal_id, asked, watch)


def card_pre_authorise(runner: Runner, actor: Actor, terminal_id: int, folio_id: int, amount: Money, *,
                       watch: Watch | None = None) -> CardOutcome:
    asked = CardRequest(folio_id=folio_id, amount=amount)
    return run_card_operation(runner, actor, CardKind.PRE_AUTHORISATION, terminal_id, asked, watch)


def card_capture(runner: Runner, actor: Actor, terminal_id: int, hold_id: int, amount: Money | None = None, *,
                 bill_id: int | None = None, watch: Watch | None = None) -> CardOutcome:
    """Book all or part of a hold on a bill, once; the terminal releases the rest."""
    asked = CardRequest(hold_id=hold_id, amount=amount, bill_id=bill_id)
    return run_card_operation(runner, actor, CardKind.CAPTURE, terminal_id, asked, watch)


def card_release(runner: Runner, actor: Actor, terminal_id: int, hold_id: int, *,
                 approval: ManagerApproval | None = None, watch: Watch | None = None) -> CardOutcome:
    asked = CardRequest(hold_id=hold_id, approval=approval)
    return run_card_operation(runner, actor, CardKind.RELEASE, terminal_id, asked, watch)


def card_end_of_day(runner: Runner, actor: Actor, terminal_id: int) -> EndOfDayReport:
    """Close the terminal's batch and compare its totals with the ledger's card records since the last."""
    from desk.people.rights import Right, require

    require(actor, Right.RUN_CASH_SHIFT)
    settings = runner.read(terminal_settings, terminal_id)
    connection = connect(settings)
    result = connection.worker.call(lambda _stop: connection.terminal.end_of_day(), label="end_of_day")
    receipts = receipts_payload(result.receipts)
    # Per-brand totals only when the terminal sent them (BMP 60): compared brand by brand.
    brands = [{"brand": b.brand, "count": b.count, "amount_minor": b.amount_minor} for b in result.brands] or None
    return runner.run(record_end_of_day, actor, terminal_id, result.amount_minor or 0, result.count,
                      result.first_receipt_no, result.last_receipt_no, receipts, brands=brands).value
