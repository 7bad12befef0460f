"""Card terminals per workstation, and what they did (append-only, like the ledger).

Revision ID: 0010_cards
Revises: 0007_rules
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_cards"
down_revision: str | None = "0011_fiscal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY_KEYS = {"card_record": ("id", "intent_id")}
MESSAGE = "the ledger is append-only: record a reversal instead"


def upgrade() -> None:
    op.create_table(
        "card_terminal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("url", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("password", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_terminal")),
        sa.UniqueConstraint("workstation", "name", name=op.f("uq_card_terminal_workstation_name")),
    )
    op.create_index(op.f("ix_card_terminal_workstation"), "card_terminal", ["workstation"])
    op.create_table(
        "card_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.Enum("sale", "refund", "reversal", "pre_authorisation", "capture", "release",
                                       "expired", "end_of_day", name="cardoperationkind", native_enum=False,
                                       create_constraint=False, length=24), nullable=False),
        sa.Column("intent_id", sa.Integer(), nullable=True),
        sa.Column("folio_id", sa.Integer(), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("original_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.String(length=40), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("receipt_no", sa.Integer(), nullable=True),
        sa.Column("trace_no", sa.Integer(), nullable=True),
        sa.Column("auth_code", sa.String(length=16), nullable=False),
        sa.Column("brand", sa.String(length=40), nullable=False),
        sa.Column("masked_pan", sa.String(length=32), nullable=False),
        sa.Column("receipts", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["intent_id"], ["journal_intent.id"],
                                name=op.f("fk_card_record_intent_id_journal_intent")),
        sa.ForeignKeyConstraint(["folio_id"], ["folio.id"], name=op.f("fk_card_record_folio_id_folio")),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], name=op.f("fk_card_record_payment_id_payment")),
        sa.ForeignKeyConstraint(["original_id"], ["card_record.id"],
                                name=op.f("fk_card_record_original_id_card_record")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_record")),
        sa.UniqueConstraint("intent_id", name=op.f("uq_card_record_intent_id")),
    )
    op.create_index(op.f("ix_card_record_folio_id"), "card_record", ["folio_id"])
    op.create_index(op.f("ix_card_record_payment_id"), "card_record", ["payment_id"])
    op.create_index(op.f("ix_card_record_original_id"), "card_record", ["original_id"])

    dialect = op.get_bind().dialect.name
    for table, keys in APPEND_ONLY_KEYS.items():
        if dialect == "postgresql":
            # ledger_append_only() and ledger_no_truncate() come from 0002 and 0003_guard.
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                           "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_truncate()")
        elif dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
            taken = " OR ".join(f"{key} = NEW.{key}" for key in keys)
            op.execute(f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
                       f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {taken}) "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY_KEYS:
        for action in ("update", "delete", "truncate", "replace"):
            if dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action} ON {table}")
            elif dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    op.drop_table("card_record")
    op.drop_table("card_terminal")
