"""A hotel set up without the demo (issue 24): its time zone, users who must choose their own
password, and the record of every administrator's change.

- ``hotel.time_zone``: the IANA zone the hotel's day follows.
- ``user_account.must_change_secret``: the password was set by someone else (the set-up, a reset);
  the user chooses their own at the next sign-in.
- ``exchange_rate``: a currency's rate from a date on, typed or imported (the ECB's daily file); a
  payment converts at the rate valid on its date.
- ``company.credit_limit``: how much a company may owe, as agreed with it (none: no limit).
- ``admin_change``: who changed which user, service, outlet... and when. The desk's role gets
  SELECT and INSERT on it only (0016's default privileges for new tables): a desk adds to the
  record and cannot rewrite it.

Revision ID: 0027_set_up
Revises: 0025_search_terms
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk.core.types import ExactDecimal, MoneyType

revision: str = "0027_set_up"
down_revision: str | None = "0025_search_terms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("hotel") as batch:
        batch.add_column(sa.Column("time_zone", sa.String(64), nullable=False, server_default=""))
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("credit_limit", MoneyType(), nullable=True))
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
    op.create_table(
        "exchange_rate",
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("rate", ExactDecimal(precision=18, scale=8), nullable=False),
        sa.Column("source", sa.String(24), nullable=False),
        sa.PrimaryKeyConstraint("currency", "valid_from", name="pk_exchange_rate"),
    )
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        # A dated rate is replaced when a manager types it again for the same day (or a file is imported
        # twice): the desk's role updates it, never deletes (0016's defaults grant SELECT and INSERT).
        role = os.environ.get("DESK_DB_DESK_ROLE") or "desk_app"
        if re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role) and connection.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
            op.execute(f"GRANT UPDATE ON exchange_rate TO {role}")


def downgrade() -> None:
    op.drop_table("exchange_rate")
    op.drop_index("ix_admin_change_kind_code", table_name="admin_change")
    op.drop_table("admin_change")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("must_change_secret")
    with op.batch_alter_table("company") as batch:
        batch.drop_column("credit_limit")
    with op.batch_alter_table("hotel") as batch:
        batch.drop_column("time_zone")
