"""The one place that decides which language and number format a register's documents are in.

Its own setting when the hotel set one, else the hotel's country's: a fiscal document follows the
country it is issued in, never the screen language of the clerk who asked for it. Receipt content
(desk.fiscal.content), the paper (desk.fiscal.register) and every other caller ask here.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk.core.document_format import DocumentFormat, format_of_language
from desk.core.errors import InvalidInput
from desk.fiscal.models import CashRegister
from desk.hotel.country import hotel_format


def register_format(session: Session, register_code: str) -> DocumentFormat:
    register = session.get(CashRegister, register_code)
    if register is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=register_code)
    return format_of_language(register.language) if register.language else hotel_format(session)
