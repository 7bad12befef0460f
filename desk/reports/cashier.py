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
from typing import Any

from sqlalchemy import Select, String, select, type_coerce
from sqlalchemy.orm import Session

from desk.cards.models import CardRecord
from desk.cash.models import CashShift, ShiftCashMove, ShiftClose, ShiftCount, ShiftPayment
from desk.core.errors import N_, InvalidInput
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Hotel, MethodKind, PaymentMethod
from desk.hotel.names import load_names
from desk.hotel.reference import base_currency
from desk.ledger.models import Payment, PaymentKind
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.reports.charts import takings_by_hour
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


# The amount and kind as stored ("EUR 12.50", "refund"): summed as whole minor units, and made Money
# once per line, a month of a big hotel's payments is read in a few seconds instead of twenty.
_COLUMNS = (Payment.id, Payment.created_at, type_coerce(Payment.kind, String).label("kind"), Payment.method_code,
            type_coerce(Payment.amount, String).label("amount"), Payment.created_by, CardRecord.brand,
            CardRecord.terminal)


def _with_card(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    # Plain columns, not Payment objects: a month of a big hotel's payments is a few hundred thousand rows.
    return query.outerjoin(CardRecord, CardRecord.payment_id == Payment.id).where(Payment.kind != PaymentKind.TRANSFER)


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
    owned: dict[int, tuple[CashShift, Any]] = {}
    for workstation, spans in windows.items():
        spans.sort(key=lambda span: span[0])
        starts = [span[0] for span in spans]
        found = session.execute(_with_card(select(*_COLUMNS)).where(
            Payment.workstation == workstation, Payment.created_at >= spans[0][0],
            Payment.created_at <= max(span[1] for span in spans)))
        for row in found:
            at = bisect.bisect_right(starts, row.created_at) - 1
            if at >= 0 and row.created_at <= spans[at][1]:
                owned[row.id] = (spans[at][2], row)
    by_id = {s.id: s for s in shifts}
    linked = _with_card(select(ShiftPayment.shift_id, *_COLUMNS).join(ShiftPayment,
                                                                      ShiftPayment.payment_id == Payment.id))
    for chunk in range(0, len(ids), 500):
        for row in session.execute(linked.where(ShiftPayment.shift_id.in_(ids[chunk:chunk + 500]))):
            owned[row.id] = (by_id[row.shift_id], row)
    return _lines(session, owned.values(), language)


def _lines(session: Session, owned: Iterable[tuple[CashShift, Any]], language: str) -> list[MethodLine]:
    names = load_names(session, language)
    methods = {m.code: m for m in session.scalars(select(PaymentMethod))}
    cards = {code for code, method in methods.items() if method.kind is MethodKind.CARD}
    # Per line: payments, received, refunds, refunded, voids, voided; amounts in minor units.
    sums: dict[tuple[int, str, str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    shift_of: dict[int, CashShift] = {}
    for shift, row in owned:
        currency, value = row.amount.split(" ")
        minor = int(value.replace(".", ""))  # the stored text has exactly the currency's decimals
        brand, terminal = (row.brand or "", row.terminal or "") if row.method_code in cards else ("", "")
        shift_of[shift.id] = shift
        line = sums[(shift.id, row.created_by, row.method_code, brand, terminal, currency)]
        at = _SLOT[row.kind]
        line[at] += 1
        line[at + 1] += minor if at == 0 else -minor
    lines = []
    for (shift_id, cashier, code, brand, terminal, currency), (paid, received, refunds, refunded, voids,
                                                                 voided) in sums.items():
        shift = shift_of[shift_id]

        def money(minor: int, currency: str = currency) -> Money:
            return Money.from_minor(minor, currency)

        lines.append(MethodLine(
            shift_id, shift.number, shift.workstation, cashier, names.method(methods[code]), brand, terminal,
            currency, paid, money(received), refunds, money(refunded), voids, money(voided)))
    return sorted(lines, key=lambda x: (x.shift_id, x.cashier, x.method, x.brand, x.terminal, x.currency))


_SLOT = {PaymentKind.PAYMENT.value: 0, PaymentKind.DEPOSIT.value: 0, PaymentKind.REFUND.value: 2,
         PaymentKind.VOID.value: 4}


@dataclass(frozen=True)
class DrawerLine:
    """One currency of one shift's drawer, as its X or Z report counts it (desk.cash.shifts)."""

    shift: CashShift
    closed_at: datetime | None
    currency: str
    opening_float: Money
    received: Money
    given_back: Money
    cash_in: Money
    cash_out: Money
    counted: Money | None

    @property
    def expected(self) -> Money:
        return self.opening_float + self.received - self.given_back + self.cash_in - self.cash_out

    @property
    def difference(self) -> Money | None:
        return None if self.counted is None else self.counted - self.expected


def drawer_lines(session: Session, shifts: Iterable[CashShift], base_currency: str) -> list[DrawerLine]:
    """Each shift's drawer per currency (the hotel's own always): float, cash taken and given back,
    cash in and out, the count at closing."""
    shifts = list(shifts)
    ids = [s.id for s in shifts]
    sums: dict[tuple[int, str, str], Money] = {}

    def add(shift_id: int, what: str, amount: Money) -> None:
        key = (shift_id, what, amount.currency)
        sums[key] = sums.get(key, Money.zero(amount.currency)) + amount

    closed: dict[int, datetime] = {}
    counted: dict[tuple[int, str], Money] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for shift_id, amount in session.execute(select(ShiftPayment.shift_id, Payment.amount).join(
                Payment, Payment.id == ShiftPayment.payment_id).where(ShiftPayment.shift_id.in_(part))):
            add(shift_id, "given_back" if amount.is_negative else "received", abs(amount))
        for shift_id, kind, amount in session.execute(select(ShiftCashMove.shift_id, ShiftCashMove.kind,
                                                             ShiftCashMove.amount).where(
                ShiftCashMove.shift_id.in_(part))):
            add(shift_id, kind.value, amount)
        closed.update(session.execute(select(ShiftClose.shift_id, ShiftClose.closed_at)
                                      .where(ShiftClose.shift_id.in_(part))).all())
        for shift_id, amount in session.execute(select(ShiftCount.shift_id, ShiftCount.counted)
                                                .where(ShiftCount.shift_id.in_(part))):
            counted[(shift_id, amount.currency)] = amount
    lines = []
    for shift in shifts:
        currencies = {c for s, _w, c in sums if s == shift.id} | {c for s, c in counted if s == shift.id}
        for currency in [base_currency, *sorted(currencies - {base_currency})]:
            def get(what: str, shift_id: int = shift.id, currency: str = currency) -> Money:
                return sums.get((shift_id, what, currency), Money.zero(currency))
            lines.append(DrawerLine(shift, closed.get(shift.id), currency, get("float"), get("received"),
                                    get("given_back"), get("cash_in"), get("cash_out"),
                                    counted.get((shift.id, currency))))
    return lines


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
    drawer_rows = tuple(
        (d.shift.number, d.shift.workstation, d.shift.opened_by, d.shift.opened_at, d.closed_at, d.currency,
         d.opening_float, d.received, d.given_back, d.cash_in, d.cash_out, d.expected, d.counted, d.difference)
        for d in drawer_lines(session, shifts, base_currency(session)))
    hotel = session.scalars(select(Hotel).limit(1)).one()
    filters: list[tuple[str, object]] = [(N_("From"), first), (N_("To"), last)]
    if workstation:
        filters.append((N_("Workstation"), workstation))
    if not reader.may(Right.READ_HOTEL_REPORTS):
        filters.append((N_("Cashier"), reader.username))
    # The hotel's takings by hour are the manager's; a cashier's report holds only their own shifts.
    charts = (takings_by_hour(session, first, last, workstation, language),) \
        if reader.may(Right.READ_HOTEL_REPORTS) else ()
    return Report(
        name="cashier", title=TITLE, hotel_name=hotel.name, filters=tuple(filters),  # type: ignore[arg-type]
        made_at=utcnow(), made_by=reader.username,
        sections=(Section(PAYMENTS, PAYMENT_COLUMNS, 7, payment_rows),
                  Section(DRAWERS, DRAWER_COLUMNS, 6, drawer_rows)), charts=charts)
