"""Reading a folio: its bills, what is on them, and balances derived from the ledger."""

from __future__ import annotations

import enum
import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ScalarSelect, Select, String, bindparam, cast, exists, func, select, union_all
from sqlalchemy.orm import Session, joinedload, selectinload

from desk.core.errors import CurrencyMismatch, NotFound
from desk.core.money import Money, total
from desk.hotel.models import MethodKind
from desk.hotel.reference import base_currency
from desk.ledger.models import Bill, BillTotal, Folio, Payment, PaymentKind, Posting, PostingKind, PostingMove
from desk.stays.models import Reservation, ReservationGuest, ReservationStatus


class BillStatus(enum.StrEnum):
    EMPTY = "empty"  # nothing charged, nothing paid
    NOT_PAID = "not_paid"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    OVERPAID = "overpaid"


def bill_status(charges: Money, paid: Money) -> BillStatus:
    if not charges and not paid:
        return BillStatus.EMPTY
    if paid == charges:
        return BillStatus.PAID
    if paid > charges:
        return BillStatus.OVERPAID
    return BillStatus.PARTIALLY_PAID if paid.is_positive else BillStatus.NOT_PAID


@dataclass
class PostingLine:
    posting: Posting
    bill_id: int
    reversed_by: Posting | None = None

    @property
    def is_active(self) -> bool:
        """A charge that still counts: not itself a reversal, and not reversed."""
        return self.posting.kind is PostingKind.CHARGE and self.reversed_by is None


@dataclass
class PaymentLine:
    payment: Payment
    voided_by: Payment | None = None
    refunds: list[Payment] = field(default_factory=list)

    @property
    def is_company_transfer(self) -> bool:
        """A bill settled to a company's account: undone only with the company's charge."""
        return self.payment.method.kind is MethodKind.COMPANY_ACCOUNT

    @property
    def refundable(self) -> Money:
        """What can still be given back, in the payment's own currency."""
        p = self.payment
        if (p.kind not in (PaymentKind.PAYMENT, PaymentKind.DEPOSIT) or self.voided_by is not None
                or self.is_company_transfer):
            return Money.zero(p.amount.currency)
        return p.amount + total((r.amount for r in self.refunds), p.amount.currency)

    @property
    def refundable_base(self) -> Money:
        p = self.payment
        return p.base_amount + total((r.base_amount for r in self.refunds), p.base_amount.currency)


@dataclass
class BillView:
    bill: Bill
    postings: list[PostingLine]
    payments: list[PaymentLine]
    charges: Money
    paid: Money

    @property
    def balance(self) -> Money:
        return self.charges - self.paid

    @property
    def status(self) -> BillStatus:
        return bill_status(self.charges, self.paid)


@dataclass
class FolioView:
    folio: Folio
    currency: str
    bills: list[BillView]
    postings: list[PostingLine]
    payments: list[PaymentLine]

    @property
    def deposit_payments(self) -> list[PaymentLine]:
        return [line for line in self.payments if line.payment.bill_id is None]

    @property
    def deposit_balance(self) -> Money:
        return total((line.payment.base_amount for line in self.deposit_payments), self.currency)

    @property
    def balance(self) -> Money:
        """What the folio owes after deposits: positive means the guest owes the hotel."""
        owed = total((view.balance for view in self.bills), self.currency)
        return owed - self.deposit_balance

    @property
    def is_closed(self) -> bool:
        reservation = self.folio.reservation
        return reservation is not None and reservation.status in (
            ReservationStatus.CHECKED_OUT,
            ReservationStatus.CANCELLED,
        )

    def bill(self, bill_id: int) -> BillView:
        for view in self.bills:
            if view.bill.id == bill_id:
                return view
        raise NotFound("Bill {bill} is not on this folio", bill=f"{bill_id:06d}")

    def posting(self, posting_id: int) -> PostingLine:
        for line in self.postings:
            if line.posting.id == posting_id:
                return line
        raise NotFound("Service {posting} is not on this folio", posting=posting_id)

    def payment(self, payment_id: int) -> PaymentLine:
        for line in self.payments:
            if line.payment.id == payment_id:
                return line
        raise NotFound("Payment {payment} is not on this folio", payment=payment_id)




@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector off while a folio's rows are turned into objects.

    A folio with thousands of postings allocates tens of thousands of objects (ORM states, Money,
    Decimal), which sets off several full collections over every object of the process: more than
    half of the load time of a large folio. Collection resumes right after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _sum(amounts: Iterable[Money], currency: str) -> Money:
    """Like :func:`desk.core.money.total`, without a Money object per partial sum."""
    exact = Decimal(0)
    for amount in amounts:
        if amount.currency != currency:
            raise CurrencyMismatch(currency, amount.currency)
        exact += amount.amount
    return Money(exact, currency)


def folio_options() -> list[Any]:
    """A folio with what its card shows of it: its bills, and who it belongs to, in one statement
    (the bills and guests each a statement of their own were two round trips of a PostgreSQL card's
    reload: a folio has a few bills and guests, so joining them repeats the folio's row a few times).

    Built when asked, not at import: naming a relationship configures every mapper, and the
    models of packages this one may not import (cards' records on payments) are in place only then.
    """
    return [
        joinedload(Folio.bills),
        joinedload(Folio.reservation).joinedload(Reservation.stay_guests).joinedload(ReservationGuest.guest),
        joinedload(Folio.company),
        joinedload(Folio.event),
    ]


def load_folio(session: Session, folio_id: int) -> FolioView:
    """Everything on a folio, in a handful of queries."""
    with collector_paused():
        return _load_folio(session, folio_id)


def _load_folio(session: Session, folio_id: int) -> FolioView:
    folio = session.get(
        Folio,
        folio_id,
        options=folio_options(),
        # Read again even if the unit holds the folio already: its bills may have been added
        # since by plain INSERTs the ORM did not see (the POS service's postings).
        populate_existing=True,
    )
    if folio is None:
        raise NotFound("Folio {folio} does not exist", folio=folio_id)
    currency = base_currency(session)
    postings = session.scalars(
        select(Posting)
        .where(Posting.folio_id == folio_id)
        .options(joinedload(Posting.outlet))
        .order_by(Posting.ordered_at, Posting.id)
    ).all()
    moves = session.scalars(
        select(PostingMove)
        .join(Posting, Posting.id == PostingMove.posting_id)
        .where(Posting.folio_id == folio_id)
        .order_by(PostingMove.id)
    ).all()
    payments = session.scalars(
        select(Payment).where(Payment.folio_id == folio_id).order_by(Payment.created_at, Payment.id)
        .options(selectinload(Payment.card_record))
    ).all()
    return folio_view(folio, currency, postings, moves, payments)


def folio_view(folio: Folio, currency: str, postings: Sequence[Posting], moves: Sequence[PostingMove],
               payments: Sequence[Payment]) -> FolioView:
    """The folio as its card shows it, put together from its rows: postings in (ordered_at, id)
    order, moves in id order, payments in (created_at, id) order, ``folio.bills`` loaded."""
    current_bill = {p.id: p.bill_id for p in postings}
    for move in moves:
        current_bill[move.posting_id] = move.to_bill_id
    reversal_of = {p.reverses_id: p for p in postings if p.reverses_id is not None}
    posting_lines = [
        PostingLine(p, current_bill[p.id], reversal_of.get(p.id)) for p in postings
    ]

    voids = {p.voids_id: p for p in payments if p.voids_id is not None}
    refunds: dict[int, list[Payment]] = defaultdict(list)
    for p in payments:
        if p.refund_of_id is not None and p.id not in voids:
            refunds[p.refund_of_id].append(p)
    payment_lines = [PaymentLine(p, voids.get(p.id), refunds.get(p.id, [])) for p in payments]

    postings_by_bill: dict[int, list[PostingLine]] = defaultdict(list)
    for line in posting_lines:
        postings_by_bill[line.bill_id].append(line)
    payments_by_bill: dict[int | None, list[PaymentLine]] = defaultdict(list)
    for pline in payment_lines:
        payments_by_bill[pline.payment.bill_id].append(pline)

    bill_views = []
    for bill in folio.bills:
        on_bill = postings_by_bill.get(bill.id, [])
        paid_on_bill = payments_by_bill.get(bill.id, [])
        bill_views.append(
            BillView(
                bill=bill,
                postings=on_bill,
                payments=paid_on_bill,
                charges=_sum((line.posting.amount for line in on_bill), currency),
                paid=_sum((line.payment.base_amount for line in paid_on_bill), currency),
            )
        )
    return FolioView(folio, currency, bill_views, posting_lines, payment_lines)


def bill_balance(session: Session, bill_id: int) -> Money:
    """What the bill owes: the figure ``load_folio(...).bill(bill_id).balance`` gives, read from the
    totals the database keeps as the ledger grows (migration 0024), so a payment on a long stay's
    bill costs what one on a new bill does."""
    owed_minor, other_currency = session.execute(
        _BILL_OWED, {"bill_id": bill_id, "hotel_currency": base_currency(session)}).one()
    return owed(session, owed_minor, other_currency)


def bill_owed_read(bill_id: Any) -> tuple[ScalarSelect[int], ScalarSelect[str]]:
    """What :func:`owed` decides from, for the bill ``bill_id`` (a value, a parameter or a column), as
    two columns that may ride on another statement (given :func:`bill_owed_params`): the bill's total
    in the hotel's currency (None when it has none), and another currency the bill holds entries in
    (None when it holds none)."""
    hotel_currency = bindparam("hotel_currency", type_=String)
    return (select(BillTotal.charges - BillTotal.paid)
            .where(BillTotal.bill_id == bill_id, BillTotal.currency == hotel_currency).scalar_subquery(),
            select(BillTotal.currency)
            .where(BillTotal.bill_id == bill_id, BillTotal.currency != hotel_currency, BillTotal.entries != 0)
            .limit(1).scalar_subquery())


def bill_owed_params(session: Session) -> dict[str, str | None]:
    """The parameter :func:`bill_owed_read`'s columns take. A hotel not set up is refused by
    :func:`owed`, in its turn among the caller's rules, not by the read."""
    try:
        return {"hotel_currency": base_currency(session)}
    except NotFound:
        return {"hotel_currency": None}


def owed(session: Session, owed_minor: int | None, other_currency: str | None) -> Money:
    """What a bill owes, from what :func:`bill_owed_read` read: CurrencyMismatch if it holds entries in
    another currency than the hotel's."""
    currency = base_currency(session)
    if other_currency is not None:
        raise CurrencyMismatch(currency, other_currency)
    return Money.from_minor(owed_minor or 0, currency)


_BILL_OWED = select(*bill_owed_read(bindparam("bill_id")))


def summed_bill_balance(session: Session, bill_id: int) -> Money:
    """:func:`bill_balance` summed from the ledger's rows themselves: what the kept totals must
    always equal (the tests hold them to it)."""
    currency = base_currency(session)
    latest_move = (select(func.max(PostingMove.id)).where(PostingMove.posting_id == Posting.id)
                   .correlate(Posting).scalar_subquery())
    on_bill = union_all(
        # Still on the bill it was posted on: never moved.
        select(Posting.amount.label("amount")).where(
            Posting.bill_id == bill_id, ~exists().where(PostingMove.posting_id == Posting.id)),
        # Moved here last.
        select(Posting.amount.label("amount")).join(PostingMove, PostingMove.posting_id == Posting.id)
        .where(PostingMove.to_bill_id == bill_id, PostingMove.id == latest_move),
    ).subquery()
    charges = _sum_in_database(session, select(on_bill.c.amount), currency)
    paid = _sum_in_database(session, select(Payment.base_amount).where(Payment.bill_id == bill_id), currency)
    return charges - paid


def _sum_in_database(session: Session, amounts: Select[Any], currency: str) -> Money:
    """The sum of a column of Money in ``currency``, exact: the database adds whole minor units.

    A Money's text is ``"EUR 12.50"`` with exactly the currency's digits after the point (Money
    quantizes every amount), so the digits without the point are the amount in minor units."""
    column = amounts.subquery().c[0]
    text_of = cast(column, String)
    prefix = f"{currency} "
    minor = cast(func.replace(func.substr(text_of, len(prefix) + 1), ".", ""), BigInteger)
    total_minor, foreign = session.execute(select(
        func.coalesce(func.sum(minor), 0),
        func.count().filter(func.substr(text_of, 1, len(prefix)) != prefix),
    )).one()
    if foreign:
        other = session.scalar(select(text_of).where(func.substr(text_of, 1, len(prefix)) != prefix).limit(1))
        raise CurrencyMismatch(currency, str(other).split(" ")[0])
    return Money.from_minor(int(total_minor), currency)


def folio_of_reservation(session: Session, reservation_id: int) -> int:
    folio_id = session.scalar(select(Folio.id).where(Folio.reservation_id == reservation_id))
    if folio_id is None:
        raise NotFound("Reservation {reservation} has no folio", reservation=reservation_id)
    return folio_id
