"""Which workstations have someone signed in now: written at sign-in, refreshed by each desk's
heartbeat, removed at sign-out. A desk killed without signing out stops counting once its heartbeat
is older than ``GONE_AFTER``. Writing them is part of signing in (desk.people.auth, re-exported here):
it needs no right, as every signed-in desk keeps its own row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.types import utcnow
from desk.people.auth import desk_seen, desk_signed_in, desk_signed_out
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


def signed_in_desks(session: Session, *, except_workstation: str,
                    now: datetime | None = None) -> list[SignedInDesk]:
    """The other workstations with someone signed in, their heartbeat recent enough to count."""
    since = (now or utcnow()) - GONE_AFTER
    rows = session.scalars(select(DeskSession).where(DeskSession.workstation != except_workstation,
                                                     DeskSession.last_seen >= since)
                           .order_by(DeskSession.workstation))
    return [SignedInDesk(row.workstation, row.username, row.signed_in_at, row.last_seen) for row in rows]
