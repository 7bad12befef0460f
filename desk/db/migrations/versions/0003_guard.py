"""Close the holes in the append-only guard, and log stay updates for the change poll.

- SQLite: ``INSERT OR REPLACE`` (and ``REPLACE INTO``) deletes the row in its way without firing
  the delete trigger (recursive_triggers is off). A BEFORE INSERT trigger refuses an insert whose
  primary key, or any other unique key, is already taken, before the replace can happen.
- PostgreSQL: row-level triggers do not see TRUNCATE; a statement-level BEFORE TRUNCATE trigger
  on every ledger table refuses it (TRUNCATE ... CASCADE from a parent table reaches them too).
- ``stay_change`` gets a row for every update of a reservation, so the change poll reads only
  indexed maxima (see desk.db.changes).

Revision ID: 0003_guard
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_guard"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each ledger table with its unique keys: any of them taken makes REPLACE delete an existing row.
LEDGER_KEYS = {
    "posting": ("id", "external_ref", "reverses_id"),
    "posting_item": ("id",),
    "posting_move": ("id",),
    "payment": ("id", "voids_id"),
    "receipt_request": ("id",),
}
MESSAGE = "the ledger is append-only: record a reversal instead"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table, keys in LEDGER_KEYS.items():
            taken = " OR ".join(f"{key} = NEW.{key}" for key in keys)
            op.execute(
                f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
                f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {taken}) "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION ledger_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
        )
        for table in LEDGER_KEYS:
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION ledger_no_truncate()"
            )

    op.create_table(
        "stay_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reservation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["reservation_id"], ["reservation.id"],
                                name=op.f("fk_stay_change_reservation_id_reservation")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stay_change")),
    )
    if dialect == "sqlite":
        op.execute(
            "CREATE TRIGGER reservation_logs_change AFTER UPDATE ON reservation "
            "BEGIN INSERT INTO stay_change (reservation_id) VALUES (NEW.id); END"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION log_stay_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN INSERT INTO stay_change (reservation_id) VALUES (NEW.id); RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER reservation_logs_change AFTER UPDATE ON reservation "
            "FOR EACH ROW EXECUTE FUNCTION log_stay_change()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS reservation_logs_change")
        for table in LEDGER_KEYS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_replace")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS reservation_logs_change ON reservation")
        op.execute("DROP FUNCTION IF EXISTS log_stay_change()")
        for table in LEDGER_KEYS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS ledger_no_truncate()")
    op.drop_table("stay_change")
