"""The cashier's taxpayer number (issue 26): ``user_account.tax_id``, Russia's ИНН of a person (12 digits), which
a registered register prints as the cashier's (ATOL's ``operator.vatin``, KKM-server's ``CashierVATIN``, tag 1203).
"" when none is set. The desk's role updates ``user_account`` as before (0016's grants are on the table).

Revision ID: 0037_cashier_tax_id
Revises: 0034_service_outlet
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0037_cashier_tax_id"
down_revision: str | None = "0034_service_outlet"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("tax_id", sa.String(length=12), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("tax_id")
