"""Which workstations have someone signed in now: written at sign-in, refreshed by each desk's
heartbeat, removed at sign-out. A desk killed without signing out stops counting once its heartbeat
is older than ``GONE_AFTER``. None of this needs a right: every signed-in desk keeps its own row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk.core.types import utcnow
from desk.people.auth import Actor
from desk.people.models import DeskSession

__all__ = ["GONE_AFTER", "HEARTBEAT", "SignedInDesk", "desk_seen", "desk_signed_in", "desk_signed_out",
           "signed_in_desks"]

HEARTBEAT = timedelta(minutes=1)
# Three heartbeats missed: a desk busy for a moment still beats within it, a killed one does not.
GONE_AFTER = timedelta(minutes=3)


@dataclass(frozen=True)
class SignedInDesk:
    workstation: str
    username: str
    signed_in_at: datetime
    last_seen: datetime


def desk_signed_in(session: Session, actor: Actor, *, now: datetime | None = None) -> None:
    """``actor`` signed in at their workstation (a switch of user there replaces the one before)."""
    now = now or utcnow()
    row = session.get(DeskSession, actor.workstation)
    if row is None:
        session.add(DeskSession(workstation=actor.workstation, username=actor.username, signed_in_at=now,
                                last_seen=now))
    else:
        row.username, row.signed_in_at, row.last_seen = actor.username, now, now


def desk_seen(session: Session, actor: Actor, *, now: datetime | None = None) -> None:
    """The heartbeat of ``actor``'s desk; it records the desk again if its row went (a restore)."""
    now = now or utcnow()
    row = session.get(DeskSession, actor.workstation)
    if row is None or row.username != actor.username:
        desk_signed_in(session, actor, now=now)
    else:
        row.last_seen = now


def desk_signed_out(session: Session, *, workstation: str) -> None:
    session.execute(delete(DeskSession).where(DeskSession.workstation == workstation))


def signed_in_desks(session: Session, *, except_workstation: str,
                    now: datetime | None = None) -> list[SignedInDesk]:
    """The other workstations with someone signed in, their heartbeat recent enough to count."""
    since = (now or utcnow()) - GONE_AFTER
    rows = session.scalars(select(DeskSession).where(DeskSession.workstation != except_workstation,
                                                     DeskSession.last_seen >= since)
                           .order_by(DeskSession.workstation))
    return [SignedInDesk(row.workstation, row.username, row.signed_in_at, row.last_seen) for row in rows]
