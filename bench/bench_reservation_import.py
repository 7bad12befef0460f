"""The CSV import of 10,000 reservations on SQLite (issue 24's target: under 30 s).

    python bench/bench_reservation_import.py [--reservations 10000] [--rooms 500]

A hotel set up as the tests' with ``--rooms`` Double rooms; a file of reservations of two guests
each, by name, three nights apiece, spread over the coming years so that each fits a free room of
the type. Timed: ``import_reservations`` as the command runs it, in one unit of work, and then the
same file again (every row found by its external id, nothing changed). Prints the wall and CPU
time; asserts that every row went in once.

Measured 2026-12-07 on the shared 2-core machine (eight engineers' tests running), before: the
first import 1140.7 s wall, 151.2 s CPU; the same file again 42.8 s wall, 9.4 s CPU. Each row was
booked by ``desk.stays.booking.book`` at about 15 ms of CPU, most of it the room type's
availability check, reading every stay of the type again.

Then (the import checks each booking by type against counts read once, ``TypeNights``; its room
types and guests kept at hand), load average 6-8.5: the first import 355.7 s wall, 85.0 s CPU; the
same file again 43.6 s wall, 10.0 s CPU. About 8.5 ms of CPU a row was SQLAlchemy's unit of work
(six flushes a row) and a savepoint per row.

Now (new rows checked one by one as before, then written 500 at a time with one executemany per
table: guests, reservations, their numbers, guests of each, folios, bills, the import's records;
what the file names read a few hundred ids at a time; an unchanged row reads and writes nothing),
2026-12-07, load average 14-15: the first import 23.2 s wall, 3.6 s CPU, 257 statements (140 of
them executemany); the same file again 5.5 s wall, 0.6 s CPU, 93 statements. Prints the statements
each run sent.
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

from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_settings
from desk.hotel.models import Room
from desk.imports.reservations import RowOutcome, import_reservations
from desk.people.models import Role
from desk.stays.business_day import start_business_days
from desk.stays.models import Reservation
from tests.actors import signed_in

TARGET_S = 30.0


def the_file(count: int, rooms: int) -> bytes:
    start = date.today() + timedelta(days=1)
    lines = ["external_id;guests;room_type;arrival;departure;rate"]
    for n in range(count):
        # Each room type's nights never overbook: reservation n takes a slot of three nights.
        arrival = start + timedelta(days=3 * (n // rooms))
        lines.append(f"EXT-{n:06d};Guest{n} Bench|Other{n} Bench;Double;{arrival.isoformat()};"
                     f"{(arrival + timedelta(days=3)).isoformat()};{90 + n % 20}.00")
    return ("\n".join(lines) + "\n").encode()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reservations", type=int, default=10_000)
    parser.add_argument("--rooms", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        database = Database(url)
        with database.writing() as session:
            seed_settings(session, base_currency="EUR", country="")
            session.add_all(Room(number=f"{1 + n // 50}{n % 50:03d}", floor=1 + n // 50, room_type="Double")
                            for n in range(args.rooms))
        manager = signed_in(database, Role.MANAGER, "BENCH-1")
        Runner(database).run(start_business_days, manager, date.today())
        content = the_file(args.reservations, args.rooms)
        statements: list[bool] = []  # one per statement sent (an executemany counts once), True if many
        event.listen(database.engine, "before_cursor_execute",
                     lambda _c, _cur, _s, _p, _ctx, many: statements.append(bool(many)))
        for attempt in ("first import", "the same file again"):
            statements.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            done = Runner(database).run(import_reservations, manager, content, "bench.csv").value
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{attempt}: {args.reservations} reservations in {wall:.1f} s wall, {cpu:.1f} s CPU "
                  f"(target {TARGET_S:.0f} s); new {done.count(RowOutcome.NEW)}, "
                  f"unchanged {done.count(RowOutcome.UNCHANGED)}, refused {len(done.problems)}; "
                  f"{len(statements)} statements ({sum(statements)} executemany)")
            assert not done.problems, done.problems[:3]
        with database.unit_of_work() as session:
            assert session.scalar(select(func.count(Reservation.id))) == args.reservations
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
