"""The POS service: keys (hashed), settings, payment-code mapping, posted checks, replayed answers.

Revision ID: 0006_pos
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_pos"
down_revision: str | None = "0004_auth"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pos_key",
        sa.Column("name", sa.String(24), primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("outlet_code", sa.String(16), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(40), nullable=True),
        sa.ForeignKeyConstraint(["outlet_code"], ["outlet.code"], name="fk_pos_key_outlet_code_outlet"),
        sa.PrimaryKeyConstraint("name", name="pk_pos_key"),
        sa.UniqueConstraint("key_hash", name="uq_pos_key_key_hash"),
    )
    op.create_table(
        "pos_setting",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_pos_setting"),
    )
    op.create_table(
        "pos_payment_code",
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("meaning", sa.String(16), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_pos_payment_code"),
    )
    op.create_table(
        "pos_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pos_name", sa.String(24), nullable=False),
        sa.Column("check_id", sa.String(40), nullable=False),
        sa.Column("check_number", sa.String(40), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("reservation_id", sa.Integer(), nullable=False),
        sa.Column("guest_id", sa.Integer(), nullable=False),
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.Column("postings", sa.Integer(), nullable=False),
        sa.Column("amount", sa.String(40), nullable=False),
        sa.Column("meaning", sa.String(16), nullable=False),
        sa.Column("after_checkout", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["reservation_id"], ["reservation.id"], name="fk_pos_check_reservation_id_reservation"),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], name="fk_pos_check_guest_id_guest"),
        sa.ForeignKeyConstraint(["bill_id"], ["bill.id"], name="fk_pos_check_bill_id_bill"),
        sa.PrimaryKeyConstraint("id", name="pk_pos_check"),
        sa.UniqueConstraint("pos_name", "check_id", name="uq_pos_check_pos_name_check_id"),
    )
    op.create_index("ix_pos_check_reservation_id", "pos_check", ["reservation_id"])
    op.create_table(
        "pos_request",
        sa.Column("pos_name", sa.String(24), nullable=False),
        sa.Column("idempotency_key", sa.String(80), nullable=False),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("pos_name", "idempotency_key", name="pk_pos_request"),
    )


def downgrade() -> None:
    op.drop_table("pos_request")
    op.drop_index("ix_pos_check_reservation_id", table_name="pos_check")
    op.drop_table("pos_check")
    op.drop_table("pos_payment_code")
    op.drop_table("pos_setting")
    op.drop_table("pos_key")
