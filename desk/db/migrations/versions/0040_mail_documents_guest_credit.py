"""The outbox carries any document (a folio, a bill, later an invoice), kept as the PDF that was sent;
a reservation may have a credit limit.

An e-receipt row keeps naming its receipt request; another document's row names its kind and id and
holds the PDF, subject and text made when the clerk queued it. The desk's role already may insert and
update ``mail_outbox`` (0016's default privileges cover the new columns).

``reservation.credit_limit``: how much the guest may owe before the desk says so (none: no limit), set
by a manager (desk.stays.credit), as ``company.credit_limit`` is for a company (0027).

Revision ID: 0040_mail_documents_guest_credit
Revises: 0039_invoices
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk.core.types import MoneyType

revision: str = "0040_mail_documents_guest_credit"
down_revision: str | None = "0039_invoices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mail_outbox") as batch:
        batch.alter_column("receipt_request_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("document_kind", sa.String(length=16), nullable=False, server_default="receipt"))
        batch.add_column(sa.Column("document_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("folio_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=False, server_default=""))
        batch.add_column(sa.Column("subject", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("body", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("filename", sa.String(length=120), nullable=False, server_default=""))
        batch.add_column(sa.Column("pdf", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("queued_by", sa.String(length=40), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_mail_outbox_document_id"), ["document_id"])
        batch.create_index(batch.f("ix_mail_outbox_folio_id"), ["folio_id"])
    # A plain ADD COLUMN: a batch would rebuild the table on SQLite and drop its stay-change trigger (0028).
    op.add_column("reservation", sa.Column("credit_limit", MoneyType(), nullable=True))


def downgrade() -> None:
    op.drop_column("reservation", "credit_limit")
    op.execute("DELETE FROM mail_outbox WHERE receipt_request_id IS NULL")
    with op.batch_alter_table("mail_outbox") as batch:
        batch.drop_index(batch.f("ix_mail_outbox_folio_id"))
        batch.drop_index(batch.f("ix_mail_outbox_document_id"))
        for column in ("queued_by", "pdf", "filename", "body", "subject", "language", "folio_id", "document_id",
                       "document_kind"):
            batch.drop_column(column)
        batch.alter_column("receipt_request_id", existing_type=sa.Integer(), nullable=False)
