"""The one way both POS front ends reach the hotel: a key check, an actor, and the runner."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.auth import Actor, trusted_actor
from desk.db import Database
from desk.models import Role
from desk.pos.keys import authenticate
from desk.runner import Outcome, Runner

T = TypeVar("T")
P = ParamSpec("P")


def pos_actor(pos_name: str, workstation: str = "") -> Actor:
    """Who a POS posting says wrote it.

    The one place the service builds an Actor, once the till's key was checked: the POS role may
    only post and cancel POS checks.
    """
    return trusted_actor(f"pos:{pos_name}"[:40], (workstation or pos_name)[:40], Role.POS)


# How long a checked key is trusted without asking the database again: a revoked key stops
# working within this time, and a till posting several checks a second costs one lookup.
KEY_TRUST_S = 5.0


class PosService:
    """Checks keys, and runs the POS use cases one after another on SQLite.

    SQLite takes one writer at a time: concurrent requests would each wait on the file lock
    inside sqlite (sleeping and retrying, up to seconds under load). A single writer thread with
    a queue in front of it makes them wait their turn in order instead, without spinning.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self.runner = Runner(database)
        self._trusted: dict[str, tuple[str, float]] = {}
        self._writer = (ThreadPoolExecutor(1, thread_name_prefix="pos-writer")
                        if database.engine.dialect.name == "sqlite" else None)

    def authenticate(self, key: str | None) -> str:
        if key:
            known = self._trusted.get(key)
            if known is not None and time.monotonic() - known[1] < KEY_TRUST_S:
                return known[0]
        name = self.runner.read(authenticate, key)
        if len(self._trusted) > 1000:  # only forged keys could fill it; valid ones are few
            self._trusted.clear()
        self._trusted[str(key)] = (name, time.monotonic())
        return name

    def forget_keys(self) -> None:
        """Check every key against the database again (after one was revoked here)."""
        self._trusted.clear()

    def read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        return self.runner.read(fn, *args, **kwargs)

    def run(self, use_case: Callable[..., T], actor: Actor, *args: Any) -> Outcome[T]:
        if self._writer is None:
            return self._run(use_case, actor, *args)
        return self._writer.submit(self._run, use_case, actor, *args).result()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.shutdown(wait=True)

    def _run(self, use_case: Callable[..., T], actor: Actor, *args: Any) -> Outcome[T]:
        try:
            return self.runner.run(use_case, actor, *args)
        except IntegrityError:
            # Two tills sent the same check (or key) at the same instant on PostgreSQL: the loser
            # runs again and now finds the winner's posting, so both get the same answer.
            return self.runner.run(use_case, actor, *args)
