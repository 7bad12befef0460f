"""The 3-line cash sale on the big hotel (bench/big_hotel.py), against the same sale in raw SQL.

    python bench/bench_big_sale.py [--sales N] [--reservations N] [--no-postgres] [--no-sqlite]

On the big hotel with its statistics, SQLite and then PostgreSQL (a server started for the run,
tests/pg_server.py), times a sale of three minibar lines paid in cash:

  raw SQL          three posting INSERTs and a payment INSERT in one transaction, on the driver
  use cases        post_services with the three lines, then take_payment, each its own unit as the
                   desk's screens run them (Add service with two lines added before Apply, then
                   Take payment), by a cashier signed in
  ... long folio   the same on the long stay's bill, 5,000 postings

and prints medians, p95, the ratio to raw SQL and the round trips one sale makes (statements,
commits, and the connection checks of PostgreSQL's pool). The desk commits
twice (the lines, then the payment), each commit a sync of the log on SQLite
(synchronous=FULL, never lowered): raw SQL is timed both in one commit and in two. Target (issue
23): at most 10x raw SQL on each database, and the long folio no slower than a new one (what the
bill owes is read from the totals the database keeps, migration 0024). Prints the load average
with the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event

from bench.big_hotel import TODAY, Samples, on_big_hotels, p95
from desk.cash.shifts import open_shift
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import ServiceLine, post_services
from desk.people.models import Role
from desk.stays.business_day import has_business_date, start_business_days
from tests.actors import signed_in

LINES = (("MB-BEER", "Minibar: beer", "5.00"), ("MB-WATER", "Minibar: mineral water", "3.50"),
         ("PARKING", "Parking (per day)", "12.00"))
TOTAL = sum(Decimal(price) for _code, _name, price in LINES)


@contextmanager
def counting(database: Database) -> Iterator[Counter[str]]:
    seen: Counter[str] = Counter()

    def count(_conn, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        seen[statement.split(None, 1)[0].upper()] += 1

    def committed(_conn) -> None:  # type: ignore[no-untyped-def]
        seen["COMMIT"] += 1

    # A pooled connection's liveness check goes to the server without a cursor event: counted too,
    # as the round trip it is (desk.db.engine.IDLE_CHECK_AFTER_S).
    dialect = database.engine.dialect
    ping = dialect.do_ping

    def pinged(dbapi_connection) -> bool:  # type: ignore[no-untyped-def]
        seen["PING"] += 1
        return ping(dbapi_connection)

    event.listen(database.engine, "before_cursor_execute", count)
    event.listen(database.engine, "commit", committed)
    dialect.do_ping = pinged  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        dialect.do_ping = ping  # type: ignore[method-assign]
        event.remove(database.engine, "before_cursor_execute", count)
        event.remove(database.engine, "commit", committed)


def raw_sale(database: Database, bill_id: int, shift_id: int, *, commits: int = 1) -> None:
    """What the sale writes (three postings, the payment, its place in the cash shift), as
    hand-written SQL: the floor any layer is measured on. ``commits=2`` commits after the postings
    and after the payment, as the desk does (one dialog, one unit of work)."""
    now = datetime.now(UTC).isoformat(" ")
    postgres = database.engine.dialect.name == "postgresql"
    mark = "%s" if postgres else "?"
    connection = database.engine.raw_connection()
    try:
        cursor = connection.cursor()

        def begin() -> None:
            if not postgres:
                cursor.execute("BEGIN IMMEDIATE")

        begin()
        for code, name, price in LINES:
            cursor.execute(
                "INSERT INTO posting (folio_id, bill_id, kind, service_code, description, quantity, unit_price, "
                "amount, tax_code, tax_percent, tax_amount, ordered_at, business_date, source, reason, created_at, "
                f"created_by, workstation) VALUES ({', '.join([mark] * 18)})",
                (bill_id, bill_id, "charge", code, name, "1", f"EUR {price}", f"EUR {price}", "VAT20", "20",
                 "EUR 0.58", now, TODAY.isoformat(), "desk", "", now, "bench", "BENCH"))
        if commits > 1:
            connection.commit()
            begin()
        # RETURNING, not lastval(): the ledger's trigger (migration 0052) draws from another sequence after it.
        cursor.execute(
            "INSERT INTO payment (folio_id, bill_id, kind, method_code, amount, rate, base_amount, text, payer_name, "
            f"paid_on, reason, created_at, created_by, workstation) VALUES ({', '.join([mark] * 14)})"
            + (" RETURNING id" if postgres else ""),
            (bill_id, bill_id, "payment", "cash", f"EUR {TOTAL}", "1", f"EUR {TOTAL}", "", "", TODAY.isoformat(),
             "", now, "bench", "BENCH"))
        payment_id = cursor.fetchone()[0] if postgres else cursor.lastrowid
        cursor.execute(f"INSERT INTO shift_payment (shift_id, payment_id) VALUES ({mark}, {mark})",
                       (shift_id, payment_id))
        connection.commit()
    finally:
        connection.close()


def use_case_sale(runner: Runner, actor, bill_id: int) -> None:  # type: ignore[no-untyped-def]
    """As ui/dialogs/services.py's Apply posts the lines, then ui/dialogs/payment.py's takes the cash."""
    lines = [ServiceLine(code, Decimal(1), Money.of(price, "EUR")) for code, _name, price in LINES]
    runner.run(post_services, actor, bill_id=bill_id, lines=lines)
    runner.run(take_payment, actor, bill_id, Tender("cash", Money.of(TOTAL, "EUR")),
               idempotency_key=os.urandom(16).hex())


@dataclass(frozen=True)
class Timing:
    """Milliseconds per sale, sorted: wall time, and this process's CPU time. On a machine others
    load, waits for the disk's syncs and for the CPU swing the wall time; our own work stays."""

    wall: list[float]
    cpu: list[float]


def timed(fn: Callable[[], object], count: int) -> Timing:
    fn()  # statements compiled and caches warm, as in a desk that has been running
    wall, cpu = [], []
    for _ in range(count):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return Timing(sorted(wall), sorted(cpu))


def line(label: str, timing: Timing, floor: Timing | None = None) -> Timing:
    median, cpu = statistics.median(timing.wall), statistics.median(timing.cpu)
    ratio = ""
    if floor is not None:
        ratio = (f"   {median / statistics.median(floor.wall):5.1f}x raw SQL"
                 f" (CPU {cpu / statistics.median(floor.cpu):5.1f}x)")
    print(f"  {label:<28} median {median:7.2f} ms   p95 {p95(timing.wall):7.2f} ms   CPU {cpu:6.2f} ms{ratio}",
          flush=True)
    return timing


def bench(database: Database, samples: Samples, sales: int) -> None:
    # Other work on the machine moves every figure: the load is printed with them.
    print("  load average " + " ".join(f"{load:.1f}" for load in os.getloadavg()), flush=True)
    runner = Runner(database)
    # The big hotel is built without a business day; a hotel set up has one (open_hotel), and dates
    # every posting by it, as the raw SQL does.
    with database.unit_of_work() as session:
        started = has_business_date(session)
    if not started:
        runner.run(start_business_days, signed_in(database, Role.MANAGER, "BENCH-1"), TODAY)
    actor = signed_in(database, Role.CASHIER, "BENCH-1")
    shift_id = runner.run(open_shift, actor, [Money.of("100.00", "EUR")]).value.shift_id
    new_bills = iter(samples.new_bills)
    one = line("raw SQL, one commit", timed(lambda: raw_sale(database, next(new_bills), shift_id), sales))
    two = line("raw SQL, two commits", timed(lambda: raw_sale(database, next(new_bills), shift_id, commits=2),
                                             sales), one)
    new_bill = next(new_bills)
    for label, bill in (("new folio", new_bill), ("long folio", samples.long_bill)):
        sale = line(f"use cases, {label}", timed(lambda bill=bill: use_case_sale(runner, actor, bill), sales), one)
        print(f"  {'':<28} {statistics.median(sale.wall) / statistics.median(two.wall):5.1f}x raw SQL with as "
              f"many commits (CPU {statistics.median(sale.cpu) / statistics.median(two.cpu):5.1f}x)")
    with counting(database) as seen:
        use_case_sale(runner, actor, samples.long_bill)
    print(f"  round trips in one sale: {sum(seen.values())} ({', '.join(f'{n} {k}' for k, n in seen.most_common())})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sales", type=int, default=100)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="the PostgreSQL part alone")
    args = parser.parse_args()
    on_big_hotels(lambda database, samples: bench(database, samples, args.sales), args.reservations,
                  postgres=not args.no_postgres, sqlite=not args.no_sqlite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
