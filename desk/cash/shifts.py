"""The cash shift: the drawer of one workstation from the counted float to the blind count at closing.

A shift is opened on a workstation with a float counted per currency the hotel takes cash in.
Every cash payment, deposit, refund or void taken there is linked to it (a link to the ledger
payment, never a copy); cash in and cash out are recorded with a reason. The drawer should hold
float + cash received - cash given back + cash in - cash out, per currency. Closing takes a
blind count by denomination, records over/short per currency and keeps the Z report as a PDF.
Fiscal law: a shift older than 24 hours must be closed before the next cash payment.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, bindparam, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desk.cash.models import CashShift, ShiftCashMove, ShiftClose, ShiftCount, ShiftMoveKind, ShiftPayment
from desk.core.errors import DeskError, InvalidInput, NotFound
from desk.core.money import Money, minor_units
from desk.core.types import utcnow
from desk.db.base import locks_rows
from desk.hotel.models import CurrencyRate, Hotel, MethodKind
from desk.hotel.names import load_names
from desk.hotel.reference import base_currency
from desk.ledger.models import Payment, PaymentKind
from desk.people.auth import Actor
from desk.people.models import User
from desk.people.rights import Right, require

MAX_SHIFT_AGE = timedelta(hours=24)

# Notes and coins per currency, largest first; others get a generic series cut to their decimals.
DENOMINATIONS: dict[str, tuple[str, ...]] = {
    "EUR": ("500", "200", "100", "50", "20", "10", "5", "2", "1", "0.50", "0.20", "0.10", "0.05", "0.02", "0.01"),
    "BGN": ("100", "50", "20", "10", "5", "2", "1", "0.50", "0.20", "0.10", "0.05", "0.02", "0.01"),
    "USD": ("100", "50", "20", "10", "5", "2", "1", "0.25", "0.10", "0.05", "0.01"),
    "GBP": ("50", "20", "10", "5", "2", "1", "0.50", "0.20", "0.10", "0.05", "0.02", "0.01"),
    "CHF": ("1000", "200", "100", "50", "20", "10", "5", "2", "1", "0.50", "0.20", "0.10", "0.05"),
    "JPY": ("10000", "5000", "2000", "1000", "500", "100", "50", "10", "5", "1"),
    "RUB": ("5000", "2000", "1000", "500", "200", "100", "50", "10", "5", "2", "1"),
}
_GENERIC = ("1000", "500", "200", "100", "50", "20", "10", "5", "2", "1", "0.50", "0.20", "0.10", "0.05", "0.02",
            "0.01")


class NoOpenShift(DeskError):
    """Cash was to change hands at a workstation without an open shift."""


class ShiftTooOld(DeskError):
    """The open shift is older than the law allows for another cash payment."""


def denominations(currency: str) -> tuple[Decimal, ...]:
    """The notes and coins a cashier counts in ``currency``, largest first."""
    digits = minor_units(currency)
    series = DENOMINATIONS.get(currency, _GENERIC)
    smallest = Decimal(1).scaleb(-digits)
    return tuple(Decimal(d) for d in series if Decimal(d) >= smallest)


def cash_currencies(session: Session) -> list[str]:
    """The currencies the hotel takes cash in: its own first, then the others it has a rate for."""
    base = base_currency(session)
    others = session.scalars(select(CurrencyRate.currency).order_by(CurrencyRate.currency)).all()
    return [base, *(c for c in others if c != base)]


# --- finding the shift --------------------------------------------------------------------------


def _latest(session: Session, workstation: str, *, lock: bool = False) -> CashShift | None:
    shift_id = session.scalar(
        select(CashShift.id).where(CashShift.workstation == workstation).order_by(CashShift.number.desc()).limit(1)
    )
    if shift_id is None:
        return None
    return session.get(CashShift, shift_id, with_for_update=lock or None)


def _is_closed(session: Session, shift_id: int) -> bool:
    return session.scalar(select(ShiftClose.id).where(ShiftClose.shift_id == shift_id)) is not None


def open_shift_of(session: Session, workstation: str, *, lock: bool = False) -> CashShift | None:
    """The workstation's open shift, if any (at most one: a new one opens only after the last closed)."""
    # One statement, not three: every cash payment asks.
    statement = _LATEST_WITH_CLOSE_LOCKED if lock else _LATEST_WITH_CLOSE
    row = session.execute(statement, {"workstation": workstation}).first()
    shift = _still_open(row[0], row.closed) if row is not None else None
    if shift is not None and lock and locks_rows(session) and _is_closed(session, shift.id):
        # A statement that waited for the shift's lock read its close as it was before the wait: a close
        # committed meanwhile is seen only by a statement of its own, or the cash would be linked to a
        # shift whose Z report was already counted without it.
        return None
    return shift


# The workstation's latest shift and its close (each None when there is none), as read in a statement of
# its own or riding on another one (with_latest_shift).
LatestShift = tuple[CashShift | None, int | None]


def _still_open(latest: CashShift | None, closed: int | None) -> CashShift | None:
    return latest if latest is not None and closed is None else None


def with_latest_shift(statement: Select[Any], workstation: Any) -> Select[Any]:
    """``statement`` with two more columns, the workstation's latest shift (an entity) and its close's
    id, through outer joins, for :func:`require_cash_shift` to decide from: on SQLite only, where the
    unit holds the whole file from BEGIN and the shift's row lock would only read it again."""
    latest = aliased(CashShift)
    newest = (select(latest.id).where(latest.workstation == workstation).order_by(latest.number.desc()).limit(1)
              .scalar_subquery())
    return (statement.add_columns(CashShift, ShiftClose.id).outerjoin(CashShift, CashShift.id == newest)
            .outerjoin(ShiftClose, ShiftClose.shift_id == CashShift.id))


_LATEST_WITH_CLOSE = (
    select(CashShift, ShiftClose.id.label("closed"))
    .outerjoin(ShiftClose, ShiftClose.shift_id == CashShift.id)
    .where(CashShift.workstation == bindparam("workstation"))
    .order_by(CashShift.number.desc())
    .limit(1)
)
_LATEST_WITH_CLOSE_LOCKED = _LATEST_WITH_CLOSE.with_for_update(of=CashShift).execution_options(
    populate_existing=True)


def _require_open(session: Session, workstation: str, latest: LatestShift | None = None) -> CashShift:
    shift = open_shift_of(session, workstation, lock=True) if latest is None else _still_open(*latest)
    if shift is None:
        raise NoOpenShift("No cash shift is open on {workstation}: open one first (Shift → Open shift)",
                          workstation=workstation)
    return shift


def require_cash_shift(session: Session, workstation: str, latest: LatestShift | None = None) -> CashShift:
    """The open shift cash may be taken in on the actor's workstation; refuses otherwise. ``latest``:
    the workstation's latest shift as the unit already read it (:func:`with_latest_shift`), else it is
    read here, locked."""
    shift = _require_open(session, workstation, latest)
    if utcnow() - shift.opened_at > MAX_SHIFT_AGE:
        raise ShiftTooOld(
            "Shift {number} was opened more than 24 hours ago: close it (Z report) and open a new one before "
            "taking cash", number=shift.number)
    return shift


def link_cash_payment(session: Session, shift: CashShift, payment: Payment) -> None:
    # One plain INSERT, not a unit-of-work flush: every cash payment makes one, and the payment,
    # already flushed, tells the runner its folio.
    session.connection().execute(_NEW_SHIFT_PAYMENT, {"shift_id": shift.id, "payment_id": payment.id})


_NEW_SHIFT_PAYMENT = insert(ShiftPayment)


# --- use cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftStatus:
    """What the status bar shows: the open shift and what its drawer should hold."""

    shift_id: int
    number: int
    workstation: str
    opened_by: str
    opened_by_name: str
    opened_at: datetime
    expected: tuple[Money, ...]  # per cash currency, the hotel's own first
    too_old: bool


def _read_amounts(session: Session, amounts: Sequence[Money], what: str, *, allow_zero: bool) -> dict[str, Money]:
    accepted = cash_currencies(session)
    found: dict[str, Money] = {}
    for amount in amounts:
        if amount.currency not in accepted:
            raise InvalidInput("The hotel does not take cash in {currency}", field="currency", currency=amount.currency)
        if amount.currency in found:
            raise InvalidInput("The {what} in {currency} is given twice",
                               field="amount", what=what, currency=amount.currency)
        if amount.is_negative or (not allow_zero and not amount.is_positive):
            raise InvalidInput(f"The {what} must be more than zero" if not allow_zero
                               else f"The {what} cannot be negative", field="amount")
        found[amount.currency] = amount
    return found


def open_shift(session: Session, actor: Actor, float_counted: Sequence[Money]) -> ShiftStatus:
    """Open a shift on the actor's workstation with the float counted into the drawer."""
    require(actor, Right.RUN_CASH_SHIFT)
    floats = _read_amounts(session, float_counted, "float", allow_zero=True)
    latest = _latest(session, actor.workstation, lock=True)
    if latest is not None and not _is_closed(session, latest.id):
        raise InvalidInput("Shift {number} is still open on {workstation}: close it first",
                           number=latest.number, workstation=actor.workstation)
    shift = CashShift(workstation=actor.workstation, number=(latest.number if latest else 0) + 1,
                      opened_by=actor.username, opened_at=utcnow())
    try:
        # Two desks opening at once take the same number; the second is refused here.
        with session.begin_nested():
            session.add(shift)
            session.flush()
    except IntegrityError:
        raise InvalidInput("A shift was opened on {workstation} at the same moment",
                           workstation=actor.workstation) from None
    for amount in floats.values():
        if amount.is_positive:
            session.add(ShiftCashMove(shift_id=shift.id, kind=ShiftMoveKind.FLOAT, amount=amount,
                                      created_by=actor.username))
    session.flush()
    return _status(session, shift)


def _move(session: Session, actor: Actor, kind: ShiftMoveKind, amount: Money, reason: str) -> ShiftStatus:
    shift = _require_open(session, actor.workstation)
    _read_amounts(session, [amount], "amount", allow_zero=False)
    if not reason.strip():
        raise InvalidInput("Say why the cash goes in or out", field="reason")
    if kind is ShiftMoveKind.CASH_OUT:
        held = _expected(session, shift.id).get(amount.currency, Money.zero(amount.currency))
        if amount > held:
            raise InvalidInput("The drawer should hold only {held}", field="amount", held=held)
    session.add(ShiftCashMove(shift_id=shift.id, kind=kind, amount=amount, reason=reason.strip(),
                              created_by=actor.username))
    session.flush()
    return _status(session, shift)


def cash_in(session: Session, actor: Actor, amount: Money, reason: str) -> ShiftStatus:
    """Cash put into the drawer that is no guest's payment (change from the safe, say)."""
    require(actor, Right.RUN_CASH_SHIFT)
    return _move(session, actor, ShiftMoveKind.CASH_IN, amount, reason)


def cash_out(session: Session, actor: Actor, amount: Money, reason: str) -> ShiftStatus:
    """Cash taken out of the drawer that is no refund (to the safe, a petty expense)."""
    require(actor, Right.RUN_CASH_SHIFT)
    return _move(session, actor, ShiftMoveKind.CASH_OUT, amount, reason)


def shift_status(session: Session, workstation: str) -> ShiftStatus | None:
    """The workstation's open shift, for the status bar; None when none is open."""
    shift = open_shift_of(session, workstation)
    return None if shift is None else _status(session, shift)


def _status(session: Session, shift: CashShift) -> ShiftStatus:
    expected = _expected(session, shift.id)
    return ShiftStatus(
        shift_id=shift.id, number=shift.number, workstation=shift.workstation, opened_by=shift.opened_by,
        opened_by_name=_name(session, shift.opened_by), opened_at=shift.opened_at,
        expected=tuple(expected[c] for c in _currencies_of(session, expected)),
        too_old=utcnow() - shift.opened_at > MAX_SHIFT_AGE,
    )


def _name(session: Session, username: str) -> str:
    user = session.get(User, username)
    return user.full_name if user is not None else username


def _currencies_of(session: Session, amounts: Mapping[str, object]) -> list[str]:
    accepted = cash_currencies(session)
    # The hotel's own currency always; the others once they were used.
    return [c for c in accepted if c == accepted[0] or c in amounts] + sorted(set(amounts) - set(accepted))


# --- figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CurrencyFigures:
    """One currency of a shift's drawer."""

    currency: str
    opening_float: Money
    received: Money  # cash payments and deposits
    given_back: Money  # cash refunds and voided cash payments (a positive amount)
    cash_in: Money
    cash_out: Money
    counted: Money | None = None  # at closing
    denominations: tuple[tuple[Decimal, int], ...] = ()

    @property
    def expected(self) -> Money:
        return self.opening_float + self.received - self.given_back + self.cash_in - self.cash_out

    @property
    def difference(self) -> Money | None:
        """Counted minus expected: positive is over, negative is short."""
        return None if self.counted is None else self.counted - self.expected


@dataclass(frozen=True)
class CashMoveLine:
    kind: ShiftMoveKind
    amount: Money
    reason: str
    at: datetime
    by: str


@dataclass(frozen=True)
class MethodFigures:
    """What one payment method (each card brand apart) took in one currency during a shift; refunds apart."""

    method_code: str
    method_name: str
    kind: MethodKind
    brand: str  # the card's scheme as the terminal named it; empty for other methods
    currency: str
    count: int
    received: Money
    refund_count: int
    given_back: Money  # refunds and voids, as a positive amount


# Cash first, as the drawer is what a cashier answers for; then as a hotel's day usually runs.
_METHOD_ORDER = (MethodKind.CASH, MethodKind.CARD, MethodKind.TRANSFER, MethodKind.DEPOSIT,
                 MethodKind.COMPANY_ACCOUNT, MethodKind.OTHER)
_RECEIVED = (PaymentKind.PAYMENT, PaymentKind.DEPOSIT)
_GIVEN_BACK = (PaymentKind.REFUND, PaymentKind.VOID)


@dataclass(frozen=True)
class ShiftReport:
    """An X report (the shift so far) or a Z report (the closed shift with its count)."""

    hotel_name: str
    hotel_address: str
    shift_id: int
    number: int
    workstation: str
    opened_by_name: str
    opened_at: datetime
    closed_by_name: str | None
    closed_at: datetime | None
    made_at: datetime
    currencies: tuple[CurrencyFigures, ...]
    moves: tuple[CashMoveLine, ...]
    payments: int  # cash payments, refunds and voids linked to the shift
    methods: tuple[MethodFigures, ...] = ()  # every payment the desk took or gave back, by method

    @property
    def is_final(self) -> bool:
        return self.closed_at is not None

    def figures(self, currency: str) -> CurrencyFigures:
        return next(f for f in self.currencies if f.currency == currency)


def _linked_payments(session: Session, shift_id: int) -> list[Money]:
    return list(session.scalars(
        select(Payment.amount).join(ShiftPayment, ShiftPayment.payment_id == Payment.id)
        .where(ShiftPayment.shift_id == shift_id)
    ))


def _shift_payments(session: Session, shift: CashShift, until: datetime | None) -> list[Payment]:
    """Every payment taken or given back on the shift's workstation while it was open.

    Card, transfer and account payments need no shift, so they are found by workstation and time;
    the cash ones are linked to the shift, and taken from the links whatever their clock says.
    """
    window = select(Payment).where(Payment.workstation == shift.workstation, Payment.created_at >= shift.opened_at)
    if until is not None:
        window = window.where(Payment.created_at <= until)
    linked = select(Payment).join(ShiftPayment, ShiftPayment.payment_id == Payment.id).where(
        ShiftPayment.shift_id == shift.id)
    found = {p.id: p for p in session.scalars(window)}
    found.update({p.id: p for p in session.scalars(linked)})
    return [found[i] for i in sorted(found)]


def _method_figures(session: Session, shift: CashShift, until: datetime | None,
                    language: str = "en") -> tuple[MethodFigures, ...]:
    names = load_names(session, language)
    groups: dict[tuple[str, str, str], list[Payment]] = {}
    for payment in _shift_payments(session, shift, until):
        if payment.kind not in _RECEIVED and payment.kind not in _GIVEN_BACK:
            continue  # a move between the deposit and a bill: no money changed hands
        record = payment.card_record
        brand = record.brand if record is not None and payment.method.kind is MethodKind.CARD else ""
        groups.setdefault((payment.method_code, brand, payment.amount.currency), []).append(payment)
    figures = []
    for (code, brand, currency), payments in groups.items():
        zero = Money.zero(currency)
        received = [p.amount for p in payments if p.kind in _RECEIVED]
        given_back = [-p.amount for p in payments if p.kind in _GIVEN_BACK]
        method = payments[0].method
        figures.append(MethodFigures(code, names.method(method), method.kind, brand, currency, len(received),
                                     sum(received, zero), len(given_back), sum(given_back, zero)))
    return tuple(sorted(figures, key=lambda f: (_METHOD_ORDER.index(f.kind), f.method_name, f.brand, f.currency)))


def payment_figures(session: Session, shift_id: int, language: str = "en") -> tuple[MethodFigures, ...]:
    """A shift's payments by method (named in ``language``), card brand and currency (to its close, or until
    now)."""
    shift = session.get(CashShift, shift_id)
    if shift is None:
        raise NotFound("Shift {shift_id} does not exist", shift_id=shift_id)
    closed_at = session.scalar(select(ShiftClose.closed_at).where(ShiftClose.shift_id == shift_id))
    return _method_figures(session, shift, closed_at, language)


def _figures(session: Session, shift_id: int) -> dict[str, CurrencyFigures]:
    sums: dict[tuple[str, str], Money] = {}

    def add(what: str, amount: Money) -> None:
        key = (what, amount.currency)
        sums[key] = sums.get(key, Money.zero(amount.currency)) + amount

    for amount in _linked_payments(session, shift_id):
        if amount.is_negative:
            add("given_back", -amount)
        else:
            add("received", amount)
    for move in session.scalars(select(ShiftCashMove).where(ShiftCashMove.shift_id == shift_id)):
        add(move.kind.value, move.amount)
    currencies = {currency for _what, currency in sums}
    currencies.add(base_currency(session))

    def get(what: str, currency: str) -> Money:
        return sums.get((what, currency), Money.zero(currency))

    return {
        c: CurrencyFigures(c, get("float", c), get("received", c), get("given_back", c), get("cash_in", c),
                           get("cash_out", c))
        for c in currencies
    }


def _expected(session: Session, shift_id: int) -> dict[str, Money]:
    return {c: f.expected for c, f in _figures(session, shift_id).items()}


def _report(session: Session, shift: CashShift, figures: Mapping[str, CurrencyFigures],
            closed_at: datetime | None = None, closed_by: str | None = None, language: str = "en") -> ShiftReport:
    hotel = session.scalars(select(Hotel).limit(1)).one()
    moves = session.scalars(
        select(ShiftCashMove).where(ShiftCashMove.shift_id == shift.id).order_by(ShiftCashMove.id)
    ).all()
    payments = session.scalar(select(func.count(ShiftPayment.id)).where(ShiftPayment.shift_id == shift.id)) or 0
    return ShiftReport(
        hotel_name=hotel.name, hotel_address=hotel.postal_address, shift_id=shift.id, number=shift.number,
        workstation=shift.workstation, opened_by_name=_name(session, shift.opened_by), opened_at=shift.opened_at,
        closed_by_name=_name(session, closed_by) if closed_by else None, closed_at=closed_at, made_at=utcnow(),
        currencies=tuple(figures[c] for c in _currencies_of(session, figures)),
        moves=tuple(CashMoveLine(m.kind, m.amount, m.reason, m.created_at, m.created_by) for m in moves),
        payments=payments, methods=_method_figures(session, shift, closed_at, language),
    )


def x_report(session: Session, workstation: str, language: str = "en") -> ShiftReport:
    """The open shift's figures so far, its methods named in ``language``; changes nothing."""
    shift = open_shift_of(session, workstation)
    if shift is None:
        raise NoOpenShift("No cash shift is open on {workstation}", workstation=workstation)
    return _report(session, shift, _figures(session, shift.id), language=language)


def shift_report(session: Session, shift_id: int, language: str = "en") -> ShiftReport:
    """A shift's report: its Z report once it is closed (with the counts), its X report before."""
    shift = session.get(CashShift, shift_id)
    if shift is None:
        raise NotFound("Shift {shift_id} does not exist", shift_id=shift_id)
    figures = _figures(session, shift.id)
    closing = session.scalars(select(ShiftClose).where(ShiftClose.shift_id == shift.id)).one_or_none()
    if closing is None:
        return _report(session, shift, figures, language=language)
    for count in session.scalars(select(ShiftCount).where(ShiftCount.shift_id == shift.id)):
        base = figures.get(count.currency) or _empty(count.currency)
        figures = {**figures, count.currency: _with_count(base, count.counted, count.denominations)}
    return _report(session, shift, figures, closing.closed_at, closing.closed_by, language)


def _empty(currency: str) -> CurrencyFigures:
    zero = Money.zero(currency)
    return CurrencyFigures(currency, zero, zero, zero, zero, zero)


def _with_count(figures: CurrencyFigures, counted: Money, pieces: Mapping[str, int]) -> CurrencyFigures:
    return dataclasses.replace(
        figures,
        counted=counted,
        denominations=tuple(sorted(((Decimal(d), n) for d, n in pieces.items()), reverse=True)),
    )


@dataclass(frozen=True)
class ShiftClosure:
    """A closed shift: its Z report (with over/short per currency) and the PDF kept of it."""

    report: ShiftReport
    z_report_pdf: bytes


def close_shift(session: Session, actor: Actor, counts: Mapping[str, Mapping[Decimal, int]]) -> ShiftClosure:
    """Close the workstation's shift with the blind count: pieces per denomination, per currency.

    A currency not counted is counted as empty. Records over/short per currency and the Z report.
    """
    require(actor, Right.RUN_CASH_SHIFT)
    from desk.cash.shift_pdf import shift_report_pdf
    from desk.hotel.country import hotel_format

    shift = _require_open(session, actor.workstation)
    accepted = cash_currencies(session)
    figures = _figures(session, shift.id)
    counted: dict[str, CurrencyFigures] = {}
    for currency in set(figures) | set(counts):
        if currency not in accepted and currency not in figures:
            raise InvalidInput("The hotel does not take cash in {currency}", field="currency", currency=currency)
        allowed = set(denominations(currency))
        pieces: dict[str, int] = {}
        amount = Money.zero(currency)
        for denomination, number in counts.get(currency, {}).items():
            if Decimal(denomination) not in allowed:
                raise InvalidInput("{denomination} is not a {currency} note or coin",
                                   field="count", denomination=denomination, currency=currency)
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                raise InvalidInput("Count {currency} {denomination} in whole pieces",
                                   field="count", currency=currency, denomination=denomination)
            if number:
                pieces[str(Decimal(denomination))] = number
                amount = amount + Money.of(Decimal(denomination), currency) * number
        base = figures.get(currency) or _empty(currency)
        counted[currency] = _with_count(base, amount, pieces)
    closed_at = utcnow()
    fmt = hotel_format(session)  # the Z kept at closing is the hotel's document: its language throughout
    report = _report(session, shift, counted, closed_at, actor.username, fmt.language)
    pdf = shift_report_pdf(report, fmt)
    for line in report.currencies:
        assert line.counted is not None and line.difference is not None
        session.add(ShiftCount(
            shift_id=shift.id, currency=line.currency, counted=line.counted, expected=line.expected,
            difference=line.difference, denominations={str(d): n for d, n in line.denominations},
        ))
    session.add(ShiftClose(shift_id=shift.id, closed_by=actor.username, closed_at=closed_at, z_report_pdf=pdf))
    session.flush()
    return ShiftClosure(report, pdf)


def z_report_pdf(session: Session, shift_id: int) -> bytes:
    """The Z report as it was printed at closing."""
    pdf = session.scalar(select(ShiftClose.z_report_pdf).where(ShiftClose.shift_id == shift_id))
    if pdf is None:
        raise NotFound("Shift {shift_id} is not closed", shift_id=shift_id)
    return pdf



@dataclass(frozen=True)
class ShiftForm:
    """What the shift dialogs need before they open: the cash currencies, their notes and coins, the shift."""

    currencies: tuple[str, ...]
    denominations: dict[str, tuple[Decimal, ...]]
    status: ShiftStatus | None


def shift_form(session: Session, workstation: str) -> ShiftForm:
    currencies = tuple(cash_currencies(session))
    return ShiftForm(currencies, {c: denominations(c) for c in currencies}, shift_status(session, workstation))
