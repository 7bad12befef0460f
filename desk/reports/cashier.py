"""The cashier report: per shift and per cashier, what each payment method took in each currency
(card brands and terminals apart), refunds and voids apart; and each shift's drawer: float, cash in
and out, expected, counted, over/short.

A shift's payments are those its workstation took while it was open, and the cash ones linked to it
(as the X and Z reports count them, desk.cash.shifts). A manager reads every shift; a cashier only
the shifts they opened. Reports write nothing: they take the ``reader``, not an acting ``actor``.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CardRecord
from desk.cash.models import CashShift, ShiftClose, ShiftPayment
from desk.cash.shifts import shift_report
from desk.core.errors import N_, InvalidInput
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Hotel, MethodKind, PaymentMethod
from desk.hotel.names import load_names
from desk.ledger.models import Payment, PaymentKind
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.reports.tables import Report, Section, day_bounds

TITLE = N_("Cashier report")
PAYMENTS = N_("Payments by shift, cashier and method")
DRAWERS = N_("Cash drawer by shift")
PAYMENT_COLUMNS = (N_("Shift"), N_("Workstation"), N_("Cashier"), N_("Method"), N_("Card brand"),
                   N_("Terminal"), N_("Currency"), N_("Payments"), N_("Received"), N_("Refunds"),
                   N_("Refunded"), N_("Voids"), N_("Voided"), N_("Net"))
DRAWER_COLUMNS = (N_("Shift"), N_("Workstation"), N_("Opened by"), N_("Opened"), N_("Closed"), N_("Currency"),
                  N_("Float"), N_("Cash received"), N_("Cash given back"), N_("Cash in"), N_("Cash out"),
                  N_("Expected"), N_("Counted"), N_("Over/short"))
MAX_DAYS = 366

_RECEIVED = (PaymentKind.PAYMENT, PaymentKind.DEPOSIT)


@dataclass(frozen=True)
class MethodLine:
    """What one cashier took with one method (one card brand on one terminal) in one currency in a shift."""

    shift_id: int
    shift_number: int
    workstation: str
    cashier: str
    method: str
    brand: str
    terminal: str
    currency: str
    payments: int
    received: Money
    refunds: int
    refunded: Money  # a positive amount given back
    voids: int
    voided: Money  # the voided records undone, positive when money was taken back out

    @property
    def net(self) -> Money:
        return self.received - self.refunded - self.voided


def check_days(first: date, last: date) -> None:
    if last < first:
        raise InvalidInput("The report ends on {last} before it begins on {first}", field="to", first=first, last=last)
    if (last - first).days >= MAX_DAYS:
        raise InvalidInput("A report covers at most {days} days", field="to", days=MAX_DAYS)


def report_shifts(session: Session, reader: Actor, first: date, last: date,
                  workstation: str | None = None) -> list[CashShift]:
    """The shifts opened in these days (on one workstation if named) the reader may read, oldest first."""
    require(reader, Right.READ_REPORTS)
    check_days(first, last)
    start, end = day_bounds(first, last)
    query = select(CashShift).where(CashShift.opened_at >= start, CashShift.opened_at < end)
    if workstation:
        query = query.where(CashShift.workstation == workstation)
    if not reader.may(Right.READ_HOTEL_REPORTS):
        query = query.where(CashShift.opened_by == reader.username)
    return list(session.scalars(query.order_by(CashShift.opened_at, CashShift.id)))


def method_lines(session: Session, shifts: Iterable[CashShift], language: str = "en") -> list[MethodLine]:
    """Each shift's payments by cashier, method, card brand and terminal, and currency."""
    shifts = list(shifts)
    if not shifts:
        return []
    ids = [s.id for s in shifts]
    closed = dict(session.execute(select(ShiftClose.shift_id, ShiftClose.closed_at)
                                  .where(ShiftClose.shift_id.in_(ids))).all())
    now = utcnow()
    # Per workstation, its shifts' windows in time; a workstation has one shift open at a time.
    windows: dict[str, list[tuple[datetime, datetime, CashShift]]] = defaultdict(list)
    for shift in shifts:
        windows[shift.workstation].append((shift.opened_at, closed.get(shift.id) or now, shift))
    owner: dict[int, CashShift] = {}
    for workstation, spans in windows.items():
        spans.sort(key=lambda span: span[0])
        starts = [span[0] for span in spans]
        found = session.execute(
            select(Payment.id, Payment.created_at).where(
                Payment.workstation == workstation, Payment.created_at >= spans[0][0],
                Payment.created_at <= max(span[1] for span in spans)))
        for payment_id, created_at in found:
            at = bisect.bisect_right(starts, created_at) - 1
            if at >= 0 and created_at <= spans[at][1]:
                owner[payment_id] = spans[at][2]
    by_id = {s.id: s for s in shifts}
    for shift_id, payment_id in session.execute(
            select(ShiftPayment.shift_id, ShiftPayment.payment_id).where(ShiftPayment.shift_id.in_(ids))):
        owner[payment_id] = by_id[shift_id]
    return _lines(session, owner, language)


def _lines(session: Session, owner: dict[int, CashShift], language: str) -> list[MethodLine]:
    names = load_names(session, language)
    methods = {m.code: m for m in session.scalars(select(PaymentMethod))}
    payments: list[Payment] = []
    cards: dict[int, tuple[str, str]] = {}
    chosen = sorted(owner)
    for chunk in range(0, len(chosen), 500):
        ids = chosen[chunk:chunk + 500]
        payments += session.scalars(select(Payment).where(Payment.id.in_(ids))).all()
        for payment_id, brand, terminal in session.execute(
                select(CardRecord.payment_id, CardRecord.brand, CardRecord.terminal)
                .where(CardRecord.payment_id.in_(ids))):
            if payment_id is not None:
                cards[payment_id] = (brand, terminal)
    groups: dict[tuple[int, str, str, str, str, str], list[Payment]] = defaultdict(list)
    for payment in payments:
        if payment.kind is PaymentKind.TRANSFER:
            continue  # between the deposit and a bill: no money changed hands
        method = methods[payment.method_code]
        brand, terminal = cards.get(payment.id, ("", "")) if method.kind is MethodKind.CARD else ("", "")
        shift = owner[payment.id]
        groups[(shift.id, payment.created_by, payment.method_code, brand, terminal,
                payment.amount.currency)].append(payment)
    lines = []
    for (shift_id, cashier, code, brand, terminal, currency), rows in groups.items():
        shift = next(owner[p.id] for p in rows)
        zero = Money.zero(currency)
        received = [p.amount for p in rows if p.kind in _RECEIVED]
        refunds = [-p.amount for p in rows if p.kind is PaymentKind.REFUND]
        voids = [-p.amount for p in rows if p.kind is PaymentKind.VOID]
        lines.append(MethodLine(
            shift_id, shift.number, shift.workstation, cashier, names.method(methods[code]), brand, terminal,
            currency, len(received), sum(received, zero), len(refunds), sum(refunds, zero), len(voids),
            sum(voids, zero)))
    return sorted(lines, key=lambda x: (x.shift_id, x.cashier, x.method, x.brand, x.terminal, x.currency))


def cashier_report(session: Session, reader: Actor, first: date, last: date | None = None,
                   workstation: str | None = None, language: str = "en") -> Report:
    """The cashier report of the shifts opened from ``first`` to ``last`` (that day alone if not given)."""
    require(reader, Right.READ_REPORTS)
    last = last or first
    shifts = report_shifts(session, reader, first, last, workstation)
    payment_rows = tuple(
        (line.shift_number, line.workstation, line.cashier, line.method, line.brand, line.terminal, line.currency,
         line.payments, line.received, line.refunds, line.refunded, line.voids, line.voided, line.net)
        for line in method_lines(session, shifts, language))
    drawer_rows = []
    for shift in shifts:
        report = shift_report(session, shift.id, language)
        for figures in report.currencies:
            drawer_rows.append((
                shift.number, shift.workstation, shift.opened_by, shift.opened_at, report.closed_at,
                figures.currency, figures.opening_float, figures.received, figures.given_back, figures.cash_in,
                figures.cash_out, figures.expected, figures.counted, figures.difference))
    hotel = session.scalars(select(Hotel).limit(1)).one()
    filters: list[tuple[str, object]] = [(N_("From"), first), (N_("To"), last)]
    if workstation:
        filters.append((N_("Workstation"), workstation))
    if not reader.may(Right.READ_HOTEL_REPORTS):
        filters.append((N_("Cashier"), reader.username))
    return Report(
        name="cashier", title=TITLE, hotel_name=hotel.name, filters=tuple(filters),  # type: ignore[arg-type]
        made_at=utcnow(), made_by=reader.username,
        sections=(Section(PAYMENTS, PAYMENT_COLUMNS, 7, payment_rows),
                  Section(DRAWERS, DRAWER_COLUMNS, 6, tuple(drawer_rows))))
