""""Verify and save credit card" with the card on the terminal (R10): the operator's own reader at this
workstation reads the card and its operator tokenises it (Stripe Terminal's process_setup_intent).

One journal intent with our key, as every operator call: committed before the reader is asked; the
guest presents the card while the clerk sees progress and Cancel (which asks the reader to stop); a
lost look at the reader is asked again while the guest may still present the card; an answer still
lost, or a crash, leaves it open for reconciliation, which asks the operator by our key what was saved
(at once when the clerk cancelled: a setup still waiting at the reader is then cancelled there, so
"not saved" stays true).

Our own ZVT terminal cannot do this: it hands no token nor a reference an operator turns into one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.orm import Session

from desk.cards.card_page import NewCardOwner
from desk.cards.models import CardCame, OnlineKind
from desk.cards.operations import record_card_intent
from desk.cards.operator_workflow import (
    OnlineOutcome,
    OnlineRequest,
    OnlineResolver,
    Watch,
    idempotency_key,
    plan_online_operation,
    reconcile_online,
    reference_operators,
)
from desk.cards.operators.interface import (
    READER_SOURCE_PREFIX,
    AnswerLost,
    Declined,
    ReaderBusy,
    ReaderStopped,
    ReaderWait,
    Refused,
    SavedToken,
    SavesOnReader,
)
from desk.cards.saved_cards import (
    READER_OPERATORS,
    OperatorInfo,
    connect_operator,
    list_operators,
    operator_reader,
)
from desk.core.errors import InvalidInput
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentView
from desk.journal.steps import Answer, DeviceCall, Progress, perform
from desk.people.auth import Actor

logger = logging.getLogger(__name__)

# How often the reader is looked at while the guest presents the card: Stripe's own advice for
# server-driven readers is to poll about once a second (or to take its webhooks).
READER_POLL_S = 1.0


def reader_operators(session: Session, workstation: str) -> list[tuple[OperatorInfo, str]]:
    """The operators whose reader is set up at this workstation, with that reader, by name."""
    found = []
    for info in list_operators(session):
        if info.operator in READER_OPERATORS:
            reader = operator_reader(session, info.id, workstation)
            if reader:
                found.append((info, reader))
    return found



def saves_on_reader(session: Session, workstation: str) -> bool:
    """Whether "Verify and save with the terminal" saves on an operator's reader at this workstation: yes
    unless there is none and the hotel's Saferpay account takes a terminal receipt's reference instead
    (with neither, the reader's window says there is no reader)."""
    return bool(reader_operators(session, workstation)) or not reference_operators(session)

def _reader_call(operator: SavesOnReader, reader: str, holder: str,
                 pause: Callable[[float], object] | None, poll_s: float) -> DeviceCall:
    def call(intent: IntentView, progress: Progress, cancel: threading.Event) -> Answer:
        if cancel.is_set():
            return Answer(EventType.CANCELLED, {"reason": "aborted", "by_us": True})
        progress("contacting_operator")
        wait = ReaderWait(cancel=cancel, progress=progress, poll_s=poll_s, pause=pause)
        try:
            saved = _keep_asking(operator, reader, holder, idempotency_key(intent), wait)
        except ReaderBusy as exc:
            return Answer(EventType.FAILED, {"reason": "reader_busy", "code": exc.code, "error": exc.message})
        except ReaderStopped as exc:
            return Answer(EventType.CANCELLED, {"reason": "reader_stopped", "code": exc.code,
                                                "by_us": cancel.is_set()})
        except Declined as exc:
            return Answer(EventType.DECLINED, {"reason": "declined", "code": exc.code,
                                               "decline_code": exc.decline_code, "error": exc.message})
        except Refused as exc:
            return Answer(EventType.FAILED, {"reason": "refused", "code": exc.code, "error": exc.message})
        except AnswerLost:
            raise  # unknown: reconciliation asks the operator by our key
        return Answer(EventType.APPROVED, {"token": saved.token, "customer": saved.customer, "brand": saved.brand,
                                           "masked_pan": saved.masked_pan, "expiry": saved.expiry})

    return call


def _keep_asking(operator: SavesOnReader, reader: str, holder: str, key: str, wait: ReaderWait) -> SavedToken:
    """One lost look at the reader is no end: the guest may still present the card. An operator that
    takes the same key again as the same save (``resumes_on_reader``) is asked again a pause later,
    until the guest's time is up; one that watches its reader through lost answers by itself (Adyen's
    status requests) has already done so. After Cancel a lost answer ends the wait: the clerk asked
    the reader to stop, and the operator is asked at once what it saved."""
    lost = 0
    while True:
        try:
            return operator.save_card_on_reader(reader, holder, key, wait)
        except AnswerLost:
            lost += 1
            if wait.cancel.is_set() or not getattr(operator, "resumes_on_reader", False) \
                    or lost * wait.poll_s > wait.give_up_s:
                raise
        wait.wait()


def save_card_on_reader(runner: Runner, actor: Actor, operator_id: int, holder: str, owner: NewCardOwner,
                        watch: Watch | None = None, *, pause: Callable[[float], object] | None = None,
                        poll_s: float | None = None) -> OnlineOutcome:
    """Verify and save credit card with the terminal (R10): the card presented on this workstation's
    reader of the operator is saved there for later charges. ``pause``: how to wait between two looks
    at the reader (a test's clock; by default a wait that Cancel ends)."""
    watch = watch or Watch()
    reader = runner.read(operator_reader, operator_id, actor.workstation)
    if not reader:
        raise InvalidInput("No card reader of this operator is set up at this workstation: set it in Settings, "
                           "Card operators", field="reader")
    asked = OnlineRequest(card_source=f"{READER_SOURCE_PREFIX}{reader}", holder=holder,
                          card_came=CardCame.TERMINAL, reservation_id=owner.reservation_id,
                          company_id=owner.company_id, event_id=owner.event_id)
    request, settings = runner.read(plan_online_operation, actor, OnlineKind.SAVE, operator_id, asked)
    operator = connect_operator(settings)
    if not isinstance(operator, SavesOnReader):
        raise InvalidInput("{operator} cannot save a card from a reader here", field="operator",
                           operator=settings.info.name)
    poll = READER_POLL_S if poll_s is None else poll_s
    done = perform(runner, actor, request, _reader_call(operator, reader, holder.strip(), pause, poll),
                   OnlineResolver(runner), progress=watch.progress, cancel=watch.cancel, record=record_card_intent)
    intent = done.intent
    # Asked at once only when the clerk cancelled: otherwise the card may still be presented, and an
    # operator asked now would end the save that could still complete (Stripe cancels a setup still
    # waiting at its reader); the pending operations ask later.
    if intent.state.is_open and watch.cancel is not None and watch.cancel.is_set():
        try:
            reconcile_online(runner, actor, [intent.id])
        except Exception:  # left for the pending operations, which ask again
            logger.warning("card save on a reader %s left pending", intent.key, exc_info=True)
        intent = runner.read(journal.load_intent, intent.id)
    return OnlineOutcome(intent, done.error)
