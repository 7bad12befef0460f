"""Exchange rates: set by hand from a date on, or imported from the ECB's daily file; and
:func:`rate_on`, the one function that decides which rate a day's payment converts at.

A rate is what one unit of the currency is worth in the hotel's base currency. ``currency_rate``
lists the currencies the hotel accepts, with the rate they were accepted at; ``exchange_rate`` holds
the rates from a date on. On a day, the rate is the newest dated one valid that day, else the rate
the currency was accepted at.

The ECB's ``eurofxref-daily.xml`` gives, for one day, how many units of each currency one euro buys.
A hotel in euros takes the inverse; a hotel in another currency the ECB quotes (BGN, CZK, ...) takes
the cross rate through the euro. Only the currencies the hotel accepts are imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as parse_hardened
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.core.money import minor_units
from desk.hotel.models import CurrencyRate, ExchangeRate
from desk.hotel.reference import base_currency, remembered
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require

RATE_PLACES = Decimal("0.00000001")  # the column's scale
MAX_RATE = Decimal(10) ** 9
ECB_NAMESPACE = "{http://www.ecb.int/vocabulary/2002-08-01/eurofxref}"
ECB_SOURCE = "ECB"


def rate_on(session: Session, currency: str, day: date) -> Decimal | None:
    """Base-currency units per unit of ``currency`` on ``day``; None when the hotel does not take it."""
    if currency == base_currency(session):
        return Decimal(1)
    dated = session.scalar(select(ExchangeRate.rate).where(
        ExchangeRate.currency == currency, ExchangeRate.valid_from <= day)
        .order_by(ExchangeRate.valid_from.desc()).limit(1))
    if dated is not None:
        return dated
    return session.scalar(select(CurrencyRate.rate).where(CurrencyRate.currency == currency))


def rates_on(session: Session, day: date) -> dict[str, Decimal]:
    """Every accepted currency's rate on ``day`` (the base currency at 1): what :func:`rate_on`
    gives each, in one statement (every card's reload reads them, issue 23); remembered per process
    as the hotel's settings are (desk.hotel.reference): a rate is set only by a use case that
    records the change (set_rate, import_ecb), so a card's reload reads them again only after one."""
    return dict(remembered(session, "rates_on", day, lambda: _rates_on(session, day)))


def _rates_on(session: Session, day: date) -> dict[str, Decimal]:
    base = base_currency(session)
    rates = {base: Decimal(1)}
    for currency, rate in session.execute(_RATES_ON, {"day": day}):
        if currency != base:
            rates[currency] = rate
    return rates


_RATES_ON = select(
    CurrencyRate.currency,
    func.coalesce(
        select(ExchangeRate.rate).where(ExchangeRate.currency == CurrencyRate.currency,
                                        ExchangeRate.valid_from <= bindparam("day"))
        .order_by(ExchangeRate.valid_from.desc()).limit(1).correlate(CurrencyRate).scalar_subquery(),
        CurrencyRate.rate, type_=CurrencyRate.rate.type),
).order_by(CurrencyRate.currency)


@dataclass(frozen=True)
class RateRow:
    currency: str
    valid_from: date | None  # None: the rate the currency was accepted at
    rate: Decimal
    source: str


def list_rates(session: Session) -> list[RateRow]:
    accepted = [RateRow(c.currency, None, c.rate, "")
                for c in session.scalars(select(CurrencyRate).order_by(CurrencyRate.currency))]
    dated = [RateRow(r.currency, r.valid_from, r.rate, r.source)
             for r in session.scalars(select(ExchangeRate).order_by(ExchangeRate.currency, ExchangeRate.valid_from))]
    return accepted + dated


def _check_rate(currency: str, rate: Decimal) -> Decimal:
    if not rate.is_finite() or not Decimal(0) < rate < MAX_RATE:
        raise InvalidInput("The rate of {currency} must be above zero", field="rate", currency=currency)
    return rate.quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def _store(session: Session, currency: str, valid_from: date, rate: Decimal, source: str) -> None:
    row = session.get(ExchangeRate, (currency, valid_from))
    if row is None:
        session.add(ExchangeRate(currency=currency, valid_from=valid_from, rate=rate, source=source))
    else:
        row.rate = rate
        row.source = source


def set_rate(session: Session, actor: Actor, currency: str, rate: Decimal, valid_from: date) -> None:
    """``currency`` is worth ``rate`` base units from ``valid_from`` on; a currency not yet accepted is
    accepted with it. The same day typed again replaces that day's rate."""
    require(actor, Right.MANAGE_CATALOGUE)
    currency = currency.strip().upper()
    minor_units(currency)  # UnknownCurrency for a code that is none
    if currency == base_currency(session):
        raise InvalidInput("{currency} is the hotel's base currency: its rate is 1", field="currency",
                           currency=currency)
    rate = _check_rate(currency, rate)
    if session.get(CurrencyRate, currency) is None:
        session.add(CurrencyRate(currency=currency, rate=rate))
    _store(session, currency, valid_from, rate, "hand")
    record_change(session, actor, "rate", currency, f"{rate} from {valid_from.isoformat()}")


@dataclass(frozen=True)
class EcbRates:
    day: date
    per_euro: dict[str, Decimal]


def parse_ecb(content: bytes) -> EcbRates:
    """The day and the rates of an ECB ``eurofxref-daily.xml``; InvalidInput for anything else."""
    try:
        # A file from the web: no DTD or entity is expanded (defusedxml), as the FarCards parser does.
        root = parse_hardened(content)
        dated = next(cube for cube in root.iter(f"{ECB_NAMESPACE}Cube") if cube.get("time"))
        day = date.fromisoformat(dated.get("time", ""))
        per_euro = {str(cube.get("currency")): Decimal(str(cube.get("rate")))
                    for cube in dated.iter(f"{ECB_NAMESPACE}Cube") if cube.get("currency")}
    except (ParseError, DefusedXmlException, StopIteration, ValueError, InvalidOperation):
        raise InvalidInput("This is not the ECB's daily rates file (eurofxref-daily.xml)", field="file") from None
    if not per_euro:
        raise InvalidInput("This is not the ECB's daily rates file (eurofxref-daily.xml)", field="file")
    per_euro["EUR"] = Decimal(1)
    return EcbRates(day, per_euro)


def import_ecb(session: Session, actor: Actor, content: bytes) -> list[tuple[str, Decimal]]:
    """The accepted currencies' rates of the file's day, stored valid from that day; returns them."""
    require(actor, Right.MANAGE_CATALOGUE)
    ecb = parse_ecb(content)
    base = base_currency(session)
    if base not in ecb.per_euro:
        raise InvalidInput("The ECB's file has no rate for the hotel's currency, {currency}", field="file",
                           currency=base)
    imported = []
    for currency in session.scalars(select(CurrencyRate.currency).order_by(CurrencyRate.currency)):
        per_euro = ecb.per_euro.get(currency)
        if per_euro is None or currency == base or per_euro <= 0:
            continue
        # One unit of the currency is 1/per_euro euros, each worth per_euro[base] base units.
        rate = _check_rate(currency, ecb.per_euro[base] / per_euro)
        _store(session, currency, ecb.day, rate, ECB_SOURCE)
        imported.append((currency, rate))
    if not imported:
        raise InvalidInput("The ECB's file has none of the currencies the hotel accepts", field="file")
    record_change(session, actor, "rate", ECB_SOURCE,
                  f"{ecb.day.isoformat()}: " + ", ".join(f"{c} {r}" for c, r in imported))
    return imported
