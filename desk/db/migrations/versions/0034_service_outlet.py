"""A service belongs to an outlet (or to none): the desk's postings of it say where it was sold.

A nullable column with its foreign key, added in place on both databases (SQLite accepts a
REFERENCES clause on ADD COLUMN when the default is NULL; no table is rebuilt, so no trigger is
lost). The desk role's grants on ``service`` cover the new column.

Revision ID: 0034_service_outlet
Revises: 0032_admin_change_append_only
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0034_service_outlet"
down_revision: str | None = "0032_admin_change_append_only"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE service ADD COLUMN outlet_code VARCHAR(16) REFERENCES outlet (code)")
        return
    op.add_column("service", sa.Column("outlet_code", sa.String(16), nullable=True))
    op.create_foreign_key("service_outlet_code_fkey", "service", "outlet", ["outlet_code"], ["code"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE service DROP COLUMN outlet_code")
        return
    op.drop_constraint("service_outlet_code_fkey", "service", type_="foreignkey")
    op.drop_column("service", "outlet_code")
