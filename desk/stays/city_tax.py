"""The city tax's settings as a manager reads them: each amount per guest and night, the percentage
of the room night, the age under which children pay none, and the date they apply from, newest
first. The audit charges the latest one not after each night
(:func:`desk.stays.night_audit.city_tax_on`); a manager sets one with
:func:`desk.stays.night_audit.set_city_tax`. A desk records a guest's birth date and a reason the
tax does not apply to them with :func:`set_guest_city_tax`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.catalogue import Catalogue, catalogue
from desk.ledger.lookup import get
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.stays.models import CityTax, Guest

EXEMPTION_LENGTH = 80


@dataclass(frozen=True)
class CityTaxRow:
    valid_from: date
    service_code: str
    per_person_night: Money  # zero, with no percentage: no city tax from that date on
    set_by: str
    set_at: datetime
    percent_of_rate: Decimal = Decimal(0)
    child_age_under: int | None = None


def city_tax_history(session: Session) -> list[CityTaxRow]:
    return [CityTaxRow(row.valid_from, row.service_code, row.per_person_night, row.set_by, row.set_at,
                       Decimal(row.percent_of_rate), row.child_age_under)
            for row in session.scalars(select(CityTax).order_by(CityTax.valid_from.desc()))]


def set_guest_city_tax(session: Session, actor: Actor, guest_id: int, birth_date: date | None,
                       exemption: str) -> None:
    """A guest's birth date (a child may pay no city tax) and why the tax does not apply to them
    (empty: it does), as the desk read them from the guest's documents."""
    require(actor, Right.CREATE_GUEST)
    exemption = " ".join(exemption.split())
    if len(exemption) > EXEMPTION_LENGTH:
        raise InvalidInput("An exemption's reason is at most {limit} characters", field="city_tax_exemption",
                           limit=EXEMPTION_LENGTH)
    if birth_date is not None and birth_date > utcnow().date():
        raise InvalidInput("A birth date cannot be in the future", field="birth_date")
    guest = get(session, Guest, guest_id, "Guest", lock=True)
    guest.birth_date, guest.city_tax_exemption = birth_date, exemption
    # Who said a guest pays no city tax is what an inspector asks first.
    born = birth_date.isoformat() if birth_date else "-"
    record_change(session, actor, "guest", str(guest_id), f"city tax: born {born}, exempt: {exemption or '-'}")


@dataclass(frozen=True)
class CityTaxSettings:
    """What the City tax window shows: the amounts set, and the services one may be charged as."""

    history: list[CityTaxRow]
    catalogue: Catalogue


def city_tax_settings(session: Session) -> CityTaxSettings:
    return CityTaxSettings(city_tax_history(session), catalogue(session))
