"""Folios that belong to no stay: a company's account (city ledger), an event's, a walk-in client's.

A reservation's folio is opened with the reservation (desk.stays.reservations); these are opened
on first use, each with one bill.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.ledger.bills import open_bill
from desk.ledger.lookup import get
from desk.ledger.models import Folio
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.stays.models import Company, Event


def company_folio(session: Session, actor: Actor, company_id: int) -> Folio:
    """The company's account (city ledger), opened with one bill on first use."""
    require(actor, Right.OPEN_ACCOUNT)
    folio = session.scalar(select(Folio).where(Folio.company_id == company_id))
    if folio is None:
        get(session, Company, company_id, "Company")
        folio = Folio(company_id=company_id)
        session.add(folio)
        session.flush()
        open_bill(session, actor, folio.id, payer_company_id=company_id)
    return folio


def event_folio(session: Session, actor: Actor, event_id: int) -> Folio:
    require(actor, Right.OPEN_ACCOUNT)
    folio = session.scalar(select(Folio).where(Folio.event_id == event_id))
    if folio is None:
        event = get(session, Event, event_id, "Event")
        folio = Folio(event_id=event_id)
        session.add(folio)
        session.flush()
        open_bill(session, actor, folio.id, payer_company_id=event.company_id, payer_name=event.name)
    return folio


def walk_in_folio(session: Session, actor: Actor, name: str) -> Folio:
    """A folio for a client who is not staying: a restaurant guest, a visitor."""
    require(actor, Right.OPEN_ACCOUNT)
    if not name.strip():
        raise InvalidInput("A walk-in client needs a name", field="name")
    folio = Folio(walk_in_name=name.strip())
    session.add(folio)
    session.flush()
    open_bill(session, actor, folio.id, payer_name=name.strip())
    return folio
