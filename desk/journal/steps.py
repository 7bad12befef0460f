"""The three steps of every device operation: T1 intent, the device call with no transaction open, T2 settle.

Plain Python: progress is a callable, cancelling is a ``threading.Event`` handed down to the
device; ``ui/`` adapts both to its own task state. A crash at any step leaves the journal in a
state :func:`desk.journal.intents.reconcile` resolves exactly once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentRequest, IntentState, IntentView, Resolver
from desk.people.auth import Actor

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Answer:
    """What the device said: APPROVED or PRINTED (it happened), DECLINED, FAILED or CANCELLED
    (it did not), or UNKNOWN (it cannot say; reconciliation will ask again)."""

    event: EventType
    payload: dict[str, Any] = field(default_factory=dict)


class DeviceCall(Protocol):
    def __call__(self, intent: IntentView, progress: Progress, cancel: threading.Event, /) -> Answer:
        """Ask the device, passing ``intent.key`` as the idempotency id; honour ``cancel`` by aborting."""


@dataclass(frozen=True)
class Performed:
    """How the operation ended for the caller: the intent as the journal now has it."""

    intent: IntentView
    error: str = ""  # what went wrong talking to the device, when the answer is unknown

    @property
    def state(self) -> IntentState:
        return self.intent.state


def perform(
    runner: Runner,
    actor: Actor,
    request: IntentRequest,
    device_call: DeviceCall,
    resolver: Resolver,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    record_progress: bool = True,
    in_flight: journal.InFlight = journal.IN_FLIGHT,
    record: Callable[[Session, Actor, IntentRequest], IntentView] = journal.record_intent,
) -> Performed:
    """Run one device operation through the journal.

    1. T1: the intent, committed (by ``record``: ``journal.record_intent`` or a workflow's own,
       which checks again what it must under its locks); then "sent", committed, just before the call.
    2. The device call, with no transaction open; its progress messages go to ``progress``
       (and to the journal when ``record_progress``); ``cancel`` is passed down.
    3. The answer, committed as it arrives; if it happened, T2 settles it (the ledger record and
       the outcome) in its own transaction. A device that approves after Cancel is settled all
       the same: money taken is never dropped.

    An exception from the device becomes an UNKNOWN event, left for reconciliation.

    The actor's standing (active, with the rights signed in with) is confirmed up to the "sent"
    commit, and no more after it (``Runner.finish``): a clerk deactivated or demoted while the
    device works does not undo what the device did, which is recorded in the clerk's name.
    """
    cancel = cancel or threading.Event()
    intent = runner.run(record, actor, request).value
    if not in_flight.claim(intent.id):
        raise journal.IntentClosed("Operation {key} is already running", key=intent.key)
    try:
        if intent.state is IntentState.HAPPENED:
            return Performed(_settle(runner, actor, intent, resolver))
        if intent.state is not IntentState.NEW:
            # The same key again: never ask the device twice; an open one is left to reconciliation.
            return Performed(intent)
        intent = runner.run(journal.mark_sent, actor, intent.id).value
        intent_id = intent.id

        def report(text: str) -> None:
            if record_progress:
                try:
                    runner.finish(journal.record_event, actor, intent_id, EventType.PROGRESS, {"text": text})
                except Exception:  # a message not kept must not break the device's conversation
                    logger.warning("progress of %s not journalled", intent.key, exc_info=True)
            if progress is not None:
                progress(text)

        try:
            answer = device_call(intent, report, cancel)
        except Exception as exc:  # a dropped line or a timeout: the device may still have done it
            if getattr(exc, "confirmed_later", False):
                # It has the request and tells the outcome later (Adyen's "received"): not an unclear answer.
                logger.info("operation %s: waiting for the operator's confirmation from %s: %s", intent.key,
                            intent.device, exc)
            else:
                logger.warning("operation %s: no clear answer from %s: %s", intent.key, intent.device, exc)
            error = f"{type(exc).__name__}: {exc}"
            intent = runner.finish(journal.record_event, actor, intent.id, EventType.UNKNOWN, {"error": error}).value
            return Performed(intent, error)
        if answer.event not in journal.ANSWER_EVENTS:
            raise ValueError(f"{answer.event.value} is not a device's answer")
        intent = runner.finish(journal.record_event, actor, intent.id, answer.event, answer.payload).value
        if intent.state is IntentState.HAPPENED:
            intent = _settle(runner, actor, intent, resolver)
        return Performed(intent)
    finally:
        in_flight.release(intent.id)


def _settle(runner: Runner, actor: Actor, intent: IntentView, resolver: Resolver) -> IntentView:
    try:
        return runner.finish(journal.settle, actor, intent.id, resolver.settle).value
    except journal.IntentClosed:
        # Another desk's reconciliation settled it a moment ago: its outcome stands.
        return runner.read(journal.load_intent, intent.id)
