"""The database keeps its planner statistics itself: SQLite gathers them as a desk's connection closes
and after every night audit."""

from __future__ import annotations

import sqlite3

from desk.db.engine import sqlite_file
from desk.db.runner import Runner
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_service
from desk.people.rights import Role
from desk.stays.night_audit import run_night_audit
from desk.stays.search import FolioQuery, search_folios
from tests.desk.conftest import make_hotel


def _statistics(path: str) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return set()
        return {(table, index) for table, index, _stat in connection.execute("SELECT * FROM sqlite_stat1")}


def test_a_desk_closing_its_connections_leaves_statistics_of_the_tables_it_used(sqlite_url: str) -> None:
    hotel = make_hotel(sqlite_url)
    path = str(sqlite_file(sqlite_url))
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("5.00")))
    hotel.query(search_folios, FolioQuery(text="gue", in_house_only=False))
    assert _statistics(path) == set()  # nothing analysed while the desk works
    hotel.database.dispose()
    analysed = _statistics(path)
    assert {("posting", "ix_posting_bill_id"), ("payment", "ix_payment_bill_id")} <= analysed, analysed


def test_the_night_audit_samples_every_tables_statistics_again_while_the_desk_stays_open(sqlite_url: str) -> None:
    hotel = make_hotel(sqlite_url)
    path = str(sqlite_file(sqlite_url))
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("5.00")))
    assert _statistics(path) == set()
    manager = hotel.as_role(Role.MANAGER)
    summary = run_night_audit(Runner(hotel.database), manager.actor, reason="Statistics")
    assert summary.finished
    analysed = _statistics(path)
    assert {("posting", "ix_posting_bill_id"), ("payment", "ix_payment_bill_id")} <= analysed, analysed
    # Every table with rows, not only those this connection read: a POS service running for months
    # never closes its connections, so the file's statistics come from here.
    assert "audit_entry" in {table for table, _index in analysed}, analysed
    assert hotel.query(search_folios, FolioQuery(text="gue", in_house_only=False))  # the desk goes on

