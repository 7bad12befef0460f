"""The journal of device operations and cash shifts; both append-only, like the ledger.

Revision ID: 0008_shift
Revises: 0003_guard
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_shift"
down_revision: str | None = "0006_pos"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each new append-only table with its unique keys (see 0003_guard: SQLite's REPLACE goes through any).
APPEND_ONLY_KEYS = {
    "journal_intent": ("id", "key"),
    "journal_event": ("id", "outcome_of"),
    "cash_shift": ("id",),
    "shift_cash_move": ("id",),
    "shift_payment": ("id", "payment_id"),
    "shift_close": ("id", "shift_id"),
    "shift_count": ("id",),
}
MESSAGE = "the ledger is append-only: record a reversal instead"


def upgrade() -> None:
    op.create_table(
        "journal_intent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("folio_id", sa.Integer(), nullable=True),
        sa.Column("bill_id", sa.Integer(), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.String(length=40), nullable=True),
        sa.Column("request", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["folio_id"], ["folio.id"], name=op.f("fk_journal_intent_folio_id_folio")),
        sa.ForeignKeyConstraint(["bill_id"], ["bill.id"], name=op.f("fk_journal_intent_bill_id_bill")),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], name=op.f("fk_journal_intent_payment_id_payment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_intent")),
        sa.UniqueConstraint("key", name=op.f("uq_journal_intent_key")),
    )
    op.create_index(op.f("ix_journal_intent_workstation"), "journal_intent", ["workstation"])
    op.create_index(op.f("ix_journal_intent_folio_id"), "journal_intent", ["folio_id"])
    op.create_index(op.f("ix_journal_intent_payment_id"), "journal_intent", ["payment_id"])
    op.create_table(
        "journal_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("intent_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("outcome_of", sa.Integer(), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["intent_id"], ["journal_intent.id"],
                                name=op.f("fk_journal_event_intent_id_journal_intent")),
        sa.ForeignKeyConstraint(["outcome_of"], ["journal_intent.id"],
                                name=op.f("fk_journal_event_outcome_of_journal_intent")),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], name=op.f("fk_journal_event_payment_id_payment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_event")),
        sa.UniqueConstraint("outcome_of", name=op.f("uq_journal_event_outcome_of")),
    )
    op.create_index(op.f("ix_journal_event_intent_id"), "journal_event", ["intent_id"])

    op.create_table(
        "cash_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("opened_by", sa.String(length=40), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_shift")),
        sa.UniqueConstraint("workstation", "number", name=op.f("uq_cash_shift_workstation_number")),
    )
    op.create_table(
        "shift_cash_move",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("float", "cash_in", "cash_out", name="shiftmovekind", native_enum=False,
                                  create_constraint=False, length=24), nullable=False),
        sa.Column("amount", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=240), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["cash_shift.id"], name=op.f("fk_shift_cash_move_shift_id_cash_shift")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_cash_move")),
    )
    op.create_index(op.f("ix_shift_cash_move_shift_id"), "shift_cash_move", ["shift_id"])
    op.create_table(
        "shift_payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["cash_shift.id"], name=op.f("fk_shift_payment_shift_id_cash_shift")),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], name=op.f("fk_shift_payment_payment_id_payment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_payment")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_shift_payment_payment_id")),
    )
    op.create_index(op.f("ix_shift_payment_shift_id"), "shift_payment", ["shift_id"])
    op.create_table(
        "shift_close",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("closed_by", sa.String(length=40), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("z_report_pdf", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["cash_shift.id"], name=op.f("fk_shift_close_shift_id_cash_shift")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_close")),
        sa.UniqueConstraint("shift_id", name=op.f("uq_shift_close_shift_id")),
    )
    op.create_table(
        "shift_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("counted", sa.String(length=40), nullable=False),
        sa.Column("expected", sa.String(length=40), nullable=False),
        sa.Column("difference", sa.String(length=40), nullable=False),
        sa.Column("denominations", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["cash_shift.id"], name=op.f("fk_shift_count_shift_id_cash_shift")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_count")),
        sa.UniqueConstraint("shift_id", "currency", name=op.f("uq_shift_count_shift_id_currency")),
    )
    op.create_index(op.f("ix_shift_count_shift_id"), "shift_count", ["shift_id"])

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
            # NULL keys never collide (outcome_of is NULL on most events).
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
    for table in ("shift_count", "shift_close", "shift_payment", "shift_cash_move", "cash_shift",
                  "journal_event", "journal_intent"):
        op.drop_table(table)
