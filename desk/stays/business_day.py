"""The hotel's business date: the day its books are at, which the night audit moves on by one.

Postings are dated by it, not by the wall clock: a bar bill at half past midnight, before the
audit, still belongs to the evening's business day.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidTransition
from desk.core.types import utcnow
from desk.hotel.reference import forget
from desk.hotel.setup import HotelSetup, set_up_hotel
from desk.ledger.chain import chain_new_rows
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.stays.models import BUSINESS_DATE_CACHE, BusinessDay, stored_business_date


def business_date(session: Session) -> date:
    """Today's business date (the calendar's until set-up or the first night audit stores one)."""
    return stored_business_date(session) or date.today()


def has_business_date(session: Session) -> bool:
    return session.scalar(select(BusinessDay.business_date).limit(1)) is not None


def start_business_days(session: Session, actor: Actor, first_day: date) -> date:
    """At set-up: the hotel's first business day. Refused once the hotel has one (the night audit moves it)."""
    require(actor, Right.RUN_NIGHT_AUDIT)
    if has_business_date(session):
        raise InvalidTransition("The hotel's business date is {date} already: the night audit moves it",
                                date=business_date(session))
    session.add(BusinessDay(business_date=first_day, opened_by=actor.username))
    forget(session, BUSINESS_DATE_CACHE)
    return first_day


def open_hotel(session: Session, actor: Actor, setup: HotelSetup) -> date:
    """The first start (the set-up window, ``desk init``): the hotel set up and its first business day,
    the hotel's own today, stored in the same unit. Until the first night audit the date does not
    follow the calendar, so an audit run after midnight closes the day the hotel opened."""
    require(actor, Right.SET_UP_HOTEL)
    set_up_hotel(session, actor, setup)
    return start_business_days(session, actor, utcnow().astimezone(ZoneInfo(setup.time_zone)).date())


def open_next_business_day(session: Session, actor: Actor, closed_day: date) -> date:
    """The day after ``closed_day`` becomes the business date. Its row's key refuses a second
    opening of it, so two audits that both finished the same day move the date once."""
    require(actor, Right.RUN_NIGHT_AUDIT)
    current = business_date(session)
    if current != closed_day:
        raise InvalidTransition("The business date is {date} now, not {closed}: another desk closed the day",
                                date=current, closed=closed_day)
    next_day = date.fromordinal(closed_day.toordinal() + 1)
    if not has_business_date(session):
        session.add(BusinessDay(business_date=closed_day, opened_by=actor.username))
    session.add(BusinessDay(business_date=next_day, opened_by=actor.username))
    forget(session, BUSINESS_DATE_CACHE)
    # Postings and payments a desk committed and never chained (on PostgreSQL it chains just after its
    # commit, and may stop in between) are chained now, before the night audit's anchor names the chain's
    # last link: a quiet night leaves none waiting for the next desk's unit.
    chain_new_rows(session.connection())
    return next_day
