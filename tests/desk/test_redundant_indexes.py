"""No index is made redundant by another on its table: one whose columns begin another index, unique constraint
or primary key is answered as well by that one, and only costs every insert and update its upkeep."""

from __future__ import annotations

from sqlalchemy import inspect

from desk.db.engine import Database
from tests.helpers import index_condition

from .conftest import Hotel

# Partial indexes kept although a whole index on their columns would answer for them, each for its reason;
# the dialects it is kept on (None: both).
KEPT: dict[tuple[str, str], tuple[str | None, str]] = {
    ("posting", "ix_posting_external_ref"): (
        "sqlite", "SQLite's statistics count the unique constraint's NULLs as one value, and its planner "
                  "would read every posting for a ref (migration 0064)"),
    ("folio", "ix_folio_walk_ins"): (
        None, "its WHERE is its value: the few walk-ins read without the hundreds of thousands of stays' folios"),
}


def _redundant(database: Database) -> list[str]:
    inspector = inspect(database.engine)
    # One question per kind for every table (not one per table), as PostgreSQL's catalogue is slow to ask.
    all_indexes = inspector.get_multi_indexes()
    all_uniques = inspector.get_multi_unique_constraints()
    all_primaries = inspector.get_multi_pk_constraint()
    dialect = database.engine.dialect.name
    found = []
    for key, table_indexes in all_indexes.items():
        table = key[1]
        if table == "alembic_version":
            continue
        # PostgreSQL lists a unique constraint's own index among the indexes: it is the constraint, counted once.
        indexes = [index for index in table_indexes if not index.get("duplicates_constraint")]
        # A partial index answers only its rows, so it covers nothing; it can still be covered by a whole one.
        covering = [(str(index["name"]), tuple(index["column_names"]), bool(index["unique"]))
                    for index in indexes if index_condition(index) is None]  # type: ignore[arg-type]
        covering += [(str(unique["name"]), tuple(unique["column_names"]), True) for unique in all_uniques.get(key, [])]
        primary = all_primaries.get(key) or {}
        if primary.get("constrained_columns"):
            covering.append(("primary key", tuple(primary["constrained_columns"]), True))
        for index in indexes:
            name, columns = str(index["name"]), tuple(index["column_names"])
            if None in columns:  # an expression: not a column prefix
                continue
            if index_condition(index) is not None and _kept(table, name, dialect):  # type: ignore[arg-type]
                continue
            for other, other_columns, other_unique in covering:
                if other == name or other_columns[:len(columns)] != columns:
                    continue
                # A unique index enforces something only a unique one on exactly its columns does as well.
                if index["unique"] and not (other_unique and other_columns == columns):
                    continue
                found.append(f"{table}.{name} {columns} is covered by {other} {other_columns}")
                break
    return sorted(found)


def _kept(table: str, name: str, dialect: str) -> bool:
    kept = KEPT.get((table, name))
    return kept is not None and kept[0] in (None, dialect)


def test_no_table_has_an_index_another_makes_redundant(hotel: Hotel):
    assert _redundant(hotel.database) == []
