"""The city tax's settings as a manager reads them: each amount per guest and night and the date it
applies from, newest first. The audit charges the latest one not after each night
(:func:`desk.stays.night_audit.city_tax_on`); a manager sets one with
:func:`desk.stays.night_audit.set_city_tax`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.money import Money
from desk.hotel.catalogue import Catalogue, catalogue
from desk.stays.models import CityTax


@dataclass(frozen=True)
class CityTaxRow:
    valid_from: date
    service_code: str
    per_person_night: Money  # zero: no city tax from that date on
    set_by: str
    set_at: datetime


def city_tax_history(session: Session) -> list[CityTaxRow]:
    return [CityTaxRow(row.valid_from, row.service_code, row.per_person_night, row.set_by, row.set_at)
            for row in session.scalars(select(CityTax).order_by(CityTax.valid_from.desc()))]


@dataclass(frozen=True)
class CityTaxSettings:
    """What the City tax window shows: the amounts set, and the services one may be charged as."""

    history: list[CityTaxRow]
    catalogue: Catalogue


def city_tax_settings(session: Session) -> CityTaxSettings:
    return CityTaxSettings(city_tax_history(session), catalogue(session))
