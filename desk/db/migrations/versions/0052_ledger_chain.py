"""The ledger's chain: every posting and payment linked to the one before by a hash (desk.ledger.chain), so
a posting and its bill's stored total rewritten together no longer pass unseen.

``ledger_link`` holds one link per posting or payment, append-only as ``audit_entry`` is (0038): UPDATE,
DELETE and TRUNCATE refused, and on SQLite a replacing INSERT through a unique key. ``ledger_head`` is one
row locked by each unit that chains. ``ledger_unlinked`` is filled by an AFTER INSERT trigger on
``posting`` and ``payment`` (whichever path inserts them) and emptied as each unit chains its rows: the
desk's role gets DELETE on it besides the default SELECT and INSERT (0016), and UPDATE of
``ledger_head.id`` only to lock the row.

The rows already written are chained here, in the order they were written (time, then postings before
payments, then id), as the program would have chained them.

Revision ID: 0052_ledger_chain
Revises: 0050_invoiced_bills_email
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

from desk.ledger.models import GENESIS, PAYMENT, POSTING, append_links

revision: str = "0052_ledger_chain"
down_revision: str | None = "0050_invoiced_bills_email"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "the ledger is append-only: record a reversal instead"
# Each unique key of each table, as 0015_key_guards guards them on SQLite.
GUARDED_KEYS = {"ledger_link": (("id",), ("seq",), ("prev_hash",), ("kind", "row_id")), "ledger_head": (("id",),)}
NOTED = ("posting", "payment")
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"
_BATCH = 2000


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    op.create_table(
        "ledger_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_head")),
    )
    op.create_table(
        "ledger_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_link")),
        sa.UniqueConstraint("seq", name=op.f("uq_ledger_link_seq")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_ledger_link_prev_hash")),
        sa.UniqueConstraint("kind", "row_id", name=op.f("uq_ledger_link_kind_row_id")),
    )
    op.create_table(
        "ledger_unlinked",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_unlinked")),
    )
    op.execute("INSERT INTO ledger_head (id) VALUES (1)")
    connection = op.get_bind()
    _chain_existing(connection)
    dialect = connection.dialect.name
    for table, keys in GUARDED_KEYS.items():
        if dialect == "postgresql":
            # ledger_append_only() and ledger_no_truncate() come from 0002 and 0003_guard.
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                           "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_truncate()")
        elif dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
            for key in keys:
                taken = " AND ".join(f"{column} = NEW.{column}" for column in key)
                op.execute(f"CREATE TRIGGER {table}_keeps_{'_'.join(key)} BEFORE INSERT ON {table} "
                           f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {taken}) "
                           f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({table} {', '.join(key)} taken)'); END")
    if dialect == "sqlite":
        for table in NOTED:
            op.execute(f"CREATE TRIGGER {table}_notes_unlinked AFTER INSERT ON {table} BEGIN "
                       f"INSERT INTO ledger_unlinked (kind, row_id) VALUES ('{table}', NEW.id); END")
        return
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    op.execute(f'CREATE FUNCTION "{schema}".ledger_notes_unlinked() RETURNS trigger LANGUAGE plpgsql '
               f'SET search_path = "{schema}" AS $$ BEGIN '
               "INSERT INTO ledger_unlinked (kind, row_id) VALUES (TG_TABLE_NAME, NEW.id); RETURN NULL; END $$")
    for table in NOTED:
        op.execute(f"CREATE TRIGGER {table}_notes_unlinked AFTER INSERT ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION ledger_notes_unlinked()")
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        op.execute(f'GRANT UPDATE (id) ON "{schema}".ledger_head TO {role}')
        op.execute(f'GRANT DELETE ON "{schema}".ledger_unlinked TO {role}')


def _chain_existing(connection: sa.Connection) -> None:
    written = connection.execute(text(
        f"SELECT '{POSTING}' AS kind, id, created_at FROM posting UNION ALL "
        f"SELECT '{PAYMENT}' AS kind, id, created_at FROM payment ORDER BY created_at, kind DESC, id")).all()
    seq, prev_hash = 0, GENESIS
    for start in range(0, len(written), _BATCH):
        seq, prev_hash = append_links(connection, [(row.kind, row.id) for row in written[start:start + _BATCH]],
                                      seq, prev_hash)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in NOTED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notes_unlinked" + (f" ON {table}" if dialect != "sqlite" else ""))
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS ledger_notes_unlinked()")
    for table, keys in GUARDED_KEYS.items():
        for name in ["no_update", "no_delete", "no_truncate", *(f"keeps_{'_'.join(key)}" for key in keys)]:
            if dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{name} ON {table}")
            elif dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{name}")
    op.drop_table("ledger_unlinked")
    op.drop_table("ledger_link")
    op.drop_table("ledger_head")
