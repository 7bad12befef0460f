"""Catalogue names per language: services, payment methods, room types, outlets, tax rates...

Revision ID: 0005_names
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_names"
down_revision: str | None = "0003_guard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "name_translation",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("code", sa.String(length=160), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("text", sa.String(length=160), nullable=False),
        sa.PrimaryKeyConstraint("kind", "code", "language", name=op.f("pk_name_translation")),
    )


def downgrade() -> None:
    op.drop_table("name_translation")
