"""Fetching records for use cases, with the errors a clerk reads when they are missing."""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.errors import ClosedForPosting, InvalidInput, NotFound
from desk.folios import base_currency
from desk.models import (
    Base,
    Bill,
    CurrencyRate,
    Folio,
    MethodKind,
    Payment,
    Posting,
    Reservation,
    ReservationStatus,
)
from desk.money import Money, minor_units

T = TypeVar("T", bound=Base)


def get(session: Session, model: type[T], key: object, label: str, *, lock: bool = False) -> T:
    """The record, locked for update on databases that lock rows (not SQLite)."""
    # "OF" keeps PostgreSQL from refusing to lock the outer side of an eager join.
    record = session.get(model, key, with_for_update={"of": model} if lock else None)
    if record is None:
        raise NotFound(f"{label} {key} does not exist")
    return record


def open_bill_for_update(session: Session, bill_id: int) -> Bill:
    """A bill that may still take postings and payments, locked against other workstations."""
    bill = get(session, Bill, bill_id, "Bill", lock=True)
    ensure_open(session.get_one(Folio, bill.folio_id))
    return bill


def ensure_open(folio: Folio) -> None:
    reservation = folio.reservation
    if reservation is None:
        return
    if reservation.status is ReservationStatus.CHECKED_OUT:
        raise ClosedForPosting(f"Reservation {reservation.number} is checked out: its bills are closed")
    if reservation.status is ReservationStatus.CANCELLED:
        raise ClosedForPosting(f"Reservation {reservation.number} is cancelled: its bills are closed")


def rate_to_base(session: Session, currency: str) -> Decimal:
    """Base-currency units per unit of ``currency``; refuses currencies the hotel does not take."""
    minor_units(currency)
    if currency == base_currency(session):
        return Decimal(1)
    rate = session.scalar(select(CurrencyRate.rate).where(CurrencyRate.currency == currency))
    if rate is None:
        raise InvalidInput(f"The hotel does not accept {currency}", field="currency")
    return rate


def in_base(session: Session, amount: Money) -> tuple[Decimal, Money]:
    rate = rate_to_base(session, amount.currency)
    return rate, amount.convert(rate, base_currency(session))


def require_positive(amount: Money) -> None:
    if not amount.is_positive:
        raise InvalidInput(f"The amount must be more than zero (got {amount})", field="amount")


def require_fits(text: str | None, limit: int, label: str, field: str) -> None:
    """Refuse a text longer than its column, the same on SQLite (which would keep it) and PostgreSQL."""
    if text is not None and len(text.strip()) > limit:
        raise InvalidInput(f"{label} is too long: at most {limit} characters", field=field)


def require_base_value(amount: Money, base_amount: Money) -> None:
    """Refuse money worth nothing in the hotel's currency: it would move nothing on the bill."""
    if amount and not base_amount:
        raise InvalidInput(f"{amount} is worth less than the smallest {base_amount.currency} amount "
                           f"({base_amount}): take a larger amount", field="amount")


def refuse_company_transfer(payment: Payment) -> None:
    """A transfer to a company's account is undone on both folios at once, never as a payment."""
    if payment.method.kind is MethodKind.COMPANY_ACCOUNT:
        raise InvalidInput(f"Payment {payment.id} moved the bill to the account of {payment.payer_name}: "
                           "reverse the transfer instead", field="payment")


def refuse_reversing_open_transfer(session: Session, posting: Posting) -> None:
    """The company's half of a transfer is reversed only together with the guest's half."""
    payment_id = session.scalar(select(Payment.id).where(Payment.company_posting_id == posting.id))
    if payment_id is None:
        return
    if session.scalar(select(Payment.id).where(Payment.voids_id == payment_id)) is None:
        raise InvalidInput(f"{posting.description} is a bill moved to this account: reverse the transfer "
                           "on the guest's bill, which undoes both halves", field="posting")


def reservation_by_number(session: Session, number: str) -> Reservation:
    reservation = session.scalar(select(Reservation).where(Reservation.number == number))
    if reservation is None:
        raise NotFound(f"Reservation {number} does not exist")
    return reservation
