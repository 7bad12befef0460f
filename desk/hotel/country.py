"""The hotel's country, and the language and number format its printed documents take from it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.document_format import DocumentFormat, format_of_country
from desk.hotel.models import Hotel


def hotel_format(session: Session) -> DocumentFormat:
    country = session.scalars(select(Hotel.country).limit(1)).first()
    return format_of_country(country or "")
