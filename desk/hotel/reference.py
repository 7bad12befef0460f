"""Reference data (the hotel's currency, tax rates, outlets, payment codes) read once per unit of work.

A use case, or a group of POS postings committed together, asks for the same few rows again and
again; nobody changes them meanwhile except through a use case of the same unit, which then
forgets what was read (see ``forget``). The statements are built once by their callers: building
one costs more than running it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Executable, select
from sqlalchemy.orm import Session

from desk.core.errors import NotFound
from desk.hotel.models import Hotel

_CACHES = "desk.hotel.reference"


def per_unit(session: Session, kind: str) -> dict[object, object]:
    """A cache that lives as long as the session's unit of work."""
    caches: dict[str, dict[object, object]] = session.info.setdefault(_CACHES, {})
    return caches.setdefault(kind, {})


def forget(session: Session, kind: str) -> None:
    """After a use case changed what ``kind`` caches: its change is flushed, so that the plain
    statements that read it again (they do not flush on their own) find it."""
    session.flush()
    per_unit(session, kind).clear()


def reference(session: Session, kind: str, key: object, statement: Executable, **params: Any) -> Any:
    """The first column of ``statement``'s first row, or None; read once per unit and ``key``."""
    known = per_unit(session, kind)
    if key not in known:
        value = session.connection().execute(statement, params).scalar()
        if value is None and (session.new or session.dirty):
            # Rows this unit added but did not flush yet (setting up a hotel) are found too.
            session.flush()
            value = session.connection().execute(statement, params).scalar()
        if value is None:
            return None  # not remembered: the unit may still add it
        known[key] = value
    return known[key]


def base_currency(session: Session) -> str:
    # Asked several times by one use case; the hotel's currency does not change within a unit.
    currency = reference(session, "base_currency", None, _BASE_CURRENCY)
    if currency is None:
        raise NotFound("The hotel is not set up")
    return str(currency)


_BASE_CURRENCY = select(Hotel.__table__.c.base_currency).order_by(Hotel.__table__.c.id).limit(1)
