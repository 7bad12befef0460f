"""Card totals against the terminals: each terminal's end of day, as the journal kept it (ZVT's totals,
per brand when the terminal sent its individual totals, BMP 60), against the card records of its batch;
each difference named with its receipt number.

A batch is the card records of one terminal on one workstation since its previous end of day, as the
desk compared them when the batch was closed (desk.cards.operations.record_end_of_day). A terminal that
sent only its total proves only the total: the report says so instead of naming a payment.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cards.models import CardRecord, CardRecordKind
from desk.cards.operations import MONEY_SIGN, totals_brand
from desk.core.errors import N_
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Hotel
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.reports.cashier import check_days
from desk.reports.tables import Cell, Report, Section, Word, day_bounds

TITLE = N_("Card totals against the terminals")
TOTALS = N_("Terminal end of day against the ledger")
DIFFERENCES = N_("Differences")
ALL_BRANDS = N_("All brands")
NOT_IN_BATCH = N_("In the ledger, not in the terminal's batch")
NOT_IN_LEDGER = N_("Booked by the terminal, not in the ledger")
TOTAL_ONLY = N_("The terminal sent only its total: no payment can be named")
TOTAL_COLUMNS = (N_("Terminal"), N_("Workstation"), N_("Closed"), N_("Card brand"), N_("Currency"),
                 N_("Terminal count"), N_("Terminal amount"), N_("Ledger count"), N_("Ledger amount"),
                 N_("Difference"))
DIFFERENCE_COLUMNS = (N_("Terminal"), N_("Workstation"), N_("Closed"), N_("Kind"), N_("Currency"), N_("Receipt"),
                      N_("Payment"), N_("Amount"))


def card_totals_report(session: Session, reader: Actor, first: date, last: date | None = None,
                       workstation: str | None = None, language: str = "en") -> Report:
    """The ends of day made from ``first`` to ``last`` (on one workstation if named), each against its batch."""
    require(reader, Right.READ_HOTEL_REPORTS)
    del language  # brands and terminals are named as the terminals name them
    last = last or first
    check_days(first, last)
    start, end = day_bounds(first, last)
    query = select(CardRecord).where(CardRecord.operation == CardRecordKind.END_OF_DAY,
                                     CardRecord.created_at >= start, CardRecord.created_at < end)
    if workstation:
        query = query.where(CardRecord.workstation == workstation)
    totals: list[tuple[Cell, ...]] = []
    differences: list[tuple[Cell, ...]] = []
    for close in session.scalars(query.order_by(CardRecord.created_at, CardRecord.id)):
        batch = _batch(session, close)
        currency = close.amount.currency
        details: dict[str, Any] = close.details or {}
        where = (close.terminal, close.workstation, close.created_at)
        reversed_ids = {r.original_id for r in batch if r.operation is CardRecordKind.REVERSAL}
        counted = [r for r in batch if r.operation in MONEY_SIGN and r.id not in reversed_ids]
        ledger: dict[str, list[Any]] = {}
        for record in counted:
            line = ledger.setdefault(totals_brand(record.brand), [0, Money.zero(currency)])
            line[0] += 1
            line[1] += record.amount * MONEY_SIGN[record.operation]
        itemised = bool(details.get("itemised"))
        if itemised:
            terminal = {str(b["brand"]): (int(b["count"]), Money.from_minor(b["amount_minor"], currency))
                        for b in details.get("brands", [])}
            for brand in sorted(set(ledger) | set(terminal)):
                t_count, t_amount = terminal.get(brand, (0, Money.zero(currency)))
                l_count, l_amount = ledger.get(brand, [0, Money.zero(currency)])
                totals.append((*where, brand, currency, t_count, t_amount, l_count, l_amount, t_amount - l_amount))
        ledger_count = sum(line[0] for line in ledger.values())
        ledger_total = sum((line[1] for line in ledger.values()), Money.zero(currency))
        totals.append((*where, Word(ALL_BRANDS), currency, int(details.get("count", 0)), close.amount, ledger_count,
                       ledger_total, close.amount - ledger_total))
        if not itemised:
            differences.append((*where, Word(TOTAL_ONLY), currency, None, None, close.amount - ledger_total))
            continue
        first_receipt, last_receipt = details.get("first_receipt"), details.get("last_receipt")
        for record in counted:
            if (first_receipt is None or last_receipt is None or record.receipt_no is None
                    or not first_receipt <= record.receipt_no <= last_receipt):
                differences.append((*where, Word(NOT_IN_BATCH), currency, record.receipt_no, record.payment_id,
                                    record.amount * MONEY_SIGN[record.operation]))
        if first_receipt is not None and last_receipt is not None:
            known = {r.receipt_no for r in batch if r.receipt_no is not None}
            differences.extend((*where, Word(NOT_IN_LEDGER), currency, receipt, None, None)
                               for receipt in range(first_receipt, last_receipt + 1) if receipt not in known)
    hotel = session.scalars(select(Hotel).limit(1)).one()
    filters: list[tuple[str, Cell]] = [(N_("From"), first), (N_("To"), last)]
    if workstation:
        filters.append((N_("Workstation"), workstation))
    return Report(name="cards", title=TITLE, hotel_name=hotel.name, filters=tuple(filters), made_at=utcnow(),
                  made_by=reader.username,
                  sections=(Section(TOTALS, TOTAL_COLUMNS, 5, tuple(totals)),
                            Section(DIFFERENCES, DIFFERENCE_COLUMNS, 5, tuple(differences))))


def _batch(session: Session, close: CardRecord) -> list[CardRecord]:
    """The card records of the end of day's terminal and workstation since the end of day before it."""
    previous = session.scalar(select(CardRecord.id).where(
        CardRecord.operation == CardRecordKind.END_OF_DAY, CardRecord.terminal == close.terminal,
        CardRecord.workstation == close.workstation, CardRecord.id < close.id)
        .order_by(CardRecord.id.desc()).limit(1)) or 0
    return list(session.scalars(select(CardRecord).where(
        CardRecord.terminal == close.terminal, CardRecord.workstation == close.workstation,
        CardRecord.id > previous, CardRecord.id < close.id).order_by(CardRecord.id)))
