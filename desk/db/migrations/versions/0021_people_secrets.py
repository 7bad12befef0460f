"""People and secrets (issue 22): a user may be deactivated, and a card terminal's password is
kept sealed, never in clear.

- ``user_account.active``: False refuses the user's sign-in and every action of a session they
  have open (the runner reads it at each action).
- ``card_terminal.password_sealed`` and ``key_id`` replace ``password``: sealed with the key file
  of the computer that runs this upgrade (``desk.core.sealed``), which must then be copied to the
  workstations with terminals, as for the mail password.

Revision ID: 0021_people_secrets
Revises: 0016_desk_role
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_people_secrets"
down_revision: str | None = "0016_desk_role"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

def upgrade() -> None:
    from desk.core import sealed

    connection = op.get_bind()
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))

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

    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("active")
