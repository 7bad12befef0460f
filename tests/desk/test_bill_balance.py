"""A bill's balance, read from the totals the database keeps (migration 0024), is the balance summed
from the ledger and the balance the folio shows, whatever happened on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy.exc
from alembic import command
from sqlalchemy import NullPool, create_engine, make_url, text

from desk.core.money import Money
from desk.db.engine import Database, alembic_config
from desk.ledger.bills import move_postings, open_bill, split_bill
from desk.ledger.folios import bill_balance, summed_bill_balance
from desk.ledger.models import Posting
from desk.ledger.payments import (
    RefundDirection,
    Tender,
    apply_deposit,
    refund_payment,
    reverse_company_transfer,
    take_deposit,
    take_payment,
    transfer_to_company,
    void_payment,
)
from desk.ledger.postings import (
    NEW_POSTING,
    Charge,
    charge_values,
    post_charge,
    post_service,
    reverse_posting,
    void_posting,
)
from desk.people.models import Role
from desk.stays.models import Company
from tests.desk.conftest import Hotel, make_hotel
from tests.pg_server import PgServer

DESK_ROLE = "desk_app"


def _agrees(hotel: Hotel, folio_id: int) -> None:
    view = hotel.view(folio_id)
    for bill in view.bills:
        kept, summed = hotel.query(bill_balance, bill.bill.id), hotel.query(summed_bill_balance, bill.bill.id)
        assert kept == summed == bill.balance, bill.bill.id


def test_the_sum_in_the_database_is_the_folio_balance_through_moves_reversals_refunds_and_voids(
        hotel: Hotel) -> None:
    hotel = hotel.as_role(Role.MANAGER)
    stay = hotel.stay()
    second = hotel.run(open_bill, stay.folio_id, payer_name="Company").id
    _agrees(hotel, stay.folio_id)  # nothing on either bill: zero
    room = hotel.run(post_charge, bill_id=stay.bill_id, description="Room", quantity=2,
                     unit_price=hotel.money("100.05"))
    beer = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    water = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    _agrees(hotel, stay.folio_id)
    hotel.run(reverse_posting, beer.id, reason="not drunk")  # a negative copy on the same bill
    _agrees(hotel, stay.folio_id)
    # Moved away, back, and away again: only the last move counts, on both bills.
    hotel.run(move_postings, [room.id, water.id], second)
    hotel.run(move_postings, [room.id], stay.bill_id)
    hotel.run(move_postings, [room.id], second)
    _agrees(hotel, stay.folio_id)
    assert hotel.query(bill_balance, second) == hotel.money("203.60")
    paid = hotel.run(take_payment, second, Tender("cash", hotel.money("150.00")))
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("40.00")))
    hotel.run(apply_deposit, second, hotel.money("25.00"))
    _agrees(hotel, stay.folio_id)
    refund = hotel.run(refund_payment, paid.id, hotel.money("10.00"))
    _agrees(hotel, stay.folio_id)
    hotel.run(void_payment, refund.id, reason="given in cash by mistake", approval=hotel.approval())
    _agrees(hotel, stay.folio_id)
    hotel.run(void_payment, paid.id, reason="wrong bill", approval=hotel.approval())
    _agrees(hotel, stay.folio_id)
    assert hotel.query(bill_balance, second) == hotel.money("178.60")
    # An overpaid bill owes less than nothing.
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("9.00")), allow_overpay=True)
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("-9.00")
    _agrees(hotel, stay.folio_id)


def _company(hotel: Hotel, name: str) -> int:
    with hotel.database.writing() as session:
        company = Company(name=name, search_name=name.lower())
        session.add(company)
        session.flush()
        return company.id


def test_the_kept_totals_follow_every_kind_of_ledger_write(hotel: Hotel) -> None:
    hotel = hotel.as_role(Role.MANAGER)
    stay = hotel.stay()
    folios = [stay.folio_id]

    def agrees() -> None:
        for folio_id in folios:
            _agrees(hotel, folio_id)

    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    beer = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    room = hotel.run(post_charge, bill_id=stay.bill_id, description="Room", quantity=3,
                     unit_price=hotel.money("89.99"))
    agrees()
    hotel.run(void_posting, beer.id, reason="wrong room", approval=hotel.approval())
    agrees()
    split = hotel.run(split_bill, stay.bill_id, [spa.id], payer_name="Spa guest")
    agrees()
    hotel.run(move_postings, [spa.id], stay.bill_id)  # and back: the latest move counts
    agrees()
    # A posting written as the POS service writes its checks, past the ORM.
    with hotel.database.writing() as session:
        values = charge_values(session, actor=hotel.actor, folio_id=stay.folio_id, bill_id=split.id,
                               charge=Charge("Restaurant", 1, hotel.money("27.40"), source="pos"))
        session.connection().execute(NEW_POSTING, values)
    agrees()
    paid = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("100.00")))
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("60.00")))
    hotel.run(apply_deposit, split.id, hotel.money("20.00"))
    agrees()
    hotel.run(refund_payment, paid.id, hotel.money("30.00"), direction=RefundDirection.DEPOSIT)
    refund = hotel.run(refund_payment, paid.id, hotel.money("10.00"))
    hotel.run(void_payment, refund.id, reason="given in cash by mistake", approval=hotel.approval())
    agrees()
    transfer = hotel.run(transfer_to_company, split.id, _company(hotel, "ACME"))
    folios.append(hotel.query(lambda s: s.get_one(Posting, transfer.company_posting_id).folio_id))
    agrees()
    hotel.run(reverse_company_transfer, transfer.id, reason="the company refused", approval=hotel.approval())
    agrees()
    assert hotel.query(bill_balance, split.id) == hotel.money("7.40")
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("35.00") + room.amount - hotel.money("70.00")


def test_an_upgraded_hotel_starts_with_the_totals_of_its_ledger(sqlite_url: str) -> None:
    hotel = make_hotel(sqlite_url).as_role(Role.MANAGER)
    stay = hotel.stay()
    second = hotel.run(open_bill, stay.folio_id, payer_name="Company").id
    spa = hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    hotel.run(move_postings, [spa.id], second)
    hotel.run(take_payment, second, Tender("cash", hotel.money("20.00")))
    hotel.run(take_deposit, stay.folio_id, Tender("cash", hotel.money("40.00")))
    expected = {bill: hotel.query(summed_bill_balance, bill) for bill in (stay.bill_id, second)}
    hotel.database.dispose()
    engine = create_engine(sqlite_url, poolclass=NullPool)
    command.downgrade(alembic_config(engine), "0023_open_intents")  # as a hotel was before the totals
    command.upgrade(alembic_config(engine), "head")
    engine.dispose()
    database = Database(sqlite_url)
    try:
        with database.unit_of_work() as session:
            assert {bill: bill_balance(session, bill) for bill in expected} == expected
    finally:
        database.dispose()
    assert expected[second] == Money.of("15.00", "EUR")


@pytest.fixture(scope="module")
def desk_role_hotel(pg_server: PgServer) -> Iterator[Hotel]:
    """A hotel migrated by the owner and used as the desk role, as workstations connect."""
    owner_url = pg_server.create_database("t_bill_totals")
    Database(owner_url).dispose()
    with pg_server.connect() as dba:
        dba.execute(f"ALTER ROLE {DESK_ROLE} LOGIN")
    hotel = make_hotel(make_url(owner_url).set(username=DESK_ROLE).render_as_string(hide_password=False))
    yield hotel
    hotel.database.dispose()


def test_the_desk_role_keeps_the_totals_by_its_postings_but_cannot_write_them(desk_role_hotel: Hotel) -> None:
    hotel = desk_role_hotel.as_role(Role.CASHIER)
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")  # the triggers run as the owner
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("5.00")))
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("30.00") == hotel.query(summed_bill_balance,
                                                                                          stay.bill_id)
    for sql in (f"UPDATE bill_total SET paid = paid + 3000 WHERE bill_id = {stay.bill_id}",
                f"DELETE FROM bill_total WHERE bill_id = {stay.bill_id}",
                f"INSERT INTO bill_total (bill_id, currency, charges, paid, entries) VALUES ({stay.bill_id}, 'USD', "
                "0, 1, 1)",
                "TRUNCATE bill_total"):
        with pytest.raises(sqlalchemy.exc.ProgrammingError, match="permission denied for table bill_total"), \
                hotel.database.engine.begin() as connection:
            connection.execute(text(sql))
    assert hotel.query(bill_balance, stay.bill_id) == hotel.money("30.00")
