"""Mail settings keep a sealed SMTP password (the key lives outside the database) and a hotel CA.

Revision ID: 0014_smtp
Revises: 0010_cards
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_smtp"
down_revision: str | None = "0012_cardpay"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mail_settings") as batch:
        batch.add_column(sa.Column("password_sealed", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("key_id", sa.String(length=16), nullable=False, server_default=""))
        batch.add_column(sa.Column("ca_pem", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("mail_settings") as batch:
        batch.drop_column("ca_pem")
        batch.drop_column("key_id")
        batch.drop_column("password_sealed")
