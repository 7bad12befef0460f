"""Indexes the manager's reports need on a big hotel (issue 27: a month's report in under 3 s).

A cash shift's payments are read by workstation and time, a day's payments by time: without an
index both read every payment of five years. The voids report's postings (voids, reversals and
authorised charges) are a few among millions of charges: a partial index holds only them, so it
costs nothing on the ordinary charge a sale writes.

Revision ID: 0047_report_indexes
Revises: 0046_sale_numbers
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0047_report_indexes"
down_revision: str | None = "0046_sale_numbers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As desk.ledger.models.EXCEPTIONAL_POSTING on the day this migration was written.
EXCEPTIONAL_POSTING = "(kind <> 'charge' OR authorised_by IS NOT NULL)"


def upgrade() -> None:
    op.create_index("ix_payment_workstation_created_at", "payment", ["workstation", "created_at"])
    op.create_index("ix_payment_created_at", "payment", ["created_at"])
    op.create_index("ix_posting_exceptions", "posting", ["created_at"], sqlite_where=sa.text(EXCEPTIONAL_POSTING),
                    postgresql_where=sa.text(EXCEPTIONAL_POSTING))


def downgrade() -> None:
    op.drop_index("ix_posting_exceptions", table_name="posting")
    op.drop_index("ix_payment_created_at", table_name="payment")
    op.drop_index("ix_payment_workstation_created_at", table_name="payment")
