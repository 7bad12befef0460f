"""Daily revenue: the postings of the business dates by outlet, service group and VAT rate (net, VAT,
gross), the POS checks by outlet with their numbers, how many POS lines each outlet posted as its
default service (no item or category mapping named them), and the room nights sold with their average
rate.

Postings are counted on their business date, as the night audit closes them; voids and reversals are
postings of their own (negative) and count on theirs. A company transfer's charge moves a debt, it
earns nothing: it is left out. Posted prices include their VAT: net is gross less VAT.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from desk.core.errors import N_
from desk.core.money import Money, minor_units
from desk.core.types import utcnow
from desk.hotel.models import Hotel, Outlet, Service
from desk.hotel.names import load_names
from desk.hotel.reference import base_currency
from desk.ledger.models import Posting, PostingKind
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.pos.models import PosCheck
from desk.reports.cashier import check_days
from desk.reports.charts import Chart
from desk.reports.report_words import word
from desk.reports.tables import Cell, Report, Section, Word

TITLE = N_("Daily revenue")
BY_GROUP = N_("Revenue by outlet, service group and VAT rate")
CHECKS = N_("POS checks by outlet")
NIGHTS = N_("Room nights")
UNMAPPED = N_("POS lines posted as the outlet's default service")
BY_OUTLET_CHART = N_("Revenue by outlet and day ({currency})")
FRONT_DESK = N_("Front desk")
NO_GROUP = N_("Other")
ACCOMMODATION = "accommodation"  # the service group of a room's night
# The service groups the catalogue offers, in the reader's words; a hotel's own group shows as it is.
GROUP_NAMES = {"accommodation": N_("accommodation"), "food": N_("food"), "minibar": N_("minibar"),
               "laundry": N_("laundry"), "parking": N_("parking"), "spa": N_("spa"), "tax": N_("tax")}
GROUP_COLUMNS = (N_("Outlet"), N_("Service group"), N_("Currency"), N_("VAT %"), N_("Postings"), N_("Net of VAT"),
                 N_("VAT"), N_("Gross"))
CHECK_COLUMNS = (N_("Outlet"), N_("Check"), N_("Business date"), N_("Currency"), N_("Postings"), N_("Net of VAT"),
                 N_("VAT"), N_("Gross"))
UNMAPPED_COLUMNS = (N_("Outlet"), N_("POS checks"), N_("Lines posted as the default service"))
NIGHT_COLUMNS = (N_("Business date"), N_("Currency"), N_("Room nights"), N_("Room revenue"), N_("Average rate"))


def _minor(text: str) -> tuple[str, int]:
    currency, value = text.split(" ")
    return currency, int(value.replace(".", ""))  # the stored text has exactly the currency's decimals


# A POS check's first posting: its key names the check, and its business date and outlet are the check's.
FIRST_CHECK_POSTING = ":0"
CHECKS_PER_QUERY = 500


def _unmapped_by_outlet(session: Session, first_postings: dict[str, str]) -> dict[str, list[int]]:
    """[checks, unmapped lines] per outlet, of the checks whose first posting's key (without its
    number) maps to the outlet in ``first_postings``."""
    wanted: dict[tuple[str, str], str] = {}
    for key, outlet in first_postings.items():
        _pos, pos_name, check_id = key.split(":", 2)
        wanted[(pos_name, check_id)] = outlet
    by_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    check_ids = sorted({check_id for _pos_name, check_id in wanted})
    for start in range(0, len(check_ids), CHECKS_PER_QUERY):
        for pos_name, check_id, unmapped in session.execute(
                select(PosCheck.pos_name, PosCheck.check_id, PosCheck.unmapped_lines)
                .where(PosCheck.check_id.in_(check_ids[start:start + CHECKS_PER_QUERY]))):
            posted_at = wanted.get((pos_name, check_id))
            if posted_at is not None:
                line = by_outlet[posted_at]
                line[0] += 1
                line[1] += unmapped
    return by_outlet


def revenue_report(session: Session, reader: Actor, first: date, last: date | None = None,
                   workstation: str | None = None, language: str = "en") -> Report:
    """The revenue of the business dates ``first`` to ``last`` (that day alone if not given)."""
    require(reader, Right.READ_HOTEL_REPORTS)
    del workstation  # revenue is the hotel's, wherever it was posted
    last = last or first
    check_days(first, last)
    names = load_names(session, language)
    outlets = {o.code: names.outlet(o) for o in session.scalars(select(Outlet))}
    groups = dict(session.execute(select(Service.code, Service.category)).all())
    rows = session.execute(
        select(Posting.business_date, Posting.kind, Posting.outlet_code, Posting.check_number, Posting.service_code,
               Posting.tax_percent, type_coerce(Posting.amount, String), type_coerce(Posting.tax_amount, String),
               Posting.source, Posting.external_ref)
        .where(Posting.business_date >= first, Posting.business_date <= last, Posting.source != "transfer"))
    by_group: dict[tuple[str, str, Decimal, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    checks: dict[tuple[str, str, date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    nights: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
    by_day: dict[tuple[str, date], int] = defaultdict(int)  # gross in the hotel's currency, per outlet and day
    first_postings: dict[str, str] = {}  # a POS check's key: its outlet
    base = base_currency(session)
    for day, kind, outlet, check, service, percent, amount, tax, source, reference in rows:
        if source == "pos" and outlet and kind is PostingKind.CHARGE and reference \
                and reference.endswith(FIRST_CHECK_POSTING):
            first_postings[reference[:-len(FIRST_CHECK_POSTING)]] = outlet
        currency, gross = _minor(amount)
        vat = _minor(tax)[1]
        group = groups.get(service, "") if service else ""
        line = by_group[(outlet or "", group, percent, currency)]
        line[0] += 1
        line[1] += gross
        line[2] += vat
        if outlet and check:
            check_line = checks[(outlet, check, day, currency)]
            check_line[0] += 1
            check_line[1] += gross
            check_line[2] += vat
        if currency == base:
            by_day[(outlets.get(outlet, outlet) if outlet else word(language, FRONT_DESK), day)] += gross
        if group == ACCOMMODATION:
            night = nights[(day, currency)]
            night[0] += 1 if kind is PostingKind.CHARGE else -1  # a night undone is a night not sold
            night[1] += gross
    group_rows: list[tuple[Cell, ...]] = [
        (outlets.get(outlet, outlet) if outlet else Word(FRONT_DESK),
         Word(GROUP_NAMES[group]) if group in GROUP_NAMES else group or Word(NO_GROUP), currency, percent,
         count, Money.from_minor(gross - vat, currency), Money.from_minor(vat, currency),
         Money.from_minor(gross, currency))
        for (outlet, group, percent, currency), (count, gross, vat) in sorted(
            by_group.items(), key=lambda item: (item[0][0], item[0][1], item[0][2], item[0][3]))]
    check_rows: list[tuple[Cell, ...]] = [
        (outlets.get(outlet, outlet), check, day, currency, count, Money.from_minor(gross - vat, currency),
         Money.from_minor(vat, currency), Money.from_minor(gross, currency))
        for (outlet, check, day, currency), (count, gross, vat) in sorted(
            checks.items(), key=lambda item: (item[0][0], item[0][2], item[0][1].zfill(12), item[0][3]))]
    unmapped_rows: list[tuple[Cell, ...]] = [
        (outlets.get(outlet, outlet), checked, unmapped)
        for outlet, (checked, unmapped) in sorted(_unmapped_by_outlet(session, first_postings).items())]
    night_rows: list[tuple[Cell, ...]] = [
        (day, currency, sold, Money.from_minor(revenue, currency),
         Money.rounded(Decimal(revenue).scaleb(-minor_units(currency)) / sold, currency) if sold > 0 else None)
        for (day, currency), (sold, revenue) in sorted(nights.items())]
    days = [first + timedelta(days=k) for k in range((last - first).days + 1)]
    places = sorted({place for place, _day in by_day})
    chart = Chart(BY_OUTLET_CHART, base, tuple(f"{day:%d.%m}" for day in days), tuple(
        (place, tuple(Decimal(by_day.get((place, day), 0)).scaleb(-minor_units(base)) for day in days))
        for place in places))
    hotel = session.scalars(select(Hotel).limit(1)).one()
    return Report(
        name="revenue", title=TITLE, hotel_name=hotel.name,
        filters=((N_("Business date from"), first), (N_("To"), last)),
        made_at=utcnow(), made_by=reader.username,
        sections=(Section(BY_GROUP, GROUP_COLUMNS, 3, tuple(group_rows)),
                  Section(CHECKS, CHECK_COLUMNS, 4, tuple(check_rows)),
                  Section(UNMAPPED, UNMAPPED_COLUMNS, 1, tuple(unmapped_rows)),
                  Section(NIGHTS, NIGHT_COLUMNS, 2, tuple(night_rows))), charts=(chart,))
