"""Invoices and credit notes (issue 27): numbered without gaps, frozen at issue, append-only.

``invoice_series`` holds one row that is never changed, only locked (SELECT ... FOR UPDATE) by each
issue before it reads the last number, as ``audit_head`` (0038) is for the trail. ``invoice`` and
``invoice_bill`` refuse UPDATE, DELETE (and TRUNCATE, and on SQLite a replacing INSERT through a unique
key) as the ledger's tables do. The desk's role gets SELECT and INSERT by default (0016); UPDATE of
``invoice_series.id`` only so that it may lock the row, which the trigger refuses to change.

The hotel gets the seller's fields an invoice needs besides its tax id: VAT number, accountable
person (Bulgaria's МОЛ) and city (the place of the transaction).

Revision ID: 0039_invoices
Revises: 0038_audit_trail
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

from desk.core.types import UtcDateTime

revision: str = "0039_invoices"
down_revision: str | None = "0038_audit_trail"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "the ledger is append-only: record a reversal instead"
# Each unique key of each table, as 0015_key_guards guards them on SQLite.
GUARDED_KEYS = {"invoice": ("id", "number"), "invoice_bill": ("id",), "invoice_series": ("id",)}
HOTEL_COLUMNS = (("vat_number", 40), ("accountable_person", 120), ("city", 80))
# As 0016_desk_role names the desk's role.
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    with op.batch_alter_table("hotel") as batch:
        for name, length in HOTEL_COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), server_default="", nullable=False))
    op.create_table(
        "invoice_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_number", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_series")),
    )
    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("supply_date", sa.Date(), nullable=False),
        sa.Column("credited_invoice_id", sa.Integer(), nullable=True),
        sa.Column("buyer_name", sa.String(length=160), nullable=False),
        sa.Column("buyer_company_id", sa.Integer(), nullable=True),
        sa.Column("total", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=240), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["credited_invoice_id"], ["invoice.id"],
                                name=op.f("fk_invoice_credited_invoice_id_invoice")),
        sa.ForeignKeyConstraint(["buyer_company_id"], ["company.id"], name=op.f("fk_invoice_buyer_company_id_company")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice")),
        sa.UniqueConstraint("number", name=op.f("uq_invoice_number")),
    )
    for column in ("issued_on", "credited_invoice_id", "buyer_company_id"):
        op.create_index(op.f(f"ix_invoice_{column}"), "invoice", [column])
    op.create_table(
        "invoice_bill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"], name=op.f("fk_invoice_bill_invoice_id_invoice")),
        sa.ForeignKeyConstraint(["bill_id"], ["bill.id"], name=op.f("fk_invoice_bill_bill_id_bill")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_bill")),
    )
    for column in ("invoice_id", "bill_id"):
        op.create_index(op.f(f"ix_invoice_bill_{column}"), "invoice_bill", [column])
    op.execute("INSERT INTO invoice_series (id, first_number) VALUES (1, 1)")
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
            for column in keys:
                op.execute(f"CREATE TRIGGER {table}_keeps_{column} BEFORE INSERT ON {table} "
                           f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {column} = NEW.{column}) "
                           f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({table} {column} taken)'); END")
    if dialect == "postgresql":
        connection = op.get_bind()
        role = _desk_role()
        if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
            op.execute(f'GRANT UPDATE (id) ON "{schema}".invoice_series TO {role}')


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, keys in GUARDED_KEYS.items():
        for name in ["no_update", "no_delete", "no_truncate", *(f"keeps_{column}" for column in keys)]:
            if dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{name} ON {table}")
            elif dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{name}")
    op.drop_table("invoice_bill")
    op.drop_table("invoice")
    op.drop_table("invoice_series")
    with op.batch_alter_table("hotel") as batch:
        for name, _length in HOTEL_COLUMNS:
            batch.drop_column(name)
