"""Which language and number format a register's documents are in: the settings a manager changes.

The rule itself is :func:`desk.hotel.country.register_format`, and every caller imports it from there:
receipt content (desk.fiscal.content), the paper (desk.fiscal.register), the e-receipt
(desk.mail.receipt_pdf), the ``desk fiscal`` command.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.document_format import FORMATS
from desk.core.errors import InvalidInput
from desk.fiscal.models import CashRegister
from desk.hotel.models import Hotel
from desk.people.auth import Actor
from desk.people.rights import Right, require

__all__ = ["set_hotel_country", "set_register_language"]


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
