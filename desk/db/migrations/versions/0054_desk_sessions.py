"""Which workstations have someone signed in (issue 24: a restore waits until no other desk is there).

``desk_session``: one row per workstation while someone is signed in there, refreshed by its
heartbeat. Not a record of the past (the audit trail's sign-in notes are): the desk's role reads,
inserts (0016's default privileges), updates and deletes it.

Revision ID: 0054_desk_sessions
Revises: 0053_card_operator_readers
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk.core.types import UtcDateTime

revision: str = "0054_desk_sessions"
down_revision: str | None = "0053_card_operator_readers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_session",
        sa.Column("workstation", sa.String(40), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("signed_in_at", UtcDateTime(), nullable=False),
        sa.Column("last_seen", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("workstation", name="pk_desk_session"),
    )
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        role = os.environ.get("DESK_DB_DESK_ROLE") or "desk_app"
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):  # as 0052: a bad setting stops, never skips the grant
            raise ValueError(f"DESK_DB_DESK_ROLE={role!r}: a role name of lower-case letters, digits and _ only")
        if connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
            op.execute(f"GRANT UPDATE, DELETE ON desk_session TO {role}")


def downgrade() -> None:
    op.drop_table("desk_session")
