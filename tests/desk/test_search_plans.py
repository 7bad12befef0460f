"""On PostgreSQL with a big hotel's statistics, the main window's searches find stays by their indexes (issue 23).

SQLite's plans are checked against a big hotel's statistics written into sqlite_stat1
(tests/desk/test_query_plans.py). Here the server makes 10,000 past stays with their guests (the
search terms come from the triggers, as at a desk) and gathers statistics with ANALYZE; then each
filled table's row count is set to the big hotel's (pg_class.reltuples, as bench/big_hotel.py's
hotel after five years: the planner scales what ANALYZE saw to it), and every statement a search
sent is planned again. On 10,000 rows alone a sequential scan is honestly the cheaper plan.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Date, Integer, String, cast, event, func, insert, literal, select

from desk.core.money import Money
from desk.stays.models import Guest, Reservation, ReservationGuest, ReservationStatus
from desk.stays.search import FolioKind, FolioQuery, search_folios
from tests.desk.conftest import Hotel, make_hotel

STAYS = 10_000
# The tables this test fills, with their rows in the big hotel: none of them may be read whole by a search.
RESERVATIONS = frozenset({FolioKind.RESERVATION})
BIG_HOTEL_ROWS = {"guest": 240_000, "reservation": 200_000, "reservation_guest": 240_000, "stay_search_term": 480_000}


def _ten_thousand_past_stays(connection: Any) -> None:
    n = func.generate_series(1, STAYS).table_valued("value").render_derived()
    number = cast(n.c.value, String)
    guest = Guest.__table__
    connection.execute(insert(guest).from_select(
        ["first_name", "last_name", "search_name", "search_first_last", "email", "phone", "city_tax_exemption"],
        select("g" + number, "name" + number, "name" + number + " g" + number, "g" + number + " name" + number,
               literal(""), literal(""), literal(""))))
    stays = Reservation.__table__
    arrival = literal(date(2021, 1, 1), Date) + cast(n.c.value % 1800, Integer)
    connection.execute(insert(stays).from_select(
        ["number", "status", "arrival", "departure", "nightly_rate", "checkout_note", "cancel_reason", "created_at"],
        select("B-" + number, literal(ReservationStatus.CHECKED_OUT, stays.c.status.type), arrival, arrival + 2,
               literal(Money(Decimal("100.00"), "EUR"), stays.c.nightly_rate.type), literal(""), literal(""),
               func.now())))
    links, guests = ReservationGuest.__table__, guest
    connection.execute(insert(links).from_select(
        ["reservation_id", "guest_id", "position"],
        select(stays.c.id, guests.c.id, literal(0))
        .select_from(stays.join(guests, guests.c.first_name == "g" + func.substr(stays.c.number, 3)))
        .where(stays.c.number.like("B-%"))))


def _big_hotel(database_url: str, sizes: dict[str, int] = BIG_HOTEL_ROWS) -> Hotel:
    """A hotel of ten thousand past stays (and one in house) with the big hotel's statistics (``sizes``)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite's plans: tests/desk/test_query_plans.py")
    hotel = make_hotel(database_url)
    hotel.stay()
    with hotel.database.engine.begin() as connection:
        for table in BIG_HOTEL_ROWS:  # no automatic ANALYZE puts back the sizes given below
            connection.exec_driver_sql(f"ALTER TABLE {table} SET (autovacuum_enabled = off)")
        _ten_thousand_past_stays(connection)
    with hotel.database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
        for table, rows in sizes.items():
            connection.exec_driver_sql("UPDATE pg_class SET reltuples = %(rows)s WHERE relname = %(table)s",
                                       {"rows": rows, "table": table})
    return hotel


def test_name_room_and_number_searches_read_by_index_on_postgresql(database_url: str) -> None:
    hotel = _big_hotel(database_url)
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, parameters))

    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    for typed in ("name12", "g7", "101", "B-1234"):
        for in_house_only in (True, False):
            hotel.query(search_folios, FolioQuery(text=typed, in_house_only=in_house_only))
        hotel.query(search_folios, FolioQuery(text=typed, in_house_only=False, arrival=date(2022, 3, 1)))
    event.remove(hotel.database.engine, "before_cursor_execute", keep)
    assert len(sent) > 20, sent
    reads_whole = {}
    with hotel.database.engine.connect() as connection:
        for statement, parameters in sent:
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters))
            scans = re.findall(r"Seq Scan on (\w+)", plan)
            if any(table in BIG_HOTEL_ROWS for table in scans):
                reads_whole[" ".join(statement.split())] = plan
    hotel.database.dispose()
    assert not reads_whole, "\n\n".join(f"{s}\n{p}" for s, p in reads_whole.items())


def test_a_full_page_of_stays_is_looked_up_by_one_array_parameter(database_url: str) -> None:
    """On PostgreSQL the ids of a page go as one array: a parameter for each of 200 stays cost the client
    more to render and parse than the server took to run the statement, and changed its text with the
    number of stays found, so neither psycopg nor the server could keep it prepared."""
    hotel = _big_hotel(database_url)
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        sent.append((" ".join(statement.split()), parameters))

    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    full = hotel.query(search_folios, FolioQuery(text="name1", in_house_only=False, kinds=RESERVATIONS))  # 1,111 stays
    texts = {statement for statement, _parameters in sent}
    sent.clear()
    fewer = hotel.query(search_folios, FolioQuery(text="name12", in_house_only=False, kinds=RESERVATIONS))
    event.remove(hotel.database.engine, "before_cursor_execute", keep)
    hotel.database.dispose()
    assert [len(full), len(fewer)] == [200, 111]
    assert {statement for statement, _parameters in sent} == texts
    widest = max(sent, key=lambda sent_one: len(sent_one[1] or ()))
    assert len(widest[1]) <= 10, widest[0]
    # As the text of an array: psycopg's dumper of a list of 200 ids cost a quarter of a millisecond.
    assert not [value for _statement, parameters in sent for value in (parameters or {}).values()
                if isinstance(value, list | tuple)], sent


def test_a_name_search_is_planned_for_the_typed_text_however_often_it_runs(database_url: str) -> None:
    """psycopg prepares a statement run five times; after five more the server keeps one generic plan for any
    values if it looks cheaper, as it did on the 20,000-stay bench hotel. For the newest stays whose number
    or company starts with a name, that plan walked every stay newest first (19,000 buffers, 14 ms a search):
    the page's statement is planned for the typed text each time, whatever the server would choose."""
    hotel = _big_hotel(database_url)
    _generic_plans_chosen(hotel)
    names = [f"{name}{n}" for n in range(1, 10) for name in ("name", "g")]  # each names 1,111 stays: a full page
    with hotel.database.unit_of_work() as session:  # one connection: its prepared statements are listed below
        for typed in names:
            assert len(search_folios(session, FolioQuery(text=typed, in_house_only=False, kinds=RESERVATIONS))) == 200
        plans = {statement.split("\n")[0]: (generic, custom) for statement, generic, custom in session.connection()
                 .exec_driver_sql("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")}
    hotel.database.dispose()
    page = plans["SELECT reservation.id, reservation.number, reservation.status, reservation.arrival, "
                 "reservation.departure, room.number AS number_1, company.name, folio.id AS id_1 "]
    assert page == (0, len(names) - 5), plans  # prepared at the sixth run, planned for its text at every run since
    # The stays' guests are looked up by id with the plan the server chose, as any other statement.
    names_statement = plans["SELECT reservation_guest.reservation_id, guest.first_name, guest.last_name "]
    assert names_statement == (len(names) - 5, 0), plans


def test_a_full_page_is_joined_by_key_on_a_hotel_of_ten_thousand_stays(database_url: str) -> None:
    """Counting a page's 200 ids against 10,000 stays, the planner read the whole reservation table to
    join them (on the 20,000-stay bench hotel 5.4 ms of the search's server time); the ids gathered into
    one array, it looks each up by its key (1.3 ms)."""
    hotel = _big_hotel(database_url, sizes={})
    found, plan = _page_and_its_plan(hotel, "name1")
    hotel.database.dispose()
    assert len(found) == 200
    assert "Seq Scan on reservation" not in plan, plan


def test_the_name_terms_keep_a_histogram_fine_enough_for_a_prefix(database_url: str) -> None:
    """With the default 100 buckets over the 200,000-stay hotel's 480,000 terms, a prefix inside one bucket
    ("emm", "ол") was estimated at 1 to 40 terms where it names 6,000: an in-house search fetched a stay for
    each (24,000 buffers, 35 ms) instead of asking the in-house stays for their guests (570 buffers, 4 ms).
    With 1,000 buckets (migration 0066) those estimates came within a tenth of the truth."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite's planner reads no histogram")
    hotel = make_hotel(database_url)
    with hotel.database.engine.connect() as connection:
        target = connection.exec_driver_sql(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'stay_search_term'::regclass "
            "AND attname = 'term'").scalar_one()
    hotel.database.dispose()
    assert target >= 1000


def test_a_days_arrivals_are_planned_for_that_day_however_often_they_are_listed(database_url: str) -> None:
    """Not knowing the page's size, the server's generic plan for a day's arrivals walked all 200,000 stays of
    the big hotel newest first for the day's hundred (4,400 buffers, 25-36 ms); the plan for the day reads
    them by their arrival (530 buffers, 2-3 ms)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite keeps no generic plan")
    hotel = make_hotel(database_url)
    _generic_plans_chosen(hotel)
    days = [date(2022, 3, day) for day in range(1, 11)]
    with hotel.database.unit_of_work() as session:  # one connection: its prepared statements are listed below
        for day in days:
            search_folios(session, FolioQuery(arrival=day, in_house_only=False, kinds=RESERVATIONS))
            search_folios(session, FolioQuery(departure=day, in_house_only=False, kinds=RESERVATIONS))
        plans = [(generic, custom) for statement, generic, custom in session.connection().exec_driver_sql(
            "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")
            if statement.startswith("SELECT reservation.id, reservation.number, reservation.status")]
    hotel.database.dispose()
    assert plans == [(0, len(days) - 5), (0, len(days) - 5)], plans


def test_a_company_names_stays_are_read_company_by_company_on_postgresql(database_url: str) -> None:
    """As the 200,000-stay hotel: 800 companies with a tenth of the stays. Joined as one, the planner guessed a
    tenth of all stays were those of the companies a prefix names and walked every stay newest first looking
    for them ("rhine": 41,000 stays, 44,000 buffers, 35 ms); each named company's own page of its stays,
    read from their index (company, arrival), costs 1,400 buffers."""
    hotel = _big_hotel(database_url)
    with hotel.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO company (name, search_name, tax_id, address, email) SELECT "
            "'Rhine ' || n, 'rhine ' || n, '', '', '' FROM generate_series(1, 40) AS n")
        connection.exec_driver_sql(
            "INSERT INTO company (name, search_name, tax_id, address, email) SELECT "
            "'Firm ' || n, 'firm ' || n, '', '', '' FROM generate_series(1, 760) AS n")
        connection.exec_driver_sql(
            "UPDATE reservation SET company_id = (SELECT min(id) FROM company) + mod(id / 10, 800) "
            "WHERE mod(id, 10) = 0")
        connection.exec_driver_sql("ANALYZE company")
        connection.exec_driver_sql("ANALYZE reservation")
        connection.exec_driver_sql("UPDATE pg_class SET reltuples = 200000 WHERE relname = 'reservation'")
        named = connection.exec_driver_sql("SELECT count(*) FROM reservation JOIN company ON company.id = company_id "
                                           "WHERE company.name LIKE 'Rhine %%'").scalar_one()
    found, plan = _page_and_its_plan(hotel, "rhine")
    hotel.database.dispose()
    assert len(found) == named > 50
    assert {row.company.split(" ")[0] for row in found} == {"Rhine"}
    # The union's branch that joins the companies (the others are planned from this small hotel's rooms).
    branches = re.split(r"\n\s*->  Subquery Scan on ", plan)
    [by_company] = [branch for branch in branches if " on company company_" in branch]
    assert "ix_reservation_arrival" not in by_company, plan


def _generic_plans_chosen(hotel: Hotel) -> None:
    """PostgreSQL's choice of one generic plan for a prepared statement, made certain for every connection
    opened from now on (the pool's are closed)."""
    with hotel.database.engine.begin() as connection:
        database = connection.exec_driver_sql("SELECT current_database()").scalar_one()
        connection.exec_driver_sql(f'ALTER DATABASE "{database}" SET plan_cache_mode = force_generic_plan')
    hotel.database.dispose()


def _page_and_its_plan(hotel: Hotel, text: str) -> tuple[list[Any], str]:
    """What a search of all stays for ``text`` found, and the plan of the statement that read its page."""
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "LEFT OUTER JOIN room" in statement:
            sent.append((statement, parameters))

    event.listen(hotel.database.engine, "before_cursor_execute", keep)
    found = hotel.query(search_folios, FolioQuery(text=text, in_house_only=False, kinds=RESERVATIONS))
    event.remove(hotel.database.engine, "before_cursor_execute", keep)
    [(statement, parameters)] = sent
    with hotel.database.engine.connect() as connection:
        plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters))
    return found, plan
