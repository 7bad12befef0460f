"""Run one use case as one transaction, for every caller (GUI, POS service, CLI, workflows).

``Runner(database).run(use_case, actor, *args)`` opens a writing unit of work, calls
``use_case(session, actor, *args)``, commits, and returns an :class:`Outcome`: the use case's
value and the ids of the folios whose records it added or changed, so windows refresh only
those. The unit knows who acts in it (``audit_notes.act_as``): the audit trail records its rows
in that actor's name when it commits. Before the use case, the actor is confirmed
(``Actor.confirm``: the user's role and active flag read again), so what an administrator changed
takes effect at the next action.
``Runner.finish`` is the one exception: the end of an operation a device was already asked to do,
which is recorded whatever the user's standing has become since. On SQLite
the unit takes the write lock at BEGIN, so a second process waits its turn
(busy_timeout) instead of failing. A deadlock, serialisation failure or a still-busy SQLite
file is retried a few times with jittered backoff; if it persists, the caller gets
:class:`desk.core.errors.ConcurrentChange`, never the driver's error.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from sqlalchemy import event, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desk.core.errors import ConcurrentChange
from desk.db.audit_notes import act_as
from desk.db.engine import Database
from desk.fiscal.models import ReceiptRequest
from desk.ledger.models import Bill, Folio, Payment, Posting, PostingItem, PostingMove
from desk.stays.models import Reservation

if TYPE_CHECKING:
    # Only a type here: who acts is people's business, and people uses the database.
    from desk.people.auth import Actor

T = TypeVar("T")
P = ParamSpec("P")
logger = logging.getLogger(__name__)

ATTEMPTS = 5
BACKOFF_S = 0.05  # first pause; it doubles each attempt, with jitter so desks do not collide again
BACKOFF_CAP_S = 1.0

# PostgreSQL's codes for "try the transaction again": serialization_failure, deadlock_detected.
_RETRY_SQLSTATES = {"40001", "40P01"}
_SQLITE_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}

_CHANGES_KEY = "desk.db.runner.changes"


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a use case returned, and which folios now read differently."""

    value: T
    changed_folios: frozenset[int]


@dataclass
class ChangedFolios:
    """Keys of rows written in one unit of work, turned into folio ids before it commits."""

    folios: set[int] = field(default_factory=set)
    bills: set[int] = field(default_factory=set)
    postings: set[int] = field(default_factory=set)
    payments: set[int] = field(default_factory=set)
    reservations: set[int] = field(default_factory=set)

    def note(self, record: object) -> None:
        if isinstance(record, Posting | Payment):
            self.folios.add(record.folio_id)
        elif isinstance(record, PostingMove):
            # A move stays inside one folio, but both ends are noted in case that ever changes.
            self.bills.update((record.from_bill_id, record.to_bill_id))
        elif isinstance(record, Bill):
            self.folios.add(record.folio_id)
        elif isinstance(record, Folio):
            self.folios.add(record.id)
        elif isinstance(record, Reservation):
            self.reservations.add(record.id)
        elif isinstance(record, PostingItem):
            self.postings.add(record.posting_id)
        elif isinstance(record, ReceiptRequest):
            self.payments.add(record.payment_id)

    def folio_ids(self, session: Session) -> frozenset[int]:
        found = set(self.folios)
        # Statements are built only for what was touched: most units touch folios alone.
        if self.bills:
            found.update(session.scalars(select(Bill.folio_id).where(Bill.id.in_(self.bills))))
        if self.postings:
            found.update(session.scalars(select(Posting.folio_id).where(Posting.id.in_(self.postings))))
        if self.payments:
            found.update(session.scalars(select(Payment.folio_id).where(Payment.id.in_(self.payments))))
        if self.reservations:
            found.update(session.scalars(select(Folio.id).where(Folio.reservation_id.in_(self.reservations))))
        return frozenset(found)



def track_changes(session: Session) -> ChangedFolios:
    """Note the folios this unit of work writes to, from here until :func:`stop_tracking`."""
    changes = ChangedFolios()
    session.info[_CHANGES_KEY] = changes
    return changes


def stop_tracking(session: Session) -> None:
    session.info.pop(_CHANGES_KEY, None)


def note_folio(session: Session, folio_id: int) -> None:
    """Tell the runner that a folio changed through statements the ORM did not see (Core inserts)."""
    changes = session.info.get(_CHANGES_KEY)
    if changes is not None:
        changes.folios.add(folio_id)


@event.listens_for(Session, "after_flush")
def _collect_changes(session: Session, _context: Any) -> None:
    changes = session.info.get(_CHANGES_KEY)
    if changes is None:
        return
    for record in session.new:
        changes.note(record)
    for record in session.dirty:
        if session.is_modified(record, include_collections=False) and inspect(record).persistent:
            changes.note(record)
    for record in session.deleted:
        changes.note(record)


def is_retryable(exc: BaseException) -> bool:
    """A failure that says "another transaction got in the way": running again may succeed."""
    if not isinstance(exc, DBAPIError):
        return False
    original = exc.orig
    if getattr(original, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    if isinstance(original, sqlite3.OperationalError):
        code = getattr(original, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in _SQLITE_BUSY_CODES
        return "locked" in str(original) or "busy" in str(original)
    return False


class Runner:
    """Runs use cases on one database, one transaction each, retrying what other desks cause."""

    def __init__(
        self,
        database: Database,
        *,
        attempts: int = ATTEMPTS,
        backoff_s: float = BACKOFF_S,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.database = database
        self.attempts = attempts
        self.backoff_s = backoff_s
        self._sleep = sleep
        # For benches and logs: how many units were run again because of another desk.
        self.retried = 0

    def run(
        self,
        use_case: Callable[Concatenate[Session, Actor, P], T],
        actor: Actor,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Outcome[T]:
        """``use_case(session, actor, *args, **kwargs)`` committed whole, or not at all."""

        def confirmed(session: Session) -> T:
            # The actor stands for a sign-in: a user demoted or deactivated since acts no more.
            actor.confirm(session)
            act_as(session, actor)
            return use_case(session, actor, *args, **kwargs)

        return self._commit(use_case, confirmed)

    def finish(
        self,
        use_case: Callable[Concatenate[Session, Actor, P], T],
        actor: Actor,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Outcome[T]:
        """As :meth:`run`, without confirming the actor again: only for the end of an operation that a
        device was already asked to do under the actor's confirmed standing (its answer, or that none
        came, and the ledger record of what it did).

        A clerk deactivated or demoted while the terminal took the card does not give the money back:
        what the device did is recorded all the same, in the clerk's name. The use case's own checks
        still apply, and the clerk's next :meth:`run` is refused.
        """
        def recorded(session: Session) -> T:
            act_as(session, actor)
            return use_case(session, actor, *args, **kwargs)

        return self._commit(use_case, recorded)

    def _commit(self, use_case: Callable[..., object], unit: Callable[[Session], T]) -> Outcome[T]:
        name = getattr(use_case, "__qualname__", repr(use_case))
        for attempt in range(1, self.attempts + 1):
            try:
                with self.database.writing() as session:
                    changes = track_changes(session)
                    value = unit(session)
                    session.flush()
                    folios = changes.folio_ids(session)
                return Outcome(value, folios)
            except DBAPIError as exc:
                if not is_retryable(exc):
                    raise
                if attempt == self.attempts:
                    logger.warning("%s gave up after %d attempts: %s", name, attempt, exc.orig)
                    raise ConcurrentChange(
                        "Another desk was changing the same bill at the same moment, so nothing was "
                        "done. Look at the bill again and repeat the operation if it is still needed."
                    ) from exc
                self.retried += 1
                pause = min(BACKOFF_CAP_S, self.backoff_s * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
                logger.info("%s met another desk (%s); attempt %d in %.0f ms",
                            name, type(exc.orig).__name__, attempt + 1, pause * 1000)
                self._sleep(pause)
        raise AssertionError("unreachable")  # the loop returns or raises

    def read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(session, *args, **kwargs)`` in a transaction that takes no write lock."""
        with self.database.unit_of_work() as session:
            return fn(session, *args, **kwargs)
