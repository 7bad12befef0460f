"""The outbox keeps a failed e-mail's kind of failure beside the server's own words, so each window words
it in its reader's language instead of showing the English sentence the sender thread wrote.

``mail_outbox.error_kind``: refused, authentication, timeout, certificate, recipient or other; empty
for rows failed before (their ``last_error`` is the English sentence, shown as it is). The desk's role
already may update ``mail_outbox`` (0016's grants cover a new column).

Revision ID: 0049_mail_error_kind
Revises: 0044_pos_map_city_tax_rules
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0049_mail_error_kind"
down_revision: str | None = "0044_pos_map_city_tax_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch would rebuild the table on SQLite, for nothing.
    op.add_column("mail_outbox", sa.Column("error_kind", sa.String(length=16), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("mail_outbox") as batch:
        batch.drop_column("error_kind")
