"""An invoiced bill is closed to postings (issue 27), and a company has an e-mail address.

``bill_invoicing``: a bill closed by an invoice, or opened again by the credit note that credited the
invoice in full; its latest row is its standing. Append-only as the ledger's tables are (0039 guards
``invoice`` the same way); the desk's role gets SELECT and INSERT by default (0016). Bills already on
an invoice not credited in full are closed by it here, so the rule holds for invoices issued before.

``company.email``: where the company's invoices and folios are e-mailed; empty for none.

Revision ID: 0050_invoiced_bills_email
Revises: 0049_mail_kind_credit_default
"""

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

from desk.core.types import UtcDateTime

revision: str = "0050_invoiced_bills_email"
down_revision: str | None = "0049_mail_kind_credit_default"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "the ledger is append-only: record a reversal instead"
TABLE = "bill_invoicing"
NUMBER_DIGITS = 10  # as desk.invoices.issuing numbers invoices


def upgrade() -> None:
    op.add_column("company", sa.Column("email", sa.String(length=254), nullable=False, server_default=""))
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=20), nullable=False),
        sa.Column("reopened_by", sa.String(length=20), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["bill_id"], ["bill.id"], name=op.f("fk_bill_invoicing_bill_id_bill")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill_invoicing")),
    )
    op.create_index(op.f("ix_bill_invoicing_bill_id"), TABLE, ["bill_id"])
    _close_bills_of_standing_invoices()
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        # ledger_append_only() and ledger_no_truncate() come from 0002 and 0003_guard.
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {TABLE}_no_{action.lower()} BEFORE {action} ON {TABLE} "
                       "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()")
        op.execute(f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_truncate()")
    elif dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {TABLE}_no_{action.lower()} BEFORE {action} ON {TABLE} "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        op.execute(f"CREATE TRIGGER {TABLE}_keeps_id BEFORE INSERT ON {TABLE} "
                   f"WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id) "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({TABLE} id taken)'); END")


def _amount(money_text: str) -> Decimal:
    return Decimal(money_text.split()[-1])  # MoneyType's "EUR 12.50"


def _close_bills_of_standing_invoices() -> None:
    connection = op.get_bind()
    credited: dict[int, Decimal] = defaultdict(Decimal)
    for invoice_id, amount in connection.execute(text(
            "SELECT credited_invoice_id, total FROM invoice WHERE credited_invoice_id IS NOT NULL")):
        credited[invoice_id] += _amount(amount)
    rows = connection.execute(text(
        "SELECT b.bill_id, i.id, i.number, i.total FROM invoice_bill b JOIN invoice i ON i.id = b.invoice_id "
        "ORDER BY b.id")).all()
    for bill_id, invoice_id, number, amount in rows:
        if _amount(amount) > credited[invoice_id]:
            connection.execute(text(f"INSERT INTO {TABLE} (bill_id, invoice_number, reopened_by, created_at) "
                                    "VALUES (:bill, :number, '', CURRENT_TIMESTAMP)"),
                               {"bill": bill_id, "number": f"{number:0{NUMBER_DIGITS}d}"})


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in ("no_update", "no_delete", "no_truncate", "keeps_id"):
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{name} ON {TABLE}")
        elif dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{name}")
    op.drop_table(TABLE)
    with op.batch_alter_table("company") as batch:
        batch.drop_column("email")
