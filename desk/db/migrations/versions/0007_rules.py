"""A company-account payment points at the charge it moved to the company's folio.

Transfers recorded before this revision stay unlinked (only their texts relate them): they can no
longer be refunded or voided as payments, and are reversed by hand.

The new column is a unique key of the payment table: on SQLite, 0003_guard's BEFORE INSERT trigger
that refuses ``INSERT OR REPLACE`` over a taken key is recreated to cover it too.

Revision ID: 0007_rules
Revises: 0004_auth
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_rules"
down_revision: str | None = "0008_shift"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "the ledger is append-only: record a reversal instead"
# The payment table's unique keys before and after this revision (see 0003_guard).
KEYS_BEFORE = ("id", "voids_id")
KEYS_AFTER = ("id", "voids_id", "company_posting_id")


def _refuse_replace(keys: Sequence[str]) -> None:
    taken = " OR ".join(f"{key} = NEW.{key}" for key in keys)
    op.execute("DROP TRIGGER IF EXISTS payment_no_replace")
    op.execute(
        "CREATE TRIGGER payment_no_replace BEFORE INSERT ON payment "
        f"WHEN EXISTS (SELECT 1 FROM payment WHERE {taken}) "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


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
    if op.get_bind().dialect.name == "sqlite":
        _refuse_replace(KEYS_AFTER)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # The trigger names the column: drop it before the column goes.
        op.execute("DROP TRIGGER IF EXISTS payment_no_replace")
    op.drop_index("ix_payment_company_posting_id", table_name="payment")
    with op.batch_alter_table("payment") as batch:
        batch.drop_column("company_posting_id")
    if dialect == "sqlite":
        # The batch rebuilt the table without its triggers: put the append-only guard back.
        for action in ("UPDATE", "DELETE"):
            op.execute(f"DROP TRIGGER IF EXISTS payment_no_{action.lower()}")
            op.execute(f"CREATE TRIGGER payment_no_{action.lower()} BEFORE {action} ON payment "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        _refuse_replace(KEYS_BEFORE)
