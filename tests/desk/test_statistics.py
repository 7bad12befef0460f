"""The database keeps its planner statistics itself: SQLite gathers them as a desk's connection closes
and after every night audit."""

from __future__ import annotations

import logging
import sqlite3
import time

import pytest

from desk.db.engine import SQLITE_WRITE_PATIENCE_S, sqlite_file
from desk.db.runner import Runner
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_service
from desk.people.rights import Role
from desk.stays import night_audit
from desk.stays.night_audit import run_night_audit
from desk.stays.search import FolioQuery, search_folios
from tests.desk.conftest import Hotel, make_hotel


def _statistics(path: str) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return set()
        return {(table, index) for table, index, _stat in connection.execute("SELECT * FROM sqlite_stat1")}


def _hotel_that_sold(url: str) -> tuple[Hotel, str]:
    """A hotel whose desk posted a service and took its cash, no statistics gathered yet; its file's path."""
    hotel = make_hotel(url)
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-BEER")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("5.00")))
    path = str(sqlite_file(url))
    assert _statistics(path) == set()  # nothing analysed while the desk works
    return hotel, path


def _tables_with_rows(path: str) -> set[str]:
    with sqlite3.connect(path) as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name for name in tables if connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone()}


def test_a_desk_closing_its_connections_leaves_statistics_of_the_tables_it_used(sqlite_url: str) -> None:
    hotel, path = _hotel_that_sold(sqlite_url)
    hotel.query(search_folios, FolioQuery(text="gue", in_house_only=False))
    hotel.database.dispose()
    analysed = _statistics(path)
    assert {("posting", "ix_posting_bill_id"), ("payment", "ix_payment_bill_id")} <= analysed, analysed


def test_the_night_audit_samples_every_tables_statistics_again_while_the_desk_stays_open(sqlite_url: str) -> None:
    hotel, path = _hotel_that_sold(sqlite_url)
    manager = hotel.as_role(Role.MANAGER)
    summary = run_night_audit(Runner(hotel.database), manager.actor, reason="Statistics")
    assert summary.finished
    analysed = {table for table, _index in _statistics(path)}
    # Every table with rows, not only those this connection read: a POS service running for months
    # never closes its connections, so the file's statistics come from here.
    assert _tables_with_rows(path) <= analysed, _tables_with_rows(path) - analysed
    assert hotel.query(search_folios, FolioQuery(text="gue", in_house_only=False))  # the desk goes on


def test_the_night_audit_closes_the_days_trail_before_it_samples_statistics(
        sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    hotel = make_hotel(sqlite_url)
    steps: list[str] = []
    anchor = night_audit.write_anchor
    monkeypatch.setattr(night_audit, "write_anchor", lambda *args: (steps.append("anchor"), anchor(*args))[1])
    monkeypatch.setattr(hotel.database, "refresh_statistics", lambda: steps.append("statistics"))
    summary = run_night_audit(Runner(hotel.database), hotel.as_role(Role.MANAGER).actor, reason="Statistics")
    assert summary.finished
    assert steps == ["anchor", "statistics"]
    hotel.database.dispose()


def test_statistics_wait_briefly_for_a_lock_held_elsewhere_and_leave_the_pool_as_it_was(
        sqlite_url: str, caplog: pytest.LogCaptureFixture) -> None:
    hotel = make_hotel(sqlite_url)
    hotel.database.engine.dispose()  # the next connection is the one the statistics use, then this test
    elsewhere = sqlite3.connect(str(sqlite_file(sqlite_url)), isolation_level=None)
    elsewhere.execute("BEGIN IMMEDIATE")  # another program writing to the file
    try:
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="desk.db.engine"):
            hotel.database.refresh_statistics()
        waited = time.monotonic() - started
    finally:
        elsewhere.rollback()
        elsewhere.close()
    assert waited < SQLITE_WRITE_PATIENCE_S / 3, waited  # not the 15 s a unit waits for a writer
    assert "the planner's statistics were not refreshed" in caplog.text
    with hotel.database.engine.connect() as connection:
        patience = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert patience == int(SQLITE_WRITE_PATIENCE_S * 1000)
    hotel.database.dispose()
