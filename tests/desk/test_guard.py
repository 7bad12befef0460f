"""The database refuses to rewrite or empty the ledger, whatever SQL a client sends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from desk.ledger.models import Payment, Posting
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_charge
from desk.people.models import Role

from .conftest import Hotel, make_hotel

LEDGER_TABLES = ("posting", "posting_item", "posting_move", "payment", "receipt_request")


def _paid(hotel: Hotel) -> int:
    stay = hotel.stay()
    # Paid on an empty bill: an overpayment, confirmed, by a cashier who may take it.
    return hotel.as_role(Role.CASHIER).run(take_payment, stay.bill_id, Tender("cash", hotel.money("50.00")),
                                           allow_overpay=True).id


def _row(hotel: Hotel, table: str, key: int) -> dict:
    with hotel.database.engine.connect() as connection:
        return dict(connection.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": key}).mappings().one())


def _refused(hotel: Hotel, sql: str, params: dict | None = None) -> None:
    refused = pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only")
    with refused, hotel.database.engine.begin() as connection:
        connection.execute(text(sql), params or {})


def _insert_sql(verb: str, table: str, row: dict, tail: str = "") -> str:
    columns = ", ".join(row)
    values = ", ".join(f":{c}" for c in row)
    return f"{verb} INTO {table} ({columns}) VALUES ({values}){tail}"


def test_sqlite_insert_or_replace_cannot_rewrite_a_payment(sqlite_hotel: Hotel):
    payment_id = _paid(sqlite_hotel)
    before = _row(sqlite_hotel, "payment", payment_id)
    forged = {**before, "amount": "0.01", "base_amount": "0.01"}
    _refused(sqlite_hotel, _insert_sql("INSERT OR REPLACE", "payment", forged), forged)
    _refused(sqlite_hotel, _insert_sql("REPLACE", "payment", forged), forged)
    assert _row(sqlite_hotel, "payment", payment_id) == before
    assert sqlite_hotel.view(before["folio_id"]).payment(payment_id).payment.amount == sqlite_hotel.money("50.00")


def test_sqlite_replace_through_another_unique_key_cannot_delete_a_posting(sqlite_hotel: Hotel):
    stay = sqlite_hotel.stay()
    posting = sqlite_hotel.run(post_charge, bill_id=stay.bill_id, description="Spa", quantity=1,
                               unit_price=sqlite_hotel.money("30"), external_ref="pos:1")
    before = _row(sqlite_hotel, "posting", posting.id)
    # A new id but the same idempotency key: REPLACE would delete the old row to make room.
    forged = {**before, "id": posting.id + 100, "amount": "0.01"}
    _refused(sqlite_hotel, _insert_sql("INSERT OR REPLACE", "posting", forged), forged)
    assert _row(sqlite_hotel, "posting", posting.id) == before
    with sqlite_hotel.database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM posting")).scalar_one() == 1


def test_sqlite_replace_through_a_transfers_link_cannot_delete_its_payment(sqlite_hotel: Hotel):
    from desk.ledger.payments import transfer_to_company
    from desk.ledger.postings import post_service
    from desk.stays.models import Company

    stay = sqlite_hotel.stay()
    sqlite_hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    with sqlite_hotel.database.writing() as session:
        company = Company(name="ACME", search_name="acme")
        session.add(company)
        session.flush()
        company_id = company.id
    transfer = sqlite_hotel.run(transfer_to_company, stay.bill_id, company_id)
    before = _row(sqlite_hotel, "payment", transfer.id)
    # A new id but the same company charge (0007_rules's unique key): REPLACE would delete the transfer.
    forged = {**before, "id": transfer.id + 100, "amount": "0.01", "base_amount": "0.01"}
    _refused(sqlite_hotel, _insert_sql("INSERT OR REPLACE", "payment", forged), forged)
    assert _row(sqlite_hotel, "payment", transfer.id) == before


def test_an_upsert_cannot_rewrite_a_payment(hotel: Hotel):
    payment_id = _paid(hotel)
    before = _row(hotel, "payment", payment_id)
    forged = {**before, "amount": "0.01"}
    _refused(hotel, _insert_sql("INSERT", "payment", forged, " ON CONFLICT (id) DO UPDATE SET amount = '0.01'"),
             forged)
    assert _row(hotel, "payment", payment_id) == before


def test_plain_inserts_still_work_after_the_guard(hotel: Hotel):
    payment_id = _paid(hotel)
    assert hotel.query(lambda s: s.get(Payment, payment_id)) is not None
    stay = hotel.stay()
    hotel.run(post_charge, bill_id=stay.bill_id, description="Spa", quantity=1, unit_price=hotel.money("30"),
              external_ref="pos:2")
    assert hotel.query(lambda s: s.query(Posting).count()) == 1


@pytest.fixture(scope="module")
def pg_hotel(pg_server) -> Iterator[Hotel]:
    hotel = make_hotel(pg_server.create_database("t_truncate"))
    yield hotel
    hotel.database.dispose()


@pytest.mark.parametrize("table", LEDGER_TABLES)
def test_postgresql_truncate_of_a_ledger_table_is_refused(pg_hotel: Hotel, table: str):
    payment_id = _paid(pg_hotel)
    _refused(pg_hotel, f"TRUNCATE {table} CASCADE")
    _refused(pg_hotel, "TRUNCATE bill CASCADE")  # reaches posting and payment through their keys
    assert _row(pg_hotel, "payment", payment_id)["id"] == payment_id
