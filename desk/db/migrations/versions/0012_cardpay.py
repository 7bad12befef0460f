"""Card terminals: whether the terminal prints its own slips, and whether the desk prints the merchant copy.

Revision ID: 0012_cardpay
Revises: 0010_cards
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_cardpay"
down_revision: str | None = "0010_cards"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("card_terminal") as table:
        table.add_column(sa.Column("own_printer", sa.Boolean(), nullable=False, server_default=sa.false()))
        table.add_column(sa.Column("merchant_copy", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("card_terminal") as table:
        table.drop_column("merchant_copy")
        table.drop_column("own_printer")
