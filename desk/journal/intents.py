"""The journal of device operations: intents committed before a device is asked, then what it answered.

Every operation that touches a device or an operator (a fiscal receipt, a card payment, ...) is
written as a :class:`~desk.journal.intents.models.JournalIntent`, with its own idempotency key, and committed
*before* the device is asked. Answers are appended as :class:`~desk.journal.intents.models.JournalEvent` rows
as they arrive. An intent's state is read from its events, never stored. It ends with exactly
one outcome event (settled, declined, failed, reversed or cancelled): the outcome carries
``outcome_of`` = the intent's id, which is unique, so two desks reconciling at once cannot both
settle it. Settlement writes the ledger record and the outcome in one transaction of its own.

:func:`reconcile` asks, for every intent without an outcome, the resolver of its kind whether
the operation happened, and settles or closes it once.
"""

from __future__ import annotations

import enum
import json
import logging
import re
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ScalarSelect, Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.core.card_numbers import has_card_number
from desk.core.errors import DeskError, InvalidInput, NotFound
from desk.core.money import Money
from desk.db.runner import Runner
from desk.journal.models import JournalEvent, JournalIntent, OpenIntent
from desk.people.auth import Actor, trusted_actor
from desk.people.rights import Right, require

logger = logging.getLogger(__name__)


class EventType(enum.StrEnum):
    SENT = "sent"  # committed just before the device is asked
    PROGRESS = "progress"  # the device's own message ("insert card", "please wait")
    APPROVED = "approved"  # the device did it (a card payment)
    PRINTED = "printed"  # the device did it (a fiscal document)
    DECLINED = "declined"  # the device refused; nothing happened (an outcome)
    FAILED = "failed"  # the device could not do it; nothing happened (an outcome)
    UNKNOWN = "unknown"  # no answer, or one that does not say: ask again later
    SETTLED = "settled"  # the ledger has it (an outcome)
    REVERSED = "reversed"  # it happened and was undone on the device (an outcome)
    CANCELLED = "cancelled"  # it did not happen, or was never sent (an outcome)


HAPPENED_EVENTS = frozenset({EventType.APPROVED, EventType.PRINTED})
OUTCOME_EVENTS = frozenset(
    {EventType.SETTLED, EventType.DECLINED, EventType.FAILED, EventType.REVERSED, EventType.CANCELLED}
)
ANSWER_EVENTS = HAPPENED_EVENTS | {EventType.DECLINED, EventType.FAILED, EventType.UNKNOWN, EventType.CANCELLED}


class IntentState(enum.StrEnum):
    """Where an intent is, read from its events."""

    NEW = "new"  # written, never sent: the device was not asked
    SENT = "sent"  # sent, no answer yet (or the program died waiting)
    UNKNOWN = "unknown"  # answered without saying whether it happened
    HAPPENED = "happened"  # the device did it; the ledger does not have it yet
    SETTLED = "settled"
    DECLINED = "declined"
    FAILED = "failed"
    REVERSED = "reversed"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (IntentState.NEW, IntentState.SENT, IntentState.UNKNOWN, IntentState.HAPPENED)


class IntentClosed(DeskError):
    """The intent already has its outcome (another desk or a reconciliation got there first)."""


class SecretInJournal(InvalidInput):
    """A card number, security code, PIN or password was about to be written to the journal."""


# Keys whose values must never be kept ("masked_pan" is fine); card numbers are also caught by shape.
_SECRET_KEYS = re.compile(
    r"^(full_|card_)?(pan|card_?number|cvv2?|cvc2?|security_?code|pin|pin_?block|track\d?(_data)?|password)$",
    re.IGNORECASE,
)
def unresolved_intent(session: Session, kinds: Iterable[str], *conditions: Any) -> int | None:
    """An intent of these kinds with no outcome yet (its device may have acted), or None."""
    return session.scalar(_unresolved(kinds, *conditions))


def unresolved_intent_read(kinds: Iterable[str], *conditions: Any) -> ScalarSelect[int]:
    """:func:`unresolved_intent`'s read, to ride on another statement (correlated by ``conditions``)."""
    return _unresolved(kinds, *conditions).scalar_subquery()


def _unresolved(kinds: Iterable[str], *conditions: Any) -> Select[int]:
    # Picked among the open intents by id, never by joining the journal to them: see night_audit.open_items.
    return select(JournalIntent.id).where(
        JournalIntent.id.in_(select(OpenIntent.intent_id)), JournalIntent.kind.in_(list(kinds)),
        *conditions).limit(1)


def refuse_secrets(data: Any, where: str = "request") -> None:
    """Raise SecretInJournal if ``data`` holds a secret key or what looks like a full card number."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            if _SECRET_KEYS.search(str(key)):
                raise SecretInJournal("The journal's {where} may not hold {key}", where=where, key=key)
            refuse_secrets(value, where)
    elif isinstance(data, list | tuple):
        for value in data:
            refuse_secrets(value, where)
    elif isinstance(data, str) and has_card_number(data):
        raise SecretInJournal("The journal's {where} may not hold a full card number", where=where)


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventView:
    type: EventType
    payload: dict[str, Any]
    recorded_at: datetime
    recorded_by: str
    payment_id: int | None


@dataclass(frozen=True)
class IntentView:
    """An intent with its events, and the state they make."""

    id: int
    key: str
    kind: str
    device: str
    workstation: str
    created_by: str
    created_at: datetime
    folio_id: int | None
    bill_id: int | None
    payment_id: int | None
    amount: Money | None
    request: dict[str, Any]
    events: tuple[EventView, ...] = ()

    @property
    def state(self) -> IntentState:
        outcome = self.outcome
        if outcome is not None:
            return IntentState(outcome.type.value)
        answers = [e for e in self.events if e.type in ANSWER_EVENTS]
        if answers:
            if any(e.type in HAPPENED_EVENTS for e in answers):
                return IntentState.HAPPENED  # a later "unknown" cannot undo what the device confirmed
            return IntentState.UNKNOWN
        if any(e.type is EventType.SENT for e in self.events):
            return IntentState.SENT
        return IntentState.NEW

    @property
    def outcome(self) -> EventView | None:
        return next((e for e in self.events if e.type in OUTCOME_EVENTS), None)

    @property
    def answer(self) -> EventView | None:
        """The device's confirmation that it happened, if it gave one."""
        return next((e for e in self.events if e.type in HAPPENED_EVENTS), None)

    @property
    def settled_payment_id(self) -> int | None:
        outcome = self.outcome
        return outcome.payment_id if outcome is not None else None

    @property
    def late_answers(self) -> tuple[EventView, ...]:
        """Answers that came after the outcome: an "approved" after "cancelled" needs a person."""
        outcome = self.outcome
        if outcome is None:
            return ()
        index = self.events.index(outcome)
        return tuple(e for e in self.events[index + 1:] if e.type in ANSWER_EVENTS)


def _view(intent: JournalIntent, events: Iterable[JournalEvent]) -> IntentView:
    return IntentView(
        id=intent.id, key=intent.key, kind=intent.kind, device=intent.device, workstation=intent.workstation,
        created_by=intent.created_by, created_at=intent.created_at, folio_id=intent.folio_id,
        bill_id=intent.bill_id, payment_id=intent.payment_id, amount=intent.amount, request=dict(intent.request),
        events=tuple(EventView(EventType(e.type), dict(e.payload), e.recorded_at, e.recorded_by, e.payment_id)
                     for e in events),
    )


def load_intent(session: Session, intent_id: int, *, lock: bool = False) -> IntentView:
    """The intent and its events; ``lock`` holds the intent's row until commit (PostgreSQL)."""
    intent = session.get(JournalIntent, intent_id, with_for_update=lock or None)
    if intent is None:
        raise NotFound("There is no journal intent {intent_id}", intent_id=intent_id)
    events = session.scalars(
        select(JournalEvent).where(JournalEvent.intent_id == intent_id).order_by(JournalEvent.id)
    ).all()
    return _view(intent, events)


def intent_by_key(session: Session, key: str) -> IntentView | None:
    intent_id = session.scalar(select(JournalIntent.id).where(JournalIntent.key == key))
    return None if intent_id is None else load_intent(session, intent_id)


def unresolved(session: Session, workstation: str | None = None) -> list[IntentView]:
    """Intents without an outcome, oldest first; only this workstation's when it is named."""
    # Ordered by the open intents' own key: the planner then walks the few open ones, not the journal.
    query = (select(JournalIntent).join(OpenIntent, OpenIntent.intent_id == JournalIntent.id)
             .order_by(OpenIntent.intent_id))
    if workstation is not None:
        query = query.where(OpenIntent.workstation == workstation)
    intents = session.scalars(query).all()
    if not intents:
        return []
    events: dict[int, list[JournalEvent]] = {i.id: [] for i in intents}
    for event in session.scalars(
        select(JournalEvent).where(JournalEvent.intent_id.in_(events)).order_by(JournalEvent.id)
    ):
        events[event.intent_id].append(event)
    return [_view(i, events[i.id]) for i in intents]


def intents_of_payments(session: Session, kind: str, payment_ids: Iterable[int]) -> list[IntentView]:
    """The intents of ``kind`` made for these payments, with their events, oldest first."""
    ids = list(payment_ids)
    if not ids:
        return []
    intents = session.scalars(select(JournalIntent).where(
        JournalIntent.kind == kind, JournalIntent.payment_id.in_(ids)).order_by(JournalIntent.id)).all()
    events: dict[int, list[JournalEvent]] = {i.id: [] for i in intents}
    if events:
        for event in session.scalars(
            select(JournalEvent).where(JournalEvent.intent_id.in_(events)).order_by(JournalEvent.id)
        ):
            events[event.intent_id].append(event)
    return [_view(i, events[i.id]) for i in intents]


# --- writing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IntentRequest:
    """What a workflow is about to ask a device: everything but secrets, as plain JSON values."""

    kind: str
    device: str
    request: dict[str, Any] = field(default_factory=dict)
    amount: Money | None = None
    folio_id: int | None = None
    bill_id: int | None = None
    payment_id: int | None = None
    key: str | None = None  # ours, sent to the device; a new one is made when None


def record_intent(session: Session, actor: Actor, intent: IntentRequest) -> IntentView:
    """T1: the intent row. Commit it before the device is asked.

    The same key twice is the same intent (a retried T1 whose commit went through): it is
    returned as it is; the same key for something else is refused.
    """
    require(actor, Right.OPERATE_DEVICES)
    if not intent.kind or not intent.device:
        raise InvalidInput("A journal intent needs a kind and a device")
    refuse_secrets(intent.request)
    try:
        json.dumps(intent.request, allow_nan=False)
    except (TypeError, ValueError) as exc:
        # Amounts go in ``amount`` as Money; the request holds plain JSON values only.
        raise InvalidInput("The journal's request must be plain JSON: {exc}", exc=exc) from None
    key = intent.key or uuid.uuid4().hex
    existing = intent_by_key(session, key)
    if existing is not None:
        if (existing.kind, existing.amount, existing.request) != (intent.kind, intent.amount, intent.request):
            raise InvalidInput("The key {key} is already used by another operation", key=key)
        return existing
    row = JournalIntent(
        key=key, kind=intent.kind, device=intent.device, workstation=actor.workstation,
        created_by=actor.username, folio_id=intent.folio_id, bill_id=intent.bill_id,
        payment_id=intent.payment_id, amount=intent.amount, request=dict(intent.request),
    )
    session.add(row)
    session.flush()
    return _view(row, ())


def _append(session: Session, actor: Actor, intent_id: int, event: EventType, payload: Mapping[str, Any],
            *, payment_id: int | None = None) -> None:
    refuse_secrets(dict(payload), "payload")
    session.add(JournalEvent(
        intent_id=intent_id, type=event.value, payload=dict(payload),
        outcome_of=intent_id if event in OUTCOME_EVENTS else None, payment_id=payment_id,
        recorded_by=actor.username, workstation=actor.workstation,
    ))
    session.flush()


def mark_sent(session: Session, actor: Actor, intent_id: int, payload: Mapping[str, Any] | None = None) -> IntentView:
    """Commit this just before the device call: an intent never sent was never asked of the device."""
    require(actor, Right.OPERATE_DEVICES)
    view = load_intent(session, intent_id, lock=True)
    if view.state is not IntentState.NEW:
        raise IntentClosed("Operation {key} is {value}; it is not sent again", key=view.key, value=view.state.value)
    _append(session, actor, intent_id, EventType.SENT, payload or {})
    return load_intent(session, intent_id)


def record_event(session: Session, actor: Actor, intent_id: int, event: EventType,
                 payload: Mapping[str, Any] | None = None) -> IntentView:
    """Append what the device said. An answer that ends it (declined, failed, cancelled) is its outcome.

    An answer arriving after the outcome is still written (it is a fact), as a plain event:
    :attr:`IntentView.late_answers` shows it.
    """
    require(actor, Right.OPERATE_DEVICES)
    if event in (EventType.SETTLED, EventType.REVERSED):
        raise InvalidInput("Use settle() or close() for {value}", value=event.value)
    view = load_intent(session, intent_id, lock=True)
    if event in OUTCOME_EVENTS and not view.state.is_open:
        _append(session, actor, intent_id, EventType.UNKNOWN, {"late": event.value, **(payload or {})})
    else:
        _append(session, actor, intent_id, event, payload or {})
    return load_intent(session, intent_id)


def close(session: Session, actor: Actor, intent_id: int, outcome: EventType,
          payload: Mapping[str, Any] | None = None) -> IntentView:
    """End an open intent without a ledger record: it did not happen, or was reversed on the device."""
    require(actor, Right.OPERATE_DEVICES)
    if outcome not in (EventType.CANCELLED, EventType.REVERSED, EventType.DECLINED, EventType.FAILED):
        raise InvalidInput("{value} does not close an operation", value=outcome.value)
    view = load_intent(session, intent_id, lock=True)
    if not view.state.is_open:
        raise IntentClosed("Operation {key} is already {state}", key=view.key, state=view.state.value)
    _append(session, actor, intent_id, outcome, payload or {})
    return load_intent(session, intent_id)


class Settler(Protocol):
    def __call__(self, session: Session, actor: Actor, intent: IntentView) -> int | None:
        """Write the ledger record for an operation that happened; return its payment id, if any."""


def settle(session: Session, actor: Actor, intent_id: int, settler: Settler,
           payload: Mapping[str, Any] | None = None) -> IntentView:
    """T2: the ledger record and the outcome, in this one transaction; exactly once per intent.

    The ledger record is written as the clerk who asked (``created_by`` at ``workstation``),
    whoever settles; the outcome event names who settled.
    """
    require(actor, Right.OPERATE_DEVICES)
    view = load_intent(session, intent_id, lock=True)
    if not view.state.is_open:
        raise IntentClosed("Operation {key} is already {state}", key=view.key, state=view.state.value)
    # The money was asked for under the clerk's rights when the intent was written; the record is theirs.
    # It is written under the rights of whoever settles it now: the clerk may have been demoted since
    # (or removed), and what the device did is recorded all the same.
    payment_id = settler(session, trusted_actor(view.created_by, view.workstation, actor.role), view)
    _append(session, actor, intent_id, EventType.SETTLED, payload or {}, payment_id=payment_id)
    return load_intent(session, intent_id)


# --- reconciliation -----------------------------------------------------------------------------


class Verdict(enum.StrEnum):
    HAPPENED = "happened"
    DID_NOT_HAPPEN = "did_not_happen"
    STILL_UNKNOWN = "still_unknown"


@dataclass(frozen=True)
class Resolution:
    """A resolver's answer to "did it happen?", with what the device said (no secrets)."""

    verdict: Verdict
    payload: dict[str, Any] = field(default_factory=dict)
    # The event that records a "happened" answer: APPROVED for a payment, PRINTED for a document.
    event: EventType = EventType.APPROVED


class Resolver(Protocol):
    """Knows one kind of operation: how to ask its device about an intent, and how to settle it."""

    def did_it_happen(self, intent: IntentView) -> Resolution:
        """Ask the device (no transaction is open while it waits)."""

    def settle(self, session: Session, actor: Actor, intent: IntentView) -> int | None:
        """Write the ledger record; return its payment id, if it is a payment."""


@dataclass
class Reconciled:
    """What one reconciliation did, by intent id."""

    settled: list[int] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    still_unknown: list[int] = field(default_factory=list)
    # Of the still unknown, those the operator has and will confirm by webhook (not "could not be asked").
    awaiting_confirmation: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # in flight here, or resolved by another desk meanwhile
    errors: dict[int, str] = field(default_factory=dict)


class InFlight:
    """Intents whose workflow is running in this process: reconciling them would race their own answer."""

    def __init__(self) -> None:
        self._ids: set[int] = set()
        self._lock = threading.Lock()

    def claim(self, intent_id: int) -> bool:
        with self._lock:
            if intent_id in self._ids:
                return False
            self._ids.add(intent_id)
            return True

    def release(self, intent_id: int) -> None:
        with self._lock:
            self._ids.discard(intent_id)


IN_FLIGHT = InFlight()


def reconcile(runner: Runner, resolvers: Mapping[str, Resolver], actor: Actor, *,
              workstation: str | None = None, in_flight: InFlight = IN_FLIGHT,
              kinds: Iterable[str] | None = None, intent_ids: Iterable[int] | None = None) -> Reconciled:
    """Resolve every intent without an outcome (this workstation's, when named), each exactly once.

    - never sent: closed as cancelled without asking (the device was never asked);
    - the device confirmed it: settled without asking again;
    - sent, or answered unclearly: the kind's resolver asks the device, then it is settled,
      closed, or left for next time.
    Another desk reconciling at the same moment settles each intent at most once between them.
    ``kinds`` and ``intent_ids`` narrow it to one device's operations, or to the ones named.
    """
    result = Reconciled()
    wanted_kinds = None if kinds is None else set(kinds)
    wanted_ids = None if intent_ids is None else set(intent_ids)
    for intent in runner.read(unresolved, workstation):
        if (wanted_kinds is not None and intent.kind not in wanted_kinds) or (
                wanted_ids is not None and intent.id not in wanted_ids):
            continue  # another device's, or not the one asked about
        if not in_flight.claim(intent.id):
            result.skipped.append(intent.id)
            continue
        try:
            _reconcile_one(runner, resolvers, actor, intent, result)
        except Exception as exc:  # one intent's trouble must not stop the others
            logger.exception("reconciling operation %s failed", intent.key)
            result.errors[intent.id] = str(exc)
        finally:
            in_flight.release(intent.id)
    return result


def _reconcile_one(runner: Runner, resolvers: Mapping[str, Resolver], actor: Actor, intent: IntentView,
                   result: Reconciled) -> None:
    state = intent.state
    if state is IntentState.NEW:
        _finish(runner, actor, intent, result, close, EventType.CANCELLED, {"reason": "never sent"})
        return
    resolver = resolvers.get(intent.kind)
    if resolver is None:
        result.errors[intent.id] = f"no resolver for {intent.kind}"
        return
    if state is not IntentState.HAPPENED:
        resolution = resolver.did_it_happen(intent)
        if resolution.verdict is Verdict.STILL_UNKNOWN:
            result.still_unknown.append(intent.id)
            if resolution.payload.get("awaiting_confirmation"):
                result.awaiting_confirmation.append(intent.id)
            return
        if resolution.verdict is Verdict.DID_NOT_HAPPEN:
            _finish(runner, actor, intent, result, close, EventType.CANCELLED,
                    {"reason": "reconciled", **resolution.payload})
            return
        runner.run(record_event, actor, intent.id, resolution.event, {"reconciled": True, **resolution.payload})
    _finish(runner, actor, intent, result, settle, resolver.settle, {"reconciled": True})


def _finish(runner: Runner, actor: Actor, intent: IntentView, result: Reconciled, use_case: Any,
            how: Any, payload: dict[str, Any]) -> None:
    try:
        runner.run(use_case, actor, intent.id, how, payload)
    except (IntentClosed, IntegrityError):
        # Another desk resolved it between our read and our write: its outcome stands.
        result.skipped.append(intent.id)
        return
    (result.settled if use_case is settle else result.closed).append(intent.id)
