"""The hotel's country, and the language and number format its printed documents take from it.

:func:`register_format` is the one place that decides which language and number format a register's
documents are in: the register's own setting when the hotel set one, else the hotel's country's. A
fiscal document (the paper, the chain's PDFs, the e-receipt sent by mail) follows the country it is
issued in, never the screen language of the clerk who asked for it. It lives with the hotel's
country, beside the register's table, so that every feature that words a fiscal document (fiscal,
and reports for the e-receipt) can ask it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.document_format import DocumentFormat, format_of_country, format_of_language
from desk.core.errors import InvalidInput
from desk.fiscal.models import CashRegister
from desk.hotel.models import Hotel


def hotel_format(session: Session) -> DocumentFormat:
    country = session.scalars(select(Hotel.country).limit(1)).first()
    return format_of_country(country or "")


def register_format(session: Session, register_code: str) -> DocumentFormat:
    register = session.get(CashRegister, register_code)
    if register is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=register_code)
    return format_of_language(register.language) if register.language else hotel_format(session)
