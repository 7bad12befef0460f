"""Money in and out: payments, deposits, refunds, voids, transfers to a company account."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from desk.auth import Actor
from desk.errors import AlreadyReversed, InvalidInput, NotAuthorised, RefundTooLarge, WouldOverpay
from desk.folios import base_currency, load_folio
from desk.lookup import (
    ensure_open,
    get,
    in_base,
    open_bill_for_update,
    refuse_company_transfer,
    require_base_value,
    require_fits,
    require_positive,
)
from desk.models import (
    Bill,
    Company,
    Folio,
    MethodKind,
    Payment,
    PaymentKind,
    PaymentMethod,
    Posting,
    PostingKind,
    Role,
    User,
)
from desk.money import Money
from desk.postings import post_charge, reverse_posting
from desk.stays import company_folio


class RefundDirection(enum.StrEnum):
    PAYER = "payer"  # back to whoever paid, in cash or to the card
    DEPOSIT = "deposit"  # onto the stay's deposit account, to pay later bills


# Methods a clerk picks for money that really changes hands (not internal transfers).
TENDER_KINDS = (MethodKind.CASH, MethodKind.CARD, MethodKind.TRANSFER, MethodKind.OTHER)


@dataclass(frozen=True)
class Tender:
    """What the clerk typed in the payment dialog."""

    method_code: str
    amount: Money
    payer_name: str = ""
    paid_on: date | None = None
    text: str = ""


def _require_tender_fits(tender: Tender) -> None:
    require_fits(tender.payer_name, 160, "The payer's name", "payer")
    require_fits(tender.text, 240, "The text", "text")


def _tender_method(session: Session, code: str) -> PaymentMethod:
    method = session.get(PaymentMethod, code)
    if method is None:
        raise InvalidInput(f"There is no payment method {code!r}", field="method")
    if method.kind not in TENDER_KINDS:
        raise InvalidInput(f"{method.name} is not taken at the desk this way", field="method")
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
    **fields: object,
) -> Payment:
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
    return payment


def take_payment(
    session: Session, actor: Actor, bill_id: int, tender: Tender, *, allow_overpay: bool = False
) -> Payment:
    """Money received for a bill, in any currency the hotel accepts.

    More than the bill owes is taken only when ``allow_overpay`` says the clerk confirmed it.
    """
    bill = open_bill_for_update(session, bill_id)
    method = _tender_method(session, tender.method_code)
    _require_tender_fits(tender)
    require_positive(tender.amount)
    rate, base_amount = in_base(session, tender.amount)
    require_base_value(tender.amount, base_amount)
    if not allow_overpay:
        _refuse_overpayment(session, bill, base_amount)
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
        payer_name=tender.payer_name.strip() or bill.payer_name,
        paid_on=tender.paid_on,
        text=tender.text.strip(),
    )


def _refuse_overpayment(session: Session, bill: Bill, base_amount: Money) -> None:
    owed = load_folio(session, bill.folio_id).bill(bill.id).balance
    if base_amount > owed:
        over = base_amount - max(owed, Money.zero(owed.currency))
        raise WouldOverpay(
            f"Bill {bill.number} owes {owed}: {base_amount} would leave it overpaid by {over}",
            owed=owed,
            overpaid=over,
        )


def take_deposit(session: Session, actor: Actor, folio_id: int, tender: Tender) -> Payment:
    """An advance held on the folio's deposit account until it pays a bill."""
    folio = get(session, Folio, folio_id, "Folio", lock=True)
    ensure_open(folio)
    method = _tender_method(session, tender.method_code)
    _require_tender_fits(tender)
    require_positive(tender.amount)
    rate, base_amount = in_base(session, tender.amount)
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
    bill = open_bill_for_update(session, bill_id)
    get(session, Folio, bill.folio_id, "Folio", lock=True)
    require_positive(amount)
    currency = base_currency(session)
    if amount.currency != currency:
        raise InvalidInput(f"Deposits are applied in {currency}", field="currency")
    view = load_folio(session, bill.folio_id)
    if amount > view.deposit_balance:
        raise InvalidInput(f"The deposit holds only {view.deposit_balance}", field="amount")
    if amount > view.bill(bill.id).balance:
        raise InvalidInput(f"Bill {bill.number} owes only {view.bill(bill.id).balance}", field="amount")
    method = _deposit_method(session)
    group = str(uuid.uuid4())
    common = dict(folio_id=bill.folio_id, kind=PaymentKind.TRANSFER, method=method, rate=Decimal(1),
                  transfer_group=group, payer_name=bill.payer_name)
    _record(session, actor, bill_id=None, amount=-amount, base_amount=-amount,
            text=f"To bill {bill.number}", **common)  # type: ignore[arg-type]
    return _record(session, actor, bill_id=bill.id, amount=amount, base_amount=amount,
                   text="From deposit", **common)  # type: ignore[arg-type]


def refund_payment(
    session: Session,
    actor: Actor,
    payment_id: int,
    amount: Money,
    *,
    direction: RefundDirection = RefundDirection.PAYER,
    method_code: str | None = None,
    reason: str = "",
) -> Payment:
    """Give back part or all of a payment, to the payer or onto the deposit account.

    The refund is in the payment's own currency at its own rate, so a full refund nets to
    exactly zero on the bill.
    """
    original = get(session, Payment, payment_id, "Payment", lock=True)
    folio = get(session, Folio, original.folio_id, "Folio", lock=True)
    ensure_open(folio)
    if original.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT):
        raise InvalidInput("Only a payment or a deposit can be refunded", field="payment")
    refuse_company_transfer(original)
    require_fits(reason, 240, "The reason", "reason")
    require_positive(amount)
    if amount.currency != original.amount.currency:
        raise InvalidInput(f"This payment is refunded in {original.amount.currency}", field="currency")
    view = load_folio(session, original.folio_id)
    line = view.payment(original.id)
    if line.voided_by is not None:
        raise InvalidInput("A voided payment cannot be refunded", field="payment")
    if amount > line.refundable:
        raise RefundTooLarge(f"At most {line.refundable} of this payment can be refunded")
    if amount == line.refundable:
        base_amount = line.refundable_base  # the last refund takes what rounding left
    else:
        base_amount = min(amount.convert(original.rate, view.currency), line.refundable_base)
        require_base_value(amount, base_amount)
    if original.bill_id is None:
        if direction is not RefundDirection.PAYER:
            raise InvalidInput("A deposit is refunded to the payer", field="direction")
        if base_amount > view.deposit_balance:
            raise RefundTooLarge(f"The deposit holds only {view.deposit_balance}")
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
        text=f"Refund of payment {original.id}",
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
            text=f"Refund of payment {original.id}",
        )
    return refund


def void_payment(session: Session, actor: Actor, payment_id: int, *, reason: str, manager: User) -> Payment:
    """A manager undoes a payment recorded by mistake; it stays visible, struck out."""
    if manager.role is not Role.MANAGER:
        raise NotAuthorised(f"{manager.full_name} is not a manager")
    if not reason.strip():
        raise InvalidInput("Say why the payment is voided", field="reason")
    require_fits(reason, 240, "The reason", "reason")
    original = get(session, Payment, payment_id, "Payment", lock=True)
    folio = get(session, Folio, original.folio_id, "Folio", lock=True)
    ensure_open(folio)
    if original.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT, PaymentKind.REFUND):
        raise InvalidInput("Only a payment, deposit or refund can be voided", field="payment")
    refuse_company_transfer(original)
    if original.transfer_group is not None:
        raise InvalidInput("A refund into the deposit is undone by applying the deposit", field="payment")
    view = load_folio(session, original.folio_id)
    line = view.payment(original.id)
    if line.voided_by is not None:
        raise InvalidInput("This payment is already voided", field="payment")
    if line.refunds:
        raise InvalidInput("Void its refunds first", field="payment")
    if original.bill_id is None and original.base_amount > view.deposit_balance:
        raise InvalidInput("The deposit was already used: refund or move it first", field="payment")
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
        authorised_by=manager.username,
        text=f"Void of payment {original.id}",
        paid_on=original.paid_on,
    )


def transfer_to_company(session: Session, actor: Actor, bill_id: int, company_id: int) -> Payment:
    """Settle a bill by charging its balance to a company's account (direct billing)."""
    bill = open_bill_for_update(session, bill_id)
    company = get(session, Company, company_id, "Company")
    balance = load_folio(session, bill.folio_id).bill(bill.id).balance
    if not balance.is_positive:
        raise InvalidInput(f"Bill {bill.number} has nothing to transfer", field="bill")
    method = session.query(PaymentMethod).filter_by(kind=MethodKind.COMPANY_ACCOUNT).first()
    if method is None:
        raise InvalidInput("No company-account payment method is configured", field="method")
    account = company_folio(session, actor, company.id)
    target = session.get_one(Bill, min(b.id for b in account.bills))
    charge = post_charge(
        session,
        actor,
        bill_id=target.id,
        description=_shortened(f"Bill {bill.number}, {bill.payer_name}", 160),
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
        text=f"To the account of {company.name}",
        company_posting_id=charge.id,
    )


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_linked_company_transfer(session: Session, payment_id: int) -> bool:
    payment = session.get(Payment, payment_id)
    return payment is not None and payment.company_posting_id is not None


def reverse_company_transfer(
    session: Session, actor: Actor, payment_id: int, *, reason: str, manager: User
) -> Payment:
    """Undo a transfer to a company's account: both legs at once, so nobody is billed twice.

    The charge on the company's folio is reversed and the payment on the guest's bill voided; the
    guest's bill owes its amount again. Refused once the company has paid towards that charge.
    """
    if manager.role is not Role.MANAGER:
        raise NotAuthorised(f"{manager.full_name} is not a manager")
    if not reason.strip():
        raise InvalidInput("Say why the transfer is reversed", field="reason")
    require_fits(reason, 240, "The reason", "reason")
    original = get(session, Payment, payment_id, "Payment", lock=True)
    if original.company_posting_id is None:
        if original.method.kind is MethodKind.COMPANY_ACCOUNT:
            raise InvalidInput("This transfer was recorded before its two halves were linked: "
                               "reverse the company's charge and this payment by hand", field="payment")
        raise InvalidInput(f"Payment {original.id} is not a transfer to a company account", field="payment")
    folio = get(session, Folio, original.folio_id, "Folio", lock=True)
    ensure_open(folio)
    if load_folio(session, original.folio_id).payment(original.id).voided_by is not None:
        raise AlreadyReversed("This transfer was already reversed")
    assert original.bill_id is not None  # a transfer always settles a bill
    open_bill_for_update(session, original.bill_id)
    charge = session.get_one(Posting, original.company_posting_id)
    company_view = load_folio(session, charge.folio_id)
    line = company_view.posting(charge.id)
    if line.reversed_by is not None:
        raise AlreadyReversed(f"{charge.description} was already reversed on the company's account")
    company_bill = company_view.bill(line.bill_id)
    # Payments beyond the bill's other charges went towards this one: the company paid it.
    if company_bill.balance < charge.amount:
        paid_towards = charge.amount - max(company_bill.balance, Money.zero(charge.amount.currency))
        raise InvalidInput(
            f"{company_bill.bill.payer_name} already paid {paid_towards} towards this transfer: "
            "refund the company first", field="payment")
    void = _record(
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
        authorised_by=manager.username,
        text=f"Reversal of the transfer to {original.payer_name}",
        paid_on=original.paid_on,
    )
    # After the void: the company's charge may be reversed only once the guest's leg is undone.
    reverse_posting(session, actor, charge.id, reason=reason, kind=PostingKind.REVERSAL, authorised_by=manager)
    return void
