"""The 3-second change poll at 200,000 reservations: before (counts) and after (indexed maxima).

    python bench/bench_changes.py [--reservations N] [--polls N] [--postgres URL]

On the big hotel of bench/big_hotel.py (a copy of the cached SQLite file; and, loaded into it,
the EMPTY PostgreSQL database at URL, if given), times, as medians over N polls, each in its own unit of work as
a desk runs it:

  count stamp (before)   the old stamp: max ids plus count(checked_in_at), count(checked_out_at)
  ledger_stamp (after)   max ids of the ledger tables and of stay_change
  poll after a change    ledger_stamp plus the folios changed since the last stamp

Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from bench.big_hotel import build, sqlite_copy
from desk.db.changes import ledger_stamp, poll_changes
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.models import Bill, Folio, Payment, Posting, PostingMove
from desk.ledger.postings import post_service
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.models import Reservation, ReservationStatus, StayChange


def count_stamp(session: Session) -> tuple[int, ...]:
    """The stamp as it was before: two counts over the whole reservation table."""
    row = session.execute(
        select(
            select(func.coalesce(func.max(Posting.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Payment.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(PostingMove.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(Bill.id), 0)).scalar_subquery(),
            select(func.count(Reservation.checked_in_at)).scalar_subquery(),
            select(func.count(Reservation.checked_out_at)).scalar_subquery(),
        )
    ).one()
    return tuple(int(value) for value in row)


def median_ms(database: Database, fn: Callable[[Session], object], polls: int) -> float:
    times = []
    for _ in range(polls):
        start = time.perf_counter()
        with database.unit_of_work() as session:
            fn(session)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench(url: str, reservations: int, polls: int) -> None:
    database = Database(url)
    try:
        if database.engine.dialect.name == "postgresql":
            build(database, reservations)
        print(f"{database.engine.dialect.name}: {reservations:,} reservations; medians of {polls} polls")
        print(f"  count stamp (before)   {median_ms(database, count_stamp, polls):8.2f} ms")
        print(f"  ledger_stamp (after)   {median_ms(database, ledger_stamp, polls):8.2f} ms")
        if database.engine.dialect.name == "postgresql":  # show that it is index reads only
            with database.unit_of_work() as session:
                session.execute(text("ANALYZE"))
            print(f"  ledger_stamp after ANALYZE {median_ms(database, ledger_stamp, polls):8.2f} ms; its plan:")
            with database.unit_of_work() as session:
                stamp_sql = str(select(*(
                    select(func.coalesce(func.max(column), 0)).scalar_subquery()
                    for column in (Posting.id, Payment.id, PostingMove.id, Bill.id, StayChange.id)
                )).compile(database.engine, compile_kwargs={"literal_binds": True}))
                for (line,) in session.execute(text(f"EXPLAIN {stamp_sql}")):
                    print(f"    {line}")
        runner = Runner(database)
        with database.unit_of_work() as session:
            bill_id = session.scalar(
                select(func.max(Bill.id)).join(Folio).join(Reservation)
                .where(Reservation.status == ReservationStatus.IN_HOUSE)
            )
        times = []
        for _ in range(polls):
            with database.unit_of_work() as session:
                stamp = ledger_stamp(session)
            actor = trusted_actor("bench", "BENCH", Role.CLERK)
            runner.run(post_service, actor, bill_id=bill_id, service_code="MB-BEER")
            t0 = time.perf_counter()
            with database.unit_of_work() as session:
                _now, folios = poll_changes(session, stamp)
            times.append((time.perf_counter() - t0) * 1000)
            assert len(folios) == 1
        print(f"  poll after a change    {statistics.median(times):8.2f} ms")
    finally:
        database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--polls", type=int, default=50)
    parser.add_argument("--postgres", metavar="URL", help="also measure an empty PostgreSQL database")
    parser.add_argument("--throwaway-postgres", action="store_true",
                        help="also measure on a PostgreSQL server started for this run (tests/pg_server.py)")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as directory:
            url, _samples = sqlite_copy(Path(directory), args.reservations)
            bench(url, args.reservations, args.polls)
    if args.postgres:
        bench(args.postgres, args.reservations, args.polls)
    if args.throwaway_postgres:
        from tests.pg_server import PgServer

        server = PgServer.start(durable=True)
        try:
            bench(server.create_database("bench_changes"), args.reservations, args.polls)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
