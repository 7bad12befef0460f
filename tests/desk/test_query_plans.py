"""On a database with a big hotel's statistics, a sale, a card and a search read no large table whole.

SQLite plans by its statistics (sqlite_stat1): on a tiny test file a scan is as good as an index, so
the file is given the statistics of bench/big_hotel.py's hotel (two million postings after five years)
and every statement the desk sent is planned again against them (issue 23).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import Any

from sqlalchemy import event

from desk.db.engine import sqlite_file
from desk.ledger.folios import load_folio
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_service
from desk.people.models import Role
from desk.reports.tables import make_report
from desk.stays.reservation_card import load_reservation_card, reload_reservation_card
from desk.stays.search import FolioQuery, search_folios
from tests.desk.conftest import make_hotel

# Rows after five years in a hotel of 500 rooms; a table missing here is a setting or a small list.
BIG_TABLES = {
    "posting": 2_000_000, "posting_item": 1_000_000, "posting_move": 20_000, "payment": 190_000,
    "reservation": 200_000, "reservation_guest": 240_000, "guest": 240_000, "stay_search_term": 480_000,
    "folio": 200_000, "bill": 210_000,
    "journal_intent": 330_000, "journal_event": 1_000_000, "card_record": 140_000, "shift_payment": 190_000,
    "fiscal_document": 330_000, "fiscal_print": 330_000, "receipt_request": 330_000, "bill_total": 210_000,
    "catalogue_change": 20_000,  # a company added, a price changed: every card's reload asks if any was
}
# Read whole, these are small; their statistics still steer the plans that join them.
SMALL_TABLES = {"company": 800, "room": 500, "event": 300}


def _give_big_statistics(path: str) -> None:
    """sqlite_stat1 as ANALYZE writes it on the big hotel: rows, then rows per key prefix of each index."""
    with sqlite3.connect(path) as connection:
        connection.execute("ANALYZE")
        connection.execute("DELETE FROM sqlite_stat1")
        for table, rows in (BIG_TABLES | SMALL_TABLES).items():
            indexes = connection.execute(f'PRAGMA index_list("{table}")').fetchall()
            for _seq, name, unique, _origin, partial in indexes:
                width = len(connection.execute(f'PRAGMA index_info("{name}")').fetchall())
                # A unique key finds one row; any other index about ten (a bill's postings, a day's stays).
                per_prefix = ["10"] * (width - 1) + ["1" if unique else "10"]
                # A partial index holds the few rows it was made for (the walk-ins among the folios).
                held = rows // 1000 if partial else rows
                connection.execute("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)",
                                   (table, name, " ".join([str(held), *per_prefix])))
            connection.execute("INSERT INTO sqlite_stat1 VALUES (?, NULL, ?)", (table, str(rows)))


def _whole_reads(sqlite_url: str, sent: list[tuple[str, Any]]) -> dict[str, Any]:
    """The statements sent that would read a big table whole on the big hotel's statistics."""
    path = str(sqlite_file(sqlite_url))
    _give_big_statistics(path)
    reads_whole = {}
    with sqlite3.connect(path) as connection:  # a new connection: it loads the statistics
        # Reading all of a partial index reads only the few rows it was made for.
        partial = {name for table in BIG_TABLES
                   for _seq, name, _unique, _origin, is_partial in connection.execute(f'PRAGMA index_list("{table}")')
                   if is_partial}
        for statement, parameters in sent:
            plan = [row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            scans = [step for step in plan
                     if step.startswith("SCAN ") and step.split()[1] in BIG_TABLES
                     and not (" USING INDEX " in step and step.split()[-1] in partial)]
            if scans:
                reads_whole[" ".join(statement.split())] = (parameters, scans)
    return reads_whole


def test_the_cashier_and_voids_reports_read_no_large_table_whole(sqlite_url: str) -> None:
    """A shift's payments are found by workstation and time, the day's voids and overrides among the
    few records that are one: neither report reads five years of payments or postings."""
    hotel = make_hotel(sqlite_url)
    stay = hotel.stay()
    hotel.run(post_service, bill_id=stay.bill_id, service_code="PARKING")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("12.00")))
    manager = hotel.as_role(Role.MANAGER)
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, parameters))

    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    for name in ("cashier", "voids"):
        report = manager.run(make_report, name, date.today())
        assert report.sections, name
    event.remove(hotel.database.engine, "before_cursor_execute", keep)
    hotel.database.dispose()
    assert len(sent) > 3, sent
    reads_whole = _whole_reads(sqlite_url, sent)
    assert not reads_whole, "\n".join(f"{s}\n  {p}" for s, p in reads_whole.items())


def test_a_sale_a_card_and_a_search_read_no_large_table_whole(sqlite_url: str) -> None:
    hotel = make_hotel(sqlite_url)
    stay = hotel.stay()
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, parameters))

    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    for code in ("MB-BEER", "MB-WATER", "PARKING"):
        hotel.run(post_service, bill_id=stay.bill_id, service_code=code)
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("20.50")))
    hotel.query(load_folio, stay.folio_id)
    # A card, and its reload after a payment: the ledger's and the receipts' highest ids, only the new rows.
    card = hotel.query(load_reservation_card, stay.folio_id)
    hotel.run(post_service, bill_id=stay.bill_id, service_code="PARKING")
    hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("12.00")))
    hotel.query(reload_reservation_card, card)
    for typed in ("gue", "101", "T0000", "test"):
        for in_house_only in (True, False):
            hotel.query(search_folios, FolioQuery(text=typed, in_house_only=in_house_only))
        hotel.query(search_folios, FolioQuery(text=typed, in_house_only=False, arrival=date.today()))
    event.remove(hotel.database.engine, "before_cursor_execute", keep)
    hotel.database.dispose()
    assert len(sent) > 20, sent

    path = str(sqlite_file(sqlite_url))
    _give_big_statistics(path)
    reads_whole = {}
    with sqlite3.connect(path) as connection:  # a new connection: it loads the statistics
        # Reading all of a partial index reads only the few rows it was made for.
        partial = {name for table in BIG_TABLES
                   for _seq, name, _unique, _origin, is_partial in connection.execute(f'PRAGMA index_list("{table}")')
                   if is_partial}
        for statement, parameters in sent:
            plan = [row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            scans = [step for step in plan
                     if step.startswith("SCAN ") and step.split()[1] in BIG_TABLES
                     and not (" USING INDEX " in step and step.split()[-1] in partial)]
            if scans:
                reads_whole[" ".join(statement.split())] = (parameters, scans)
    assert not reads_whole, "\n".join(f"{s}\n  {p}" for s, p in reads_whole.items())


def test_the_triggers_that_keep_the_bill_totals_read_by_index(sqlite_url: str) -> None:
    """Each statement of the 0024 triggers, planned with the new row's values put in, finds its rows
    by key: a move or a payment on a long stay costs what it costs on a new one."""
    hotel = make_hotel(sqlite_url)
    hotel.database.dispose()
    path = str(sqlite_file(sqlite_url))
    _give_big_statistics(path)
    with sqlite3.connect(path) as connection:
        triggers = dict(connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%bill_total'"))
        assert len(triggers) == 3, triggers
        reads_whole = {}
        for name, sql in triggers.items():
            body = re.search(r"\bBEGIN\b(.*)\bEND\s*$", sql, re.S | re.I)
            assert body, sql
            for statement in filter(str.strip, body.group(1).split(";")):
                planned = re.sub(r"\b(NEW|excluded)\.\w+", "1", statement)
                plan = [row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {planned}")]
                scans = [step for step in plan if step.startswith("SCAN ") and step.split()[1] in BIG_TABLES]
                if scans:
                    reads_whole[f"{name}: {' '.join(statement.split())}"] = scans
    assert not reads_whole, reads_whole


def test_a_name_search_over_all_stays_reads_the_terms_key_and_keeps_only_a_page(sqlite_url: str) -> None:
    """A one-letter prefix names a tenth of the big hotel's terms: they are read from the terms' key
    alone (a covering range), and sorted into a page by a sort bounded by LIMIT, with no DISTINCT
    sort that would hold every matching stay to the end."""
    hotel = make_hotel(sqlite_url)
    hotel.stay()
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "FROM stay_search_term" in statement and "ORDER BY" in statement:
            sent.append((statement, parameters))

    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    for typed in ("g", "Gu", "test"):
        hotel.query(search_folios, FolioQuery(text=typed, in_house_only=False))
        hotel.query(search_folios, FolioQuery(text=typed, in_house_only=False, arrival=date.today()))
    event.remove(hotel.database.engine, "before_cursor_execute", keep)
    hotel.database.dispose()
    assert len(sent) == 6, sent
    path = str(sqlite_file(sqlite_url))
    _give_big_statistics(path)
    with sqlite3.connect(path) as connection:
        for statement, parameters in sent:
            assert "DISTINCT" not in statement and "LIMIT" in statement, statement
            plan = [row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            key_range = (
                "SEARCH stay_search_term USING COVERING INDEX sqlite_autoindex_stay_search_term_1 (term>? AND term<?)")
            assert plan[0] == key_range, plan
            # With one arrival day asked for, only the stays' order within the day is left to sort.
            assert plan[1:] in (["USE TEMP B-TREE FOR ORDER BY"], ["USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"]), plan
