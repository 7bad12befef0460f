"""The intents still without an outcome, kept apart by triggers: the pending operations of a
workstation are read from the few open ones, not from every intent of five years (issue 23).

``journal_open`` holds one row per intent without an outcome. A trigger adds it with the intent; a
trigger removes it with the intent's outcome event (``outcome_of``, unique: at most one). The
program never writes the table. On PostgreSQL the triggers' functions run as the tables' owner
(SECURITY DEFINER) and the desk's role may only SELECT it, so a desk cannot hide an operation
whose outcome is unknown any more than it can delete the intent itself.

Revision ID: 0023_open_intents
Revises: 0022_journal_bill_index
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0023_open_intents"
down_revision: str | None = "0022_journal_bill_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As 0016_desk_role names the desk's role.
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    op.create_table(
        "journal_open",
        sa.Column("intent_id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["intent_id"], ["journal_intent.id"], name="fk_journal_open_intent_id_journal_intent"),
        sa.PrimaryKeyConstraint("intent_id", name="pk_journal_open"),
    )
    op.create_index("ix_journal_open_workstation", "journal_open", ["workstation"])
    op.execute("INSERT INTO journal_open (intent_id, workstation) SELECT i.id, i.workstation FROM journal_intent i "
               "WHERE NOT EXISTS (SELECT 1 FROM journal_event e WHERE e.outcome_of = i.id)")
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        op.execute("CREATE TRIGGER journal_intent_opens AFTER INSERT ON journal_intent BEGIN "
                   "INSERT INTO journal_open (intent_id, workstation) VALUES (NEW.id, NEW.workstation); END")
        op.execute("CREATE TRIGGER journal_event_closes AFTER INSERT ON journal_event "
                   "WHEN NEW.outcome_of IS NOT NULL BEGIN "
                   "DELETE FROM journal_open WHERE intent_id = NEW.outcome_of; END")
        return
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    for name, body in (
        ("journal_intent_opens",
         "INSERT INTO journal_open (intent_id, workstation) VALUES (NEW.id, NEW.workstation);"),
        ("journal_event_closes",
         "IF NEW.outcome_of IS NOT NULL THEN DELETE FROM journal_open WHERE intent_id = NEW.outcome_of; END IF;"),
    ):
        op.execute(f'CREATE FUNCTION "{schema}".{name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER '
                   f'SET search_path = "{schema}" AS $$ BEGIN {body} RETURN NULL; END $$')
        op.execute(f'REVOKE ALL ON FUNCTION "{schema}".{name}() FROM PUBLIC')
    op.execute('CREATE TRIGGER journal_intent_opens AFTER INSERT ON journal_intent '
               'FOR EACH ROW EXECUTE FUNCTION journal_intent_opens()')
    op.execute('CREATE TRIGGER journal_event_closes AFTER INSERT ON journal_event '
               'FOR EACH ROW EXECUTE FUNCTION journal_event_closes()')
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        op.execute(f'REVOKE ALL ON "{schema}".journal_open FROM {role}')
        op.execute(f'GRANT SELECT ON "{schema}".journal_open TO {role}')


def downgrade() -> None:
    connection = op.get_bind()
    op.execute("DROP TRIGGER IF EXISTS journal_event_closes" + ("" if connection.dialect.name == "sqlite"
                                                              else " ON journal_event"))
    op.execute("DROP TRIGGER IF EXISTS journal_intent_opens" + ("" if connection.dialect.name == "sqlite"
                                                              else " ON journal_intent"))
    if connection.dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS journal_event_closes()")
        op.execute("DROP FUNCTION IF EXISTS journal_intent_opens()")
    op.drop_index("ix_journal_open_workstation", table_name="journal_open")
    op.drop_table("journal_open")
