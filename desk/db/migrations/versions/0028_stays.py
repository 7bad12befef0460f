"""Room types, guests' documents, and what a reservation's changes record (issue 24).

- ``room_type``: a kind of room with its default rate and beds. Rooms keep their type's code in
  ``room.room_type`` (its names per language were already keyed by it); each code in use becomes a
  type here, its rate zero until a manager sets one, its beds the most any room of it has.
- ``room.clean``: housekeeping (a check-out leaves the room dirty); every room starts clean.
- ``reservation.room_type`` (the type booked), ``cancel_reason`` and ``changed_by`` (who made the
  last change); ``guest_document`` (a guest's identity documents as the desk records them).
- ``stay_change`` gains the room moved from and to and who changed the reservation: the trigger of
  0003_guard now fills them, so a room move is in the log with the clerk who made it.

On PostgreSQL the desk's role may edit room types and documents (default privileges give only
SELECT and INSERT on new tables).

Revision ID: 0028_stays
Revises: 0027_set_up
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0028_stays"
down_revision: str | None = "0027_set_up"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As 0016_desk_role names the desk's role.
ROLE_SETTING = "DESK_DB_DESK_ROLE"
DEFAULT_ROLE = "desk_app"

_ROOM = "CASE WHEN OLD.room_id IS NOT DISTINCT FROM NEW.room_id THEN NULL ELSE (SELECT number FROM room WHERE id = {}) END"
_SQLITE_ROOM = "CASE WHEN OLD.room_id IS NEW.room_id THEN NULL ELSE (SELECT number FROM room WHERE id = {}) END"
_LOG = ("INSERT INTO stay_change (reservation_id, from_room, to_room, changed_by) "
        "VALUES (NEW.id, {from_room}, {to_room}, NEW.changed_by);")


def _desk_role() -> str:
    role = os.environ.get(ROLE_SETTING) or DEFAULT_ROLE
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError(f"{ROLE_SETTING}={role!r}: a role name of lower-case letters, digits and _ only")
    return role


def upgrade() -> None:
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    op.create_table(
        "room_type",
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("default_rate", sa.String(40), nullable=False),
        sa.Column("beds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_room_type"),
    )
    currency = connection.execute(text("SELECT base_currency FROM hotel ORDER BY id LIMIT 1")).scalar()
    if currency is not None:
        op.execute(text("INSERT INTO room_type (code, name, default_rate, beds) "
                        "SELECT room_type, room_type, :zero, MAX(beds) FROM room GROUP BY room_type")
                   .bindparams(zero=f"{currency} 0.00"))
    op.add_column("room", sa.Column("clean", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.create_index("ix_room_room_type", "room", ["room_type"])
    op.add_column("reservation", sa.Column("room_type", sa.String(40), nullable=True))
    op.add_column("reservation", sa.Column("cancel_reason", sa.String(240), server_default="", nullable=False))
    op.add_column("reservation", sa.Column("changed_by", sa.String(40), nullable=True))
    op.execute("UPDATE reservation SET room_type = (SELECT room_type FROM room WHERE room.id = reservation.room_id)")
    op.create_table(
        "guest_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guest_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], name="fk_guest_document_guest_id_guest"),
        sa.PrimaryKeyConstraint("id", name="pk_guest_document"),
    )
    op.create_index("ix_guest_document_guest_id", "guest_document", ["guest_id"])
    op.add_column("stay_change", sa.Column("from_room", sa.String(10), nullable=True))
    op.add_column("stay_change", sa.Column("to_room", sa.String(10), nullable=True))
    op.add_column("stay_change", sa.Column("changed_by", sa.String(40), nullable=True))
    if sqlite:
        op.execute("DROP TRIGGER reservation_logs_change")
        body = _LOG.format(from_room=_SQLITE_ROOM.format("OLD.room_id"), to_room=_SQLITE_ROOM.format("NEW.room_id"))
        op.execute(f"CREATE TRIGGER reservation_logs_change AFTER UPDATE ON reservation BEGIN {body} END")
        return
    body = _LOG.format(from_room=_ROOM.format("OLD.room_id"), to_room=_ROOM.format("NEW.room_id"))
    op.execute("CREATE OR REPLACE FUNCTION log_stay_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN {body} RETURN NULL; END $$")
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        for table in ("room_type", "guest_document"):
            op.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{schema}".{table} TO {role}')


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        op.execute("DROP TRIGGER reservation_logs_change")
        op.execute("CREATE TRIGGER reservation_logs_change AFTER UPDATE ON reservation "
                   "BEGIN INSERT INTO stay_change (reservation_id) VALUES (NEW.id); END")
    else:
        op.execute("CREATE OR REPLACE FUNCTION log_stay_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN INSERT INTO stay_change (reservation_id) VALUES (NEW.id); RETURN NULL; END $$")
    for column in ("changed_by", "to_room", "from_room"):
        op.drop_column("stay_change", column)
    op.drop_index("ix_guest_document_guest_id", table_name="guest_document")
    op.drop_table("guest_document")
    for column in ("changed_by", "cancel_reason", "room_type"):
        op.drop_column("reservation", column)
    op.drop_index("ix_room_room_type", table_name="room")
    op.drop_column("room", "clean")
    op.drop_table("room_type")
