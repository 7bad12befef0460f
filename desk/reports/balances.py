"""Open balances: what in-house guests owe (and hold on deposit), what departed guests left open, and
what each company owes by age of its charges (0-30, 31-60, 61-90, over 90 days), against its credit limit.

Balances are the ledger's own per-bill totals (bill_total, kept by the database's triggers), so the
report reads one row per bill, not every posting of a five-year-old hotel. A company's balance is
aged by its unpaid charges: what it paid settles its oldest charges first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from desk.core.errors import N_
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Hotel, Room
from desk.ledger.models import Bill, BillTotal, Folio, Payment, Posting
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.reports.cashier import check_days
from desk.reports.tables import Cell, Report, Section
from desk.stays.credit import over_credit_limit
from desk.stays.models import Company, Guest, Reservation, ReservationGuest, ReservationStatus

TITLE = N_("Open balances")
IN_HOUSE = N_("In-house guests")
DEPARTED = N_("Departed with a balance")
COMPANIES = N_("Companies by age")
STAY_COLUMNS = (N_("Reservation"), N_("Guests"), N_("Room"), N_("Arrival"), N_("Departure"), N_("Currency"),
                N_("Charges"), N_("Paid"), N_("Balance"), N_("Deposit"), N_("Credit limit"), N_("Over the limit"))
COMPANY_COLUMNS = (N_("Company"), N_("Currency"), N_("0-30 days"), N_("31-60 days"), N_("61-90 days"),
                   N_("Over 90 days"), N_("Balance"), N_("Credit limit"), N_("Over the limit"))
AGES = (30, 60, 90)


@dataclass(frozen=True)
class FolioTotals:
    charges: dict[str, int]  # per currency, minor units
    paid: dict[str, int]


def folio_totals(session: Session, folio_ids: list[int]) -> dict[int, FolioTotals]:
    """Each folio's charges and payments on its bills, per currency, from the bills' totals."""
    found: dict[int, FolioTotals] = {}
    for chunk in range(0, len(folio_ids), 500):
        rows = session.execute(
            select(Bill.folio_id, BillTotal.currency, func.sum(BillTotal.charges), func.sum(BillTotal.paid))
            .join(BillTotal, BillTotal.bill_id == Bill.id).where(Bill.folio_id.in_(folio_ids[chunk:chunk + 500]))
            .group_by(Bill.folio_id, BillTotal.currency))
        for folio_id, currency, charges, paid in rows:
            totals = found.setdefault(folio_id, FolioTotals({}, {}))
            totals.charges[currency] = int(charges)
            totals.paid[currency] = int(paid)
    return found


def deposits(session: Session, folio_ids: list[int]) -> dict[int, dict[str, int]]:
    """What each folio holds on its deposit account (payments on no bill), per currency, in minor units."""
    held: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for chunk in range(0, len(folio_ids), 500):
        for folio_id, amount in session.execute(
                select(Payment.folio_id, type_coerce(Payment.base_amount, String))
                .where(Payment.folio_id.in_(folio_ids[chunk:chunk + 500]), Payment.bill_id.is_(None))):
            currency, value = amount.split(" ")
            held[folio_id][currency] += int(value.replace(".", ""))
    return held


def _stay_rows(session: Session, status: ReservationStatus, only_open: bool, base: str) -> list[tuple[Cell, ...]]:
    query = (select(Reservation.id, Reservation.number, Reservation.arrival, Reservation.departure, Room.number,
                    Folio.id, Reservation.credit_limit)
             .join(Folio, Folio.reservation_id == Reservation.id).outerjoin(Room, Room.id == Reservation.room_id)
             .where(Reservation.status == status))
    if only_open:
        # Of a hundred thousand departed stays, only those with a bill whose totals do not add up to nothing.
        query = query.where(Folio.id.in_(select(Bill.folio_id).join(BillTotal, BillTotal.bill_id == Bill.id)
                                         .where(BillTotal.charges != BillTotal.paid)))
    stays = session.execute(query).all()
    folio_ids = [s[5] for s in stays]
    totals = folio_totals(session, folio_ids)
    held = deposits(session, folio_ids)
    names: dict[int, list[str]] = defaultdict(list)
    ids = [s[0] for s in stays]
    for chunk in range(0, len(ids), 500):
        for reservation_id, first, last in session.execute(
                select(ReservationGuest.reservation_id, Guest.first_name, Guest.last_name)
                .join(Guest, Guest.id == ReservationGuest.guest_id)
                .where(ReservationGuest.reservation_id.in_(ids[chunk:chunk + 500]))
                .order_by(ReservationGuest.reservation_id, ReservationGuest.position)):
            names[reservation_id].append(f"{first} {last}".strip())
    rows: list[tuple[Cell, ...]] = []
    for reservation_id, number, arrival, departure, room, folio_id, limit in stays:
        total = totals.get(folio_id, FolioTotals({}, {}))
        deposit = held.get(folio_id, {})
        for currency in sorted(set(total.charges) | set(deposit) | {base}):
            charges, paid = total.charges.get(currency, 0), total.paid.get(currency, 0)
            if only_open and charges == paid:
                continue
            if currency != base and not (charges or paid or deposit.get(currency)):
                continue
            # The deposit held counts against the limit, as on the card's header (desk.stays.credit).
            owed = Money.from_minor(charges - paid - deposit.get(currency, 0), currency)
            limit_here = limit if limit is not None and limit.currency == currency else None
            rows.append((number, ", ".join(names[reservation_id]), room or "", arrival, departure, currency,
                         Money.from_minor(charges, currency), Money.from_minor(paid, currency),
                         Money.from_minor(charges - paid, currency),
                         Money.from_minor(deposit.get(currency, 0), currency), limit_here,
                         over_credit_limit(limit_here, owed)))
    return sorted(rows, key=lambda r: str(r[0]))


def aged(charges: list[tuple[date, int]], paid: int, as_of: date) -> tuple[int, int, int, int]:
    """What is still owed of ``charges`` (business date, minor units) after ``paid`` settled the oldest
    first, by age on ``as_of``: 0-30, 31-60, 61-90 and over 90 days."""
    buckets = [0, 0, 0, 0]
    left = paid
    for day, amount in sorted(charges):
        settled = min(max(left, 0), amount) if amount > 0 else 0
        left -= settled
        owed = amount - settled
        age = (as_of - day).days
        buckets[next((k for k, limit in enumerate(AGES) if age <= limit), 3)] += owed
    if left > 0:  # paid more than charged: a credit, shown as the newest
        buckets[0] -= left
    return buckets[0], buckets[1], buckets[2], buckets[3]


def _company_rows(session: Session, as_of: date) -> list[tuple[Cell, ...]]:
    companies = session.execute(
        select(Company.id, Company.name, Company.credit_limit, Folio.id)
        .join(Folio, Folio.company_id == Company.id).order_by(Company.name)).all()
    folio_ids = [c[3] for c in companies]
    totals = folio_totals(session, folio_ids)
    charges: dict[tuple[int, str], list[tuple[date, int]]] = defaultdict(list)
    for chunk in range(0, len(folio_ids), 500):
        for folio_id, business_date, amount in session.execute(
                select(Bill.folio_id, Posting.business_date, type_coerce(Posting.amount, String))
                .join(Bill, Bill.id == Posting.bill_id).where(Bill.folio_id.in_(folio_ids[chunk:chunk + 500]))):
            currency, value = amount.split(" ")
            charges[(folio_id, currency)].append((business_date, int(value.replace(".", ""))))
    rows: list[tuple[Cell, ...]] = []
    for _company_id, name, limit, folio_id in companies:
        total = totals.get(folio_id)
        if total is None:
            continue
        for currency in sorted(total.charges):
            balance = total.charges[currency] - total.paid.get(currency, 0)
            if balance == 0:
                continue
            buckets = aged(charges[(folio_id, currency)], total.paid.get(currency, 0), as_of)
            owed = Money.from_minor(balance, currency)
            over = owed - limit if limit is not None and limit.currency == currency and owed > limit else None
            rows.append((name, currency, *(Money.from_minor(b, currency) for b in buckets), owed,
                         limit if limit is not None and limit.currency == currency else None, over))
    return rows


def balances_report(session: Session, reader: Actor, first: date, last: date | None = None,
                    workstation: str | None = None, language: str = "en") -> Report:
    """The open balances as the ledger holds them now, companies' charges aged on ``last`` (or ``first``)."""
    require(reader, Right.READ_HOTEL_REPORTS)
    del workstation, language  # a balance is the hotel's, not a desk's; it holds no word to translate
    last = last or first
    check_days(first, last)
    from desk.hotel.reference import base_currency

    base = base_currency(session)
    hotel = session.scalars(select(Hotel).limit(1)).one()
    return Report(
        name="balances", title=TITLE, hotel_name=hotel.name, filters=((N_("Aged on"), last),),
        made_at=utcnow(), made_by=reader.username,
        sections=(Section(IN_HOUSE, STAY_COLUMNS, 6, tuple(_stay_rows(session, ReservationStatus.IN_HOUSE, False,
                                                                        base))),
                  Section(DEPARTED, STAY_COLUMNS, 6, tuple(_stay_rows(session, ReservationStatus.CHECKED_OUT, True,
                                                                        base))),
                  Section(COMPANIES, COMPANY_COLUMNS, 2, tuple(_company_rows(session, last)))))
