"""No unique key of an append-only table lets an insert replace or update the row that holds it.

SQLite's INSERT OR REPLACE / REPLACE INTO delete the row in the way, and an upsert (ON CONFLICT ...
DO UPDATE) updates it, through whichever unique key the new row repeats, without the update or
delete trigger seeing it (issue 22). The keys are read here from the live schema, not from a list,
so a key added later without its guard fails these tests. Rows are written with foreign keys off:
what is under test is the guard of one table, not the ledger's use cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy.exc
from sqlalchemy import (
    JSON,
    Connection,
    Engine,
    MetaData,
    Table,
    bindparam,
    create_engine,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.pool import NullPool

from desk.core.types import MoneyType
from desk.db.base import Base, LedgerRecord
from desk.db.engine import Database
from tests.helpers import index_condition

APPEND_ONLY = sorted(m.local_table.name for m in Base.registry.mappers  # type: ignore[attr-defined]
                     if issubclass(m.class_, LedgerRecord))
MESSAGE = "the ledger is append-only: record a reversal instead"
PG_MESSAGE = MESSAGE  # PostgreSQL: ledger_append_only(), the BEFORE UPDATE trigger of 0002
Key = tuple[str, ...]


def unique_keys(engine: Engine, table: str) -> list[Key]:
    """The primary key, every unique constraint and every unique index of the table, as the database has them."""
    inspector = inspect(engine)
    keys: list[Key] = [tuple(inspector.get_pk_constraint(table)["constrained_columns"])]
    keys += [tuple(c["column_names"]) for c in inspector.get_unique_constraints(table)]
    keys += [tuple(i["column_names"]) for i in inspector.get_indexes(table) if i["unique"]]  # type: ignore[misc]
    return list(dict.fromkeys(keys))


def value(column: Any, n: int) -> Any:
    """A value of the column's type, different for each ``n``."""
    if isinstance(Base.metadata.tables[column.table.name].c[column.name].type, MoneyType):
        # Stored as text, read by the bill totals' triggers (0024) as an amount: a well-formed one.
        return f"EUR {n}.00"
    kind = column.type
    if isinstance(kind, JSON):
        return {"n": n}
    python = kind.python_type
    if python is bool:
        return n % 2 == 0
    if python is int:
        return n
    if python is Decimal:
        return Decimal(n)
    if python is datetime:
        return datetime(2024, 1, 1, tzinfo=UTC).replace(minute=n % 60, hour=n // 60 % 24)
    if python is date:
        return date(2024, 1, 1).replace(day=1 + n % 28)
    if python is bytes:
        return str(n).encode()
    return f"v{n}"[: getattr(kind, "length", None) or 40]


def row(table: Table, n: int) -> dict[str, Any]:
    return {column.name: value(column, n) for column in table.columns}


@pytest.fixture
def schema(database_url: str) -> Iterator[tuple[Engine, dict[str, Table]]]:
    """A migrated database, and an engine on it that does not check foreign keys."""
    Database(database_url).dispose()
    engine = create_engine(database_url, poolclass=NullPool)  # SQLite: foreign_keys is off by default
    reflected = MetaData()
    reflected.reflect(engine, only=APPEND_ONLY)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for table in APPEND_ONLY:
                # Off go the foreign-key triggers; the append-only ones come back at once.
                connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER ALL"))
                connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
            # The bills' totals the ledger's triggers keep (0024) point at bills too.
            connection.execute(text("ALTER TABLE bill_total DISABLE TRIGGER ALL"))
    yield engine, {name: reflected.tables[name] for name in APPEND_ONLY}
    engine.dispose()


def _stored(connection: Connection, table: Table, pk: Key, original: dict[str, Any]) -> Any:
    where = [table.c[c] == original[c] for c in pk]
    return connection.execute(select(table).where(*where)).mappings().one_or_none()


def partial_key_condition(engine: Engine, table: str, key: Key) -> Any:
    """The WHERE of the partial unique index that is ``key`` (a key that only rows having it hold), if it is one:
    an upsert must name it to be taken on that key at all."""
    for index in inspect(engine).get_indexes(table):
        if index["unique"] and tuple(index["column_names"]) == key:  # type: ignore[arg-type]
            return index_condition(index)  # type: ignore[arg-type]
    return None


def _replacing_insert(engine: Engine, verb: str, table: Table, key: Key, forged: dict[str, Any]) -> Any:
    dialect = engine.dialect.name
    if verb == "upsert":
        insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(table).values(forged)
        other = next(c for c in table.columns if c.name not in key)
        condition = partial_key_condition(engine, table.name, key)
        where = text(str(condition)) if condition is not None else None
        return insert.on_conflict_do_update(index_elements=list(key), index_where=where,
                                            set_={other.name: insert.excluded[other.name]})
    if verb == "REPLACE":  # REPLACE INTO: not an INSERT with a prefix
        columns = list(forged)
        sql = f"REPLACE INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"
        return text(sql).bindparams(*(bindparam(c, forged[c], type_=table.c[c].type) for c in columns))
    return table.insert().values(forged).prefix_with(verb)


def _expected_refusal(dialect: str, table: str, keys: list[Key], key: Key) -> str:
    if dialect == "postgresql":
        return re.escape(PG_MESSAGE)
    # Any key within this one is repeated too: its guard may be the one that answers.
    within = [k for k in keys if set(k) <= set(key)]
    return "|".join(re.escape(f"{MESSAGE} ({table} {', '.join(k)} taken)") for k in within)


@pytest.mark.parametrize("verb", ["OR REPLACE", "REPLACE", "upsert"])
def test_no_key_of_an_append_only_table_lets_an_insert_replace_its_row(
        schema: tuple[Engine, dict[str, Table]], verb: str):
    engine, tables = schema
    dialect = engine.dialect.name
    if dialect == "postgresql" and verb != "upsert":
        pytest.skip("PostgreSQL has no INSERT OR REPLACE")
    assert {"fiscal_document", "cash_shift", "shift_count", "payment"} <= set(tables)
    failures = []
    tried = set()
    for name, table in tables.items():
        keys = unique_keys(engine, name)
        for attempt, key in enumerate(keys):
            # A row of its own for each key (a replace that went through leaves it gone); then one
            # with the same values in this key's columns and other values in every other column.
            original = row(table, 100 * attempt + 1)
            forged = {**row(table, 100 * attempt + 2), **{c: original[c] for c in key}}
            with engine.begin() as connection:
                connection.execute(table.insert().values(original))
            tried.add((name, key))
            try:
                with engine.begin() as connection:
                    connection.execute(_replacing_insert(engine, verb, table, key, forged))
                failures.append(f"{name} {key}: accepted")
            except sqlalchemy.exc.DBAPIError as exc:
                if not re.search(_expected_refusal(dialect, name, keys, key), str(exc.orig)):
                    failures.append(f"{name} {key}: refused otherwise: {exc.orig}")
            with engine.connect() as connection:
                stored = _stored(connection, table, keys[0], original)
                count = connection.execute(select(sqlalchemy.func.count()).select_from(table)).scalar_one()
            if stored is None:
                failures.append(f"{name} {key}: the row is gone")
            elif not all(_same(stored[c], original[c]) for c in original):
                failures.append(f"{name} {key}: the row changed: {dict(stored)}")
            if count != attempt + 1:
                failures.append(f"{name} {key}: {count} rows after {attempt + 1} inserts")
    # The keys issue 22 went through are among those read from the schema.
    assert {("fiscal_document", ("register_code", "number")), ("fiscal_document", ("register_code", "prev_sign")),
            ("cash_shift", ("workstation", "number")), ("shift_count", ("shift_id", "currency"))} <= tried
    assert not failures, "\n".join(failures)


def _same(stored: Any, original: Any) -> bool:
    if isinstance(original, datetime) and isinstance(stored, datetime):
        return stored.replace(tzinfo=None) == original.replace(tzinfo=None)
    return bool(stored == original)


def test_sqlite_each_guard_looks_its_key_up_in_an_index(sqlite_url: str):
    """Every guard's lookup is an index search, with statistics present (issue 23: a full scan)."""
    Database(sqlite_url).dispose()
    engine = create_engine(sqlite_url, poolclass=NullPool)
    reflected = MetaData()
    reflected.reflect(engine, only=APPEND_ONLY)
    with engine.begin() as connection:
        for name in APPEND_ONLY:
            connection.execute(reflected.tables[name].insert(), [row(reflected.tables[name], n) for n in range(1, 301)])
        connection.execute(text("ANALYZE"))
        triggers = connection.execute(text(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%BEFORE INSERT%'"
        )).all()
        plans = {}
        for table, name, sql in triggers:
            if table not in APPEND_ONLY:
                continue
            lookup = re.search(r"WHEN EXISTS \((SELECT .*)\)\s+BEGIN", sql, re.S | re.I)
            assert lookup, sql
            query = re.sub(r'NEW\.("[^"]+"|\w+)', "?", lookup.group(1))
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}",
                                              (1,) * query.count("?")).all()
            plans[name] = [step[-1] for step in plan]
    engine.dispose()
    guarded = {table for table, _, _ in triggers if table in APPEND_ONLY}
    assert guarded == set(APPEND_ONLY)
    slow = {name: plan for name, plan in plans.items()
            if not plan or any(not re.match(r"SEARCH .* USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY)", step)
                               for step in plan)}
    assert not slow, slow
