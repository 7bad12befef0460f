"""A company-account payment points at the charge it moved to the company's folio.

Transfers recorded before this revision stay unlinked (only their texts relate them): they can no
longer be refunded or voided as payments, and are reversed by hand.

Revision ID: 0007_rules
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_rules"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of the table would drop its append-only triggers.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE payment ADD COLUMN company_posting_id INTEGER "
                   "CONSTRAINT fk_payment_company_posting_id_posting REFERENCES posting (id)")
    else:
        op.add_column(
            "payment",
            sa.Column("company_posting_id", sa.Integer(),
                      sa.ForeignKey("posting.id", name="fk_payment_company_posting_id_posting"), nullable=True),
        )
    op.create_index("ix_payment_company_posting_id", "payment", ["company_posting_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_payment_company_posting_id", table_name="payment")
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("payment") as batch:
        batch.drop_column("company_posting_id")
    if dialect == "sqlite":
        # The batch rebuilt the table without its triggers: put the append-only guard back.
        message = "the ledger is append-only: record a reversal instead"
        for action in ("UPDATE", "DELETE"):
            op.execute(f"DROP TRIGGER IF EXISTS payment_no_{action.lower()}")
            op.execute(f"CREATE TRIGGER payment_no_{action.lower()} BEFORE {action} ON payment "
                       f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
