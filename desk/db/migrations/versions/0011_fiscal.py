"""The fiscal journal: each register's documents chained by their signs, and every print of them.

Registers get their paper width, printer profile and receipt language. The three new tables are
append-only like the ledger (the same guards as 0008_shift).

Revision ID: 0011_fiscal
Revises: 0008_shift
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_fiscal"
down_revision: str | None = "0009_devices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY_KEYS = {
    "fiscal_key": ("register_code",),
    "fiscal_document": ("id", "key"),
    "fiscal_print": ("id",),
}
MESSAGE = "the ledger is append-only: record a reversal instead"


def upgrade() -> None:
    with op.batch_alter_table("cash_register") as batch:
        batch.add_column(sa.Column("paper_mm", sa.Integer(), nullable=False, server_default="80"))
        batch.add_column(sa.Column("profile", sa.String(length=40), nullable=False, server_default="TM-T20II"))
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=False, server_default="en"))
    op.create_table(
        "fiscal_key",
        sa.Column("register_code", sa.String(length=16), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["register_code"], ["cash_register.code"],
                                name=op.f("fk_fiscal_key_register_code_cash_register")),
        sa.PrimaryKeyConstraint("register_code", name=op.f("pk_fiscal_key")),
    )
    op.create_table(
        "fiscal_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_code", sa.String(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("shift_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("refers_to", sa.Integer(), nullable=True),
        sa.Column("cash_shift_id", sa.Integer(), nullable=True),
        sa.Column("total", sa.String(length=40), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("prev_sign", sa.String(length=64), nullable=False),
        sa.Column("sign", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["register_code"], ["cash_register.code"],
                                name=op.f("fk_fiscal_document_register_code_cash_register")),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], name=op.f("fk_fiscal_document_payment_id_payment")),
        sa.ForeignKeyConstraint(["cash_shift_id"], ["cash_shift.id"],
                                name=op.f("fk_fiscal_document_cash_shift_id_cash_shift")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_document")),
        sa.UniqueConstraint("key", name=op.f("uq_fiscal_document_key")),
        sa.UniqueConstraint("register_code", "number", name=op.f("uq_fiscal_document_register_code_number")),
        sa.UniqueConstraint("register_code", "prev_sign", name=op.f("uq_fiscal_document_register_code_prev_sign")),
        sa.UniqueConstraint("payment_id", "kind", name=op.f("uq_fiscal_document_payment_id_kind")),
    )
    op.create_index(op.f("ix_fiscal_document_register_code"), "fiscal_document", ["register_code"])
    op.create_index(op.f("ix_fiscal_document_payment_id"), "fiscal_document", ["payment_id"])
    op.create_table(
        "fiscal_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("copy", sa.Boolean(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("bytes_sent", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(length=240), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("printed_by", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["fiscal_document.id"],
                                name=op.f("fk_fiscal_print_document_id_fiscal_document")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_print")),
    )
    op.create_index(op.f("ix_fiscal_print_document_id"), "fiscal_print", ["document_id"])

    dialect = op.get_bind().dialect.name
    for table, keys in APPEND_ONLY_KEYS.items():
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
            taken = " OR ".join(f"{key} = NEW.{key}" for key in keys)
            op.execute(f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
                       f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {taken}) "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY_KEYS:
        for action in ("update", "delete", "truncate", "replace"):
            if dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action} ON {table}")
            elif dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    for table in ("fiscal_print", "fiscal_document", "fiscal_key"):
        op.drop_table(table)
    with op.batch_alter_table("cash_register") as batch:
        batch.drop_column("language")
        batch.drop_column("profile")
        batch.drop_column("paper_mm")
