"""The night audit of a 500-room hotel with every room in house, on SQLite and then PostgreSQL.

    python bench/bench_night_audit.py [--rooms 500] [--no-postgres]
    python bench/bench_night_audit.py --big [--reservations 20000]

A hotel set up as the tests' (bench-only settings: the shipped SQLite synchronous mode, each unit
committed to disk), with ``--rooms`` rooms, each with a two-guest stay checked in today for two
nights and a city tax of 1.50 a guest and night. Timed: ``run_night_audit`` as the command and the
window run it, one unit per stay (room night, city tax, its night_charge keys) and the new date.
Then a second run of the next day on the same stays, which closes their last night. Target
(issue 24): the first under 10 s on SQLite. Prints the wall time and this process's CPU time (the
wall time on a shared machine is mostly waiting for a core and the disk's syncs); asserts only that
every night was charged once.

``--big``: the same audit on a copy of the big hotel (bench/big_hotel.py, SQLite only), its five
years of postings and statistics, the night of its in-house stays (about 400-500 rooms): what a
stay costs once the ledger is large, where a look-up that reads a whole table shows (issue 23).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, func, select

from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_settings
from desk.hotel.models import Room
from desk.ledger.models import Posting
from desk.people.models import Role
from desk.stays.business_day import start_business_days
from desk.stays.night_audit import run_night_audit, set_city_tax
from desk.stays.reservations import check_in, create_reservation, new_guest
from tests.actors import signed_in

TARGET_S = 10.0


def hotel_in_house(url: str, rooms: int) -> Database:
    database = Database(url)
    today = date.today()
    with database.writing() as session:
        seed_settings(session, base_currency="EUR", country="")
        session.add_all(Room(number=f"{1 + n // 50}{n % 50:03d}", floor=1 + n // 50, room_type="Double")
                        for n in range(rooms))
    clerk = signed_in(database, Role.CLERK, "BENCH-1")
    with database.writing() as session:
        for n in range(rooms):
            guests = [new_guest(session, clerk, f"Guest{n}", "Bench"), new_guest(session, clerk, f"Other{n}", "Bench")]
            session.flush()
            reservation = create_reservation(
                session, clerk, number=f"B{n:05d}", guests=guests, arrival=today, departure=today + timedelta(days=2),
                nightly_rate=Money.of("100.00", "EUR"), room_number=f"{1 + n // 50}{n % 50:03d}")
            check_in(session, clerk, reservation.id, today=today)
    manager = signed_in(database, Role.MANAGER, "BENCH-1")
    Runner(database).run(start_business_days, manager, today)
    Runner(database).run(set_city_tax, manager, "CITYTAX", Money.of("1.50", "EUR"), today - timedelta(days=1))
    return database


def bench(url: str, rooms: int) -> None:
    database = hotel_in_house(url, rooms)
    try:
        manager = signed_in(database, Role.MANAGER, "BENCH-1")
        runner = Runner(database)
        name = database.engine.dialect.name
        for night in (1, 2):
            start, cpu = time.perf_counter(), time.process_time()
            # The second night's audit as it runs once that day has begun.
            summary = run_night_audit(runner, manager, reason="bench", today=date.today() + timedelta(days=night - 1))
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            verdict = "" if name != "sqlite" or night == 2 else (
                "  (target under 10 s: met)" if elapsed < TARGET_S else "  (target under 10 s: MISSED)")
            print(f"{name:<10} night {night}: {summary.nights} nights, rooms {summary.rooms}, city tax "
                  f"{summary.city_tax}, in {elapsed:6.2f} s = {elapsed / max(1, summary.nights) * 1000:5.1f} ms a "
                  f"stay (this process's CPU {cpu:5.2f} s){verdict}", flush=True)
        with database.unit_of_work() as session:
            charged = session.execute(select(Posting.folio_id, func.count()).where(Posting.service_code == "ROOM")
                                      .group_by(Posting.folio_id)).all()
        assert len(charged) == rooms and {count for _folio, count in charged} == {2}, "a night charged twice"
    finally:
        database.dispose()


def bench_big(reservations: int) -> None:
    from bench.big_hotel import TODAY, on_big_hotels

    def audit(database: Database, _samples: object) -> None:
        manager = signed_in(database, Role.MANAGER, "BENCH-1")
        runner = Runner(database)
        runner.run(start_business_days, manager, TODAY)
        statements = [0]

        def count(*_args: object) -> None:
            statements[0] += 1

        event.listen(database.engine, "before_cursor_execute", count)
        start, cpu = time.perf_counter(), time.process_time()
        summary = run_night_audit(runner, manager, reason="bench", today=TODAY + timedelta(days=1))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        event.remove(database.engine, "before_cursor_execute", count)
        stays = max(1, summary.nights)
        print(f"big hotel night: {summary.nights} nights in {elapsed:6.2f} s (target {TARGET_S:.0f} s: "
              f"{'met' if elapsed < TARGET_S else 'MISSED'}), this process's CPU {cpu:5.2f} s = "
              f"{cpu / stays * 1000:5.1f} ms a stay, {statements[0] / stays:.1f} statements a stay", flush=True)

    on_big_hotels(audit, reservations, postgres=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rooms", type=int, default=500)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--big", action="store_true", help="on a copy of the big hotel instead (SQLite)")
    parser.add_argument("--reservations", type=int, default=200_000, help="the big hotel's size, with --big")
    args = parser.parse_args()
    if args.big:
        bench_big(args.reservations)
        return 0
    with tempfile.TemporaryDirectory() as directory:
        bench(f"sqlite:///{directory}/night_audit.sqlite3", args.rooms)
    if not args.no_postgres:
        from tests.pg_server import PgServer

        server = PgServer.start(durable=True)
        try:
            bench(server.create_database("bench_night_audit"), args.rooms)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
