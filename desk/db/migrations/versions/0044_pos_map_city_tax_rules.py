"""A POS check's lines post as the hotel's services: per outlet, a till's item or category code
names a service, and an outlet's default service takes the lines nobody mapped.

``pos_item_map`` is a setting a manager edits (the desk's role may change and delete its rows);
each change is recorded in ``admin_change``. ``pos_check.unmapped_lines`` counts the lines of a
check that went to the default service (or to no service at all), so that the revenue report can
say which checks need a mapping: a check is never refused for it.

City tax rules: besides its amount per guest and night, a city tax setting may charge a percentage
of the room night (``percent_of_rate``) and leave children under an age out
(``child_age_under``); a guest records a birth date and a reason the city tax does not apply to
them (``city_tax_exemption``, e.g. disabled, on duty).

Reservation import: ``imported_reservation`` and ``imported_guest`` name the reservation and the
guest another system's external id stands for, so that a re-import updates and never duplicates. Columns added in place: SQLite rebuilds no
table, so no trigger is lost, and the desk role's grants on both tables cover them.

Revision ID: 0044_pos_map_city_tax_rules
Revises: 0040_mail_documents_guest_credit
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0044_pos_map_city_tax_rules"
down_revision: str | None = "0040_mail_documents_guest_credit"
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


_SQLITE_COLUMNS = (
    "ALTER TABLE pos_check ADD COLUMN unmapped_lines INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE city_tax ADD COLUMN percent_of_rate VARCHAR(40) NOT NULL DEFAULT '0'",
    "ALTER TABLE city_tax ADD COLUMN child_age_under INTEGER",
    "ALTER TABLE guest ADD COLUMN birth_date DATE",
    "ALTER TABLE guest ADD COLUMN city_tax_exemption VARCHAR(80) NOT NULL DEFAULT ''",
)


def upgrade() -> None:
    op.create_table(
        "pos_item_map",
        sa.Column("outlet_code", sa.String(16), sa.ForeignKey("outlet.code", name="fk_pos_item_map_outlet_code_outlet"),
                  nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("pos_code", sa.String(40), nullable=False),
        sa.Column("service_code", sa.String(24),
                  sa.ForeignKey("service.code", name="fk_pos_item_map_service_code_service"), nullable=False),
        sa.PrimaryKeyConstraint("outlet_code", "kind", "pos_code", name="pk_pos_item_map"),
    )
    for table, column, target in (("imported_reservation", "reservation_id", "reservation"),
                                  ("imported_guest", "guest_id", "guest")):
        op.create_table(
            table,
            sa.Column("external_id", sa.String(64), nullable=False),
            sa.Column(column, sa.Integer(), sa.ForeignKey(f"{target}.id", name=f"fk_{table}_{column}_{target}"),
                      nullable=False),
            sa.PrimaryKeyConstraint("external_id", name=f"pk_{table}"),
            sa.UniqueConstraint(column, name=f"uq_{table}_{column}"),
        )
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_COLUMNS:
            op.execute(statement)
        return
    op.add_column("pos_check", sa.Column("unmapped_lines", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("city_tax", sa.Column("percent_of_rate", sa.Numeric(6, 3), nullable=False, server_default="0"))
    op.add_column("city_tax", sa.Column("child_age_under", sa.Integer(), nullable=True))
    op.add_column("guest", sa.Column("birth_date", sa.Date(), nullable=True))
    op.add_column("guest", sa.Column("city_tax_exemption", sa.String(80), nullable=False, server_default=""))
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        for table in ("pos_item_map", "imported_reservation", "imported_guest"):
            op.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{schema}".{table} TO {role}')


def downgrade() -> None:
    for table, column in (("guest", "city_tax_exemption"), ("guest", "birth_date"), ("city_tax", "child_age_under"),
                          ("city_tax", "percent_of_rate"), ("pos_check", "unmapped_lines")):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
    op.drop_table("pos_item_map")
    op.drop_table("imported_guest")
    op.drop_table("imported_reservation")
