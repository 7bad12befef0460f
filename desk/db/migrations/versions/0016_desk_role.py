"""PostgreSQL: the role workstations use may add to the ledger, never rewrite it.

The owner of the tables (the role that runs ``desk db upgrade``) can disable any trigger, so the
append-only guard means nothing against a workstation that connects as it. Workstations and
``desk serve`` connect as a second role, named by ``DESK_DB_DESK_ROLE`` (``desk_app`` unless set):
created here NOLOGIN if it does not exist (the DBA gives it LOGIN and a password), and granted

- SELECT and INSERT on every append-only table: no DELETE or TRUNCATE, and only an owner may
  ALTER TABLE ... DISABLE TRIGGER. UPDATE of the primary key column only, because PostgreSQL asks
  for an UPDATE right to lock a row (SELECT ... FOR UPDATE: the desk locks a shift so two desks
  do not close it at once); the BEFORE UPDATE trigger of 0002 refuses such an update anyway;
- SELECT, INSERT, UPDATE and DELETE on every other table (settings, reservations, folios and bills,
  users and their sign-in counts, the POS keys, the change log; the desk updates those);
- SELECT on alembic_version (a workstation checks the schema is current, it never migrates);
- USAGE and SELECT on the sequences (ids).

Tables added by later revisions get SELECT and INSERT by default privileges (those the owner
creates); a later revision that adds a table the desk updates grants the rest itself.

Nothing happens on SQLite: a file has no roles (its permissions are desk.db.engine's business).

Revision ID: 0016_desk_role
Revises: 0015_key_guards
"""

import os
import re
from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0016_desk_role"
down_revision: str | None = "0015_key_guards"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"
# The append-only tables at this revision (every model deriving from desk.db.base.LedgerRecord).
APPEND_ONLY_TABLES = (
    "posting", "posting_item", "posting_move", "payment", "receipt_request",
    "journal_intent", "journal_event",
    "cash_shift", "shift_cash_move", "shift_payment", "shift_close", "shift_count", "drawer_opening",
    "fiscal_key", "fiscal_document", "fiscal_print",
    "card_record",
)
READ_ONLY_TABLES = ("alembic_version",)


def desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    role = desk_role()
    owner = connection.execute(text("SELECT current_user")).scalar_one()
    if role == owner:
        raise ValueError(f"{ROLE_SETTING}={role!r} is the role that owns the tables: name another one")
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first()
    if not exists:
        op.execute(f"CREATE ROLE {role} NOLOGIN")
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    tables = connection.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :schema"), {"schema": schema}).scalars().all()
    op.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {role}')
    for table in tables:
        if table in APPEND_ONLY_TABLES:
            key = connection.execute(text(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                "WHERE i.indrelid = CAST(:table AS regclass) AND i.indisprimary"), {"table": f'"{schema}"."{table}"'},
            ).scalars().all()
            rights = f"SELECT, INSERT, UPDATE ({', '.join(key)})"
        elif table in READ_ONLY_TABLES:
            rights = "SELECT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        op.execute(f'REVOKE ALL ON "{schema}"."{table}" FROM {role}')
        op.execute(f'GRANT {rights} ON "{schema}"."{table}" TO {role}')
    op.execute(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {role}')
    op.execute(f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT SELECT, INSERT ON TABLES TO {role}')
    op.execute(f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT USAGE, SELECT ON SEQUENCES TO {role}')


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    role = desk_role()
    if not connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        return
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    op.execute(f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" REVOKE ALL ON SEQUENCES FROM {role}')
    op.execute(f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" REVOKE ALL ON TABLES FROM {role}')
    op.execute(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {role}')
    op.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}')
    op.execute(f'REVOKE ALL ON SCHEMA "{schema}" FROM {role}')
    # The role stays: other databases of the cluster may grant to it, and the DBA gave it a password.
