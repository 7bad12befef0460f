"""PostgreSQL: the role workstations connect as adds to the ledger and cannot rewrite it.

The owner migrates; the desk role (DESK_DB_DESK_ROLE, desk_app here) is made by migration
0016_desk_role, and the DBA's part (LOGIN) is done here as the server's superuser would.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy.exc
from sqlalchemy import make_url, text

from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_charge
from desk.people.models import Role
from desk.stays.companies import add_company
from desk.stays.reservation_card import catalogue_stamp
from tests.pg_server import PgServer

from .conftest import Hotel, make_hotel

DESK_ROLE = "desk_app"


@pytest.fixture(scope="module")
def desk_hotel(pg_server: PgServer) -> Iterator[Hotel]:
    """A hotel migrated by the owner, then set up and used as the desk role."""
    owner_url = pg_server.create_database("t_roles")
    Database(owner_url).dispose()  # desk db upgrade, as the owner
    with pg_server.connect() as dba:
        dba.execute(f"ALTER ROLE {DESK_ROLE} LOGIN")
    desk_url = make_url(owner_url).set(username=DESK_ROLE).render_as_string(hide_password=False)
    hotel = make_hotel(desk_url)
    yield hotel
    hotel.database.dispose()


def test_the_desk_role_owns_nothing_and_may_not_migrate(desk_hotel: Hotel):
    with desk_hotel.database.engine.connect() as connection:
        assert connection.execute(text("SELECT current_user")).scalar_one() == DESK_ROLE
        owned = connection.execute(text(
            "SELECT count(*) FROM pg_tables WHERE tableowner = current_user")).scalar_one()
        assert owned == 0
    with pytest.raises(sqlalchemy.exc.ProgrammingError, match="permission denied"), \
            desk_hotel.database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))


def test_the_desk_role_takes_a_payment_but_cannot_rewrite_it(desk_hotel: Hotel):
    stay = desk_hotel.stay()  # a reservation created and checked in (an UPDATE of reservation)
    desk_hotel.run(post_charge, bill_id=stay.bill_id, description="Spa", quantity=1,
                   unit_price=desk_hotel.money("30"))
    cashier = desk_hotel.as_role(Role.CASHIER).actor
    payment = Runner(desk_hotel.database).run(take_payment, cashier, stay.bill_id,
                                              Tender("cash", desk_hotel.money("30.00"))).value
    assert desk_hotel.view(stay.folio_id).balance == desk_hotel.money("0")

    refusals = {
        "ALTER TABLE payment DISABLE TRIGGER USER": "must be owner of table payment",
        "ALTER TABLE payment DISABLE TRIGGER payment_no_update": "must be owner of table payment",
        "TRUNCATE payment CASCADE": "permission denied for table payment",
        f"UPDATE payment SET amount = '0.01' WHERE id = {payment.id}": "permission denied for table payment",
        f"DELETE FROM payment WHERE id = {payment.id}": "permission denied for table payment",
        "UPDATE posting SET amount = '0.01'": "permission denied for table posting",
        "DELETE FROM fiscal_document": "permission denied for table fiscal_document",
        "DROP TRIGGER payment_no_update ON payment": "must be owner of (table|relation) payment",
    }
    # Only the key may be named in an UPDATE (PostgreSQL asks it of SELECT ... FOR UPDATE): the trigger refuses it.
    refusals[f"UPDATE payment SET id = id WHERE id = {payment.id}"] = "the ledger is append-only"
    for sql, refusal in refusals.items():
        with pytest.raises(sqlalchemy.exc.DBAPIError, match=refusal), \
                desk_hotel.database.engine.begin() as connection:
            connection.execute(text(sql))
    with desk_hotel.database.engine.connect() as connection:
        amount = connection.execute(text("SELECT amount FROM payment WHERE id = :id"), {"id": payment.id}).scalar_one()
    assert desk_hotel.money("30.00") == desk_hotel.view(stay.folio_id).payment(payment.id).payment.amount
    assert amount is not None


def test_the_desk_role_issues_an_invoice_but_cannot_rewrite_it(desk_hotel: Hotel):
    from desk.invoices.issuing import issue_invoice

    stay = desk_hotel.stay()
    desk_hotel.run(post_charge, bill_id=stay.bill_id, description="Spa", quantity=1, unit_price=desk_hotel.money("30"))
    cashier = desk_hotel.as_role(Role.CASHIER).actor
    # The series row is locked (SELECT ... FOR UPDATE) by the desk role, which 0039 allows on its key only.
    invoice = Runner(desk_hotel.database).run(issue_invoice, cashier, [stay.bill_id]).value
    assert invoice.total == desk_hotel.money("30.00")
    for sql, refusal in {
        f"UPDATE invoice SET buyer_name = 'x' WHERE id = {invoice.id}": "permission denied for table invoice",
        f"DELETE FROM invoice_bill WHERE invoice_id = {invoice.id}": "permission denied for table invoice_bill",
        "UPDATE invoice_series SET first_number = 7": "permission denied for table invoice_series",
        "UPDATE invoice_series SET id = id": "the ledger is append-only",
    }.items():
        with pytest.raises(sqlalchemy.exc.DBAPIError, match=refusal), desk_hotel.database.engine.begin() as c:
            c.execute(text(sql))


def test_the_desk_role_takes_a_sale_number_but_cannot_rewrite_it(desk_hotel: Hotel):
    from desk.fiscal.registers.erpnet import take_sale_number
    from desk.fiscal.settings import set_register
    from desk.journal.intents import IntentRequest, record_intent

    manager = desk_hotel.as_role(Role.MANAGER)
    manager.run(set_register, "FP-1", kind="erpnet", address="http://127.0.0.1:9", device_id="dt279013",
                vat_map={"20": "Б"}, workstation=manager.actor.workstation)
    cashier = desk_hotel.as_role(Role.CASHIER).actor
    request = IntentRequest(kind="fiscal_receipt", device="FP-1", key="k1", request={"receipt": "sale"})
    # The register's row is locked (SELECT ... FOR UPDATE) by the desk role, which may update cash_register.
    with desk_hotel.database.writing() as session:
        taken = take_sale_number(session, "FP-1", "DT279013", "0001", record_intent(session, cashier, request)).text
    assert taken == "DT279013-0001-0000001"
    for sql, refusal in {
        "UPDATE sale_number SET sequence = 7": "permission denied for table sale_number",
        "DELETE FROM sale_number": "permission denied for table sale_number",
    }.items():
        with pytest.raises(sqlalchemy.exc.DBAPIError, match=refusal), desk_hotel.database.engine.begin() as c:
            c.execute(text(sql))


def test_the_desk_role_changes_a_catalogue_and_its_log_follows_but_cannot_write_the_log(desk_hotel: Hotel):
    manager = desk_hotel.as_role(Role.MANAGER)
    before = desk_hotel.query(catalogue_stamp)
    manager.run(add_company, "Roles Travel", "ROLES-1")
    assert desk_hotel.query(catalogue_stamp) != before

    for statement in ("INSERT INTO catalogue_change (catalogue) VALUES ('company')", "DELETE FROM catalogue_change"):
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="permission denied"), \
                desk_hotel.database.engine.begin() as connection:
            connection.execute(text(statement))
