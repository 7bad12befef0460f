"""The postings one unit flushes go to the database in one INSERT, and each Posting object gets the id of
the row holding its own service and amount; the ledger's chain hashes exactly what was stored."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select, text

from desk.db.engine import Database
from desk.ledger.chain import verify_ledger
from desk.ledger.models import PAYMENT, POSTING, Posting, content_bytes, flushed_content, rows_by_id
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import ServiceLine, post_charge, post_services
from tests.desk.conftest import Hotel
from tests.desk.test_ledger_chain import _reads_the_chains_end, _statements


def test_three_lines_are_one_insert_and_each_posting_has_its_own_rows_id(hotel: Hotel):
    stay = hotel.stay()
    # Different services, quantities and prices, and two lines alike but for the price: a swapped id shows.
    lines = [ServiceLine("MB-BEER", 2), ServiceLine("SPA", 1, hotel.money("30")),
             ServiceLine("MB-BEER", 1, hotel.money("7.10")), ServiceLine("MB-BEER", 1, hotel.money("7.20"))]
    posted: list[Posting] = []
    statements = _statements(hotel.database, lambda: posted.extend(
        hotel.run(post_services, bill_id=stay.bill_id, lines=lines)))
    assert len([s for s in statements if s.startswith("INSERT INTO posting ")]) == 1
    expected = [("MB-BEER", "2", "10"), ("SPA", "1", "30"), ("MB-BEER", "1", "7.10"), ("MB-BEER", "1", "7.20")]
    assert [(p.service_code, str(p.quantity.normalize()), str(p.amount.amount.normalize())) for p in posted] == [
        (code, quantity, str(hotel.money(amount).amount.normalize())) for code, quantity, amount in expected]
    ids = [p.id for p in posted]
    assert ids == sorted(ids) and len(set(ids)) == 4
    with hotel.database.unit_of_work() as session:
        stored = {row.id: row for row in session.execute(
            select(Posting.id, Posting.service_code, Posting.quantity, Posting.amount).where(Posting.id.in_(ids)))}
        assert [(stored[p.id].service_code, stored[p.id].quantity, stored[p.id].amount) for p in posted] == [
            (p.service_code, p.quantity, p.amount) for p in posted]
        report = verify_ledger(session)
    assert report.intact and report.waiting == 0


def test_the_content_hashed_from_flushed_rows_is_byte_for_byte_that_of_the_stored_rows(hotel: Hotel):
    """What the chain hashes without reading the row back (flushed_content) against what verify reads."""
    stay = hotel.stay()
    lines = [ServiceLine("MB-BEER", "1.25", hotel.money("3.30")), ServiceLine("SPA", 2)]
    with hotel.database.writing() as session:
        postings = post_services(session, hotel.actor, bill_id=stay.bill_id, lines=lines)
        # A time given in another zone than UTC, a quantity with decimals, no service (NULL columns).
        when = datetime(2026, 12, 7, 1, 30, 15, 123456, tzinfo=timezone(timedelta(hours=3)))
        postings.append(post_charge(session, hotel.actor, bill_id=stay.bill_id, description="Room service",
                                    quantity="2.5", unit_price=hotel.money("13.33"), ordered_at=when))
        payment = take_payment(session, hotel.actor, stay.bill_id, Tender("cash", hotel.money("12.34")))
        dialect = session.connection().dialect
        flushed = {(POSTING, p.id): flushed_content(POSTING, p, dialect) for p in postings}
        flushed[(PAYMENT, payment.id)] = flushed_content(PAYMENT, payment, dialect)
    with hotel.database.unit_of_work() as session:
        connection = session.connection()
        for (kind, row_id), content in flushed.items():
            assert content is not None
            assert content == content_bytes(kind, rows_by_id(connection, kind, [row_id])[row_id])


def test_a_units_links_are_one_statement_written_all_or_none(hotel: Hotel):
    """The links of a unit's rows go in one insert guarded by "the remembered link is still the last":
    after another process chained, it writes none of them and the chain's end is read instead."""
    stay = hotel.stay()
    lines = [ServiceLine("MB-BEER", 2), ServiceLine("SPA", 1), ServiceLine("MB-BEER", 1, hotel.money("7.10"))]
    hotel.run(post_services, bill_id=stay.bill_id, lines=lines)  # this process now knows the chain's end
    statements = _statements(hotel.database, lambda: hotel.run(post_services, bill_id=stay.bill_id, lines=lines))
    assert len([s for s in statements if s.startswith("INSERT INTO ledger_link")]) == 1
    assert not _reads_the_chains_end(statements)
    other = Database(hotel.database.url)  # another process: its own remembered end
    try:
        Hotel(other, hotel.actor, hotel.currency).run(post_services, bill_id=stay.bill_id, lines=lines)
    finally:
        other.dispose()
    statements = _statements(hotel.database, lambda: hotel.run(post_services, bill_id=stay.bill_id, lines=lines))
    assert _reads_the_chains_end(statements)
    with hotel.database.unit_of_work() as session:
        report = verify_ledger(session)
        rows = session.execute(text("SELECT (SELECT count(*) FROM posting) + (SELECT count(*) FROM payment)")).scalar()
    assert report.intact and report.waiting == 0 and report.links == rows


def test_a_unit_of_more_links_than_one_guarded_insert_holds_chains_them_all(hotel: Hotel):
    """20 lines: their ids each their own row's, the first 16 links guarded, the rest after them."""
    stay = hotel.stay()
    hotel.run(post_services, bill_id=stay.bill_id, lines=[ServiceLine("SPA", 1)])  # the chain's end known
    lines = [ServiceLine("MB-BEER", quantity) for quantity in range(1, 21)]
    posted: list[Posting] = []
    statements = _statements(hotel.database, lambda: posted.extend(
        hotel.run(post_services, bill_id=stay.bill_id, lines=lines)))
    assert len([s for s in statements if s.startswith("INSERT INTO ledger_link")]) == 2
    with hotel.database.unit_of_work() as session:
        stored = {row.id: row.quantity for row in session.execute(
            select(Posting.id, Posting.quantity).where(Posting.id.in_([p.id for p in posted])))}
        report = verify_ledger(session)
    assert [stored[p.id] for p in posted] == list(range(1, 21))
    assert report.intact and report.waiting == 0
