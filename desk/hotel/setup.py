"""The first start: a hotel of the user's own, from an empty database, without the demo.

:func:`set_up_hotel` writes the hotel (name, address, tax id, country, time zone), its base currency
and the others it accepts with their rates, its VAT rates, the two payment methods every desk
needs (cash and card), and its first manager, in one unit of work: a half set-up hotel never
exists. It refuses a database that already holds a hotel, so a second desk starting at the same
moment (or ``desk init`` run twice) changes nothing. The first manager's password follows the
policy; they choose another at the first sign-in like anyone whose password was typed for them.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.document_format import COUNTRY_LANGUAGES
from desk.core.errors import InvalidInput
from desk.core.money import MINOR_UNITS
from desk.hotel.models import CurrencyRate, Hotel, MethodKind, PaymentMethod, TaxRate
from desk.hotel.names import NameKind, set_names
from desk.people.admin import new_user
from desk.people.auth import Actor, trusted_actor
from desk.people.changes import record_change
from desk.people.models import Role
from desk.people.rights import Right, require

SETUP_USER = "set-up"

# The payment methods a desk cannot work without, named in each language of the GUI.
FIRST_METHODS = (
    ("cash", "Cash", MethodKind.CASH, True, {"ru": "Наличные", "bg": "В брой"}),
    ("card", "Bank card", MethodKind.CARD, False, {"ru": "Банковская карта", "bg": "Банкова карта"}),
)


@dataclass(frozen=True)
class VatRate:
    code: str
    name: str
    percent: Decimal


@dataclass(frozen=True)
class FirstManager:
    username: str
    full_name: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class HotelSetup:
    """Everything the set-up window (or ``desk init``) asks."""

    name: str
    base_currency: str
    manager: FirstManager
    vat_rates: Sequence[VatRate]
    address: str = ""
    tax_id: str = ""
    country: str = ""  # ISO 3166 alpha-2; its language is the fiscal documents' (English otherwise)
    time_zone: str = "UTC"
    # Other currencies the desk accepts: what one unit is worth in the base currency.
    other_currencies: Mapping[str, Decimal] = field(default_factory=dict)
    # What an invoice prints for the seller beside name, address and tax id (Bulgaria's ДДС № and МОЛ).
    vat_number: str = ""
    accountable_person: str = ""
    city: str = ""


# The hotel's columns; the seller's details window keeps to the same lengths.
TEXT_LIMITS = {"address": 240, "tax_id": 40, "vat_number": 40, "accountable_person": 120, "city": 80}


def setup_actor(workstation: str) -> Actor:
    """Who acts before any user exists: the first start itself, proved by the empty database."""
    return trusted_actor(SETUP_USER, workstation, Role.MANAGER)


def is_set_up(session: Session) -> bool:
    return session.scalar(select(Hotel.id).limit(1)) is not None


def document_language(country: str) -> str:
    """The language the hotel's fiscal documents are printed in, as its country decides."""
    return COUNTRY_LANGUAGES.get(country.upper(), "en")


def _currency(code: str) -> str:
    code = code.strip().upper()
    if code not in MINOR_UNITS:
        raise InvalidInput("Unknown currency “{currency}”", field="currency", currency=code)
    return code


def _text(setup: HotelSetup, name: str) -> str:
    """A text as stored: trimmed; a VAT number without its spaces, in capitals, as invoices print it."""
    value = str(getattr(setup, name)).strip()
    return value.replace(" ", "").upper() if name == "vat_number" else value


def _check(setup: HotelSetup) -> None:
    if not setup.name.strip():
        raise InvalidInput("Type the hotel's name", field="name")
    if setup.country and not (len(setup.country) == 2 and setup.country.isalpha() and setup.country.isascii()):
        raise InvalidInput("A country is two letters (BG, RU, DE...)", field="country")
    try:
        zoneinfo.ZoneInfo(setup.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("Unknown time zone “{zone}”", field="time_zone", zone=setup.time_zone) from None
    for name, limit in TEXT_LIMITS.items():
        if len(_text(setup, name)) > limit:
            raise InvalidInput("At most {limit} characters", field=name, limit=limit)
    if not setup.vat_rates:
        raise InvalidInput("Give the hotel at least one VAT rate", field="vat")
    codes = [rate.code.strip().upper() for rate in setup.vat_rates]
    if len(set(codes)) != len(codes):
        raise InvalidInput("Two VAT rates have the same code", field="vat")
    for rate in setup.vat_rates:
        if not rate.code.strip() or not rate.name.strip():
            raise InvalidInput("A VAT rate needs a code and a name", field="vat")
        if not Decimal(0) <= rate.percent < Decimal(100):
            raise InvalidInput("A VAT rate is from 0 to 100 percent", field="vat")


def parse_rate(text: str) -> Decimal:
    """A rate or percentage as typed (a comma for the point is accepted); InvalidInput otherwise."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidInput("“{text}” is not a number", field="rate", text=text) from None
    if not value.is_finite():
        raise InvalidInput("“{text}” is not a number", field="rate", text=text)
    return value


def set_up_hotel(session: Session, actor: Actor, setup: HotelSetup) -> None:
    """Write the hotel, its money, taxes, payment methods and first manager; refuses a set-up database."""
    require(actor, Right.SET_UP_HOTEL)
    if actor.username != SETUP_USER:
        raise InvalidInput("The hotel is set up once, at the first start", field="name")
    if is_set_up(session):
        raise InvalidInput("This database already holds a hotel", field="name")
    _check(setup)
    base = _currency(setup.base_currency)
    others = {}
    for code, rate in setup.other_currencies.items():
        currency = _currency(code)
        if currency == base:
            continue
        if not Decimal(0) < rate < Decimal(10) ** 9:
            raise InvalidInput("The rate of {currency} must be above zero", field="rate", currency=currency)
        others[currency] = rate
    manager = new_user(setup.manager.username, setup.manager.full_name, Role.MANAGER, setup.manager.password, None)
    # id 1: two desks setting up at once cannot both add a hotel; the second one's insert fails.
    session.add(Hotel(id=1, name=setup.name.strip(), base_currency=base, country=setup.country.upper(),
                      time_zone=setup.time_zone, **{name: _text(setup, name) for name in TEXT_LIMITS}))
    session.add_all(CurrencyRate(currency=code, rate=rate) for code, rate in sorted(others.items()))
    session.add_all(TaxRate(code=rate.code.strip().upper(), name=rate.name.strip(), percent=rate.percent)
                    for rate in setup.vat_rates)
    for code, name, kind, opens_drawer, names in FIRST_METHODS:
        session.add(PaymentMethod(code=code, name=name, kind=kind, opens_drawer=opens_drawer,
                                  fiscal=True))
        set_names(session, NameKind.PAYMENT_METHOD, code, names)
    session.add(manager)
    session.flush()
    record_change(session, actor, "hotel", "1", f"set up {setup.name.strip()} in {base}")
    record_change(session, actor, "user", manager.username, "added as manager")
