"""Indexes a big hotel's hot queries need, found by planning them on its statistics (issue 23).

The journal's intents are looked up by bill: every payment asks whether a card payment on its bill
is still unresolved, and without an index that question read every intent of five years. The
walk-in folios get an index of their own, newest first, so the main window's search never reads
every folio to find them.

Revision ID: 0022_journal_bill_index
Revises: 0020_pos_refund
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_journal_bill_index"
down_revision: str | None = "0020_pos_refund"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


WALK_INS = "walk_in_name IS NOT NULL"


def upgrade() -> None:
    op.create_index("ix_journal_intent_bill_id", "journal_intent", ["bill_id"])
    op.drop_index("ix_folio_walk_in_name", table_name="folio")
    op.create_index("ix_folio_walk_ins", "folio", ["id"], sqlite_where=sa.text(WALK_INS),
                    postgresql_where=sa.text(WALK_INS))


def downgrade() -> None:
    op.drop_index("ix_folio_walk_ins", table_name="folio")
    op.create_index("ix_folio_walk_in_name", "folio", ["walk_in_name"])
    op.drop_index("ix_journal_intent_bill_id", table_name="journal_intent")
