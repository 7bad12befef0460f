"""Card terminal payments on the ledger: what each operation may do, and what the terminal did.

A card operation is a journal intent (:mod:`desk.journal.intents`) planned here, under the clerk's
rights, before the terminal is asked; the terminal's answer becomes a :class:`CardRecord` and,
for money that moved, a ledger payment (method kind CARD) whose Text is the terminal's
reference (R12), both written in the journal's settle step. A refund or a capture has a key of its
own that two desks compute alike, so a payment is refunded, and a hold used, at most once.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, assert_never

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CARD_MONEY_IN, CardKind, CardRecord, CardRecordKind
from desk.cards.terminals import TerminalSettings, terminal_settings
from desk.core.errors import N_, DeskError, InvalidInput, NotFound
from desk.core.money import Money
from desk.fiscal.content import receipt_refusal
from desk.hotel.models import CurrencyRate, MethodKind, PaymentMethod
from desk.journal.intents import (
    IntentRequest,
    IntentState,
    IntentView,
    intent_by_key,
    load_intent,
    record_intent,
    unresolved_intent,
)
from desk.journal.models import JournalIntent
from desk.ledger import texts
from desk.ledger.folios import BillView, FolioView, PaymentLine, load_folio
from desk.ledger.lookup import get, in_base, open_bill_for_update, require_fits, require_positive
from desk.ledger.models import Bill, Folio, Payment, PaymentKind
from desk.ledger.payments import (
    overpays,
    record_card_money,
    record_card_refund,
    refund_refusal,
    refuse_while_card_payment_unresolved,
)
from desk.people.auth import Actor, ManagerApproval, authorise
from desk.people.rights import Right, may, require

HOLD_WARN_DAYS = 5  # banks drop holds after about 5-10 days and tell nobody (R16)


RECORD_OPERATION = {
    CardKind.SALE: CardRecordKind.SALE,
    CardKind.REFUND: CardRecordKind.REFUND,
    CardKind.REVERSAL: CardRecordKind.REVERSAL,
    CardKind.PRE_AUTHORISATION: CardRecordKind.PRE_AUTHORISATION,
    CardKind.CAPTURE: CardRecordKind.CAPTURE,
    CardKind.RELEASE: CardRecordKind.RELEASE,
}
# Operations that put money on (+1) or take it off (-1) a card, as the terminal's batch counts them.
MONEY_SIGN = {CardRecordKind.SALE: 1, CardRecordKind.CAPTURE: 1, CardRecordKind.REFUND: -1}
# What each operation books on the ledger when it settles: money taken from the card is a payment on a
# bill, money given back a refund of the card payment. A hold and its release book nothing.
BOOKED_PAYMENT = {CardKind.SALE: PaymentKind.PAYMENT, CardKind.CAPTURE: PaymentKind.PAYMENT,
                  CardKind.REFUND: PaymentKind.REFUND, CardKind.REVERSAL: PaymentKind.REFUND}


class HoldState(enum.StrEnum):
    OPEN = "open"
    CAPTURED = "captured"  # in full
    PARTLY_CAPTURED = "partly_captured"  # the rest released
    RELEASED = "released"
    EXPIRED = "expired"  # the bank had already dropped it (R16)


# --- planning an operation (T0: rights and checks, before the intent) ----------------------------


@dataclass(frozen=True)
class Hold:
    """A pre-authorisation on a card, its state read from the records pointing at it."""

    id: int
    folio_id: int | None
    amount: Money
    created_at: datetime
    state: HoldState
    captured: Money | None
    terminal: str
    brand: str
    masked_pan: str
    receipt_no: int | None
    trace_no: int | None
    auth_code: str
    owner: str = ""  # reservation number or folio, for the list of all open holds
    operator_id: int | None = None  # held at an online operator (its saved card), not on a terminal
    saved_card_id: int | None = None

    @property
    def age_days(self) -> int:
        return (datetime.now(UTC) - self.created_at.astimezone(UTC)).days

    @property
    def is_old(self) -> bool:
        return self.state is HoldState.OPEN and self.age_days > HOLD_WARN_DAYS


def _accepted(session: Session, currency: str) -> bool:
    from desk.hotel.reference import base_currency
    from hardware.terminal.zvt.codes import CURRENCIES

    hotel_takes = currency == base_currency(session) or session.get(CurrencyRate, currency) is not None
    return hotel_takes and currency in CURRENCIES


# Said whether the payment or hold was used on a terminal or online.
ALREADY_REFUNDED = N_("This card payment was already refunded: it is refunded once")
HOLD_USED_ONCE = N_("This pre-authorisation was already used: it is used once")
# Why a hold is used once, by its state: said in the clerk's language, not as the state's name.
HOLD_USED = {
    HoldState.CAPTURED: N_("This pre-authorisation was already captured: it is used once"),
    HoldState.PARTLY_CAPTURED: N_("This pre-authorisation was already captured: it is used once"),
    HoldState.RELEASED: N_("This pre-authorisation was already released: it is used once"),
    HoldState.EXPIRED: N_("This pre-authorisation has expired: the bank released it"),
}


def _key_family(session: Session, prefix: str, done: str, field: str) -> str:
    """The next key of a family ("refund:12:"): refused while one is open or once one went through
    (``done``: the refusal then, whether it was done on a terminal or online)."""
    views = [load_intent(session, i) for i in session.scalars(
        select(JournalIntent.id).where(JournalIntent.key.startswith(prefix, autoescape=True)))]
    if any(v.state is IntentState.SETTLED for v in views):
        raise InvalidInput(done, field=field)
    if any(v.state.is_open for v in views):
        raise InvalidInput("A card operation on this is still pending: resolve it first", field="payment")
    return f"{prefix}{len(views)}"


def record_card_intent(session: Session, actor: Actor, request: IntentRequest) -> IntentView:
    """T1 of a card operation. A payment on a bill is checked again with the bill locked: planning
    only read, and two desks starting one at the same moment must not both go ahead."""
    require(actor, Right.OPERATE_DEVICES)
    if request.kind in CARD_MONEY_IN and request.bill_id is not None and (
            request.key is None or intent_by_key(session, request.key) is None):
        open_bill_for_update(session, request.bill_id)
        refuse_while_card_payment_unresolved(session, request.bill_id)
    return record_intent(session, actor, request)


def card_record_of_payment(session: Session, payment_id: int) -> CardRecord | None:
    return session.scalar(select(CardRecord).where(
        CardRecord.payment_id == payment_id,
        CardRecord.operation.in_([CardRecordKind.SALE, CardRecordKind.CAPTURE])))


def _hold_record(session: Session, hold_id: int) -> CardRecord:
    record = session.get(CardRecord, hold_id)
    if record is None or record.operation is not CardRecordKind.PRE_AUTHORISATION:
        raise NotFound("There is no pre-authorisation {hold}", hold=hold_id)
    return record


def _batch_closed_since(session: Session, record: CardRecord) -> bool:
    return session.scalar(select(CardRecord.id).where(
        CardRecord.operation == CardRecordKind.END_OF_DAY, CardRecord.terminal == record.terminal,
        CardRecord.workstation == record.workstation, CardRecord.id > record.id)) is not None


@dataclass(frozen=True)
class CardRequest:
    """What the clerk asked of a card operation. Which fields count depends on its kind: a sale
    names a bill, a pre-authorisation a folio, a refund a payment, a capture or release a hold."""

    amount: Money | None = None
    bill_id: int | None = None
    folio_id: int | None = None
    payment_id: int | None = None
    hold_id: int | None = None
    approval: ManagerApproval | None = None
    allow_overpay: bool = False
    payer_name: str = ""  # as the clerk typed it; the bill's payer when empty


@dataclass(frozen=True)
class PlannedCard:
    """What one kind of operation decided: the intent's kind, amount, links, key and request fields."""

    kind: CardKind
    amount: Money
    folio_id: int | None
    bill_id: int | None = None
    payment_id: int | None = None
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    fields: dict[str, Any] = field(default_factory=dict)


def plan_card_operation(
    session: Session, actor: Actor, kind: CardKind, terminal_id: int, asked: CardRequest
) -> IntentRequest:
    """Check a card operation and say what to ask the terminal; nothing is written.

    Sale and capture land on a bill; pre-authorisation on a folio; refund on a card payment (a
    same-day full refund still in the terminal's batch becomes a reversal); capture and release on
    an open hold, at most once between them.
    """
    require(actor, Right.TAKE_PAYMENT)
    info = terminal_settings(session, terminal_id).info
    planned = plan_rules(session, actor, kind, asked)
    acted_on = planned.fields.get("hold") or planned.fields.get("original")
    if acted_on is not None:
        record = session.get_one(CardRecord, int(acted_on))
        if record.reference:
            raise InvalidInput("This was done online at {operator}: do it there, not on a terminal",
                               field="payment", operator=record.terminal)
    request = {"terminal_id": info.id, "terminal": info.name, **planned.fields, "operation": planned.kind.value,
               "amount_minor": planned.amount.minor, "currency": planned.amount.currency}
    return IntentRequest(kind=planned.kind.value, device=info.name, request=request, amount=planned.amount,
                         folio_id=planned.folio_id, bill_id=planned.bill_id, payment_id=planned.payment_id,
                         key=planned.key)


def plan_rules(session: Session, actor: Actor, kind: CardKind, asked: CardRequest) -> PlannedCard:
    """The rules of a card operation wherever it is done (a terminal or an online operator): the
    clerk's rights, the amount, what it acts on, and its key (once per payment or hold)."""
    require(actor, Right.TAKE_PAYMENT)
    match kind:
        case CardKind.SALE:
            planned = _plan_sale(session, actor, asked)
        case CardKind.PRE_AUTHORISATION:
            planned = _plan_pre_authorisation(session, asked)
        case CardKind.REFUND | CardKind.REVERSAL:
            planned = _plan_refund(session, actor, asked)
        case CardKind.CAPTURE | CardKind.RELEASE:
            planned = _plan_hold_use(session, actor, kind, asked)
        case _:
            assert_never(kind)
    return planned


def _new_amount(session: Session, amount: Money | None) -> Money:
    if amount is None:
        raise InvalidInput("Enter the amount", field="amount")
    require_positive(amount)
    if not _accepted(session, amount.currency):
        raise InvalidInput("The terminal cannot take {currency}", field="currency", currency=amount.currency)
    return amount


def _plan_sale(session: Session, actor: Actor, asked: CardRequest) -> PlannedCard:
    amount = _new_amount(session, asked.amount)
    if asked.bill_id is None:
        raise InvalidInput("Choose the bill to pay", field="bill")
    bill = get(session, Bill, asked.bill_id, "Bill")
    # Until the first sale's end is known, a second one could charge the guest twice.
    refuse_while_card_payment_unresolved(session, bill.id)
    _, base_amount = in_base(session, amount)
    # As with any payment: more than the bill owes only when the clerk confirmed it, with the right.
    if overpays(session, bill, base_amount, confirmed=asked.allow_overpay) and not may(actor.role, Right.OVERPAY):
        authorise(session, actor, Right.OVERPAY, asked.approval)
    require_fits(asked.payer_name, 160, "payer")
    payer = {"payer": asked.payer_name.strip()} if asked.payer_name.strip() else {}
    return PlannedCard(CardKind.SALE, amount, bill.folio_id, bill_id=bill.id, fields=payer)


def _plan_pre_authorisation(session: Session, asked: CardRequest) -> PlannedCard:
    amount = _new_amount(session, asked.amount)
    if asked.folio_id is None:
        raise InvalidInput("Choose the folio to pre-authorise for", field="folio")
    get(session, Folio, asked.folio_id, "Folio")
    if unresolved_intent(session, (CardKind.PRE_AUTHORISATION,), JournalIntent.folio_id == asked.folio_id):
        raise InvalidInput("A pre-authorisation on this folio is still unresolved: settle it in Pending "
                           "card operations first", field="folio")
    return PlannedCard(CardKind.PRE_AUTHORISATION, amount, asked.folio_id)


def _plan_refund(session: Session, actor: Actor, asked: CardRequest) -> PlannedCard:
    authorise(session, actor, Right.REFUND, asked.approval)
    if asked.payment_id is None:
        raise InvalidInput("Choose the card payment to refund", field="payment")
    payment = get(session, Payment, asked.payment_id, "Payment")
    original = card_record_of_payment(session, payment.id)
    if original is None:
        raise InvalidInput("Only a payment made on a card terminal is refunded on it", field="payment")
    # Each card payment is refunded once (R13): that refusal says more than "nothing left to refund".
    key = _key_family(session, f"refund:{payment.id}:", ALREADY_REFUNDED, "payment")
    line = load_folio(session, payment.folio_id).payment(payment.id)
    amount = asked.amount if asked.amount is not None else line.refundable
    require_positive(amount)
    refusal = refund_refusal(line, amount)
    if refusal is not None:
        raise refusal
    same_batch = (original.operation is CardRecordKind.SALE and amount == payment.amount
                  and payment.paid_on == date.today() and not _batch_closed_since(session, original))
    return PlannedCard(CardKind.REVERSAL if same_batch else CardKind.REFUND, amount, payment.folio_id,
                    bill_id=payment.bill_id, payment_id=payment.id, key=key,
                    fields={"original": original.id, "receipt_no": original.receipt_no})


def _plan_hold_use(session: Session, actor: Actor, kind: CardKind, asked: CardRequest) -> PlannedCard:
    if kind is CardKind.RELEASE:
        authorise(session, actor, Right.RELEASE_PREAUTH, asked.approval)
    if asked.hold_id is None:
        raise InvalidInput("Choose the pre-authorisation", field="hold")
    hold = hold_view(session, asked.hold_id)
    if hold.state is not HoldState.OPEN:
        raise InvalidInput(HOLD_USED[hold.state], field="hold")
    record = _hold_record(session, asked.hold_id)
    amount = hold.amount if asked.amount is None or kind is CardKind.RELEASE else asked.amount
    require_positive(amount)
    if amount.currency != hold.amount.currency:
        raise InvalidInput("This pre-authorisation is in {currency}", field="currency", currency=hold.amount.currency)
    if amount > hold.amount:
        raise InvalidInput("At most {amount} is blocked", field="amount", amount=hold.amount)
    bill_id = asked.bill_id
    if kind is CardKind.CAPTURE and bill_id is None:
        bill = capture_bill(load_folio(session, record.folio_id)) if record.folio_id else None
        if bill is None:
            raise InvalidInput("Choose the bill to pay", field="bill")
        bill_id = bill.bill.id
    return PlannedCard(kind, amount, record.folio_id, bill_id=bill_id,
                       key=_key_family(session, f"hold:{asked.hold_id}:", HOLD_USED_ONCE, "hold"),
                       fields={"hold": asked.hold_id, "receipt_no": record.receipt_no, "trace_no": record.trace_no,
                               "auth_code": record.auth_code})


@dataclass(frozen=True)
class CaptureSuggestion:
    """What the capture of a hold is offered as: the bill it lands on and the amount to capture."""

    bill_id: int | None  # None only for a folio without a bill, where a capture is refused
    amount: Money  # in the hold's currency; zero when the bill owes nothing (the clerk types it)


def capture_bill(folio: FolioView, chosen: int | None = None) -> BillView | None:
    """The bill a capture lands on: the clerk's, else the folio's first bill that owes, else its first.

    Landing on a bill that is already paid would leave it overpaid while another still owes.
    """
    if chosen is not None:
        return folio.bill(chosen)
    return next((b for b in folio.bills if b.balance.is_positive), folio.bills[0] if folio.bills else None)


def capture_suggestion(folio: FolioView, held: Money, rates: Mapping[str, Decimal],
                       bill_id: int | None = None) -> CaptureSuggestion:
    """What to capture on a hold of ``held``: the open balance of the bill it lands on, never more than held.

    The balance is in the hotel's currency; a hold in another is offered the balance at ``rates``
    (base units per unit of each currency, as the reservation card holds them), rounded as a sale's
    amount is. A bill that owes nothing, or a currency the hotel no longer rates, suggests nothing:
    the clerk types the amount, or releases the hold.
    """
    nothing = Money.zero(held.currency)
    bill = capture_bill(folio, bill_id)
    if bill is None:
        return CaptureSuggestion(None, nothing)
    owed = bill.balance
    if owed.currency != held.currency:
        rate = rates.get(held.currency)
        if not rate:
            return CaptureSuggestion(bill.bill.id, nothing)
        owed = Money.rounded(owed.amount / rate, held.currency)
    if not owed.is_positive:
        return CaptureSuggestion(bill.bill.id, nothing)
    return CaptureSuggestion(bill.bill.id, min(owed, held))


# --- settling (T2: inside the journal's settle, as the clerk who asked) ---------------------------


def card_method(methods: Iterable[PaymentMethod]) -> PaymentMethod | None:
    """The method a terminal's payments are booked under: the hotel's first card method by code."""
    return min((m for m in methods if m.kind is MethodKind.CARD), key=lambda m: m.code, default=None)


def booked_method(session: Session) -> PaymentMethod:
    method = card_method(session.scalars(select(PaymentMethod).where(PaymentMethod.kind == MethodKind.CARD)))
    if method is None:
        raise InvalidInput("The hotel has no card payment method")
    return method


def card_receipt_refusal(operation: CardKind, methods: Iterable[PaymentMethod], *,
                         has_register: bool) -> InvalidInput | None:
    """Why the payment ``operation`` books may not get a fiscal receipt, or None: the rule of every
    payment's receipt (:func:`desk.fiscal.content.receipt_refusal`) for what the operation books, under
    the card method of the hotel's ``methods``. A sale or capture gets a sale receipt, as cash does,
    a refund a refund receipt; a hold and its release move no money and get none."""
    kind = BOOKED_PAYMENT.get(operation)
    if kind is None:
        return InvalidInput("Only payments and refunds get a fiscal receipt", field="payment")
    method = card_method(methods)
    if method is None:
        return InvalidInput("The hotel has no card payment method")
    return receipt_refusal(method, kind, has_register=has_register)


def payment_text(answer: Mapping[str, Any]) -> str:
    """The Text kept on a card payment: the terminal's reference (R12) in English, never the card number.

    Screens and documents show it in the reader's language from the card record (desk.ledger.texts).
    """
    return texts.fill(texts.card_reference(answer))[:240]


def _new_record(actor: Actor, intent: IntentView, answer: Mapping[str, Any], operation: CardRecordKind,
                amount: Money, **links: Any) -> CardRecord:
    return CardRecord(
        operation=operation, intent_id=intent.id, amount=amount, terminal=intent.device,
        terminal_id=str(answer.get("terminal_id") or ""), receipt_no=answer.get("receipt_no"),
        trace_no=answer.get("trace_no"), auth_code=str(answer.get("auth_code") or ""),
        brand=str(answer.get("brand") or ""), masked_pan=str(answer.get("masked_pan") or ""),
        receipts=list(answer.get("receipts") or []), created_by=actor.username, workstation=actor.workstation,
        **links,
    )


def settle_card_intent(session: Session, actor: Actor, intent: IntentView) -> int | None:
    """Write what the terminal did: the payment (if money moved on a bill) and the card record.

    Called only by the journal's settle. Beyond operating the devices, no right is asked again:
    the operation's own were checked when it was planned, and money the terminal moved is
    recorded whatever changed since.
    """
    require(actor, Right.OPERATE_DEVICES)
    view = load_intent(session, intent.id)
    happened = view.answer
    answer: dict[str, Any] = dict(happened.payload) if happened is not None else {}
    kind = CardKind(intent.kind)
    assert intent.amount is not None
    amount = intent.amount
    if answer.get("amount_minor") is not None:
        amount = Money.from_minor(answer["amount_minor"], intent.amount.currency)
    operation = RECORD_OPERATION[kind]
    original_id = intent.request.get("original") or intent.request.get("hold")
    payment: Payment | None = None
    card = texts.card_reference(answer)
    text = payment_text(answer)
    booked = BOOKED_PAYMENT.get(kind)
    if booked is PaymentKind.PAYMENT:
        assert intent.bill_id is not None
        payment = record_card_money(session, actor, intent.bill_id, amount, method=booked_method(session),
                                    payer_name=str(intent.request.get("payer") or ""), text=text)
    elif booked is PaymentKind.REFUND:
        assert intent.payment_id is not None
        payment = record_card_refund(session, actor, intent.payment_id, amount,
                                     text=texts.fill(texts.card_refund_text(operation, intent.payment_id, card))[:240])
    session.add(_new_record(actor, intent, answer, operation, amount, folio_id=intent.folio_id,
                            payment_id=payment.id if payment is not None else None, original_id=original_id))
    session.flush()
    return payment.id if payment is not None else None


def note_hold_expired(session: Session, actor: Actor, intent_id: int) -> None:
    """The bank had dropped the hold when we tried to capture it (R16): the hold reads "expired"."""
    require(actor, Right.TAKE_PAYMENT)
    intent = load_intent(session, intent_id)
    hold_id = intent.request.get("hold")
    if hold_id is None or session.scalar(select(CardRecord.id).where(CardRecord.intent_id == intent_id)):
        return
    hold = _hold_record(session, int(hold_id))
    session.add(CardRecord(operation=CardRecordKind.EXPIRED, intent_id=intent_id, folio_id=hold.folio_id,
                           original_id=hold.id, amount=hold.amount, terminal=hold.terminal,
                           terminal_id=hold.terminal_id, receipt_no=None, trace_no=None, created_by=actor.username,
                           workstation=actor.workstation))
    session.flush()


# --- reading ------------------------------------------------------------------------------------


def _hold(record: CardRecord, children: list[CardRecord], owner: str = "") -> Hold:
    state, captured = HoldState.OPEN, None
    for child in children:
        if child.operation is CardRecordKind.CAPTURE:
            captured = child.amount
            state = HoldState.CAPTURED if child.amount == record.amount else HoldState.PARTLY_CAPTURED
        elif child.operation is CardRecordKind.RELEASE:
            state = HoldState.RELEASED
        elif child.operation is CardRecordKind.EXPIRED:
            state = HoldState.EXPIRED
    online = record.details.get("operator_id") if record.reference else None
    return Hold(record.id, record.folio_id, record.amount, record.created_at, state, captured, record.terminal,
                record.brand, record.masked_pan, record.receipt_no, record.trace_no, record.auth_code, owner,
                operator_id=online, saved_card_id=record.details.get("saved_card") if online else None)


def _holds(session: Session, *conditions: Any) -> list[Hold]:
    records = list(session.scalars(select(CardRecord).where(
        CardRecord.operation == CardRecordKind.PRE_AUTHORISATION, *conditions).order_by(CardRecord.id)))
    children: dict[int, list[CardRecord]] = {r.id: [] for r in records}
    if records:
        for child in session.scalars(select(CardRecord).where(CardRecord.original_id.in_(children))
                                     .order_by(CardRecord.id)):
            children[child.original_id or 0].append(child)
    owners: dict[int, str] = {}
    for folio_id in {r.folio_id for r in records if r.folio_id is not None}:
        folio = session.get_one(Folio, folio_id)
        owners[folio_id] = folio.reservation.number if folio.reservation is not None else f"#{folio_id}"
    return [_hold(r, children[r.id], owners.get(r.folio_id or 0, "")) for r in records]


def hold_view(session: Session, hold_id: int) -> Hold:
    holds = _holds(session, CardRecord.id == hold_id)
    if not holds:
        raise NotFound("There is no pre-authorisation {hold}", hold=hold_id)
    return holds[0]


def holds_of_folio(session: Session, folio_id: int) -> list[Hold]:
    return _holds(session, CardRecord.folio_id == folio_id)


def open_holds(session: Session) -> list[Hold]:
    """Every hold still open, oldest first (old ones may already be gone at the bank, R16)."""
    return [h for h in _holds(session) if h.state is HoldState.OPEN]


@dataclass(frozen=True)
class CardPaymentInfo:
    """A folio's payment made on a terminal: what the Refund button beside it needs."""

    payment_id: int
    terminal: str
    brand: str
    masked_pan: str
    refunded: bool
    operator_id: int | None = None  # made at an online operator: refunded there, not on a terminal


def card_refund_refusal(line: PaymentLine, card: CardPaymentInfo | None) -> DeskError | None:
    """Why this payment cannot be refunded on the card terminal, or None: the refund rule of every
    payment, and a card payment's own (made on a terminal, refunded there once, R13)."""
    if card is None:
        return InvalidInput("Only a payment made on a card terminal is refunded on it", field="payment")
    if card.refunded:
        return InvalidInput(ALREADY_REFUNDED, field="payment")
    return refund_refusal(line)


def card_payments_of_folio(session: Session, folio_id: int) -> dict[int, CardPaymentInfo]:
    records = session.scalars(select(CardRecord).where(
        CardRecord.folio_id == folio_id,
        CardRecord.operation.in_([CardRecordKind.SALE, CardRecordKind.CAPTURE]),
        CardRecord.payment_id.is_not(None)))
    refunded = set(session.scalars(select(Payment.refund_of_id).where(
        Payment.folio_id == folio_id, Payment.kind == PaymentKind.REFUND, Payment.refund_of_id.is_not(None))))
    return {r.payment_id: CardPaymentInfo(r.payment_id, r.terminal, r.brand, r.masked_pan, r.payment_id in refunded,
                                          r.details.get("operator_id") if r.reference else None)
            for r in records if r.payment_id is not None}


def receipts_of_payment(session: Session, payment_id: int) -> list[dict[str, Any]]:
    """The terminal's merchant and customer receipts for a payment, to print when it has no printer."""
    record = session.scalar(select(CardRecord).where(CardRecord.payment_id == payment_id))
    return list(record.receipts) if record is not None else []


# --- end of day ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One line where the terminal's batch and the ledger disagree."""

    reason: str  # "not_in_batch" | "not_in_ledger" | "by_hand"
    receipt_no: int | None = None
    payment_id: int | None = None
    amount: Money | None = None


@dataclass(frozen=True)
class BrandComparison:
    """One brand of the terminal's individual totals (BMP 60) beside the ledger's card records."""

    brand: str
    terminal_count: int
    terminal_amount: Money
    ledger_count: int
    ledger_amount: Money

    @property
    def matches(self) -> bool:
        return self.terminal_count == self.ledger_count and self.terminal_amount == self.ledger_amount


@dataclass(frozen=True)
class EndOfDayReport:
    """The terminal's end of day against the ledger, as far as the terminal's answer proves.

    With individual totals (BMP 60: receipt range and per-brand totals; `itemised`) each payment
    outside the range is named, and each brand compared. With only the total, only the totals are
    compared: the difference is in the total, and no payment is named as missing.
    """

    terminal: str
    terminal_total: Money
    ledger_total: Money
    count: int
    differences: list[Difference] = field(default_factory=list)
    itemised: bool = True
    brands: list[BrandComparison] = field(default_factory=list)

    @property
    def total_difference(self) -> Money:
        return self.terminal_total - self.ledger_total

    @property
    def matches(self) -> bool:
        return (self.terminal_total == self.ledger_total and not self.differences
                and all(b.matches for b in self.brands))


# ZVT's BMP 60 brands, and the card names of our records that belong to each.
_BRAND_NAMES = (("Eurocard/Mastercard", ("master", "eurocard")), ("Visa", ("visa",)),
                ("American Express", ("amex", "american express")), ("Diners", ("diners",)),
                ("JCB", ("jcb",)), ("girocard", ("girocard", "maestro", "ec ")))


def totals_brand(card_name: str) -> str:
    name = f"{card_name.lower()} "
    return next((brand for brand, words in _BRAND_NAMES if any(w in name for w in words)), "Other")


def _compare_brands(counted: list[CardRecord], brands: list[dict[str, Any]], currency: str) -> list[BrandComparison]:
    ledger: dict[str, tuple[int, Decimal]] = {}
    for record in counted:
        brand = totals_brand(record.brand)
        count, amount = ledger.get(brand, (0, Decimal(0)))
        ledger[brand] = (count + 1, amount + MONEY_SIGN[record.operation] * record.amount.amount)
    terminal = {str(b["brand"]): (int(b["count"]), int(b["amount_minor"])) for b in brands}
    out = []
    for brand in sorted(set(ledger) | set(terminal)):
        t_count, t_amount = terminal.get(brand, (0, 0))
        l_count, l_amount = ledger.get(brand, (0, Decimal(0)))
        out.append(BrandComparison(brand, t_count, Money.from_minor(t_amount, currency), l_count,
                                   Money.of(l_amount, currency)))
    return out


def record_end_of_day(session: Session, actor: Actor, terminal_id: int, total_minor: int, count: int,
                      first_receipt: int | None, last_receipt: int | None,
                      receipts: list[dict[str, Any]] | None = None, *,
                      brands: list[dict[str, Any]] | None = None) -> EndOfDayReport:
    """Keep the terminal's end of day and compare it with the card records since the last one.

    `first_receipt`/`last_receipt` are None when the terminal sent no individual totals (BMP 60);
    `brands` are its per-brand totals ({"brand", "count", "amount_minor"}) when it did.
    """
    require(actor, Right.RUN_CASH_SHIFT)
    settings: TerminalSettings = terminal_settings(session, terminal_id)
    name, currency = settings.info.name, settings.info.currency
    last_close = session.scalar(select(CardRecord.id).where(
        CardRecord.operation == CardRecordKind.END_OF_DAY, CardRecord.terminal == name,
        CardRecord.workstation == actor.workstation).order_by(CardRecord.id.desc()).limit(1)) or 0
    period = list(session.scalars(select(CardRecord).where(
        CardRecord.terminal == name, CardRecord.workstation == actor.workstation, CardRecord.id > last_close)
        .order_by(CardRecord.id)))
    reversed_ids = {r.original_id for r in period if r.operation is CardRecordKind.REVERSAL}
    counted = [r for r in period if r.operation in MONEY_SIGN and r.id not in reversed_ids]
    ledger_total = sum((MONEY_SIGN[r.operation] * r.amount.amount for r in counted), Decimal(0))
    differences: list[Difference] = []
    known = {r.receipt_no for r in period if r.receipt_no is not None}
    itemised = first_receipt is not None and last_receipt is not None
    if first_receipt and last_receipt:
        for record in counted:
            if record.receipt_no is None or not first_receipt <= record.receipt_no <= last_receipt:
                differences.append(Difference("not_in_batch", record.receipt_no, record.payment_id, record.amount))
        for receipt_no in range(first_receipt, last_receipt + 1):
            if receipt_no not in known:
                differences.append(Difference("not_in_ledger", receipt_no))
    elif itemised:
        # The individual totals say the batch was empty: every payment since the last close is missing.
        differences.extend(Difference("not_in_batch", r.receipt_no, r.payment_id, r.amount) for r in counted)
    # Without individual totals the answer proves only the total: no payment is named as missing.
    compared = _compare_brands(counted, brands, currency) if itemised and brands is not None else []
    # Card payments typed in by hand on this workstation: money the terminal never saw.
    since = next((r.created_at for r in period), None)
    if since is not None:
        recorded = {r.payment_id for r in period}
        for payment in session.scalars(select(Payment).join(PaymentMethod).where(
                PaymentMethod.kind == MethodKind.CARD, Payment.workstation == actor.workstation,
                Payment.created_at >= since, Payment.kind == PaymentKind.PAYMENT)):
            if payment.id not in recorded:
                differences.append(Difference("by_hand", None, payment.id, payment.amount))
    terminal_total = Money.from_minor(total_minor, currency)
    session.add(CardRecord(operation=CardRecordKind.END_OF_DAY, amount=terminal_total, terminal=name,
                           receipt_no=None, trace_no=None, receipts=list(receipts or []),
                           details={"count": count, "first_receipt": first_receipt, "last_receipt": last_receipt,
                                    "itemised": itemised, "brands": list(brands or [])},
                           created_by=actor.username, workstation=actor.workstation))
    session.flush()
    return EndOfDayReport(name, terminal_total, Money.of(ledger_total, currency), count, differences,
                          itemised=itemised, brands=compared)
