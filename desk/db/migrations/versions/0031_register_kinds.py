"""Registered fiscal registers (issue 26): each cash register's kind, address, device and tax settings,
and the documents such a register issued for us, as it answered.

``cash_register`` gains ``kind`` (escpos: our printer with our signed journal, as before; atol; kkmserver;
erpnet), ``address`` and ``device_id`` (the vendor's server and the device on it), ``taxation`` and
``vat_map``, and ``workstation`` (whose cash shift it follows). ``register_document`` is append-only like ``fiscal_document``: guarded by the same triggers
and, on PostgreSQL, the desk's role may only add to it.

Revision ID: 0031_register_kinds
Revises: 0030_saved_cards
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0031_register_kinds"
down_revision: str | None = "0030_saved_cards"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "register_document"
UNIQUE_KEYS = (("id",), ("key",), ("payment_id", "kind"))
MESSAGE = "the ledger is append-only: record a reversal instead"
# As 0016_desk_role names the desk's role.
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    with op.batch_alter_table("cash_register") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="escpos"))
        batch.add_column(sa.Column("address", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("device_id", sa.String(length=40), nullable=False, server_default=""))
        batch.add_column(sa.Column("taxation", sa.String(length=24), nullable=False, server_default=""))
        batch.add_column(sa.Column("vat_map", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("workstation", sa.String(length=40), nullable=False, server_default=""))
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_code", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("move_id", sa.Integer(), nullable=True),
        sa.Column("cash_shift_id", sa.Integer(), nullable=True),
        sa.Column("refers_to", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("fiscal_sign", sa.String(length=20), nullable=False),
        sa.Column("fn_number", sa.String(length=20), nullable=False),
        sa.Column("registration_number", sa.String(length=20), nullable=False),
        sa.Column("shift_number", sa.Integer(), nullable=True),
        sa.Column("receipt_number", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.String(length=32), nullable=False),
        sa.Column("total", sa.String(length=40), nullable=True),
        sa.Column("contact", sa.String(length=120), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["register_code"], ["cash_register.code"],
                                name=op.f("fk_register_document_register_code_cash_register")),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], name=op.f("fk_register_document_payment_id_payment")),
        sa.ForeignKeyConstraint(["cash_shift_id"], ["cash_shift.id"],
                                name=op.f("fk_register_document_cash_shift_id_cash_shift")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_document")),
        sa.UniqueConstraint("key", name=op.f("uq_register_document_key")),
        sa.UniqueConstraint("payment_id", "kind", name=op.f("uq_register_document_payment_id_kind")),
    )
    op.create_index(op.f("ix_register_document_register_code"), TABLE, ["register_code"])
    op.create_index(op.f("ix_register_document_payment_id"), TABLE, ["payment_id"])
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {TABLE}_no_{action.lower()} BEFORE {action} ON {TABLE} "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        # As 0015_key_guards: an INSERT OR REPLACE repeating any unique key is refused, not a silent rewrite.
        for key in UNIQUE_KEYS:
            taken = " AND ".join(f'"{column}" = NEW."{column}"' for column in key)
            message = f"{MESSAGE} ({TABLE} {', '.join(key)} taken)"
            op.execute(f'CREATE TRIGGER "{TABLE}_keeps_{"_".join(key)}" BEFORE INSERT ON "{TABLE}" '
                       f'WHEN EXISTS (SELECT 1 FROM "{TABLE}" WHERE {taken}) '
                       f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
        return
    # ledger_append_only() and ledger_no_truncate() come from 0002 and 0003_guard.
    for action in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER {TABLE}_no_{action.lower()} BEFORE {action} ON {TABLE} "
                   "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()")
    op.execute(f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
               "FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_truncate()")
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        op.execute(f'REVOKE ALL ON "{schema}".{TABLE} FROM {role}')
        op.execute(f'GRANT SELECT, INSERT, UPDATE (id) ON "{schema}".{TABLE} TO {role}')


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_{action}")
        for key in UNIQUE_KEYS:
            op.execute(f'DROP TRIGGER IF EXISTS "{TABLE}_keeps_{"_".join(key)}"')
    else:
        for action in ("update", "delete", "truncate"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_{action} ON {TABLE}")
    op.drop_table(TABLE)
    with op.batch_alter_table("cash_register") as batch:
        for column in ("workstation", "vat_map", "taxation", "device_id", "address", "kind"):
            batch.drop_column(column)
