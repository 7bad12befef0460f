"""A month of reports on the big hotel (bench/big_hotel.py): each must be made in under 3 s.

    python bench/bench_reports.py [--reservations N] [--no-postgres]

The big hotel's guests pay on the day they leave, at one of three front desks, to the morning or the
evening cashier (bench/big_hotel.py); the bench opens and closes those shifts, two a desk a day, for
the hotel's last month (about 180 shifts and 3,000 payments) and makes each report of that month.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from bench.big_hotel import DESKS, TODAY, Samples, on_big_hotels
from desk.cash.models import CashShift, ShiftClose
from desk.core.document_format import format_of_language
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.models import Payment
from desk.people.models import Role
from desk.reports.tables import make_report, report_csv, report_names, report_pdf
from tests.actors import signed_in

LIMIT_S = 3.0


def open_shifts(database: Database, first: date, last: date) -> int:
    """A shift per desk and cashier per day, as the big hotel's payments were taken (bench/big_hotel.py):
    06:00-14:00 and 14:00-22:00 on each front desk, each closed; the number of shifts."""
    shifts = 0
    with database.writing() as session:
        for desk, cashiers in enumerate(DESKS, start=1):
            number = 0
            day = first
            while day <= last:
                for cashier, hour in zip(cashiers, (6, 14), strict=True):
                    number += 1
                    opened = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
                    shift = CashShift(workstation=f"FRONT-{desk}", number=number, opened_by=cashier, opened_at=opened)
                    session.add(shift)
                    session.flush()
                    session.add(ShiftClose(shift_id=shift.id, closed_by=cashier, closed_at=opened + timedelta(hours=8),
                                           z_report_pdf=b""))
                    shifts += 1
                day += timedelta(days=1)
    return shifts


def bench(database: Database, _samples: Samples) -> None:
    runner = Runner(database)
    first, last = TODAY - timedelta(days=30), TODAY
    with database.unit_of_work() as session:
        paid = session.scalar(select(func.count(Payment.id)).where(
            Payment.created_at >= datetime(first.year, first.month, first.day, tzinfo=UTC)))
    print(f"  {open_shifts(database, first, last)} shifts, {paid} payments in {first}..{last}", flush=True)
    manager = signed_in(database, Role.MANAGER)
    failed = []
    for name in report_names():
        runner.read(make_report, manager, name, date.today(), None, None, "en")  # statements compiled once
        days = (first, last)
        start = time.perf_counter()
        report = runner.read(make_report, manager, name, *days, None, "en")
        made = time.perf_counter() - start
        start = time.perf_counter()
        report_pdf(report, format_of_language("en"))
        report_csv(report)
        written = time.perf_counter() - start
        rows = sum(len(s.rows) for s in report.sections)
        print(f"  {name:10} {days[0]}..{days[1]}: made in {made:.2f} s ({rows} rows), PDF and CSV in {written:.2f} s",
              flush=True)
        if made > LIMIT_S:
            failed.append(name)
    if failed:
        print(f"  over {LIMIT_S} s: {', '.join(failed)}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(f"started {datetime.now(UTC):%H:%M:%S}")
    on_big_hotels(bench, args.reservations, postgres=not args.no_postgres)
    return 0


if __name__ == "__main__":
    sys.exit(main())
