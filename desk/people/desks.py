"""Which workstations have someone signed in now: written at sign-in, refreshed by each desk's
heartbeat, removed at sign-out, all by the database's clock. A desk killed without signing out stops
counting once its heartbeat is older than ``GONE_AFTER``. Writing them is part of signing in
(desk.people.auth.sign_in, re-exported here): it needs no right, as every signed-in desk keeps its own row."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.people.auth import Actor, database_now, desk_seen, desk_signed_in, desk_signed_out
from desk.people.models import DeskSession

__all__ = ["GONE_AFTER", "HEARTBEAT", "KeptSignedIn", "SignedInDesk", "database_now", "desk_seen", "desk_signed_in",
           "desk_signed_out", "signed_in_desks"]

log = logging.getLogger(__name__)

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
    """The other workstations with someone signed in, their heartbeat recent enough to count (by the
    database's clock, which wrote it, unless ``now`` is given)."""
    since = (now or database_now(session)) - GONE_AFTER
    rows = session.scalars(select(DeskSession).where(DeskSession.workstation != except_workstation,
                                                     DeskSession.last_seen >= since)
                           .order_by(DeskSession.workstation))
    return [SignedInDesk(row.workstation, row.username, row.signed_in_at, row.last_seen) for row in rows]


class KeptSignedIn:
    """A process that writes to the ledger with no person at it (the POS service, ``desk serve``) counts
    as a signed-in desk all the same: its row is written at once, beaten on a thread of its own, and
    removed by :meth:`stop`, so a restore elsewhere waits for it instead of replacing the database
    under it. Killed, it stops counting after ``GONE_AFTER`` like any desk."""

    def __init__(self, database: Database, actor: Actor, *, every: timedelta = HEARTBEAT) -> None:
        self.database = database
        self.actor = actor
        self._every = every.total_seconds()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._beat_on, name=f"desk-heartbeat {actor.workstation}",
                                        daemon=True)

    def start(self) -> KeptSignedIn:
        self._beat(desk_signed_in)  # counted from its first moment, not a heartbeat later
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join()
        try:
            with self.database.writing() as session:
                desk_signed_out(session, workstation=self.actor.workstation)
        except (DBAPIError, DeskError) as exc:  # its row stops counting after GONE_AFTER all the same
            log.warning("%s could not sign out: %s", self.actor.workstation, exc)

    def _beat_on(self) -> None:
        while not self._stopping.wait(self._every):
            self._beat(desk_seen)

    def _beat(self, write: Callable[[Session, Actor], None]) -> None:
        try:
            with self.database.writing() as session:
                write(session, self.actor)
        except (DBAPIError, DeskError) as exc:  # the database away for a moment: the next beat writes it again
            log.warning("%s could not say it is here: %s", self.actor.workstation, exc)
