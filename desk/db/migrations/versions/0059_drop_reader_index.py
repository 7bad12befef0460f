"""Drop ``ix_card_operator_reader_operator_id``: the unique constraint on (operator_id, workstation) already
serves every look-up by operator (its leading column), and each index is one more write on every change.

Revision ID: 0059_drop_reader_index
Revises: 0054_desk_sessions
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0059_drop_reader_index"
down_revision: str | None = "0054_desk_sessions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_card_operator_reader_operator_id", table_name="card_operator_reader")


def downgrade() -> None:
    op.create_index("ix_card_operator_reader_operator_id", "card_operator_reader", ["operator_id"])
