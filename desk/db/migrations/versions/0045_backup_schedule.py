"""Where the scheduled backups go and how many are kept (issue 24): one row, set by a manager.

``backup_schedule`` holds the folder ``desk backup --scheduled`` (the systemd timer in
packaging/systemd) writes to and how many of its backups are kept; older ones are removed after
each new one is written and read back. The desk's role reads and inserts it (0016's default
privileges) and updates it: a manager changes the folder or the count from any desk.

Revision ID: 0045_backup_schedule
Revises: 0044_pos_map_city_tax_rules
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0045_backup_schedule"
down_revision: str | None = "0044_pos_map_city_tax_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "backup_schedule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("folder", sa.String(500), nullable=False),
        sa.Column("keep", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_backup_schedule"),
    )
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        role = os.environ.get("DESK_DB_DESK_ROLE") or "desk_app"
        if re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role) and connection.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
            op.execute(f"GRANT UPDATE ON backup_schedule TO {role}")


def downgrade() -> None:
    op.drop_table("backup_schedule")
