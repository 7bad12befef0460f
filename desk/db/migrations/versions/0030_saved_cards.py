"""Saved cards and online card operators (issue 25).

- ``card_operator``: the hotel's account at an operator (Stripe, ...), its secret key sealed.
- ``saved_card``: a token, masked number, brand, expiry and holder, never the card number; it is
  updated once, when the operator deleted the token (``deleted_at``).
- ``card_record.reference``: the operator's own reference of an online operation (a PaymentIntent).

Tables made after 0016_desk_role get only SELECT and INSERT for the desk's role by default: the
rights to change the two settings tables are granted here.

Revision ID: 0030_saved_cards
Revises: 0029_business_day
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0030_saved_cards"
down_revision: str | None = "0029_business_day"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As 0016_desk_role names the desk's role.
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    op.create_table(
        "card_operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("operator", sa.String(20), nullable=False),
        sa.Column("account", sa.String(80), nullable=False),
        sa.Column("api_base", sa.String(200), nullable=False),
        sa.Column("currencies", sa.String(200), nullable=False),
        sa.Column("secret_sealed", sa.Text(), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("key_prefix", sa.String(16), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_card_operator"),
        sa.UniqueConstraint("name", name="uq_card_operator_name"),
    )
    op.create_table(
        "saved_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(80), nullable=False),
        sa.Column("customer", sa.String(80), nullable=False),
        sa.Column("masked_pan", sa.String(32), nullable=False),
        sa.Column("brand", sa.String(40), nullable=False),
        sa.Column("expiry", sa.String(7), nullable=False),
        sa.Column("holder", sa.String(160), nullable=False),
        sa.Column("reservation_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("delete_after", sa.Date(), nullable=False),
        sa.Column("intent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["operator_id"], ["card_operator.id"], name="fk_saved_card_operator_id_card_operator"),
        sa.ForeignKeyConstraint(["reservation_id"], ["reservation.id"], name="fk_saved_card_reservation_id_reservation"),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"], name="fk_saved_card_company_id_company"),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name="fk_saved_card_event_id_event"),
        sa.ForeignKeyConstraint(["intent_id"], ["journal_intent.id"], name="fk_saved_card_intent_id_journal_intent"),
        sa.PrimaryKeyConstraint("id", name="pk_saved_card"),
        sa.UniqueConstraint("token", name="uq_saved_card_token"),
        sa.UniqueConstraint("intent_id", name="uq_saved_card_intent_id"),
    )
    for column in ("operator_id", "reservation_id", "company_id", "event_id"):
        op.create_index(f"ix_saved_card_{column}", "saved_card", [column])
    # Not batch_alter_table: on SQLite that rebuilds the table and drops its append-only guards.
    op.add_column("card_record", sa.Column("reference", sa.String(64), nullable=False, server_default=""))
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        op.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{schema}".card_operator TO {role}')
        op.execute(f'GRANT SELECT, INSERT, UPDATE ON "{schema}".saved_card TO {role}')


def downgrade() -> None:
    op.drop_column("card_record", "reference")
    op.drop_table("saved_card")
    op.drop_table("card_operator")
