"""Bulgarian unique sale numbers (УНП) without gaps (issue 26): ``sale_number``, one row per number given.

Each sale receipt's journal intent takes the next sequence of its printer's serial and operator code in the
intent's own transaction, the register's ``cash_register`` row locked first; until now the sequence was the
intent's id, which every other journal intent also consumed. The table is append-only as the ledger's are:
UPDATE, DELETE (and TRUNCATE, and on SQLite a replacing INSERT through a unique key) are refused. The desk's
role gets SELECT and INSERT by default (0016), which is all it needs.

Revision ID: 0046_sale_numbers
Revises: 0045_backup_schedule
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk.core.types import UtcDateTime

revision: str = "0046_sale_numbers"
down_revision: str | None = "0045_backup_schedule"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "sale_number"
MESSAGE = "the ledger is append-only: record a reversal instead"
# Each unique key, as 0015_key_guards guards them on SQLite.
GUARDED_KEYS = ("id", "key")


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_code", sa.String(length=16), nullable=False),
        sa.Column("serial", sa.String(length=16), nullable=False),
        sa.Column("operator", sa.String(length=4), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("taken_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["register_code"], ["cash_register.code"],
                                name=op.f("fk_sale_number_register_code_cash_register")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_number")),
        sa.UniqueConstraint("key", name=op.f("uq_sale_number_key")),
        sa.UniqueConstraint("serial", "operator", "sequence", name=op.f("uq_sale_number_serial_operator_sequence")),
    )
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
        for column in GUARDED_KEYS:
            op.execute(f"CREATE TRIGGER {TABLE}_keeps_{column} BEFORE INSERT ON {TABLE} "
                       f"WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE {column} = NEW.{column}) "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({TABLE} {column} taken)'); END")
        op.execute(f"CREATE TRIGGER {TABLE}_keeps_serial_operator_sequence BEFORE INSERT ON {TABLE} "
                   f"WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE serial = NEW.serial AND operator = NEW.operator "
                   f"AND sequence = NEW.sequence) "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({TABLE} serial, operator, sequence taken)'); END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in ("no_update", "no_delete", "no_truncate", "keeps_id", "keeps_key", "keeps_serial_operator_sequence"):
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{name} ON {TABLE}")
        elif dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{name}")
    op.drop_table(TABLE)
