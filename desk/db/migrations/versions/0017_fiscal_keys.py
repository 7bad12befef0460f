"""Registers' signing keys leave the database; registers print in their hotel's country's language.

Whoever could write the database could read ``fiscal_key`` and sign a forged chain with it. Each
existing secret is written here to the register's key file (desk.fiscal.keys: ``DESK_FISCAL_KEY_DIR``,
by default ``fiscal-keys`` in the configuration folder of the user who runs the upgrade, 0600 in a
0700 folder) and the table is dropped, so the chain already issued still verifies with the same key
and nothing is re-keyed. The upgrade stops, dropping nothing, when a key file already holds another
key for a register: the admin decides which is right. Where the upgrade runs elsewhere than the
workstations (PostgreSQL), the key files are copied to the workstation of each register.

The hotel gets its country (ISO 3166 alpha-2); an EU VAT number starts with it (the demo's BG...).
A register's language becomes a choice ("" follows the hotel's country): "en" was only the old
default, which no window or command could change, so it is cleared.

Revision ID: 0017_fiscal_keys
Revises: 0016_desk_role
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0017_fiscal_keys"
down_revision: str | None = "0016_desk_role"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTRIES_WITH_A_LANGUAGE = ("BG", "RU")
MESSAGE = "the ledger is append-only: record a reversal instead"


def upgrade() -> None:
    from desk.core.key_files import FISCAL_KEYS, create_key_file

    connection = op.get_bind()
    rows = connection.execute(text("SELECT register_code, secret FROM fiscal_key ORDER BY register_code")).all()
    for register_code, secret in rows:
        path = FISCAL_KEYS.path(register_code)
        kept = secret.encode("ascii")
        if create_key_file(path, lambda: kept) != kept:  # called at once, before the loop moves on
            raise RuntimeError(f"{path} holds another key than the one register {register_code}'s documents were "
                               "signed with: move it away (or put the right one there) and upgrade again")
    op.drop_table("fiscal_key")

    op.add_column("hotel", sa.Column("country", sa.String(length=2), nullable=False, server_default=""))
    for country in COUNTRIES_WITH_A_LANGUAGE:
        connection.execute(text("UPDATE hotel SET country = :country WHERE upper(substr(tax_id, 1, 2)) = :country"),
                           {"country": country})
    connection.execute(text("UPDATE cash_register SET language = '' WHERE language = 'en'"))


def downgrade() -> None:
    from desk.core.key_files import FISCAL_KEYS, read_key_file

    connection = op.get_bind()
    connection.execute(text("UPDATE cash_register SET language = 'en' WHERE language = ''"))
    with op.batch_alter_table("hotel") as batch:
        batch.drop_column("country")
    op.create_table(
        "fiscal_key",
        sa.Column("register_code", sa.String(length=16), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["register_code"], ["cash_register.code"],
                                name=op.f("fk_fiscal_key_register_code_cash_register")),
        sa.PrimaryKeyConstraint("register_code", name=op.f("pk_fiscal_key")),
    )
    codes = connection.execute(text("SELECT DISTINCT register_code FROM fiscal_document")).scalars().all()
    for code in codes:
        secret = read_key_file(FISCAL_KEYS.path(code))
        if secret is not None:
            connection.execute(text("INSERT INTO fiscal_key (register_code, secret, created_at) "
                                    "VALUES (:code, :secret, CURRENT_TIMESTAMP)"),
                               {"code": code, "secret": secret.decode("ascii")})
