"""The declarative base every table derives from, the marker of append-only rows, and whether the
database locks rows."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Enum,
    MetaData,
)
from sqlalchemy.orm import DeclarativeBase, Session

from desk.core.money import Money
from desk.core.types import MoneyType, UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {Money: MoneyType(), datetime: UtcDateTime()}


def enum_column(cls: type[enum.Enum]) -> Enum:
    # Stored as the lowercase value, as a plain string: new members need no DDL change.
    return Enum(cls, native_enum=False, create_constraint=False, length=24,
                values_callable=lambda members: [m.value for m in members])


class LedgerRecord:
    """Marker: instances are never updated or deleted (see desk.db.engine's flush guard)."""


def locks_rows(session: Session) -> bool:
    """Whether the database takes row locks: SQLite's writing unit holds the whole file instead."""
    return session.get_bind().dialect.name != "sqlite"
