"""The posting's partial index of its external refs kept on SQLite only.

On PostgreSQL the posting's unique constraint already answers ``external_ref = ?`` (its planner has no
trouble with the NULLs) and enforces the same uniqueness: the partial index was a second uniqueness
check and a second index write on every posting, the busiest table. SQLite keeps it for its planner's
statistics (migration 0064).

Revision ID: 0065_posting_ref_index
Revises: 0064_lookup_indexes
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0065_posting_ref_index"
down_revision: str | None = "0064_lookup_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_posting_external_ref", table_name="posting")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_posting_external_ref", "posting", ["external_ref"], unique=True,
                        postgresql_where=sa.text("external_ref IS NOT NULL"))
