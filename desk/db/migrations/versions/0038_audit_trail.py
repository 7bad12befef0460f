"""The audit trail: one chained, append-only row per thing a manager must be able to trace.

``audit_entry`` holds the entries (desk.audit); ``audit_head`` holds one row that is never changed,
only locked (SELECT ... FOR UPDATE) by each writer before it reads the chain's last entry, so two
desks on PostgreSQL append one after the other and never both after the same entry (the unique
``prev_hash`` refuses a fork that got past the lock anyway). On SQLite a writing unit holds the
file's write lock from BEGIN, which serialises appends by itself.

Both tables refuse UPDATE, DELETE (and TRUNCATE, and on SQLite a replacing INSERT through a unique
key) as 0032 refuses them on ``admin_change``. The desk's role gets SELECT and INSERT by default
(0016); UPDATE of ``audit_head.id`` is granted only so that it may lock the row, which the trigger
refuses to change.

Revision ID: 0038_audit_trail
Revises: 0037_cashier_tax_id
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

from desk.core.types import UtcDateTime

revision: str = "0038_audit_trail"
down_revision: str | None = "0037_cashier_tax_id"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "the ledger is append-only: record a reversal instead"
# Each unique key of each table, as 0015_key_guards guards them on SQLite.
GUARDED_KEYS = {"audit_entry": (("id",), ("seq",), ("prev_hash",)), "audit_head": (("id",),)}
# As 0016_desk_role names the desk's role.
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.Column("authorised_by", sa.String(length=40), nullable=True),
        sa.Column("folio_id", sa.Integer(), nullable=True),
        sa.Column("reservation_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("summary", sa.String(length=400), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("seq", name=op.f("uq_audit_entry_seq")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_audit_entry_prev_hash")),
    )
    for column in ("at", "kind", "username", "folio_id"):
        op.create_index(op.f(f"ix_audit_entry_{column}"), "audit_entry", [column])
    op.execute("INSERT INTO audit_head (id) VALUES (1)")
    dialect = op.get_bind().dialect.name
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
                (column,) = key
                op.execute(f"CREATE TRIGGER {table}_keeps_{column} BEFORE INSERT ON {table} "
                           f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {column} = NEW.{column}) "
                           f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({table} {column} taken)'); END")
    if dialect == "postgresql":
        connection = op.get_bind()
        role = _desk_role()
        if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
            op.execute(f'GRANT UPDATE (id) ON "{schema}".audit_head TO {role}')


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, keys in GUARDED_KEYS.items():
        names = ["no_update", "no_delete", "no_truncate", *(f"keeps_{column}" for (column,) in keys)]
        for name in names:
            if dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{name} ON {table}")
            elif dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{name}")
    op.drop_table("audit_entry")
    op.drop_table("audit_head")
