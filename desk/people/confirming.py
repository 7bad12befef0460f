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

from sqlalchemy import ColumnElement, Executable
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class AlsoRead:
    columns: tuple[ColumnElement[object], ...]
    note: Callable[[Session, Sequence[object]], None]  # the unit's session, the columns' values


ALSO_READ: list[AlsoRead] = []


def read_with_confirmation(columns: Sequence[ColumnElement[object]],
                           note: Callable[[Session, Sequence[object]], None]) -> None:
    ALSO_READ.append(AlsoRead(tuple(columns), note))


Carrier = tuple[Executable, tuple[AlsoRead, ...]]


def carrying(built: list[Carrier], build: Callable[[list[ColumnElement[object]]], Executable]) -> Carrier:
    """A statement that reads the registered columns after its own (``build`` given them), kept in
    ``built`` with the registrations it carries: built again when a feature registered after it was
    built (a module loaded late), whose read would otherwise never be made."""
    if not built or len(built[0][1]) != len(ALSO_READ):
        reads = tuple(ALSO_READ)
        built[:] = [(build([column for read in reads for column in read.columns]), reads)]
    return built[0]


def note_carried(session: Session, reads: Sequence[AlsoRead], values: Sequence[object]) -> None:
    """Each registration's values, from ``values``: the row's columns after the statement's own."""
    start = 0
    for also in reads:
        also.note(session, values[start:start + len(also.columns)])
        start += len(also.columns)
