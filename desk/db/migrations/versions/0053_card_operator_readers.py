"""Each workstation's card reader at an online operator (issue 25, R10's terminal tokenisation).

``card_operator_reader``: at one workstation, the id of the operator's reader (a Stripe Terminal
reader) that saves a card presented to it. The desk's role reads and inserts it (0016's default
privileges) and updates and deletes it: a manager changes or clears a workstation's reader in
Settings -> Card operators.

Revision ID: 0053_card_operator_readers
Revises: 0052_ledger_chain
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0053_card_operator_readers"
down_revision: str | None = "0052_ledger_chain"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "card_operator_reader",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(40), nullable=False),
        sa.Column("reader", sa.String(80), nullable=False),
        sa.ForeignKeyConstraint(["operator_id"], ["card_operator.id"],
                                name="fk_card_operator_reader_operator_id_card_operator"),
        sa.PrimaryKeyConstraint("id", name="pk_card_operator_reader"),
        sa.UniqueConstraint("operator_id", "workstation", name="uq_card_operator_reader_workstation"),
    )
    op.create_index("ix_card_operator_reader_operator_id", "card_operator_reader", ["operator_id"])
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        role = os.environ.get("DESK_DB_DESK_ROLE") or "desk_app"
        if re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role) and connection.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
            op.execute(f"GRANT UPDATE, DELETE ON card_operator_reader TO {role}")


def downgrade() -> None:
    op.drop_table("card_operator_reader")
