"""People and secrets (issue 22): a user may be deactivated, a payment carries the key of the
Apply that made it, and a card terminal's password is kept sealed, never in clear.

- ``user_account.active``: False refuses the user's sign-in and every action of a session they
  have open (the runner reads it at each action).
- ``payment.idempotency_key``: unique, so an Apply retried after its commit's reply was lost finds
  the payment it made instead of paying twice. On SQLite it gets its guard against a replacing
  insert, as every unique key of an append-only table (0015_key_guards).
- ``card_terminal.password_sealed`` and ``key_id`` replace ``password``: sealed with the key file
  of the computer that runs this upgrade (``desk.core.sealed``), which must then be copied to the
  workstations with terminals, as for the mail password.

Revision ID: 0021_people_secrets
Revises: 0018_register_printer
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_people_secrets"
down_revision: str | None = "0018_register_printer"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_GUARD = "payment_keeps_idempotency_key"
MESSAGE = "the ledger is append-only: record a reversal instead (payment idempotency_key taken)"


def upgrade() -> None:
    from desk.core import sealed

    connection = op.get_bind()
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))

    with op.batch_alter_table("payment") as batch:
        batch.add_column(sa.Column("idempotency_key", sa.String(length=64), nullable=True))
    op.create_index("ix_payment_idempotency_key", "payment", ["idempotency_key"], unique=True)
    if connection.dialect.name == "sqlite":
        op.execute(
            f'CREATE TRIGGER "{KEY_GUARD}" BEFORE INSERT ON "payment" '
            'WHEN EXISTS (SELECT 1 FROM "payment" WHERE "idempotency_key" = NEW."idempotency_key") '
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")

    with op.batch_alter_table("card_terminal") as batch:
        batch.add_column(sa.Column("password_sealed", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("key_id", sa.String(length=16), nullable=False, server_default=""))
    terminals = sa.table("card_terminal", sa.column("id", sa.Integer), sa.column("password", sa.String),
                         sa.column("password_sealed", sa.Text), sa.column("key_id", sa.String))
    for terminal_id, clear in connection.execute(sa.select(terminals.c.id, terminals.c.password)).all():
        if clear:
            made = sealed.seal(clear)
            connection.execute(terminals.update().where(terminals.c.id == terminal_id).values(
                password_sealed=made.token, key_id=made.key_id))
    with op.batch_alter_table("card_terminal") as batch:
        batch.drop_column("password")


def downgrade() -> None:
    from desk.core import sealed

    connection = op.get_bind()
    with op.batch_alter_table("card_terminal") as batch:
        batch.add_column(sa.Column("password", sa.String(length=8), nullable=False, server_default="000000"))
    terminals = sa.table("card_terminal", sa.column("id", sa.Integer), sa.column("password", sa.String),
                         sa.column("password_sealed", sa.Text), sa.column("key_id", sa.String))
    rows = connection.execute(sa.select(terminals.c.id, terminals.c.password_sealed, terminals.c.key_id)).all()
    for terminal_id, token, key_id in rows:
        if token:
            connection.execute(terminals.update().where(terminals.c.id == terminal_id).values(
                password=sealed.unseal(sealed.Sealed(token, key_id))))
    with op.batch_alter_table("card_terminal") as batch:
        batch.drop_column("key_id")
        batch.drop_column("password_sealed")

    if connection.dialect.name == "sqlite":
        op.execute(f'DROP TRIGGER IF EXISTS "{KEY_GUARD}"')
    op.drop_index("ix_payment_idempotency_key", table_name="payment")
    with op.batch_alter_table("payment") as batch:
        batch.drop_column("idempotency_key")

    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("active")
