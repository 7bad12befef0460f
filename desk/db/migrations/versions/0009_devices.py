"""Each workstation's printers and cash drawer, the drawer's openings, mail settings and outbox.

Revision ID: 0009_devices
Revises: 0008_shift
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_devices"
down_revision: str | None = "0007_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# drawer_opening is append-only, as the ledger (see 0003_guard and 0008_shift).
APPEND_ONLY_KEYS = {"drawer_opening": ("id", "payment_id")}
MESSAGE = "the ledger is append-only: record a reversal instead"


def upgrade() -> None:
    op.create_table(
        "workstation_printer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("url", sa.String(length=160), nullable=False),
        sa.Column("profile", sa.String(length=40), nullable=False),
        sa.Column("paper_mm", sa.Integer(), nullable=False),
        sa.Column("register_code", sa.String(length=16), nullable=True),
        sa.Column("drawer", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.String(length=40), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["register_code"], ["cash_register.code"],
                                name=op.f("fk_workstation_printer_register_code_cash_register")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workstation_printer")),
        sa.UniqueConstraint("workstation", "name", name=op.f("uq_workstation_printer_workstation_name")),
    )
    op.create_index(op.f("ix_workstation_printer_workstation"), "workstation_printer", ["workstation"])
    op.create_table(
        "drawer_opening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.Column("opened_by", sa.String(length=40), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"], name=op.f("fk_drawer_opening_payment_id_payment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drawer_opening")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_drawer_opening_payment_id")),
    )
    op.create_index(op.f("ix_drawer_opening_workstation"), "drawer_opening", ["workstation"])
    op.create_table(
        "mail_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=160), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(length=16), nullable=False),
        sa.Column("username", sa.String(length=120), nullable=False),
        sa.Column("sender", sa.String(length=120), nullable=False),
        sa.Column("changed_by", sa.String(length=40), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_settings")),
    )
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_request_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(length=240), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["receipt_request_id"], ["receipt_request.id"],
                                name=op.f("fk_mail_outbox_receipt_request_id_receipt_request")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_outbox")),
        sa.UniqueConstraint("receipt_request_id", name=op.f("uq_mail_outbox_receipt_request_id")),
    )
    op.create_index(op.f("ix_mail_outbox_next_attempt_at"), "mail_outbox", ["next_attempt_at"])

    dialect = op.get_bind().dialect.name
    for table, keys in APPEND_ONLY_KEYS.items():
        if dialect == "postgresql":
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
    for table in ("mail_outbox", "mail_settings", "drawer_opening", "workstation_printer"):
        op.drop_table(table)
