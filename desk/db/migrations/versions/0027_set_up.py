"""A hotel set up without the demo (issue 24): its time zone, users who must choose their own
password, and the record of every administrator's change.

- ``hotel.time_zone``: the IANA zone the hotel's day follows.
- ``user_account.must_change_secret``: the password was set by someone else (the set-up, a reset);
  the user chooses their own at the next sign-in.
- ``admin_change``: who changed which user, service, outlet... and when. The desk's role gets
  SELECT and INSERT on it only (0016's default privileges for new tables): a desk adds to the
  record and cannot rewrite it.

Revision ID: 0027_set_up
Revises: 0023_open_intents
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_set_up"
down_revision: str | None = "0023_open_intents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("hotel") as batch:
        batch.add_column(sa.Column("time_zone", sa.String(64), nullable=False, server_default=""))
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("must_change_secret", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "admin_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("workstation", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("summary", sa.String(400), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_admin_change"),
    )
    op.create_index("ix_admin_change_kind_code", "admin_change", ["kind", "code"])


def downgrade() -> None:
    op.drop_index("ix_admin_change_kind_code", table_name="admin_change")
    op.drop_table("admin_change")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("must_change_secret")
    with op.batch_alter_table("hotel") as batch:
        batch.drop_column("time_zone")
