"""The POS service: the refunds a till made of part of a check, so that one sent again changes nothing.

Revision ID: 0020_pos_refund
Revises: 0021_people_secrets
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_pos_refund"
down_revision: str | None = "0021_people_secrets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only ever added to: the desk role's default privileges (0016) give it SELECT and INSERT.
    op.create_table(
        "pos_refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pos_name", sa.String(24), nullable=False),
        sa.Column("check_id", sa.String(40), nullable=False),
        sa.Column("refund_id", sa.String(64), nullable=False),
        sa.Column("amount", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pos_refund"),
        sa.UniqueConstraint("pos_name", "check_id", "refund_id", name="uq_pos_refund_pos_name_check_id_refund_id"),
    )


def downgrade() -> None:
    op.drop_table("pos_refund")
