"""Charts where a manager would rather look than read: the takings of the days by hour and method.

A chart is figures, drawn by ReportLab in the PDF (desk.reports.tables) and painted on screen
(ui.reports.chart); both draw the same stacked bars from the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from desk.core.errors import N_
from desk.hotel.models import PaymentMethod
from desk.hotel.names import load_names
from desk.hotel.reference import base_currency
from desk.ledger.models import Payment, PaymentKind
from desk.reports.tables import day_bounds

TAKINGS_BY_HOUR = N_("Takings by hour and method ({currency})")


@dataclass(frozen=True)
class Chart:
    """Stacked bars: one per category, one layer per series; values in ``currency``."""

    title: str  # an English template with {currency}
    currency: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[Decimal, ...]], ...]  # (name, one value per category)


def takings_by_hour(session: Session, first: date, last: date, workstation: str | None = None,
                    language: str = "en") -> Chart:
    """What the desk took in these days per hour of the desk's clock and per method, net of refunds and
    voids, counted in the hotel's currency (what each payment counts for on its bill)."""
    start, end = day_bounds(first, last)
    names = load_names(session, language)
    methods = {m.code: names.method(m) for m in session.scalars(select(PaymentMethod))}
    query = select(Payment.created_at, Payment.method_code, type_coerce(Payment.base_amount, String)).where(
        Payment.created_at >= start, Payment.created_at < end, Payment.kind != PaymentKind.TRANSFER)
    if workstation:
        query = query.where(Payment.workstation == workstation)
    currency = base_currency(session)
    sums: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for created_at, code, amount in session.execute(query):
        paid_in, value = amount.split(" ")
        if paid_in == currency:
            sums[(methods[code], created_at.astimezone().hour)] += Decimal(value)
    hours = sorted({hour for _method, hour in sums})
    categories = tuple(f"{hour:02d}" for hour in range(hours[0], hours[-1] + 1)) if hours else ()
    series = tuple(
        (method, tuple(sums.get((method, int(hour)), Decimal(0)) for hour in categories))
        for method in sorted({method for method, _hour in sums}))
    return Chart(TAKINGS_BY_HOUR, currency, categories, series)
