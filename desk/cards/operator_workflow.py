"""Online card operations on the journal: save a card, charge it, pre-authorise on it, capture,
release, refund, delete it, and the reconciliation of the ones whose answer was lost.

The shape of :mod:`desk.cards.terminal_workflow`: the intent, with our idempotency key, is committed
before the operator is asked (:func:`desk.journal.steps.perform`); the answer is settled once, on the
same card records and ledger payments as a terminal's; a lost answer is resolved by asking the
operator what it did under that key. A hold, its capture and a payment's refund share the terminal's
key families (``hold:N:``, ``refund:N:``), so each is done once whichever way it was asked.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from desk.cards import operations as cards
from desk.cards.models import ONLINE_KINDS, CardCame, CardKind, CardRecord, CardRecordKind, OnlineKind, SavedCard
from desk.cards.operations import CardRequest, note_hold_expired, record_card_intent
from desk.cards.operators.converge import UNSETTLED
from desk.cards.operators.interface import (
    AnswerLost,
    AsksAgain,
    AwaitingConfirmation,
    CardOnFile,
    CardOperator,
    CardPage,
    Declined,
    Done,
    Finding,
    HoldExpired,
    KeepsCardsUntil,
    Operation,
    Refused,
    ReversesPayments,
    SendsAgain,
)
from desk.cards.saved_cards import (
    OperatorInfo,
    OperatorSettings,
    card_on_file,
    cards_to_purge,
    connect_operator,
    list_operators,
    operator_settings,
)
from desk.core.errors import DeskError, InvalidInput, NotFound
from desk.core.money import Money
from desk.core.types import utcnow
from desk.db.audit_notes import AuditNote, note
from desk.db.runner import Runner
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentRequest, IntentView, Reconciled, Resolution, Verdict
from desk.journal.models import JournalIntent, OpenIntent
from desk.journal.steps import Answer, DeviceCall, perform
from desk.ledger import texts
from desk.ledger.lookup import require_fits
from desk.ledger.payments import record_card_money, record_card_refund
from desk.people.auth import Actor, ManagerApproval
from desk.people.rights import Right, require
from desk.stays.models import Company, Event, Reservation

logger = logging.getLogger(__name__)

OPERATION = {
    OnlineKind.SAVE: Operation.SAVE, OnlineKind.CHARGE: Operation.CHARGE,
    OnlineKind.PRE_AUTHORISATION: Operation.PRE_AUTHORISE, OnlineKind.CAPTURE: Operation.CAPTURE,
    OnlineKind.RELEASE: Operation.RELEASE, OnlineKind.REFUND: Operation.REFUND, OnlineKind.DELETE: Operation.DELETE,
}
RECORD_OPERATION = {
    OnlineKind.CHARGE: CardRecordKind.SALE, OnlineKind.PRE_AUTHORISATION: CardRecordKind.PRE_AUTHORISATION,
    OnlineKind.CAPTURE: CardRecordKind.CAPTURE, OnlineKind.RELEASE: CardRecordKind.RELEASE,
    OnlineKind.REFUND: CardRecordKind.REFUND,
}
# The terminal's planning of the same operation: its rules (rights, amounts, once) are the same.
TERMINAL_KIND = {
    OnlineKind.CHARGE: CardKind.SALE, OnlineKind.PRE_AUTHORISATION: CardKind.PRE_AUTHORISATION,
    OnlineKind.CAPTURE: CardKind.CAPTURE, OnlineKind.RELEASE: CardKind.RELEASE, OnlineKind.REFUND: CardKind.REFUND,
}

Progress = Any  # Callable[[str], None]: "contacting_operator"


# --- planning (nothing written) -----------------------------------------------------------------


@dataclass(frozen=True)
class OnlineRequest:
    """What the clerk asked: the card operation's own fields, and the saved card or owner it is for."""

    card: CardRequest = field(default_factory=CardRequest)
    saved_card_id: int | None = None
    card_source: str = ""  # what the operator's card page (or the terminal) gave for a card to save
    card_came: CardCame = CardCame.NEW  # of a card to save: the operator's page or the terminal
    holder: str = ""
    reservation_id: int | None = None
    company_id: int | None = None
    event_id: int | None = None


def _online_record(session: Session, record_id: int) -> CardRecord:
    record = session.get(CardRecord, record_id)
    if record is None:
        raise NotFound("There is no card operation {record}", record=record_id)
    if not record.reference or "operator_id" not in record.details:
        raise InvalidInput("This card operation was made on a card terminal: use the terminal", field="payment")
    return record


def plan_online_operation(session: Session, actor: Actor, kind: OnlineKind, operator_id: int,
                          asked: OnlineRequest) -> tuple[IntentRequest, OperatorSettings]:
    """Check an online card operation and say what to ask the operator; nothing is written."""
    require(actor, Right.TAKE_PAYMENT)
    settings = operator_settings(session, operator_id)
    info = settings.info
    fields: dict[str, Any] = {}
    if kind is OnlineKind.SAVE:
        planned = _plan_save(session, settings, asked)
        amount, key = None, planned.pop("key")
        fields.update(planned)
        folio_id = bill_id = payment_id = None
    elif kind is OnlineKind.DELETE:
        if asked.saved_card_id is None:
            raise InvalidInput("Choose the saved card", field="card")
        row = session.get(SavedCard, asked.saved_card_id)
        if row is None or row.deleted_at is not None:
            raise InvalidInput("This saved card was deleted", field="card")
        if row.operator_id != operator_id:
            raise InvalidInput("This card is saved at another operator", field="card")
        amount, key, folio_id, bill_id, payment_id = None, _delete_key(session, row.id), None, None, None
        fields["saved_card"] = row.id
    else:
        terminal_kind = TERMINAL_KIND[kind]
        planned_card = _plan_money(session, actor, kind, terminal_kind, asked)
        amount, key = planned_card.amount, planned_card.key
        folio_id, bill_id, payment_id = planned_card.folio_id, planned_card.bill_id, planned_card.payment_id
        fields.update(planned_card.fields)
        if amount.currency not in info.currencies:
            raise InvalidInput("{operator} is not set up to take {currency}", field="currency",
                               operator=info.name, currency=amount.currency)
        fields.update({"amount_minor": amount.minor, "currency": amount.currency})
    request = {"operator_id": info.id, "operator": info.name, "operation": OPERATION[kind].value,
               "key_prefix": info.key_prefix, **fields}
    return IntentRequest(kind=kind.value, device=info.name, request=request, amount=amount, folio_id=folio_id,
                         bill_id=bill_id, payment_id=payment_id, key=key), settings


def _delete_key(session: Session, card_id: int) -> str:
    """One key per attempt to delete a card: an open attempt's own (asked about, never sent twice), else
    a new one after each attempt closed as not done (the operator not reached: the next night tries again)."""
    first = f"delete-card:{card_id}"
    closed = session.scalar(select(func.count()).select_from(JournalIntent).where(
        JournalIntent.kind == OnlineKind.DELETE.value, or_(JournalIntent.key == first,
                                                           JournalIntent.key.like(f"{first}:%")),
        ~exists().where(OpenIntent.intent_id == JournalIntent.id))) or 0
    return first if not closed else f"{first}:{closed + 1}"


def _plan_save(session: Session, settings: OperatorSettings, asked: OnlineRequest) -> dict[str, Any]:
    import uuid

    owners = [o for o in (asked.reservation_id, asked.company_id, asked.event_id) if o is not None]
    if len(owners) != 1:
        raise InvalidInput("A card is saved on one reservation, company or event", field="owner")
    if not asked.card_source.strip():
        raise InvalidInput("The card page gave no card", field="card")
    if asked.card_came not in (CardCame.NEW, CardCame.TERMINAL):
        raise InvalidInput("A card is saved from the operator's card page or from the terminal", field="card")
    if asked.card_came is CardCame.TERMINAL and settings.info.operator == "saferpay":
        from desk.cards.operators.saferpay import is_six_reference

        if not is_six_reference(asked.card_source):
            raise InvalidInput("Type the transaction reference as the terminal's receipt shows it, as "
                               "1:100002:1:87768996410", field="reference")
    holder = asked.holder.strip()
    require_fits(holder, 160, "holder")
    keep_days = settings.info.retention_days
    if asked.reservation_id is not None:
        reservation = session.get(Reservation, asked.reservation_id)
        if reservation is None:
            raise NotFound("There is no reservation {reservation}", reservation=asked.reservation_id)
        until = reservation.departure
    elif asked.event_id is not None:
        event = session.get(Event, asked.event_id)
        if event is None:
            raise NotFound("There is no event {event}", event=asked.event_id)
        until = event.ends_on
    else:
        if session.get(Company, asked.company_id) is None:
            raise NotFound("There is no company {company}", company=asked.company_id)
        until = date.today()
    return {"key": uuid.uuid4().hex, "card_source": asked.card_source.strip(),
            "card_came": CardCame(asked.card_came).value, "holder": holder,
            "reservation_id": asked.reservation_id, "company_id": asked.company_id, "event_id": asked.event_id,
            "delete_after": (max(until, date.today()) + timedelta(days=keep_days)).isoformat()}


@dataclass(frozen=True)
class _Money:
    amount: Any
    key: str
    folio_id: int | None
    bill_id: int | None
    payment_id: int | None
    fields: dict[str, Any]


def _plan_money(session: Session, actor: Actor, kind: OnlineKind, terminal_kind: CardKind,
                asked: OnlineRequest) -> _Money:
    planned = cards.plan_rules(session, actor, terminal_kind, asked.card)
    # Money is moved online only on a saved card (a card in hand goes through the terminal).
    fields: dict[str, Any] = {"card_came": CardCame.SAVED.value}
    if kind in (OnlineKind.CHARGE, OnlineKind.PRE_AUTHORISATION):
        if asked.saved_card_id is None:
            raise InvalidInput("Choose the saved card", field="card")
        card_on_file(session, asked.saved_card_id)  # refused once deleted
        fields["saved_card"] = asked.saved_card_id
        if "payer" in planned.fields:
            fields["payer"] = planned.fields["payer"]
    else:
        original = _online_record(session, int(planned.fields.get("hold") or planned.fields["original"]))
        fields.update({"original": original.id, "reference": original.reference,
                       "saved_card": original.details.get("saved_card")})
        if kind in (OnlineKind.CAPTURE, OnlineKind.RELEASE):
            fields["hold"] = original.id
        if planned.kind is CardKind.REVERSAL:
            # The whole payment, the day it was made: an operator that reverses payments is asked to.
            fields["whole_same_day"] = True
    return _Money(planned.amount, planned.key, planned.folio_id, planned.bill_id, planned.payment_id, fields)


# --- the call -----------------------------------------------------------------------------------


def idempotency_key(intent: IntentView) -> str:
    """The Idempotency-Key sent for an intent: the operator account's prefix and the journal's own key.

    Made from the intent each time rather than kept whole in its request: a journal key's digits could
    read as a card number there, which the journal rightly refuses to hold.
    """
    return f"{intent.request['key_prefix']}-{intent.key}"


def _ask(operator: CardOperator, card: CardOnFile | None, intent: IntentView) -> dict[str, Any]:
    request = intent.request
    operation = Operation(request["operation"])
    key = idempotency_key(intent)
    amount, currency = int(request.get("amount_minor") or 0), str(request.get("currency") or "")
    done: Done
    match operation:
        case Operation.SAVE:
            if isinstance(operator, KeepsCardsUntil):
                keep_until = date.fromisoformat(str(request["delete_after"])) if request.get("delete_after") else None
                saved = operator.save_card_until(str(request["card_source"]), str(request["holder"]), key, keep_until)
            else:
                saved = operator.save_card(str(request["card_source"]), str(request["holder"]), key)
            return {"token": saved.token, "customer": saved.customer, "brand": saved.brand,
                    "masked_pan": saved.masked_pan, "expiry": saved.expiry}
        case Operation.DELETE:
            assert card is not None
            operator.delete_card(card, key)
            return {"deleted": True}
        case Operation.CHARGE:
            assert card is not None
            done = operator.charge(card, amount, currency, key)
        case Operation.PRE_AUTHORISE:
            assert card is not None
            done = operator.pre_authorise(card, amount, currency, key)
        case Operation.CAPTURE:
            done = operator.capture(str(request["reference"]), amount, key, currency)
        case Operation.RELEASE:
            done = operator.release(str(request["reference"]), key)
        case Operation.REFUND if request.get("whole_same_day") and isinstance(operator, ReversesPayments):
            done = operator.reverse(str(request["reference"]), key)
        case Operation.REFUND:
            done = operator.refund(str(request["reference"]), amount, key, currency)
    return _done_payload(done)


def _done_payload(done: Done) -> dict[str, Any]:
    payload: dict[str, Any] = {"reference": done.reference, "amount_minor": done.amount_minor,
                               "currency": done.currency}
    if done.reversed:
        payload["reversed"] = True
    return payload


def operator_call(operator: CardOperator, card: CardOnFile | None) -> DeviceCall:
    """The call of :func:`perform` for one operator; a Cancel before the request leaves stops it."""

    def call(intent: IntentView, progress: Progress, cancel: threading.Event) -> Answer:
        if cancel.is_set():
            return Answer(EventType.CANCELLED, {"reason": "aborted", "by_us": True})
        progress("contacting_operator")
        asked = operator.stopping_on(cancel) if isinstance(operator, SendsAgain) else operator
        try:
            payload = _ask(asked, card, intent)
        except HoldExpired as exc:
            return Answer(EventType.DECLINED, {"reason": "preauth_unavailable", "code": exc.code,
                                               "error": exc.message})
        except Declined as exc:
            return Answer(EventType.DECLINED, {"reason": "declined", "code": exc.code,
                                               "decline_code": exc.decline_code, "error": exc.message})
        except Refused as exc:
            return Answer(EventType.FAILED, {"reason": "refused", "code": exc.code, "error": exc.message})
        except AnswerLost:
            raise  # perform() journals it as unknown; reconciliation asks the operator by our key
        return Answer(EventType.APPROVED, payload)

    return call


def _card_of(session: Session, intent_request: dict[str, Any]) -> CardOnFile | None:
    card_id = intent_request.get("saved_card")
    if card_id is None:
        return None
    row = session.get_one(SavedCard, int(card_id))
    return CardOnFile(row.token, row.customer)


# --- settling -----------------------------------------------------------------------------------


def settle_online_intent(session: Session, actor: Actor, intent: IntentView) -> int | None:
    """Write what the operator did: the saved card, its deletion, or the card record and payment
    exactly as a terminal's (called only by the journal's settle)."""
    require(actor, Right.OPERATE_DEVICES)
    view = journal.load_intent(session, intent.id)
    answer: dict[str, Any] = dict(view.answer.payload) if view.answer is not None else {}
    kind = OnlineKind(intent.kind)
    request = intent.request
    if kind is OnlineKind.SAVE:
        session.add(SavedCard(
            operator_id=int(request["operator_id"]), token=str(answer["token"]), customer=str(answer["customer"]),
            masked_pan=str(answer["masked_pan"]), brand=str(answer["brand"]), expiry=str(answer["expiry"]),
            holder=str(request["holder"]), reservation_id=request.get("reservation_id"),
            company_id=request.get("company_id"), event_id=request.get("event_id"),
            delete_after=date.fromisoformat(str(request["delete_after"])), intent_id=intent.id,
            created_by=actor.username))
        session.flush()
        return None
    if kind is OnlineKind.DELETE:
        row = session.get_one(SavedCard, int(request["saved_card"]), with_for_update=True)
        row.deleted_at, row.deleted_by = utcnow(), actor.username
        session.flush()
        return None
    assert intent.amount is not None
    amount = intent.amount
    if answer.get("amount_minor") is not None:
        amount = Money.from_minor(answer["amount_minor"], intent.amount.currency)
    card = session.get(SavedCard, int(request["saved_card"])) if request.get("saved_card") else None
    shown = {"brand": card.brand if card else "", "masked_pan": card.masked_pan if card else "",
             "reference": str(answer.get("reference") or "")}
    operation = RECORD_OPERATION[kind]
    if kind is OnlineKind.REFUND and answer.get("reversed"):
        operation = CardRecordKind.REVERSAL
    payment = None
    if kind in (OnlineKind.CHARGE, OnlineKind.CAPTURE):
        assert intent.bill_id is not None
        payment = record_card_money(session, actor, intent.bill_id, amount, method=cards.booked_method(session),
                                    payer_name=str(request.get("payer") or ""), text=cards.payment_text(shown))
    elif kind is OnlineKind.REFUND:
        assert intent.payment_id is not None
        text = texts.fill(texts.card_refund_text(operation, intent.payment_id, texts.card_reference(shown)))
        payment = record_card_refund(session, actor, intent.payment_id, amount, text=text[:240])
    session.add(CardRecord(
        operation=operation, intent_id=intent.id, amount=amount, terminal=intent.device, receipt_no=None,
        trace_no=None, brand=shown["brand"], masked_pan=shown["masked_pan"], reference=shown["reference"][:64],
        folio_id=intent.folio_id, payment_id=payment.id if payment is not None else None,
        original_id=request.get("original") or request.get("hold"),
        details={"operator_id": int(request["operator_id"]), "saved_card": request.get("saved_card"),
                 "card_came": str(request.get("card_came") or CardCame.SAVED.value)},
        created_by=actor.username, workstation=actor.workstation))
    session.flush()
    return payment.id if payment is not None else None


# --- asking what became of it -------------------------------------------------------------------


def awaits_confirmation(intent: IntentView) -> bool:
    """Pending because the operator has it and confirms it by webhook (Adyen's "received"), not because
    its answer was lost: what Pending card operations says of it."""
    unknown = [event for event in intent.events if event.type is journal.EventType.UNKNOWN]
    return (intent.state is journal.IntentState.UNKNOWN and bool(unknown)
            and str(unknown[-1].payload.get("error", "")).startswith(f"{AwaitingConfirmation.__name__}:"))



class OnlineResolver:
    """Asks the operator what it did under our key, and settles it."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner

    def did_it_happen(self, intent: IntentView) -> Resolution:
        request = intent.request
        settings = self.runner.read(operator_settings, int(request["operator_id"]))
        card = self.runner.read(_card_of, request)
        operator = connect_operator(settings)
        if isinstance(operator, AsksAgain) and Operation(request["operation"]) in operator.asked_again:
            return _asked_again(operator.repeating(), card, intent)
        found = operator.find(
            Operation(request["operation"]), idempotency_key(intent), card=card,
            reference=str(request.get("reference") or ""), holder=str(request.get("holder") or ""), asked=request)
        if found.finding is Finding.CANNOT_TELL:
            return Resolution(Verdict.STILL_UNKNOWN, {"error": "the operator could not be asked"})
        if found.finding is Finding.AWAITING_CONFIRMATION:
            return Resolution(Verdict.STILL_UNKNOWN, {"awaiting_confirmation": True})
        if found.finding is Finding.NOT_DONE and found.maybe_left_at_operator:
            logger.warning("online card operation %s: not found at %s, which may keep the card without a way to "
                           "ask for it; look for it in the operator's own records (Converge: Card Manager) and "
                           "delete it there", intent.key, intent.device)
            return Resolution(Verdict.DID_NOT_HAPPEN,
                              {"found": "nothing under our key", "maybe_left_at_operator": True})
        if found.finding is Finding.NOT_DONE:
            return Resolution(Verdict.DID_NOT_HAPPEN, {"found": "nothing under our key"})
        if found.saved is not None:
            saved = found.saved
            return Resolution(Verdict.HAPPENED, {"token": saved.token, "customer": saved.customer,
                                                 "brand": saved.brand, "masked_pan": saved.masked_pan,
                                                 "expiry": saved.expiry})
        if found.done is not None:
            return Resolution(Verdict.HAPPENED, _done_payload(found.done))
        return Resolution(Verdict.HAPPENED, {"deleted": True})

    def settle(self, session: Session, actor: Actor, intent: IntentView) -> int | None:
        return settle_online_intent(session, actor, intent)


def _asked_again(operator: CardOperator, card: CardOnFile | None, intent: IntentView) -> Resolution:
    """The operation sent again as a repetition of the first: the operator answers what it did then, or
    does it now if the first never reached it; a refusal now means it was not done."""
    try:
        payload = _ask(operator, card, intent)
    except (Declined, HoldExpired, Refused) as exc:
        return Resolution(Verdict.DID_NOT_HAPPEN, {"code": exc.code, "error": exc.message})
    except AnswerLost as exc:
        return Resolution(Verdict.STILL_UNKNOWN, {"error": str(exc)})
    return Resolution(Verdict.HAPPENED, payload)


def reconcile_online(runner: Runner, actor: Actor, intent_ids: list[int] | None = None, *,
                     kinds: frozenset[str] = ONLINE_KINDS) -> Reconciled:
    """Resolve this workstation's online card operations that never got their end."""
    resolver = OnlineResolver(runner)
    done = journal.reconcile(runner, dict.fromkeys(ONLINE_KINDS, resolver), actor, workstation=actor.workstation,
                             kinds=kinds, intent_ids=intent_ids)
    for intent_id in done.closed:
        runner.run(note_card_left_at_operator, actor, intent_id)
    return done


def left_at_operator(session: Session, intent_ids: list[int]) -> tuple[str, ...]:
    """Of these closed operations, the operators of card saves that may keep the card the desk never got."""
    views = [journal.load_intent(session, intent_id) for intent_id in intent_ids]
    return tuple(view.device for view in views
                 if view.outcome is not None and view.outcome.payload.get("maybe_left_at_operator"))


# The trail's kind for it (desk.audit.models.AuditKind.CARD_LEFT_AT_OPERATOR: the trail sits above the cards).
CARD_LEFT_AT_OPERATOR = "card_left_at_operator"


def note_card_left_at_operator(session: Session, actor: Actor, intent_id: int) -> None:
    """A card save closed as not done though the operator may keep the card (its answer lost, and no way
    to ask for a token): the trail keeps it, for a manager to delete the card in the operator's own records."""
    require(actor, Right.OPERATE_DEVICES)
    intent = journal.load_intent(session, intent_id)
    if intent.outcome is None or not intent.outcome.payload.get("maybe_left_at_operator"):
        return
    request = intent.request
    owner = {name: request[field] for name, field in (("reservation", "reservation_id"), ("company", "company_id"),
                                                      ("event", "event_id")) if request.get(field) is not None}
    note(session, AuditNote(
        CARD_LEFT_AT_OPERATOR, actor.username, actor.workstation,
        f"card save {intent.key}: answer lost, {intent.device} may keep the card; look it up in its Card Manager "
        "and delete it there", subject=f"card save {intent.key}"[:80],
        detail={"key": intent.key, "operator": intent.device, "holder": str(request.get("holder") or ""), **owner}))


# --- the flows ----------------------------------------------------------------------------------


# Each operator's decline code for "the cardholder must authenticate": Stripe's, Saferpay's ErrorName.
CARDHOLDER_NEEDED = frozenset({"authentication_required", "PAYER_AUTHENTICATION_REQUIRED"})
# Converge's refusal of a part of a payment not yet settled.
WHOLE_ONLY_BEFORE_SETTLEMENT = UNSETTLED
# Adyen answers resultCode "Refused" for every refusal; its refusalReasonCode 38, "Authentication
# required", is the issuer asking for SCA (docs.adyen.com/development-resources/refusal-reasons).
ADYEN_AUTHENTICATION_REQUIRED = ("Refused", "38")


@dataclass(frozen=True)
class OnlineOutcome:
    """How an online card operation ended, for the clerk."""

    intent: IntentView
    error: str = ""

    @property
    def settled(self) -> bool:
        return self.intent.state is journal.IntentState.SETTLED

    @property
    def pending(self) -> bool:
        return self.intent.state.is_open

    @property
    def payment_id(self) -> int | None:
        return self.intent.settled_payment_id

    @property
    def reason(self) -> str:
        outcome = self.intent.outcome
        return str(outcome.payload.get("reason", "")) if outcome is not None else ""

    @property
    def hold_expired(self) -> bool:
        """The bank had already dropped the hold (R16): offer to charge the saved card directly."""
        return self.reason == "preauth_unavailable"

    @property
    def card_may_be_left_at_operator(self) -> bool:
        """Not saved here, though the operator may keep the card (an unanswered Converge ccgettoken): the
        clerk is told to look for it in the operator's own records and delete it there."""
        outcome = self.intent.outcome
        return outcome is not None and bool(outcome.payload.get("maybe_left_at_operator"))

    @property
    def whole_only_before_settlement(self) -> bool:
        """Refused because the operator gives back only the whole payment until its day is settled
        (Converge voids a payment then, and returns a part only after): the clerk is told so, in their
        language, instead of the operator's own English."""
        return self.intent.state is journal.IntentState.FAILED and self.code == WHOLE_ONLY_BEFORE_SETTLEMENT

    @property
    def awaiting_confirmation(self) -> bool:
        """The operator has the request and confirms it later by webhook (Adyen's "received")."""
        return self.pending and self.error.startswith(f"{AwaitingConfirmation.__name__}:")

    @property
    def code(self) -> str:
        outcome = self.intent.outcome
        return str(outcome.payload.get("code", "")) if outcome is not None else ""

    @property
    def needs_cardholder(self) -> bool:
        """Declined because the bank wants the cardholder to authenticate (3-D Secure), which no charge
        without the guest can give: take it on the terminal with the guest present."""
        if self.intent.state is not journal.IntentState.DECLINED:
            return False
        return self.code in CARDHOLDER_NEEDED or (self.code, self.decline_code) == ADYEN_AUTHENTICATION_REQUIRED

    @property
    def decline_code(self) -> str:
        outcome = self.intent.outcome
        return str(outcome.payload.get("decline_code", "")) if outcome is not None else ""


@dataclass(frozen=True)
class Watch:
    progress: Progress | None = None
    cancel: threading.Event | None = None


def run_online_operation(runner: Runner, actor: Actor, kind: OnlineKind, operator_id: int, asked: OnlineRequest,
                         watch: Watch | None = None) -> OnlineOutcome:
    """Plan, perform and settle one online card operation; a lost answer is asked about at once."""
    watch = watch or Watch()
    request, settings = runner.read(plan_online_operation, actor, kind, operator_id, asked)
    card = runner.read(_card_of, request.request)
    operator = connect_operator(settings)
    done = perform(runner, actor, request, operator_call(operator, card), OnlineResolver(runner),
                   progress=watch.progress, cancel=watch.cancel, record=record_card_intent)
    intent = done.intent
    stopped = watch.cancel is not None and watch.cancel.is_set()
    # A clerk who stopped waiting is not kept waiting for the enquiry either: the pending operations ask it.
    if intent.state.is_open and not stopped:
        try:
            reconcile_online(runner, actor, [intent.id])
        except Exception:  # left for the pending operations
            logger.warning("online card operation %s left pending", intent.key, exc_info=True)
        intent = runner.read(journal.load_intent, intent.id)
    outcome = OnlineOutcome(intent, done.error)
    if outcome.hold_expired:
        runner.run(note_hold_expired, actor, intent.id)
    return outcome


def save_card(runner: Runner, actor: Actor, operator_id: int, card_source: str, holder: str, *,
              reservation_id: int | None = None, company_id: int | None = None, event_id: int | None = None,
              card_came: CardCame = CardCame.NEW, watch: Watch | None = None) -> OnlineOutcome:
    asked = OnlineRequest(card_source=card_source, holder=holder, reservation_id=reservation_id,
                          company_id=company_id, event_id=event_id, card_came=card_came)
    return run_online_operation(runner, actor, OnlineKind.SAVE, operator_id, asked, watch)


def reference_operators(session: Session) -> list[OperatorInfo]:
    """The hotel's operators that save a card from a terminal transaction's reference (Saferpay), by name."""
    return [info for info in list_operators(session) if info.operator == "saferpay"]


def save_card_by_terminal_reference(runner: Runner, actor: Actor, operator_id: int, reference: str, holder: str, *,
                                    reservation_id: int | None = None, company_id: int | None = None,
                                    event_id: int | None = None, watch: Watch | None = None) -> OnlineOutcome:
    """Verify and save credit card with the terminal at a Worldline hotel (R10, omni-channel): the card's
    0.01 pre-authorisation on the terminal printed its transaction reference, which the clerk types here,
    and Saferpay turns that transaction's card into an alias. ZVT hands the desk no such reference (see
    desk.cards.operators.saferpay); Saferpay refuses one that names no transaction, and nothing is saved."""
    require(actor, Right.TAKE_PAYMENT)
    if runner.read(operator_settings, operator_id).info.operator != "saferpay":
        raise InvalidInput("Only Saferpay saves a card from a terminal transaction's reference", field="operator")
    return save_card(runner, actor, operator_id, reference, holder, reservation_id=reservation_id,
                     company_id=company_id, event_id=event_id, card_came=CardCame.TERMINAL, watch=watch)


def save_new_card(runner: Runner, actor: Actor, operator_id: int, page: CardPage, holder: str, *,
                  reservation_id: int | None = None, company_id: int | None = None, event_id: int | None = None,
                  watch: Watch | None = None) -> OnlineOutcome | None:
    """Verify and save credit card with "New card" (R10): the guest types the card on the operator's own
    page (``page``), never in a field of ours; what the page gives back is saved. None: the page was closed."""
    operator = runner.read(operator_settings, operator_id).info.operator
    source = page.new_card(operator)
    if not source:
        return None
    return save_card(runner, actor, operator_id, source, holder, reservation_id=reservation_id,
                     company_id=company_id, event_id=event_id, watch=watch)


def charge_saved_card(runner: Runner, actor: Actor, operator_id: int, saved_card_id: int, bill_id: int, amount: Any,
                      *, approval: ManagerApproval | None = None, allow_overpay: bool = False,
                      payer_name: str = "", watch: Watch | None = None) -> OnlineOutcome:
    asked = OnlineRequest(CardRequest(bill_id=bill_id, amount=amount, approval=approval, allow_overpay=allow_overpay,
                                      payer_name=payer_name), saved_card_id=saved_card_id)
    return run_online_operation(runner, actor, OnlineKind.CHARGE, operator_id, asked, watch)


def pre_authorise_saved_card(runner: Runner, actor: Actor, operator_id: int, saved_card_id: int, folio_id: int,
                             amount: Any, *, watch: Watch | None = None) -> OnlineOutcome:
    asked = OnlineRequest(CardRequest(folio_id=folio_id, amount=amount), saved_card_id=saved_card_id)
    return run_online_operation(runner, actor, OnlineKind.PRE_AUTHORISATION, operator_id, asked, watch)


def capture_online_hold(runner: Runner, actor: Actor, operator_id: int, hold_id: int, amount: Any = None, *,
                        bill_id: int | None = None, watch: Watch | None = None) -> OnlineOutcome:
    asked = OnlineRequest(CardRequest(hold_id=hold_id, amount=amount, bill_id=bill_id))
    return run_online_operation(runner, actor, OnlineKind.CAPTURE, operator_id, asked, watch)


def release_online_hold(runner: Runner, actor: Actor, operator_id: int, hold_id: int, *,
                        approval: ManagerApproval | None = None, watch: Watch | None = None) -> OnlineOutcome:
    asked = OnlineRequest(CardRequest(hold_id=hold_id, approval=approval))
    return run_online_operation(runner, actor, OnlineKind.RELEASE, operator_id, asked, watch)


def refund_online_payment(runner: Runner, actor: Actor, operator_id: int, payment_id: int, amount: Any = None, *,
                          approval: ManagerApproval | None = None, watch: Watch | None = None) -> OnlineOutcome:
    asked = OnlineRequest(CardRequest(payment_id=payment_id, amount=amount, approval=approval))
    return run_online_operation(runner, actor, OnlineKind.REFUND, operator_id, asked, watch)


def delete_saved_card(runner: Runner, actor: Actor, saved_card_id: int, *, watch: Watch | None = None) -> OnlineOutcome:
    card = runner.read(lambda s: s.get_one(SavedCard, saved_card_id).operator_id)
    return run_online_operation(runner, actor, OnlineKind.DELETE, card, OnlineRequest(saved_card_id=saved_card_id),
                                watch)


@dataclass
class Purged:
    deleted: list[int]
    pending: list[int]
    errors: dict[int, str | DeskError]


def purge_saved_cards(runner: Runner, actor: Actor, today: date | None = None) -> Purged:
    """Delete, at the operator and here, every saved card past its date (R11); each deletion journalled."""
    result = Purged([], [], {})
    # A deletion whose answer was lost last time is asked about first: it may be done already.
    reconcile_online(runner, actor, kinds=frozenset({OnlineKind.DELETE.value}))
    for card_id in runner.read(cards_to_purge, today):
        try:
            outcome = delete_saved_card(runner, actor, card_id)
        except Exception as exc:  # one card's trouble must not keep the others
            logger.warning("saved card %s not deleted: %s", card_id, exc)
            # A refusal of the desk's own is kept whole, to be said in the clerk's language; the rest as it came.
            result.errors[card_id] = exc if isinstance(exc, DeskError) else str(exc)
            continue
        if outcome.settled:
            result.deleted.append(card_id)
        elif outcome.pending:
            result.pending.append(card_id)
        else:
            result.errors[card_id] = outcome.reason or outcome.intent.state.value
    return result

