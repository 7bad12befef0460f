"""A name search walks the newest stays first without reading every stay the prefix names (issue 23).

``stay_search_term`` holds each guest's two search keys (``search_name``, ``search_first_last``) on
each of their stays, with the stay's arrival; its primary key (term, arrival, stay, guest) is the
search itself, so the newest page of a common prefix ("ber": 8,000 stays in five years) is read
from one index without a reservation or a guest row. Triggers keep it through every way a stay's
guests, a guest's keys or a stay's arrival change; the program never writes it. On PostgreSQL the
triggers' functions run as the tables' owner (SECURITY DEFINER) and the desk's role may only read
it, as 0023 does for the open intents.

The room and company searches get indexes that serve their order too: (room_id, arrival) and
(company_id, arrival) replace the single-column ones, which they also serve.

Revision ID: 0025_search_terms
Revises: 0024_bill_totals
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0025_search_terms"
down_revision: str | None = "0024_bill_totals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As 0016_desk_role names the desk's role.
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"

COLUMNS = "INSERT INTO stay_search_term (term, arrival, reservation_id, guest_id) "


def _link_terms(reservation: str, guest: str) -> str:
    """Both keys of one guest on one stay (one row when they are the same, as for a single name)."""
    return COLUMNS + " UNION ".join(
        f"SELECT g.{key}, r.arrival, r.id, g.id FROM guest g, reservation r "
        f"WHERE g.id = {guest} AND r.id = {reservation}"
        for key in ("search_name", "search_first_last")
    ) + ";"


RENAMED_GUEST = (
    "DELETE FROM stay_search_term WHERE guest_id = OLD.id; "
    + COLUMNS + " UNION ".join(
        f"SELECT NEW.{key}, r.arrival, r.id, NEW.id FROM reservation_guest rg "
        f"JOIN reservation r ON r.id = rg.reservation_id WHERE rg.guest_id = NEW.id"
        for key in ("search_name", "search_first_last")
    ) + ";"
)
UNLINKED = "DELETE FROM stay_search_term WHERE reservation_id = OLD.reservation_id AND guest_id = OLD.guest_id;"
# name, table, event, when (a condition on OLD and NEW, or None), body
TRIGGERS = (
    ("stay_guest_adds_terms", "reservation_guest", "INSERT", None, _link_terms("NEW.reservation_id", "NEW.guest_id")),
    ("stay_guest_removes_terms", "reservation_guest", "DELETE", None, UNLINKED),
    ("stay_guest_moves_terms", "reservation_guest", "UPDATE OF reservation_id, guest_id", None,
     UNLINKED + " " + _link_terms("NEW.reservation_id", "NEW.guest_id")),
    ("guest_renames_terms", "guest", "UPDATE OF search_name, search_first_last",
     "NEW.search_name <> OLD.search_name OR NEW.search_first_last <> OLD.search_first_last", RENAMED_GUEST),
    ("stay_arrival_moves_terms", "reservation", "UPDATE OF arrival", "NEW.arrival <> OLD.arrival",
     "UPDATE stay_search_term SET arrival = NEW.arrival WHERE reservation_id = NEW.id;"),
)
ORDERED_INDEXES = (("reservation", "room_id"), ("reservation", "company_id"))


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    search_text = sa.String(length=170).with_variant(sa.String(length=170, collation="C"), "postgresql")
    op.create_table(
        "stay_search_term",
        sa.Column("term", search_text, nullable=False),
        sa.Column("arrival", sa.Date(), nullable=False),
        sa.Column("reservation_id", sa.Integer(), nullable=False),
        sa.Column("guest_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["reservation_id"], ["reservation.id"],
                                name="fk_stay_search_term_reservation_id_reservation"),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], name="fk_stay_search_term_guest_id_guest"),
        sa.PrimaryKeyConstraint("term", "arrival", "reservation_id", "guest_id", name="pk_stay_search_term"),
    )
    # What a trigger deletes or moves by: one stay's or one guest's rows.
    op.create_index("ix_stay_search_term_reservation_id", "stay_search_term", ["reservation_id"])
    op.create_index("ix_stay_search_term_guest_id", "stay_search_term", ["guest_id"])
    op.execute(COLUMNS + " UNION ".join(
        f"SELECT g.{key}, r.arrival, r.id, g.id FROM reservation_guest rg "
        f"JOIN reservation r ON r.id = rg.reservation_id JOIN guest g ON g.id = rg.guest_id"
        for key in ("search_name", "search_first_last")
    ))
    for table, column in ORDERED_INDEXES:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
        op.create_index(f"ix_{table}_{column}_arrival", table, [column, "arrival"])

    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for name, table, event, when, body in TRIGGERS:
            condition = f" WHEN {when}" if when else ""
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table}{condition} BEGIN {body} END")
        return
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    for name, table, event, when, body in TRIGGERS:
        op.execute(f'CREATE FUNCTION "{schema}".{name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER '
                   f'SET search_path = "{schema}" AS $$ BEGIN {body} RETURN NULL; END $$')
        op.execute(f'REVOKE ALL ON FUNCTION "{schema}".{name}() FROM PUBLIC')
        condition = f" WHEN ({when})" if when else ""
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{condition} "
                   f"EXECUTE FUNCTION {name}()")
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        op.execute(f'REVOKE ALL ON "{schema}".stay_search_term FROM {role}')
        op.execute(f'GRANT SELECT ON "{schema}".stay_search_term TO {role}')


def downgrade() -> None:
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    for name, table, _event, _when, _body in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else f" ON {table}"))
        if not sqlite:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    for table, column in ORDERED_INDEXES:
        op.drop_index(f"ix_{table}_{column}_arrival", table_name=table)
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.drop_index("ix_stay_search_term_guest_id", table_name="stay_search_term")
    op.drop_index("ix_stay_search_term_reservation_id", table_name="stay_search_term")
    op.drop_table("stay_search_term")
