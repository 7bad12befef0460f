"""The record of administrators' changes is append-only in the database too, as the ledger is.

``admin_change`` (0027_set_up) was kept only by the desk role's grants on PostgreSQL; on SQLite any
client could rewrite who changed what. Its UPDATE, DELETE (and on SQLite REPLACE, on PostgreSQL
TRUNCATE) are refused as 0008_shift refuses them on the journal's tables.

Revision ID: 0032_admin_change_append_only
Revises: 0031_register_kinds
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0032_admin_change_append_only"
down_revision: str | None = "0031_register_kinds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "admin_change"
MESSAGE = "the ledger is append-only: record a reversal instead"


def upgrade() -> None:
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
        # A replacing insert through its one unique key, as 0015_key_guards guards every such key.
        op.execute(f"CREATE TRIGGER {TABLE}_keeps_id BEFORE INSERT ON {TABLE} "
                   f"WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id) "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({TABLE} id taken)'); END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for action in ("no_update", "no_delete", "no_truncate", "keeps_id"):
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{action} ON {TABLE}")
        elif dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{action}")
