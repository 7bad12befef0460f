"""Fetching records for use cases, with the errors a clerk reads when they are missing.

The lock order
--------------
Every use case takes row locks (PostgreSQL; on SQLite a writing unit holds the whole file from
BEGIN) in this one order, so two desks can wait for each other but never deadlock:

    reservation -> folio -> the folio's bills, in ascending id order

- A use case that locks one bill and nothing after it (take a payment, post a charge) may start
  at the bill: it holds one lock and waits for nothing more.
- A use case that needs more than one lock (refund, apply a deposit, move, split, void, reverse,
  check out) locks the folio first, then its bills in id order: the folio lock puts them in line
  one after another on that folio, whatever bills they go on to lock.
- A use case that spans two folios (reversing a transfer to a company's account: the guest's
  folio and the company's) locks both folios in ascending id order, then the bills it needs
  on either folio in ascending id order (``lock_folios`` and ``lock_open_bills``).
- Ledger rows (payments, postings) are never locked: they are never changed, and the folio or
  bill lock already stands for them. Read them unlocked to learn which folio to lock, then read
  what the decision needs (``load_folio``) after the locks are held.
- Locks are FOR NO KEY UPDATE: the foreign-key checks of the rows we insert take KEY SHARE on the
  folio and the bill, which FOR UPDATE would block (and deadlock against) but this does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Executable, Select, bindparam, select
from sqlalchemy.orm import Session

from desk.core.errors import N_, ClosedForPosting, InvalidInput, NotFound
from desk.core.money import Money, minor_units
from desk.db.base import Base, locks_rows
from desk.hotel.models import MethodKind
from desk.hotel.rates import rate_on
from desk.hotel.reference import base_currency
from desk.ledger.invoiced import CLOSING_INVOICE, refuse_closing_invoice
from desk.ledger.models import Bill, Folio, Payment, Posting
from desk.stays.models import Reservation, ReservationStatus

T = TypeVar("T", bound=Base)


# What the clerk reads when a record is missing, by the label callers give.
_MISSING = {
    "Bill": N_("Bill {key} does not exist"),
    "Company": N_("Company {key} does not exist"),
    "Event": N_("Event {key} does not exist"),
    "Folio": N_("Folio {key} does not exist"),
    "Guest": N_("Guest {key} does not exist"),
    "Outlet": N_("Outlet {key} does not exist"),
    "Payment": N_("Payment {key} does not exist"),
    "Reservation": N_("Reservation {key} does not exist"),
    "Service": N_("Service {key} does not exist"),
    "Tax rate": N_("Tax rate {key} does not exist"),
}


def get(session: Session, model: type[T], key: object, label: str, *, lock: bool = False) -> T:
    """The record, locked for update on databases that lock rows (not SQLite)."""
    # "OF" keeps PostgreSQL from refusing to lock the outer side of an eager join; key_share
    # makes it FOR NO KEY UPDATE (see the lock order above).
    # SQLite has no row locks (a writing unit holds the whole file from BEGIN), and asking for one
    # would only read again a row the unit of work already holds.
    if lock and locks_rows(session):
        record = session.get(model, key, with_for_update={"of": model, "key_share": True})
    else:
        record = session.get(model, key)
    if record is None:
        raise NotFound(_MISSING.get(label, "{label} {key} does not exist"), label=label, key=key)
    return record


def open_bill_for_update(session: Session, bill_id: int) -> Bill:
    """A bill that may still take postings and payments, locked against other workstations.

    First lock of a single-bill use case, or a bill of a folio the caller has already locked.
    """
    bill, stay = bill_for_update(session, bill_id)
    ensure_bill_open(stay)
    return bill


_BILL_AND_STAY = (
    select(Bill, Reservation.status, Reservation.number)
    .join(Folio, Folio.id == Bill.folio_id)
    .outerjoin(Reservation, Reservation.id == Folio.reservation_id)
    .where(Bill.id == bindparam("bill_id"))
)
# FOR NO KEY UPDATE of the bill alone (see the lock order above), in a statement of its own on PostgreSQL:
# a statement that waited for the lock (a check-out, an invoice holding it) still reads everything else as
# it was before the wait, and would let a charge or a payment onto a stay that has just checked out.
_BILL_LOCKED = (select(Bill).where(Bill.id == bindparam("bill_id")).with_for_update(key_share=True)
                .execution_options(populate_existing=True))


def bill_for_update(session: Session, bill_id: int) -> tuple[Bill, tuple[ReservationStatus, str] | None]:
    """The bill, locked as :func:`get` locks it, with its stay's status and number (None for a folio
    without a stay), as they are once the lock is held."""
    bill, stay, _ = bill_after_lock(session, _BILL_AND_STAY, bill_id)
    return bill, stay


def _bill_row(session: Session, statement: Executable, bill_id: int,
              **params: Any) -> tuple[Bill, tuple[ReservationStatus, str] | None, tuple[Any, ...]]:
    """What a statement that begins as :data:`_BILL_AND_STAY` read: the bill, its stay's status and
    number (None for a folio without a stay), and the statement's further columns."""
    row = session.execute(statement, {"bill_id": bill_id, **params}).first()
    if row is None:
        raise NotFound(_MISSING["Bill"], label="Bill", key=bill_id)
    return row[0], (row[1], row[2]) if row[1] is not None else None, tuple(row[3:])


_BILL_STAY_AND_INVOICE = _BILL_AND_STAY.add_columns(CLOSING_INVOICE)


def bill_and_stay_with(*columns: Any) -> Select[Any]:
    """A statement for :func:`bill_after_lock`: the bill and its stay, then ``columns`` (scalar
    subqueries correlated to ``Bill.id``)."""
    return _BILL_AND_STAY.add_columns(*columns)


def bill_after_lock(session: Session, statement: Executable, bill_id: int,
                    **params: Any) -> tuple[Bill, tuple[ReservationStatus, str] | None, tuple[Any, ...]]:
    """The bill locked as :func:`get` locks it, then what ``statement`` (:data:`_BILL_AND_STAY` or one
    made by :func:`bill_and_stay_with`) reads: its stay and further columns as they are once the lock is
    held. On SQLite one statement (the unit has held the whole file since it began); on PostgreSQL the
    lock is a statement of its own first, since one that waited for a lock reads everything else as it
    was before the wait."""
    if locks_rows(session) and session.execute(_BILL_LOCKED, {"bill_id": bill_id}).first() is None:
        raise NotFound(_MISSING["Bill"], label="Bill", key=bill_id)
    return _bill_row(session, statement, bill_id, **params)


def chargeable_bill(session: Session, bill_id: int) -> Bill:
    """:func:`open_bill_for_update`, then :func:`desk.ledger.invoiced.refuse_invoiced_bill`: a bill
    that may take a charge.

    The stay and the invoicing are read once the bill's lock is held (:func:`bill_after_lock`): a
    check-out or an invoice being issued holds that lock until it commits.
    """
    bill, stay, (invoice,) = bill_after_lock(session, _BILL_STAY_AND_INVOICE, bill_id)
    ensure_bill_open(stay)
    refuse_closing_invoice(bill.id, invoice)
    return bill


def ensure_bill_open(stay: tuple[ReservationStatus, str] | None) -> None:
    """:func:`ensure_open` from what :func:`bill_for_update` read: a bill without a stay is always open."""
    if stay is not None:
        ensure_stay_open(*stay)


def lock_folio(session: Session, folio_id: int) -> Folio:
    """The folio, locked: the first lock of a use case that goes on to lock its bills."""
    return get(session, Folio, folio_id, "Folio", lock=True)


def lock_folio_of_bill(session: Session, bill_id: int) -> Folio:
    """The folio a bill belongs to, locked (the bill itself is read, not locked)."""
    return lock_folio(session, get(session, Bill, bill_id, "Bill").folio_id)


def lock_folios(session: Session, folio_ids: Iterable[int]) -> dict[int, Folio]:
    """Several folios, locked in ascending id order: the first locks of a use case that spans them."""
    return {folio_id: lock_folio(session, folio_id) for folio_id in sorted(set(folio_ids))}


def lock_open_bills(session: Session, bill_ids: Iterable[int]) -> dict[int, Bill]:
    """Open bills of a folio locked by the caller, locked in ascending id order."""
    return {bill_id: open_bill_for_update(session, bill_id) for bill_id in sorted(set(bill_ids))}


def ensure_open(folio: Folio) -> None:
    reservation = folio.reservation
    if reservation is not None:
        ensure_stay_open(reservation.status, reservation.number)


def ensure_stay_open(status: ReservationStatus, number: str) -> None:
    """A stay's bills take postings and payments until it checks out or is cancelled."""
    if status is ReservationStatus.CHECKED_OUT:
        raise ClosedForPosting("Reservation {reservation} is checked out: its bills are closed",
                               reservation=number)
    if status is ReservationStatus.CANCELLED:
        raise ClosedForPosting("Reservation {reservation} is cancelled: its bills are closed",
                               reservation=number)


def rate_to_base(session: Session, currency: str, day: date | None = None) -> Decimal:
    """Base-currency units per unit of ``currency`` on ``day`` (today by default), as
    desk.hotel.rates.rate_on decides; refuses currencies the hotel does not take."""
    minor_units(currency)
    rate = rate_on(session, currency, day or date.today())
    if rate is None:
        raise InvalidInput("The hotel does not accept {currency}", field="currency", currency=currency)
    return rate


def in_base(session: Session, amount: Money, day: date | None = None) -> tuple[Decimal, Money]:
    """``amount`` in the base currency at the rate of ``day`` (a payment's date; today by default)."""
    rate = rate_to_base(session, amount.currency, day)
    return rate, amount.convert(rate, base_currency(session))


def require_positive(amount: Money) -> None:
    if not amount.is_positive:
        raise InvalidInput("The amount must be more than zero (got {amount})", field="amount", amount=amount)


# What the clerk reads when a text is longer than its column, by the field it was typed in.
_TOO_LONG = {
    "payer": N_("The payer's name is too long: at most {limit} characters"),
    "text": N_("The text is too long: at most {limit} characters"),
    "reason": N_("The reason is too long: at most {limit} characters"),
    "description": N_("The description is too long: at most {limit} characters"),
    "check_number": N_("The check number is too long: at most {limit} characters"),
    "external_ref": N_("The reference is too long: at most {limit} characters"),
    "items": N_("An item's name is too long: at most {limit} characters"),
}


def require_fits(text: str | None, limit: int, field: str) -> None:
    """Refuse a text longer than its column, the same on SQLite (which would keep it) and PostgreSQL."""
    if text is not None and len(text.strip()) > limit:
        raise InvalidInput(_TOO_LONG[field], field=field, limit=limit)


def require_base_value(amount: Money, base_amount: Money) -> None:
    """Refuse money worth nothing in the hotel's currency: it would move nothing on the bill."""
    if amount and not base_amount:
        raise InvalidInput("{amount} is worth less than the smallest {currency} amount ({base_amount}): "
                           "take a larger amount", field="amount", amount=amount,
                           currency=base_amount.currency, base_amount=base_amount)


def company_transfer_refusal(payment: Payment) -> InvalidInput | None:
    """A transfer to a company's account is undone on both folios at once, never as a payment."""
    if payment.method.kind is not MethodKind.COMPANY_ACCOUNT:
        return None
    return InvalidInput("Payment {payment} moved the bill to the account of {company}: "
                        "reverse the transfer instead", field="payment", payment=payment.id,
                        company=payment.payer_name)


def refuse_company_transfer(payment: Payment) -> None:
    refusal = company_transfer_refusal(payment)
    if refusal is not None:
        raise refusal


def refuse_reversing_open_transfer(session: Session, posting: Posting) -> None:
    """The company's half of a transfer is reversed only together with the guest's half."""
    payment_id = session.scalar(select(Payment.id).where(Payment.company_posting_id == posting.id))
    if payment_id is None:
        return
    if session.scalar(select(Payment.id).where(Payment.voids_id == payment_id)) is None:
        raise InvalidInput("{service} is a bill moved to this account: reverse the transfer on the guest's "
                           "bill, which undoes both halves", field="posting", service=posting.description)


def reservation_by_number(session: Session, number: str) -> Reservation:
    reservation = session.scalar(select(Reservation).where(Reservation.number == number))
    if reservation is None:
        raise NotFound("Reservation {reservation} does not exist", reservation=number)
    return reservation
