"""A guest's credit limit: how much a stay may owe before the desk says so (the card's header, the
Open balances report). A manager sets it per reservation; none set means no limit.

What counts against it is the folio's balance: what its bills owe, less the deposit held.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.hotel.models import Hotel
from desk.hotel.reference import base_currency
from desk.ledger.lookup import get
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.stays.models import Reservation


def _check_limit(session: Session, limit: Money | None) -> None:
    if limit is not None:
        currency = base_currency(session)
        if limit.currency != currency:
            raise InvalidInput("A credit limit is in the hotel's currency, {currency}", field="limit",
                               currency=currency)
        if limit.is_negative:
            raise InvalidInput("A credit limit cannot be below zero", field="limit")


def set_credit_limit(session: Session, actor: Actor, reservation_id: int, limit: Money | None) -> Reservation:
    """The most the stay may owe, in the hotel's currency; None: no limit."""
    require(actor, Right.SET_CREDIT_LIMIT)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    _check_limit(session, limit)
    reservation.credit_limit = limit
    reservation.changed_by = actor.username
    session.flush()
    return reservation


def over_credit_limit(limit: Money | None, balance: Money) -> Money | None:
    """By how much ``balance`` (what the folio owes, less its deposit) is over ``limit``; None if not over."""
    if limit is None or limit.currency != balance.currency or not balance > limit:
        return None
    return balance - limit


def default_credit_limit(session: Session) -> Money | None:
    """The limit a reservation made now is given; None: no limit."""
    return session.scalars(select(Hotel.default_credit_limit).limit(1)).first()


def default_credit_limit_setting(session: Session) -> tuple[Money | None, str]:
    """What the Default credit limit window shows: the limit and the hotel's currency it is in."""
    return default_credit_limit(session), base_currency(session)


def set_default_credit_limit(session: Session, actor: Actor, limit: Money | None) -> None:
    """The limit each reservation made from now on gets (those made before keep theirs); None: no limit."""
    require(actor, Right.SET_CREDIT_LIMIT)
    _check_limit(session, limit)
    hotel = session.scalars(select(Hotel).limit(1).with_for_update()).one()
    before = hotel.default_credit_limit
    hotel.default_credit_limit = limit
    record_change(session, actor, "setting", "credit_limit",
                  f"default credit limit: {before or 'none'} -> {limit or 'none'}")
    session.flush()
