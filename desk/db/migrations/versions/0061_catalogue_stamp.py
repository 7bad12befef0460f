"""A change log of the reservation cards' catalogues, so that a card learns they are unchanged cheaply.

``catalogue_change`` gets a row, from a trigger, for every write to the tables a card's dialogs
offer choices from (payment methods, services and their taxes, companies, cash registers, the
catalogue names): a card reloaded after a payment compares the log's highest id and its count
with those it read the catalogues at, instead of reading every catalogue row again (issue 23).
Triggers, not the writers, keep it: a catalogue loaded in bulk (an import, the demo, the bench's
big hotel) or edited by hand on the server is logged all the same.

SQLite logs each row written (it has no statement triggers); PostgreSQL each statement, TRUNCATE
included, its trigger running as the tables' owner (SECURITY DEFINER, as 0024's): the desk's role
may only read the log.

Revision ID: 0061_catalogue_stamp
Revises: 0059_drop_reader_index
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0061_catalogue_stamp"
down_revision: str | None = "0059_drop_reader_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As desk.hotel.models.CATALOGUE_TABLES: the tables whose rows a card's catalogues are built from.
CATALOGUE_TABLES = ("payment_method", "service", "tax_rate", "company", "cash_register", "name_translation")
_SQLITE_WRITES = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        "catalogue_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_change")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for table in CATALOGUE_TABLES:
            for write in _SQLITE_WRITES:
                # INSERT ... DEFAULT VALUES is not allowed in a trigger's body: the table's name is the value.
                op.execute(f"CREATE TRIGGER {table}_{write}_logs_catalogue AFTER {write.upper()} ON {table} "
                           f"BEGIN INSERT INTO catalogue_change (catalogue) VALUES ('{table}'); END")
        return
    connection = op.get_bind()
    schema = connection.execute(sa.text("SELECT current_schema()")).scalar_one()
    # As 0024's bill totals: the trigger writes as the tables' owner, the desk's role only reads the log.
    op.execute(f'CREATE FUNCTION "{schema}".log_catalogue_change() RETURNS trigger LANGUAGE plpgsql '
               f'SECURITY DEFINER SET search_path = "{schema}" AS $$ '
               "BEGIN INSERT INTO catalogue_change (catalogue) VALUES (TG_TABLE_NAME); RETURN NULL; END $$")
    op.execute(f'REVOKE ALL ON FUNCTION "{schema}".log_catalogue_change() FROM PUBLIC')
    for table in CATALOGUE_TABLES:
        op.execute(f"CREATE TRIGGER {table}_logs_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                   f'FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".log_catalogue_change()')
    role = os.environ.get("DESK_DB_DESK_ROLE") or "desk_app"
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):  # as 0052: a bad setting stops, never skips the grant
        raise ValueError(f"DESK_DB_DESK_ROLE={role!r}: a role name of lower-case letters, digits and _ only")
    if connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        op.execute(f'REVOKE ALL ON "{schema}".catalogue_change FROM {role}')
        op.execute(f'GRANT SELECT ON "{schema}".catalogue_change TO {role}')


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in CATALOGUE_TABLES:
            for write in _SQLITE_WRITES:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{write}_logs_catalogue")
    else:
        for table in CATALOGUE_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_logs_catalogue ON {table}")
        op.execute("DROP FUNCTION IF EXISTS log_catalogue_change()")
    op.drop_table("catalogue_change")
