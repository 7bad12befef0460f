"""Money in and out: payments, deposits, refunds, voids, transfers to a company account."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ScalarSelect, bindparam, select
from sqlalchemy.orm import Session

from desk.cards.models import CARD_MONEY_IN
from desk.cash.shifts import LatestShift, link_cash_payment, require_cash_shift, with_latest_shift
from desk.core.errors import AlreadyReversed, DeskError, InvalidInput, RefundTooLarge, WouldOverpay
from desk.core.money import Money, total
from desk.db.base import locks_rows
from desk.hotel.models import MethodKind, PaymentMethod
from desk.hotel.reference import base_currency, payment_method
from desk.journal.intents import unresolved_intent, unresolved_intent_read
from desk.journal.models import JournalIntent
from desk.ledger import texts
from desk.ledger.accounts import company_folio
from desk.ledger.bills import open_bill
from desk.ledger.folios import FolioView, PaymentLine, bill_balance, bill_owed_params, bill_owed_read, load_folio, owed
from desk.ledger.invoiced import closing_invoice
from desk.ledger.lookup import (
    bill_after_lock,
    bill_and_stay_with,
    company_transfer_refusal,
    ensure_bill_open,
    ensure_open,
    get,
    in_base,
    lock_folio,
    lock_folio_of_bill,
    lock_folios,
    lock_open_bills,
    open_bill_for_update,
    refuse_company_transfer,
    require_base_value,
    require_fits,
    require_positive,
)
from desk.ledger.models import Bill, Folio, Payment, PaymentKind, Posting, PostingKind
from desk.ledger.postings import _reverse, post_charge
from desk.people.auth import Actor, ManagerApproval, authorise
from desk.people.rights import Right, require
from desk.stays.models import Company


class RefundDirection(enum.StrEnum):
    PAYER = "payer"  # back to whoever paid, in cash or to the card
    DEPOSIT = "deposit"  # onto the stay's deposit account, to pay later bills


# Methods a clerk picks for money that really changes hands (not internal transfers).
TENDER_KINDS = (MethodKind.CASH, MethodKind.CARD, MethodKind.TRANSFER, MethodKind.OTHER)


class _Unread(enum.Enum):
    """What a caller passes for a read it did not make."""

    UNREAD = enum.auto()


@dataclass(frozen=True)
class Tender:
    """What the clerk typed in the payment dialog."""

    method_code: str
    amount: Money
    payer_name: str = ""
    paid_on: date | None = None
    text: str = ""


def _require_tender_fits(tender: Tender) -> None:
    require_fits(tender.payer_name, 160, "payer")
    require_fits(tender.text, 240, "text")


def _tender_method(session: Session, code: str) -> PaymentMethod:
    method = payment_method(session, code)
    if method is None:
        raise InvalidInput("There is no payment method “{method}”", field="method", method=code)
    if method.kind not in TENDER_KINDS:
        raise InvalidInput("{method} is not taken at the desk this way", field="method", method=method.name)
    return method


def _record(
    session: Session,
    actor: Actor,
    *,
    folio_id: int,
    bill_id: int | None,
    kind: PaymentKind,
    method: PaymentMethod,
    amount: Money,
    rate: Decimal,
    base_amount: Money,
    latest_shift: LatestShift | None = None,
    **fields: object,
) -> Payment:
    # Cash changes hands at a drawer: only with an open shift there, and linked to it.
    shift = require_cash_shift(session, actor.workstation, latest_shift) if method.kind is MethodKind.CASH else None
    payment = Payment(
        folio_id=folio_id,
        bill_id=bill_id,
        kind=kind,
        method_code=method.code,
        method=method,
        amount=amount,
        rate=rate,
        base_amount=base_amount,
        paid_on=fields.pop("paid_on", None) or date.today(),
        created_by=actor.username,
        workstation=actor.workstation,
        **fields,
    )
    session.add(payment)
    session.flush()
    if shift is not None:
        link_cash_payment(session, shift, payment)
    return payment


def record_card_money(
    session: Session, actor: Actor, bill_id: int, amount: Money, *, method: PaymentMethod, payer_name: str,
    text: str,
) -> Payment:
    """Money a card terminal took for a bill (a sale or a capture), settled from its answer.

    The card was charged: the ledger takes the money whatever the bill now owes. The operation's
    own rights were checked when it was planned; settling it asks only to operate the devices.
    """
    require(actor, Right.OPERATE_DEVICES)
    bill = get(session, Bill, bill_id, "Bill")
    lock_folio(session, bill.folio_id)
    rate, base_amount = in_base(session, amount)
    return _record(session, actor, folio_id=bill.folio_id, bill_id=bill.id, kind=PaymentKind.PAYMENT, method=method,
                   amount=amount, rate=rate, base_amount=base_amount, payer_name=payer_name or bill.payer_name,
                   text=text)


def record_card_refund(session: Session, actor: Actor, payment_id: int, amount: Money, *, text: str) -> Payment:
    """Money a card terminal gave back on a card payment (a refund or a reversal), settled from its answer.

    In the payment's own currency and rate, like any refund; the last refund takes what rounding left.
    """
    require(actor, Right.OPERATE_DEVICES)
    original = get(session, Payment, payment_id, "Payment")
    lock_folio(session, original.folio_id)
    line = load_folio(session, original.folio_id).payment(original.id)
    if amount >= line.refundable:
        base_amount = line.refundable_base
    else:
        base_amount = min(amount.convert(original.rate, original.base_amount.currency), line.refundable_base)
    return _record(session, actor, folio_id=original.folio_id, bill_id=original.bill_id, kind=PaymentKind.REFUND,
                   method=original.method, amount=-amount, rate=original.rate, base_amount=-base_amount,
                   refund_of_id=original.id, payer_name=original.payer_name, text=text)


def _beyond_plain(tender: Tender) -> list[Right]:
    """What a tender asks beyond taking money today."""
    return [Right.CHANGE_PAYMENT_DATE] if tender.paid_on not in (None, date.today()) else []



def refuse_while_card_payment_unresolved(session: Session, bill_id: int) -> None:
    """No second payment on a bill while a card terminal may already have taken one for it: when
    that one is settled later, the guest would have paid twice."""
    _refuse_card_payment_pending(session, unresolved_intent(session, *_card_money_in_on(bill_id)))


def _card_money_in_on(bill_id: Any) -> tuple[tuple[str, ...], Any]:
    return tuple(CARD_MONEY_IN), JournalIntent.bill_id == bill_id


def _refuse_card_payment_pending(session: Session, pending: int | None) -> None:
    """:func:`refuse_while_card_payment_unresolved`'s rule, from the unresolved card intent read."""
    if pending is not None:
        # Only the workstation whose terminal took it can ask the terminal how it ended.
        raise InvalidInput("A card payment on this bill is still unresolved: settle it in Pending card "
                           "operations on {workstation} first", field="bill",
                           workstation=session.get_one(JournalIntent, pending).workstation)


def take_payment(
    session: Session,
    actor: Actor,
    bill_id: int,
    tender: Tender,
    *,
    allow_overpay: bool = False,
    approval: ManagerApproval | None = None,
    idempotency_key: str | None = None,
) -> Payment:
    """Money received for a bill, in any currency the hotel accepts.

    More than the bill owes is taken only when ``allow_overpay`` says the clerk confirmed it
    (WouldOverpay otherwise), and then needs the overpay right; another day than today needs the
    right to change a payment's date: the actor's own, or a manager's ``approval`` checked here.

    ``idempotency_key`` names the Apply (made when its dialog opened, the same for every retry): a
    payment already recorded under it is returned as it is, nothing taken again, so a retry after
    a commit whose reply was lost does not charge the guest twice.
    """
    require(actor, Right.TAKE_PAYMENT)
    # The bill is locked before the key is looked up: two retries racing each other then wait in
    # turn, and the second sees the payment the first committed. What the rules below decide from
    # depends only on the bill: read with it, once its lock is held. On SQLite the drawer's shift too
    # when the money is cash (refused later, in _record, if it is not open); PostgreSQL reads the shift
    # under its own lock there.
    known = None if locks_rows(session) else payment_method(session, tender.method_code)
    cash = known is not None and known.kind is MethodKind.CASH
    bill, stay, (keyed, pending, owed_minor, other_currency, *shift) = bill_after_lock(
        session, _CASH_PAYMENT_READ if cash else _PAYMENT_READ, bill_id, idempotency_key=idempotency_key,
        workstation=actor.workstation, **bill_owed_params(session))
    latest_shift: LatestShift | None = (shift[0], shift[1]) if cash else None
    done = _made_by_this_apply(session, idempotency_key, folio_id=bill.folio_id, bill_id=bill.id,
                               amount=tender.amount, method_code=tender.method_code, recorded=keyed)
    if done is not None:
        return done
    ensure_bill_open(stay)
    _refuse_card_payment_pending(session, pending)
    method = _tender_method(session, tender.method_code)
    _require_tender_fits(tender)
    require_positive(tender.amount)
    rate, base_amount = in_base(session, tender.amount, tender.paid_on)
    require_base_value(tender.amount, base_amount)
    beyond = _beyond_plain(tender)
    if overpays(session, bill, base_amount, confirmed=allow_overpay,
                owed_now=owed(session, owed_minor, other_currency)):
        beyond.append(Right.OVERPAY)
    authorised_by = authorise(session, actor, beyond, approval) if beyond else None
    return _record(
        session,
        actor,
        folio_id=bill.folio_id,
        bill_id=bill.id,
        kind=PaymentKind.PAYMENT,
        method=method,
        amount=tender.amount,
        rate=rate,
        base_amount=base_amount,
        latest_shift=latest_shift,
        payer_name=tender.payer_name.strip() or bill.payer_name,
        paid_on=tender.paid_on,
        text=tender.text.strip(),
        authorised_by=authorised_by if approval is not None else None,
        idempotency_key=idempotency_key,
    )


def overpays(session: Session, bill: Bill, base_amount: Money, *, confirmed: bool,
             owed_now: Money | None = None) -> bool:
    """Whether the payment leaves the bill overpaid; WouldOverpay unless the clerk ``confirmed`` it.
    ``owed_now``: what the bill owes, when the caller already read it."""
    owed = bill_balance(session, bill.id) if owed_now is None else owed_now
    if base_amount <= owed:
        return False
    if not confirmed:
        over = base_amount - max(owed, Money.zero(owed.currency))
        raise WouldOverpay("Bill {bill} owes {owed}: {amount} would leave it overpaid by {overpaid}",
                           bill=bill.number, owed=owed, amount=base_amount, overpaid=over)
    return True


def _made_by_this_apply(session: Session, idempotency_key: str | None, *, folio_id: int, bill_id: int | None,
                        amount: Money, method_code: str | None = None, refund_of_id: int | None = None,
                        recorded: int | _Unread | None = _Unread.UNREAD) -> Payment | None:
    """The payment (or refund of ``refund_of_id``) an earlier try of the same Apply recorded, its
    reply lost, if any. ``recorded``: the id of the payment under the key, when the caller already
    read it (:data:`_KEYED_PAYMENT`).

    A retry that asks for another ``amount`` or method is refused, never answered with the first
    payment: the dialog would report the money it was asked for as taken, and the drawer or the
    guest would get the difference.
    """
    if idempotency_key is None:
        return None
    require_fits(idempotency_key, 64, "idempotency_key")
    if recorded is _Unread.UNREAD:
        done = session.scalar(select(Payment).where(Payment.idempotency_key == idempotency_key))
    else:
        done = session.get(Payment, recorded) if recorded is not None else None
    if done is None:
        return None
    if (done.folio_id, done.bill_id) != (folio_id, bill_id):
        raise InvalidInput("This payment was already recorded on another bill", field="bill")
    if done.refund_of_id != refund_of_id:
        # Same bill, other Apply: a refund's key on a payment, or another payment's refund.
        raise InvalidInput("This action was already recorded for another payment", field="payment")
    if done.amount != amount or method_code not in (None, done.method_code):
        raise InvalidInput("This Apply was already recorded, as {amount}: close the window and look at the "
                           "bill before you record more", field="amount", amount=abs(done.amount))
    return done


# The id of the payment recorded under the Apply's key, as a column riding on another statement.
_KEYED_PAYMENT = select(Payment.id).where(Payment.idempotency_key == bindparam("idempotency_key")).scalar_subquery()


def _read_with_bill(bill_id: Any) -> tuple[ScalarSelect[Any], ...]:
    """What take_payment's rules decide from that depends only on the bill ``bill_id`` (a parameter, or
    the bill's column when riding on its statement): the payment under the key, an unresolved card
    payment, what the bill owes."""
    return _KEYED_PAYMENT, unresolved_intent_read(*_card_money_in_on(bill_id)), *bill_owed_read(bill_id)


_PAYMENT_READ = bill_and_stay_with(*_read_with_bill(Bill.id))
_CASH_PAYMENT_READ = with_latest_shift(_PAYMENT_READ, bindparam("workstation"))


def take_deposit(
    session: Session, actor: Actor, folio_id: int, tender: Tender, *, approval: ManagerApproval | None = None,
    idempotency_key: str | None = None,
) -> Payment:
    """An advance held on the folio's deposit account until it pays a bill; ``idempotency_key`` as
    for :func:`take_payment`."""
    require(actor, Right.TAKE_DEPOSIT)
    beyond = _beyond_plain(tender)
    authorised_by = authorise(session, actor, beyond, approval) if beyond else None
    folio = lock_folio(session, folio_id)
    done = _made_by_this_apply(session, idempotency_key, folio_id=folio.id, bill_id=None, amount=tender.amount,
                               method_code=tender.method_code)
    if done is not None:
        return done
    ensure_open(folio)
    method = _tender_method(session, tender.method_code)
    _require_tender_fits(tender)
    require_positive(tender.amount)
    rate, base_amount = in_base(session, tender.amount, tender.paid_on)
    require_base_value(tender.amount, base_amount)
    return _record(
        session,
        actor,
        folio_id=folio.id,
        bill_id=None,
        kind=PaymentKind.DEPOSIT,
        method=method,
        amount=tender.amount,
        rate=rate,
        base_amount=base_amount,
        payer_name=tender.payer_name.strip() or folio.owner_label,
        paid_on=tender.paid_on,
        text=tender.text.strip(),
        authorised_by=authorised_by if approval is not None else None,
        idempotency_key=idempotency_key,
    )


def _deposit_method(session: Session) -> PaymentMethod:
    method = next(
        (m for m in session.query(PaymentMethod).filter_by(kind=MethodKind.DEPOSIT)), None
    )
    if method is None:
        raise InvalidInput("No payment method of kind deposit is configured", field="method")
    return method


def apply_deposit(session: Session, actor: Actor, bill_id: int, amount: Money) -> Payment:
    """Pay a bill from the deposit account: two linked records, out of one and into the other."""
    require(actor, Right.APPLY_DEPOSIT)
    lock_folio_of_bill(session, bill_id)
    bill = open_bill_for_update(session, bill_id)
    require_positive(amount)
    currency = base_currency(session)
    if amount.currency != currency:
        raise InvalidInput("Deposits are applied in {currency}", field="currency", currency=currency)
    view = load_folio(session, bill.folio_id)
    if amount > view.deposit_balance:
        raise InvalidInput("The deposit holds only {balance}", field="amount", balance=view.deposit_balance)
    if amount > view.bill(bill.id).balance:
        raise InvalidInput("Bill {bill} owes only {balance}", field="amount", bill=bill.number,
                           balance=view.bill(bill.id).balance)
    method = _deposit_method(session)
    group = str(uuid.uuid4())
    common = dict(folio_id=bill.folio_id, kind=PaymentKind.TRANSFER, method=method, rate=Decimal(1),
                  transfer_group=group, payer_name=bill.payer_name)
    _record(session, actor, bill_id=None, amount=-amount, base_amount=-amount,
            text=texts.written(texts.TO_BILL, bill=bill.number), **common)  # type: ignore[arg-type]
    return _record(session, actor, bill_id=bill.id, amount=amount, base_amount=amount,
                   text=texts.written(texts.FROM_DEPOSIT), **common)  # type: ignore[arg-type]


def refund_payment(
    session: Session,
    actor: Actor,
    payment_id: int,
    amount: Money,
    *,
    direction: RefundDirection = RefundDirection.PAYER,
    method_code: str | None = None,
    reason: str = "",
    approval: ManagerApproval | None = None,
    idempotency_key: str | None = None,
) -> Payment:
    """Give back part or all of a payment, to the payer or onto the deposit account.

    The refund is in the payment's own currency at its own rate, so a full refund nets to
    exactly zero on the bill. Without the refund right, a manager's ``approval`` is checked here.
    ``idempotency_key`` as for :func:`take_payment`: a retried Apply gets the refund it made.
    """
    authorised_by = authorise(session, actor, Right.REFUND, approval)
    original = get(session, Payment, payment_id, "Payment")
    # Locked before the key is looked up, as in take_payment: racing retries wait in turn.
    folio = lock_folio(session, original.folio_id)
    asked_method = None  # how the money goes back, to refuse a retry of this Apply that asks another way
    if idempotency_key is not None:
        asked_method = (_deposit_method(session).code if direction is RefundDirection.DEPOSIT
                        else method_code or original.method_code)
    done = _made_by_this_apply(session, idempotency_key, folio_id=original.folio_id, bill_id=original.bill_id,
                               amount=-amount, method_code=asked_method, refund_of_id=original.id)
    if done is not None:
        return done
    ensure_open(folio)
    require_fits(reason, 240, "reason")
    require_positive(amount)
    view = load_folio(session, original.folio_id)
    line = view.payment(original.id)
    refusal = refund_refusal(line, amount)
    if refusal is not None:
        raise refusal
    if amount == line.refundable:
        base_amount = line.refundable_base  # the last refund takes what rounding left
    else:
        base_amount = min(amount.convert(original.rate, view.currency), line.refundable_base)
        require_base_value(amount, base_amount)
    if original.bill_id is None:
        if direction is not RefundDirection.PAYER:
            raise InvalidInput("A deposit is refunded to the payer", field="direction")
        if base_amount > view.deposit_balance:
            raise RefundTooLarge("The deposit holds only {balance}", balance=view.deposit_balance)
    else:
        open_bill_for_update(session, original.bill_id)
    if direction is RefundDirection.DEPOSIT:
        method = _deposit_method(session)
    else:
        method = _tender_method(session, method_code or original.method_code)
    group = str(uuid.uuid4()) if direction is RefundDirection.DEPOSIT else None
    refund = _record(
        session,
        actor,
        folio_id=original.folio_id,
        bill_id=original.bill_id,
        kind=PaymentKind.REFUND,
        method=method,
        amount=-amount,
        rate=original.rate,
        base_amount=-base_amount,
        refund_of_id=original.id,
        payer_name=original.payer_name,
        reason=reason.strip(),
        transfer_group=group,
        text=texts.written(texts.REFUND_OF_PAYMENT, payment=original.id),
        authorised_by=authorised_by if approval is not None else None,
        idempotency_key=idempotency_key,
    )
    if direction is RefundDirection.DEPOSIT:
        _record(
            session,
            actor,
            folio_id=original.folio_id,
            bill_id=None,
            kind=PaymentKind.TRANSFER,
            method=method,
            amount=base_amount,
            rate=Decimal(1),
            base_amount=base_amount,
            payer_name=original.payer_name,
            transfer_group=group,
            text=texts.written(texts.REFUND_OF_PAYMENT, payment=original.id),
        )
    return refund


def refund_refusal(line: PaymentLine, amount: Money | None = None) -> DeskError | None:
    """Why this payment cannot be refunded (by ``amount``, when one is given), or None.

    The one refund rule: asked by ``refund_payment``, by a refund on the card terminal, and by the
    reservation card that offers Refund.
    """
    original = line.payment
    if original.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT):
        return InvalidInput("Only a payment or a deposit can be refunded", field="payment")
    transfer = company_transfer_refusal(original)
    if transfer is not None:
        return transfer
    if line.voided_by is not None:
        return InvalidInput("A voided payment cannot be refunded", field="payment")
    if amount is not None and amount.currency != original.amount.currency:
        return InvalidInput("This payment is refunded in {currency}", field="currency",
                            currency=original.amount.currency)
    if (amount is None and not line.refundable.is_positive) or (amount is not None and amount > line.refundable):
        return RefundTooLarge("At most {amount} of this payment can be refunded", amount=line.refundable)
    return None


def void_refusal(view: FolioView, line: PaymentLine, *, refunded_outside: bool = False) -> InvalidInput | None:
    """Why this payment line cannot be voided, or None: asked by ``void_payment`` and by the card
    that offers Void (a transfer to a company's account is undone by ``reverse_company_transfer``).

    Money taken on a card terminal is given back on the terminal (a reversal the same day, a refund
    after): striking it out of the ledger alone would leave the guest charged. The one exception is
    money already given back outside the desk (the terminal's own menu, the bank), which a manager
    records with ``refunded_outside``.
    """
    original = line.payment
    on_terminal = original.card_record is not None
    if on_terminal and not refunded_outside:
        return InvalidInput("A payment made on the card terminal is given back on the terminal: refund it to the "
                            "card, or record that it was refunded outside the desk", field="payment")
    if refunded_outside and not on_terminal:
        return InvalidInput("Only a payment made on the card terminal can be refunded outside the desk",
                            field="payment")
    if original.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT, PaymentKind.REFUND):
        return InvalidInput("Only a payment, deposit or refund can be voided", field="payment")
    if original.transfer_group is not None:
        return InvalidInput("A refund into the deposit is undone by applying the deposit", field="payment")
    if line.voided_by is not None:
        return InvalidInput("This payment is already voided", field="payment")
    if line.refunds:
        return InvalidInput("Void its refunds first", field="payment")
    if original.bill_id is None and original.base_amount > view.deposit_balance:
        return InvalidInput("The deposit was already used: refund or move it first", field="payment")
    return None


def void_payment(
    session: Session, actor: Actor, payment_id: int, *, reason: str, approval: ManagerApproval | None = None,
    refunded_outside: bool = False,
) -> Payment:
    """A manager undoes a payment recorded by mistake; it stays visible, struck out.

    ``approval`` is the authorising manager's credentials, checked here; without it the actor's
    own role must have the right. ``refunded_outside``: a card payment whose money was already
    given back outside the desk; ``reason`` then says how (the terminal's receipt, the bank).
    """
    manager = authorise(session, actor, Right.VOID_PAYMENT, approval)
    if not reason.strip():
        raise InvalidInput("Say why the payment is voided", field="reason")
    require_fits(reason, 240, "reason")
    original = get(session, Payment, payment_id, "Payment")
    folio = lock_folio(session, original.folio_id)
    ensure_open(folio)
    refuse_company_transfer(original)
    view = load_folio(session, original.folio_id)
    refusal = void_refusal(view, view.payment(original.id), refunded_outside=refunded_outside)
    if refusal is not None:
        raise refusal
    template = texts.REFUNDED_OUTSIDE_DESK if refunded_outside else texts.VOID_OF_PAYMENT
    return _void_record(session, actor, original, reason=reason, manager=manager,
                        text=texts.written(template, payment=original.id))


def _void_record(session: Session, actor: Actor, original: Payment, *, reason: str, manager: str,
                 text: str) -> Payment:
    """The exact negative of ``original``, on the same bill and day, naming who authorised it."""
    return _record(
        session,
        actor,
        folio_id=original.folio_id,
        bill_id=original.bill_id,
        kind=PaymentKind.VOID,
        method=original.method,
        amount=-original.amount,
        rate=original.rate,
        base_amount=-original.base_amount,
        voids_id=original.id,
        payer_name=original.payer_name,
        reason=reason.strip(),
        authorised_by=manager,
        text=text,
        paid_on=original.paid_on,
    )


def transfer_to_company(session: Session, actor: Actor, bill_id: int, company_id: int) -> Payment:
    """Settle a bill by charging its balance to a company's account (direct billing)."""
    require(actor, Right.TRANSFER_TO_COMPANY)
    guest_folio_id = get(session, Bill, bill_id, "Bill").folio_id
    company = get(session, Company, company_id, "Company")
    account = company_folio(session, actor, company.id)
    # Two folios: both locked in id order, then both bills (see desk.ledger.lookup's lock order).
    lock_folios(session, [guest_folio_id, account.id])
    target_id = _company_bill_for_transfers(session, actor, account)
    bill = lock_open_bills(session, [bill_id, target_id])[bill_id]
    balance = bill_balance(session, bill.id)
    if not balance.is_positive:
        raise InvalidInput("Bill {bill} has nothing to transfer", field="bill", bill=bill.number)
    if company.credit_limit is not None:
        # Both folios are locked: no other transfer to this company is counted twice or missed.
        owed = total([bill_balance(session, b.id) for b in account.bills], balance.currency) + balance
        if owed > company.credit_limit:
            raise InvalidInput("{company} would owe {owed}, over its credit limit of {limit}", field="company",
                               company=company.name, owed=owed, limit=company.credit_limit)
    method = session.query(PaymentMethod).filter_by(kind=MethodKind.COMPANY_ACCOUNT).first()
    if method is None:
        raise InvalidInput("No company-account payment method is configured", field="method")
    charge = post_charge(
        session,
        actor,
        bill_id=target_id,
        description=_shortened(texts.written(texts.BILL_OF_PAYER, bill=bill.number, payer=bill.payer_name), 160),
        quantity=1,
        unit_price=balance,
        source="transfer",
        external_ref=f"transfer:{bill.id}:{uuid.uuid4()}",
    )
    return _record(
        session,
        actor,
        folio_id=bill.folio_id,
        bill_id=bill.id,
        kind=PaymentKind.PAYMENT,
        method=method,
        amount=balance,
        rate=Decimal(1),
        base_amount=balance,
        payer_name=company.name,
        text=texts.written(texts.TO_ACCOUNT_OF, company=company.name),
        company_posting_id=charge.id,
    )


def _company_bill_for_transfers(session: Session, actor: Actor, account: Folio) -> int:
    """The company's newest bill no invoice has closed, or a new one: an invoiced bill stays as invoiced."""
    for bill in sorted(account.bills, key=lambda b: b.id, reverse=True):
        if closing_invoice(session, bill.id) is None:
            return bill.id
    return open_bill(session, actor, account.id, payer_company_id=account.company_id).id


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reverse_company_transfer(
    session: Session, actor: Actor, payment_id: int, *, reason: str, approval: ManagerApproval | None = None
) -> Payment:
    """Undo a transfer to a company's account: both legs at once, so nobody is billed twice.

    The charge on the company's folio is reversed and the payment on the guest's bill voided; the
    guest's bill owes its amount again. Refused once the company has paid towards that charge.
    ``approval`` is the authorising manager's credentials; without it the actor's role must have the right.
    """
    manager = authorise(session, actor, Right.REVERSE_TRANSFER, approval)
    if not reason.strip():
        raise InvalidInput("Say why the transfer is reversed", field="reason")
    require_fits(reason, 240, "reason")
    original = get(session, Payment, payment_id, "Payment")
    if original.company_posting_id is None:
        if original.method.kind is MethodKind.COMPANY_ACCOUNT:
            raise InvalidInput("This transfer was recorded before its two halves were linked: "
                               "reverse the company's charge and this payment by hand", field="payment")
        raise InvalidInput("Payment {payment} is not a transfer to a company account", field="payment",
                           payment=original.id)
    assert original.bill_id is not None  # a transfer always settles a bill
    charge = get(session, Posting, original.company_posting_id, "Service")
    # Two folios, the guest's and the company's: folios in id order, then bills in id order.
    folios = lock_folios(session, [original.folio_id, charge.folio_id])
    ensure_open(folios[original.folio_id])
    company_view = load_folio(session, charge.folio_id)
    line = company_view.posting(charge.id)
    lock_open_bills(session, [original.bill_id, line.bill_id])
    if load_folio(session, original.folio_id).payment(original.id).voided_by is not None:
        raise AlreadyReversed("This transfer was already reversed")
    if line.reversed_by is not None:
        raise AlreadyReversed("{service} was already reversed on the company's account", service=charge.description)
    company_bill = company_view.bill(line.bill_id)
    # Payments beyond the bill's other charges went towards this one: the company paid it.
    if company_bill.balance < charge.amount:
        paid_towards = charge.amount - max(company_bill.balance, Money.zero(charge.amount.currency))
        raise InvalidInput("{company} already paid {amount} towards this transfer: refund the company first",
                           field="payment", company=company_bill.bill.payer_name, amount=paid_towards)
    void = _void_record(session, actor, original, reason=reason, manager=manager,
                        text=texts.written(texts.REVERSAL_OF_TRANSFER, company=original.payer_name))
    # After the void: the company's charge may be reversed only once the guest's leg is undone.
    _reverse(session, actor, charge.id, reason=reason, kind=PostingKind.REVERSAL, authorised_by=manager)
    return void
