"""Every unique key of every append-only table refuses a replacing insert, each through its own index.

SQLite's ``INSERT OR REPLACE`` (and ``REPLACE INTO``, and an ``INSERT ... ON CONFLICT DO UPDATE``)
makes room by deleting, or updating, the row that holds any unique key the new row repeats, and
neither the delete nor the update trigger sees it (recursive_triggers is off). The earlier guards
(0003_guard and the tables' own revisions) looked at ``id`` and some single columns only: a fiscal
document could be rewritten through (register_code, number) or (register_code, prev_sign), a shift
through (workstation, number), a blind count through (shift_id, currency) (issue 22).

Their shape was slow as well: one ``EXISTS (... WHERE id = NEW.id OR key = NEW.key ...)`` lets the
planner scan the whole table once statistics exist (issue 23). Here each unique key (the primary
key, every unique constraint, every unique index, as the live schema has them) gets a trigger of
its own, ``<table>_keeps_<columns>``, whose lookup is an equality on all the key's columns: a
search of that key's index. NULL never equals anything, as in the unique index itself, so a key
with a NULL column never collides.

PostgreSQL has no REPLACE, and its ``ON CONFLICT DO UPDATE`` fires the BEFORE UPDATE trigger of
0002, which refuses it (tests/desk/test_append_only_keys.py shows both).

A later revision that adds a unique key to one of these tables must add its trigger (see
``refuse_replace_through``).

Revision ID: 0015_key_guards
Revises: 0014_smtp
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import Connection, text

revision: str = "0015_key_guards"
down_revision: str | None = "0014_smtp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The append-only tables at this revision (every model deriving from desk.db.base.LedgerRecord).
APPEND_ONLY_TABLES = (
    "posting", "posting_item", "posting_move", "payment", "receipt_request",
    "journal_intent", "journal_event",
    "cash_shift", "shift_cash_move", "shift_payment", "shift_close", "shift_count", "drawer_opening",
    "fiscal_key", "fiscal_document", "fiscal_print",
    "card_record",
)
# The single guard per table these triggers replace, with the keys it looked at (for downgrade).
OLD_GUARDS = {
    "posting": ("id", "external_ref", "reverses_id"),
    "posting_item": ("id",),
    "posting_move": ("id",),
    "payment": ("id", "voids_id", "company_posting_id"),
    "receipt_request": ("id",),
    "journal_intent": ("id", "key"),
    "journal_event": ("id", "outcome_of"),
    "cash_shift": ("id",),
    "shift_cash_move": ("id",),
    "shift_payment": ("id", "payment_id"),
    "shift_close": ("id", "shift_id"),
    "shift_count": ("id",),
    "drawer_opening": ("id", "payment_id"),
    "fiscal_key": ("register_code",),
    "fiscal_document": ("id", "key"),
    "fiscal_print": ("id",),
    "card_record": ("id", "intent_id"),
}
MESSAGE = "the ledger is append-only: record a reversal instead"
PREFIX = "_keeps_"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def unique_keys(connection: Connection, table: str) -> list[tuple[str, ...]]:
    """The table's primary key and every unique index (constraints are indexes in SQLite), in order."""
    keys: list[tuple[str, ...]] = []
    info = connection.execute(text(f"PRAGMA table_info({_quote(table)})")).mappings().all()
    primary = tuple(row["name"] for row in sorted(info, key=lambda r: r["pk"]) if row["pk"])
    if primary:
        keys.append(primary)
    for index in connection.execute(text(f"PRAGMA index_list({_quote(table)})")).mappings():
        if not index["unique"] or index["partial"]:
            continue
        columns = connection.execute(text(f"PRAGMA index_info({_quote(index['name'])})")).mappings().all()
        key = tuple(row["name"] for row in sorted(columns, key=lambda r: r["seqno"]))
        if None in key:  # an index on an expression: no column to compare
            raise RuntimeError(f"{table}: unique index {index['name']} on an expression has no guard")
        if key not in keys:
            keys.append(key)
    return keys


def trigger_name(table: str, key: Sequence[str]) -> str:
    return f"{table}{PREFIX}{'_'.join(key)}"


def refuse_replace_through(table: str, key: Sequence[str]) -> None:
    """The BEFORE INSERT trigger that refuses a row repeating ``key``: one indexed equality."""
    taken = " AND ".join(f"{_quote(column)} = NEW.{_quote(column)}" for column in key)
    message = f"{MESSAGE} ({table} {', '.join(key)} taken)".replace("'", "''")
    op.execute(
        f"CREATE TRIGGER {_quote(trigger_name(table, key))} BEFORE INSERT ON {_quote(table)} "
        f"WHEN EXISTS (SELECT 1 FROM {_quote(table)} WHERE {taken}) "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def _guards(connection: Connection, table: str) -> list[str]:
    return list(connection.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :table AND name LIKE :like"),
        {"table": table, "like": f"{table}{PREFIX}%"},
    ).scalars())


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    for table in APPEND_ONLY_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_replace")
        for key in unique_keys(connection, table):
            refuse_replace_through(table, key)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    for table, keys in OLD_GUARDS.items():
        for name in _guards(connection, table):
            op.execute(f"DROP TRIGGER IF EXISTS {_quote(name)}")
        taken = " OR ".join(f"{key} = NEW.{key}" for key in keys)
        op.execute(f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
                   f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {taken}) "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
