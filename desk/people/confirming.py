"""What other features read first in nearly every unit of work, carried by the statement that
confirms the actor (desk.people.auth): a statement of its own each, in every unit, was a tenth of a
sale's (issue 23).

A feature registers its columns (scalar subqueries that read one row each) and what to do with the
values read, when its module is loaded; the confirmation builds its statement with every column
registered, again whenever one more was registered since.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class AlsoRead:
    columns: tuple[ColumnElement[object], ...]
    note: Callable[[Session, Sequence[object]], None]  # the unit's session, the columns' values


ALSO_READ: list[AlsoRead] = []


def read_with_confirmation(columns: Sequence[ColumnElement[object]],
                           note: Callable[[Session, Sequence[object]], None]) -> None:
    ALSO_READ.append(AlsoRead(tuple(columns), note))
