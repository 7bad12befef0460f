"""The one place that decides which language and number format a register's documents are in.

Its own setting when the hotel set one, else the hotel's country's: a fiscal document follows the
country it is issued in, never the screen language of the clerk who asked for it. Receipt content
(desk.fiscal.content), the paper (desk.fiscal.register) and every other caller ask here.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.document_format import FORMATS, DocumentFormat, format_of_language
from desk.core.errors import InvalidInput
from desk.fiscal.models import CashRegister
from desk.hotel.country import hotel_format
from desk.hotel.models import Hotel
from desk.people.auth import Actor
from desk.people.rights import Right, require


def register_format(session: Session, register_code: str) -> DocumentFormat:
    register = session.get(CashRegister, register_code)
    if register is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=register_code)
    return format_of_language(register.language) if register.language else hotel_format(session)


def set_hotel_country(session: Session, actor: Actor, country: str) -> None:
    """The country whose language and number format the hotel's fiscal documents follow ("" for none)."""
    require(actor, Right.MANAGE_DEVICES)
    country = country.strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise InvalidInput("“{country}” is not a country code: two letters (ISO 3166), such as BG or RU",
                           field="country", country=country)
    session.scalars(select(Hotel).limit(1)).one().country = country
    session.flush()


def set_register_language(session: Session, actor: Actor, register_code: str, language: str) -> None:
    """A register whose documents are in ``language`` whatever the hotel's country; "" follows the country."""
    require(actor, Right.MANAGE_DEVICES)
    if language and language not in FORMATS:
        raise InvalidInput("Fiscal documents can be in {languages}; “{language}” is not one of them",
                           field="language", language=language, languages=", ".join(sorted(FORMATS)))
    register = session.get(CashRegister, register_code)
    if register is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=register_code)
    register.language = language
    session.flush()
