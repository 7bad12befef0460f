"""The outbox keeps a failed e-mail's kind of failure beside the server's own words, so each window words
it in its reader's language instead of showing the English sentence the sender thread wrote.

``mail_outbox.error_kind``: refused, authentication, timeout, certificate, recipient or other; empty
for rows failed before (their ``last_error`` is the English sentence, shown as it is). The desk's role
already may update ``mail_outbox`` (0016's grants cover a new column).

``hotel.default_credit_limit``: the credit limit a new reservation gets (none: no limit), set by a
manager (desk.stays.credit); a reservation's own ``credit_limit`` (0040) stays what it was given.

Revision ID: 0049_mail_kind_credit_default
Revises: 0047_report_indexes
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk.core.types import MoneyType

revision: str = "0049_mail_kind_credit_default"
down_revision: str | None = "0047_report_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch would rebuild the table on SQLite, for nothing.
    op.add_column("mail_outbox", sa.Column("error_kind", sa.String(length=16), nullable=False, server_default=""))
    op.add_column("hotel", sa.Column("default_credit_limit", MoneyType(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hotel") as batch:
        batch.drop_column("default_credit_limit")
    with op.batch_alter_table("mail_outbox") as batch:
        batch.drop_column("error_kind")
