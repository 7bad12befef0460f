"""What each bill adds up to, kept by triggers: a payment checks what the bill owes in one read,
not by summing every posting of a long stay (issue 23).

``bill_total`` holds, per bill and currency, the sum of the postings now on the bill (charges), the
sum of its payments' base amounts (paid), both in whole minor units, and how many of those there
are (entries). The ledger is append-only, so three AFTER INSERT triggers keep it exact:

- a posting adds its amount to the bill it is posted on (a reversal or void is a negative posting);
- a move takes the posting's amount off the bill the posting was on (its latest earlier move's
  target, or the bill it was posted on) and adds it to the bill it moves to;
- a payment on a bill (not the deposit account) adds its base amount to what the bill was paid.

A Money's text is ``"EUR 12.50"`` with exactly the currency's digits after the point, so the digits
without the point are the amount in minor units: the sum is exact, never a float. The program
never writes the table. On PostgreSQL the triggers' functions run as the tables' owner (SECURITY
DEFINER) and the desk's role may only SELECT it, as for 0023's ``journal_open``.

Revision ID: 0024_bill_totals
Revises: 0023_open_intents
"""

import os
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision: str = "0024_bill_totals"
down_revision: str | None = "0023_open_intents"
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


def _sqlite_currency(money: str) -> str:
    return f"substr({money}, 1, instr({money}, ' ') - 1)"


def _sqlite_minor(money: str) -> str:
    return f"CAST(replace(substr({money}, instr({money}, ' ') + 1), '.', '') AS INTEGER)"


def _pg_currency(money: str) -> str:
    return f"split_part({money}, ' ', 1)"


def _pg_minor(money: str) -> str:
    return f"CAST(replace(split_part({money}, ' ', 2), '.', '') AS BIGINT)"


def _backfill(currency: str, minor: str) -> str:
    """Every bill's totals from the ledger as it stands: a posting counts on its latest move's bill."""
    current_bill = ("COALESCE((SELECT m.to_bill_id FROM posting_move m WHERE m.posting_id = p.id "
                    "ORDER BY m.id DESC LIMIT 1), p.bill_id)")
    return (
        "INSERT INTO bill_total (bill_id, currency, charges, paid, entries) "
        "SELECT bill_id, currency, SUM(charges), SUM(paid), COUNT(*) FROM ("
        f"SELECT {current_bill} AS bill_id, {currency.format(m='p.amount')} AS currency, "
        f"{minor.format(m='p.amount')} AS charges, 0 AS paid FROM posting p "
        "UNION ALL "
        f"SELECT y.bill_id, {currency.format(m='y.base_amount')}, 0, {minor.format(m='y.base_amount')} "
        "FROM payment y WHERE y.bill_id IS NOT NULL"
        ") AS entry GROUP BY bill_id, currency"
    )


def upgrade() -> None:
    op.create_table(
        "bill_total",
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("charges", sa.BigInteger(), nullable=False),
        sa.Column("paid", sa.BigInteger(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["bill_id"], ["bill.id"], name="fk_bill_total_bill_id_bill"),
        sa.PrimaryKeyConstraint("bill_id", "currency", name="pk_bill_total"),
    )
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _postgresql_upgrade(connection)


def _sqlite_upgrade() -> None:
    op.execute(_backfill(_sqlite_currency("{m}"), _sqlite_minor("{m}")))
    amount = "(SELECT p.amount FROM posting p WHERE p.id = NEW.posting_id)"
    previous_bill = ("COALESCE((SELECT m.to_bill_id FROM posting_move m WHERE m.posting_id = NEW.posting_id "
                     "AND m.id < NEW.id ORDER BY m.id DESC LIMIT 1), "
                     "(SELECT p.bill_id FROM posting p WHERE p.id = NEW.posting_id))")
    op.execute(
        "CREATE TRIGGER posting_adds_to_bill_total AFTER INSERT ON posting BEGIN "
        "INSERT INTO bill_total (bill_id, currency, charges, paid, entries) "
        f"VALUES (NEW.bill_id, {_sqlite_currency('NEW.amount')}, {_sqlite_minor('NEW.amount')}, 0, 1) "
        "ON CONFLICT (bill_id, currency) DO UPDATE SET charges = charges + excluded.charges, "
        "entries = entries + 1; END")
    op.execute(
        "CREATE TRIGGER posting_move_moves_bill_total AFTER INSERT ON posting_move BEGIN "
        f"UPDATE bill_total SET charges = charges - {_sqlite_minor(amount)}, entries = entries - 1 "
        f"WHERE bill_id = {previous_bill} AND currency = {_sqlite_currency(amount)}; "
        "INSERT INTO bill_total (bill_id, currency, charges, paid, entries) "
        f"VALUES (NEW.to_bill_id, {_sqlite_currency(amount)}, {_sqlite_minor(amount)}, 0, 1) "
        "ON CONFLICT (bill_id, currency) DO UPDATE SET charges = charges + excluded.charges, "
        "entries = entries + 1; END")
    op.execute(
        "CREATE TRIGGER payment_adds_to_bill_total AFTER INSERT ON payment WHEN NEW.bill_id IS NOT NULL BEGIN "
        "INSERT INTO bill_total (bill_id, currency, charges, paid, entries) "
        f"VALUES (NEW.bill_id, {_sqlite_currency('NEW.base_amount')}, 0, {_sqlite_minor('NEW.base_amount')}, 1) "
        "ON CONFLICT (bill_id, currency) DO UPDATE SET paid = paid + excluded.paid, "
        "entries = entries + 1; END")


def _postgresql_upgrade(connection: sa.Connection) -> None:
    op.execute(_backfill(_pg_currency("{m}"), _pg_minor("{m}")))
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    for name, declare, body in (
        ("posting_adds_to_bill_total", "",
         "INSERT INTO bill_total (bill_id, currency, charges, paid, entries) "
         f"VALUES (NEW.bill_id, {_pg_currency('NEW.amount')}, {_pg_minor('NEW.amount')}, 0, 1) "
         "ON CONFLICT (bill_id, currency) DO UPDATE SET charges = bill_total.charges + EXCLUDED.charges, "
         "entries = bill_total.entries + 1;"),
        ("posting_move_moves_bill_total", "DECLARE moved varchar; previous integer;",
         "SELECT p.amount, p.bill_id INTO moved, previous FROM posting p WHERE p.id = NEW.posting_id; "
         "previous := COALESCE((SELECT m.to_bill_id FROM posting_move m WHERE m.posting_id = NEW.posting_id "
         "AND m.id < NEW.id ORDER BY m.id DESC LIMIT 1), previous); "
         f"UPDATE bill_total SET charges = charges - {_pg_minor('moved')}, entries = entries - 1 "
         f"WHERE bill_id = previous AND currency = {_pg_currency('moved')}; "
         "INSERT INTO bill_total (bill_id, currency, charges, paid, entries) "
         f"VALUES (NEW.to_bill_id, {_pg_currency('moved')}, {_pg_minor('moved')}, 0, 1) "
         "ON CONFLICT (bill_id, currency) DO UPDATE SET charges = bill_total.charges + EXCLUDED.charges, "
         "entries = bill_total.entries + 1;"),
        ("payment_adds_to_bill_total", "",
         "IF NEW.bill_id IS NOT NULL THEN "
         "INSERT INTO bill_total (bill_id, currency, charges, paid, entries) "
         f"VALUES (NEW.bill_id, {_pg_currency('NEW.base_amount')}, 0, {_pg_minor('NEW.base_amount')}, 1) "
         "ON CONFLICT (bill_id, currency) DO UPDATE SET paid = bill_total.paid + EXCLUDED.paid, "
         "entries = bill_total.entries + 1; END IF;"),
    ):
        op.execute(f'CREATE FUNCTION "{schema}".{name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER '
                   f'SET search_path = "{schema}" AS $$ {declare} BEGIN {body} RETURN NULL; END $$')
        op.execute(f'REVOKE ALL ON FUNCTION "{schema}".{name}() FROM PUBLIC')
    for name, table in (("posting_adds_to_bill_total", "posting"),
                        ("posting_move_moves_bill_total", "posting_move"),
                        ("payment_adds_to_bill_total", "payment")):
        op.execute(f"CREATE TRIGGER {name} AFTER INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()")
    role = _desk_role()
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first():
        op.execute(f'REVOKE ALL ON "{schema}".bill_total FROM {role}')
        op.execute(f'GRANT SELECT ON "{schema}".bill_total TO {role}')


def downgrade() -> None:
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    for name, table in (("payment_adds_to_bill_total", "payment"),
                        ("posting_move_moves_bill_total", "posting_move"),
                        ("posting_adds_to_bill_total", "posting")):
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else f" ON {table}"))
        if not sqlite:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_table("bill_total")
