"""The one way both POS front ends reach the hotel: a key check, an actor, and the runner."""

from __future__ import annotations

from collections.abc import Callable
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


class PosService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.runner = Runner(database)

    def authenticate(self, key: str | None) -> str:
        return self.runner.read(authenticate, key)

    def read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        return self.runner.read(fn, *args, **kwargs)

    def run(self, use_case: Callable[..., T], actor: Actor, *args: Any) -> Outcome[T]:
        try:
            return self.runner.run(use_case, actor, *args)
        except IntegrityError:
            # Two tills sent the same check (or key) at the same instant on PostgreSQL: the loser
            # runs again and now finds the winner's posting, so both get the same answer.
            return self.runner.run(use_case, actor, *args)
