"""Drop the indexes a unique constraint on the same table already serves: each one's column leads that constraint's
index, which answers every look-up it did, and each costs one more write on every insert and update.

Revision ID: 0063_drop_redundant_indexes
Revises: 0061_catalogue_stamp
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0063_drop_redundant_indexes"
down_revision: str | None = "0061_catalogue_stamp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, index, its columns): each served by the unique constraint named after it.
DROPPED = (
    ("card_terminal", "ix_card_terminal_workstation", ["workstation"]),  # by (workstation, name)
    ("shift_count", "ix_shift_count_shift_id", ["shift_id"]),  # by (shift_id, currency)
    ("workstation_printer", "ix_workstation_printer_workstation", ["workstation"]),  # by (workstation, name)
    ("fiscal_document", "ix_fiscal_document_register_code", ["register_code"]),  # by (register_code, number)
    ("fiscal_document", "ix_fiscal_document_payment_id", ["payment_id"]),  # by (payment_id, kind)
    ("register_document", "ix_register_document_payment_id", ["payment_id"]),  # by (payment_id, kind)
)


def upgrade() -> None:
    for table, index, _columns in DROPPED:
        op.drop_index(index, table_name=table)


def downgrade() -> None:
    for table, index, columns in DROPPED:
        op.create_index(index, table, columns)
