"""The one way both POS front ends reach the hotel: a key check, an actor, and the runner.

Every request checks its key in the same transaction as the work it asks for, so a key revoked
at the desk is refused on the very next request, never later.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from desk.core.errors import ConcurrentChange
from desk.db.engine import Database
from desk.db.runner import (
    ATTEMPTS,
    BACKOFF_CAP_S,
    BACKOFF_S,
    Outcome,
    Runner,
    is_retryable,
    stop_tracking,
    track_changes,
)
from desk.people.auth import Actor, trusted_actor
from desk.people.desks import KeptSignedIn
from desk.people.models import Role
from desk.pos.keys import authenticate

T = TypeVar("T")
P = ParamSpec("P")
# Where `desk serve` listens, unless told otherwise; the embedded service of a one-desk hotel too.
ENV_HOST = "DESK_POS_HOST"
ENV_PORT = "DESK_POS_PORT"
# HTTPS: keys and guests' names cross the hotel's LAN. The certificate (PEM, its chain after it)
# and its private key (PEM, readable by the service's user only).
ENV_TLS_CERT = "DESK_POS_TLS_CERT"
ENV_TLS_KEY = "DESK_POS_TLS_KEY"
DEFAULT_PORT = 8765


class TlsFiles(ValueError):
    """The certificate and key given for HTTPS cannot be used; the service does not start."""


def tls_options(certificate: str | None, key: str | None) -> dict[str, str]:
    """uvicorn's options for HTTPS with these files, checked before the service starts (so a wrong
    file is said at once, not at the first till's connection); none given: plain HTTP."""
    import ssl

    if not certificate and not key:
        return {}
    if not certificate or not key:
        raise TlsFiles("HTTPS needs both a certificate file and its key file")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(certificate, key)
    except (OSError, ssl.SSLError) as exc:
        raise TlsFiles(f"The certificate {certificate} and key {key} cannot be used: {exc}") from None
    return {"ssl_certfile": certificate, "ssl_keyfile": key}

log = logging.getLogger("desk.pos")

# At most this many postings share one transaction: enough to carry 16 tills at once, few enough
# that the last in a batch does not wait long for the first ones.
MAX_BATCH = 32

Work = Callable[[Session], T]


def pos_actor(pos_name: str, workstation: str = "") -> Actor:
    """Who a POS posting says wrote it.

    The one place the service builds an Actor, once the till's key was checked: the POS role may
    only post and cancel POS checks.
    """
    return trusted_actor(f"pos:{pos_name}"[:40], (workstation or pos_name)[:40], Role.POS)


def service_workstation(host: str) -> str:
    """The name ``desk serve`` on ``host`` is known by among the signed-in desks."""
    return f"pos:{host}"[:40]


def service_actor(workstation: str) -> Actor:
    """The service itself, as the signed-in desks name it (no POS's postings are its own)."""
    return trusted_actor("pos-service", workstation, Role.POS)


def as_pos(key: str | None, workstation: str | None,
           use_case: Callable[Concatenate[Session, Actor, str, P], T], *args: P.args, **kwargs: P.kwargs) -> Work[T]:
    """``use_case(session, actor, pos_name, ...)`` for the POS holding ``key``, checked in the same transaction."""

    def work(session: Session) -> T:
        pos_name = authenticate(session, key)
        return use_case(session, pos_actor(pos_name, workstation or ""), pos_name, *args, **kwargs)

    return work


def reading_as_pos(key: str | None, fn: Callable[Concatenate[Session, P], T], *args: P.args,
                   **kwargs: P.kwargs) -> Callable[[Session], T]:
    """``fn(session, ...)`` once ``key`` was checked in the same transaction."""

    def read(session: Session) -> T:
        authenticate(session, key)
        return fn(session, *args, **kwargs)

    return read


class _QueuedWork:
    """A posting waiting for the next group commit, and the future its till waits on."""

    __slots__ = ("future", "work")

    def __init__(self, work: Work[Any]) -> None:
        self.work = work
        self.future: Future[Outcome[Any]] = Future()


class GroupWriter:
    """One writer thread that commits every posting waiting for it in one transaction.

    SQLite takes one writer at a time: concurrent requests would each wait on the file lock
    inside sqlite (sleeping and retrying, up to seconds under load). The queue makes them wait
    their turn in order instead, and whatever piled up while a transaction ran goes into the next
    one together: one BEGIN and one COMMIT for the lot. A refused posting undoes only itself: the
    batch is then rolled back and run again with each job in its own SAVEPOINT (savepoints cost
    every job, refusals are rare). Each caller is answered only after the commit.
    """

    def __init__(self, database: Database, *, max_batch: int = MAX_BATCH) -> None:
        self.database = database
        self.max_batch = max_batch
        # For benches and tests: how many transactions were committed, for how many jobs.
        self.transactions = 0
        self.jobs = 0
        self._queue: queue.SimpleQueue[_QueuedWork | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="pos-writer", daemon=True)
        self._thread.start()

    def submit(self, work: Work[T]) -> Future[Outcome[T]]:
        job = _QueuedWork(work)
        self._queue.put(job)
        return job.future

    async def run(self, work: Work[T]) -> Outcome[T]:
        return await asyncio.wrap_future(self.submit(work))

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()

    def _loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < self.max_batch:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                batch.append(more)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_QueuedWork]) -> None:
        answers = self._answers(batch)
        self.transactions += 1
        self.jobs += len(batch)
        for job, (outcome, error) in zip(batch, answers, strict=True):
            if error is None:
                job.future.set_result(outcome)  # type: ignore[arg-type]
            else:
                job.future.set_exception(error)

    def _answers(self, batch: list[_QueuedWork]) -> list[tuple[Outcome[Any] | None, BaseException | None]]:
        """Run the batch in one transaction: first all together, and only if one of them is refused,
        again with each job in its own savepoint (a refusal is rare; savepoints cost every job)."""
        careful = False
        attempt = 1
        while True:
            try:
                with self.database.writing() as session:
                    if careful:
                        return [_one(session, job.work) for job in batch]
                    return [_together(session, job.work) for job in batch]
            except _Refused as refused:
                # Rolled back: the refused job's writes and everyone's with them.
                if len(batch) == 1 and not isinstance(refused.error, IntegrityError):
                    return [(None, refused.error)]
                careful = True
            except DBAPIError as exc:
                if is_retryable(exc) and attempt < ATTEMPTS:
                    pause = min(BACKOFF_CAP_S, BACKOFF_S * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
                    log.info("POS writer met another desk (%s); attempt %d", type(exc.orig).__name__, attempt + 1)
                    attempt += 1
                    time.sleep(pause)
                    continue
                error: BaseException = exc
                if is_retryable(exc):
                    error = ConcurrentChange("Another desk was changing the same bill at the same moment, so nothing "
                                             "was done. Look at the bill again and repeat the operation if it is "
                                             "still needed.")
                return [(None, error)] * len(batch)
            except Exception as exc:  # the commit itself failed: nobody's work was kept
                log.exception("POS writer could not commit")
                return [(None, exc)] * len(batch)


class _Refused(Exception):
    """A job of a batch run without savepoints failed: the batch is rolled back and run carefully."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def _together(session: Session, work: Work[Any]) -> tuple[Outcome[Any] | None, BaseException | None]:
    """One job among others with no savepoint of its own: any failure rolls the batch back."""
    changes = track_changes(session)
    try:
        value = work(session)
        session.flush()
        return Outcome(value, changes.folio_ids(session)), None
    except DBAPIError as exc:
        if is_retryable(exc):
            raise  # the whole transaction runs again
        raise _Refused(exc) from exc
    except Exception as exc:
        raise _Refused(exc) from exc
    finally:
        stop_tracking(session)


def _one(session: Session, work: Work[Any]) -> tuple[Outcome[Any] | None, BaseException | None]:
    """One job in its own savepoint: its refusal undoes its own writes, not the batch's."""
    for attempt in (1, 2):
        try:
            with session.begin_nested():
                changes = track_changes(session)
                value = work(session)
                session.flush()
                folios = changes.folio_ids(session)
            return Outcome(value, folios), None
        except IntegrityError as exc:
            # Another process sent the same check (or key) at the same instant: run again and
            # find the winner's posting, so both get the same answer.
            if attempt == 2:
                return None, exc
        except DBAPIError as exc:
            if is_retryable(exc):
                raise  # the whole transaction runs again
            return None, exc
        except Exception as exc:
            return None, exc
        finally:
            stop_tracking(session)
    raise AssertionError("unreachable")


class PosService:
    """Checks keys and runs the POS use cases: postings in groups by one writer, on either database.

    On PostgreSQL too: a group shares one commit, and the requests wait their turn in a queue
    instead of each holding a thread (measured: 186 -> 289 postings/s with 16 tills).
    """

    def __init__(self, database: Database, *, workstation: str | None = None) -> None:
        self.database = database
        self.runner = Runner(database)
        self.writer = GroupWriter(database)
        # ``desk serve`` on its own: a signed-in desk for the restores (desk.people.desks); inside a desk
        # program (desk.pos.embedded) that desk's own row already stands for it.
        self.desk = (KeptSignedIn(database, service_actor(workstation)).start() if workstation is not None
                     else None)

    def authenticate(self, key: str | None) -> str:
        return self.runner.read(authenticate, key)

    def read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        return self.runner.read(fn, *args, **kwargs)

    async def awrite(self, work: Work[T]) -> Outcome[T]:
        """``work(session)`` committed whole or not at all, with the postings waiting beside it."""
        return await self.writer.run(work)

    def close(self) -> None:
        self.writer.close()
        if self.desk is not None:
            self.desk.stop()  # last: a restore may replace the database once nothing writes
