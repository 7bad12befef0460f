"""The hotel's business day and the night audit (issue 24).

- ``business_day``: one row per business day opened; the latest is the hotel's business date.
  Postings take their business date from it, and the night audit adds the next day's row.
- ``night_audit``: who started the audit of which day, over which open items, and why.
- ``night_charge``: one row per (reservation, night, kind) the audit charged, with the posting it
  made. Its primary key is what keeps a night charged once, however often the audit is run or
  killed: a second charge of the same night cannot commit.
- ``city_tax``: the city tax per guest and night, from a date on (a hotel setting).

The desk's role may read and add rows to these tables on PostgreSQL, never change or delete them:
the default privileges of 0016_desk_role grant SELECT and INSERT on every new table.

Revision ID: 0029_business_day
Revises: 0028_stays
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029_business_day"
down_revision: str | None = "0028_stays"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "business_day",
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("business_date", name="pk_business_day"),
    )
    op.create_table(
        "night_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(40), nullable=False),
        sa.Column("workstation", sa.String(40), nullable=False),
        sa.Column("reason", sa.String(240), nullable=False),
        sa.Column("open_items", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_night_audit"),
    )
    op.create_index("ix_night_audit_business_date", "night_audit", ["business_date"])
    op.create_table(
        "night_charge",
        sa.Column("reservation_id", sa.Integer(), nullable=False),
        sa.Column("night", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["reservation_id"], ["reservation.id"],
                                name="fk_night_charge_reservation_id_reservation"),
        sa.ForeignKeyConstraint(["posting_id"], ["posting.id"], name="fk_night_charge_posting_id_posting"),
        sa.PrimaryKeyConstraint("reservation_id", "night", "kind", name="pk_night_charge"),
        sa.UniqueConstraint("posting_id", name="uq_night_charge_posting_id"),
    )
    op.create_table(
        "city_tax",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("service_code", sa.String(24), nullable=False),
        sa.Column("per_person_night", sa.String(40), nullable=False),
        sa.Column("set_by", sa.String(40), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["service_code"], ["service.code"], name="fk_city_tax_service_code_service"),
        sa.PrimaryKeyConstraint("valid_from", name="pk_city_tax"),
    )


def downgrade() -> None:
    op.drop_table("city_tax")
    op.drop_table("night_charge")
    op.drop_index("ix_night_audit_business_date", table_name="night_audit")
    op.drop_table("night_audit")
    op.drop_table("business_day")
