"""A month of reports on the big hotel (bench/big_hotel.py): each must be made in under 3 s.

    python bench/bench_reports.py [--reservations N] [--no-postgres]

The big hotel's ledger rows were all written when it was built, so a month that holds that moment
holds all of them: 2,000,000 postings and 190,000 payments, five years' worth, a far heavier month
than any hotel's. A cash shift open over that month on the workstation that wrote the payments makes
the cashier report count every one of them.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from bench.big_hotel import TODAY, Samples, on_big_hotels
from desk.cash.models import CashShift
from desk.core.document_format import format_of_language
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.models import Payment
from desk.people.models import Role
from desk.reports.tables import make_report, report_csv, report_names, report_pdf
from tests.actors import signed_in

LIMIT_S = 3.0


def bench(database: Database, _samples: Samples) -> None:
    runner = Runner(database)
    with database.writing() as session:
        built = session.scalar(select(func.min(Payment.created_at)))
        workstation = session.scalar(select(Payment.workstation).limit(1))
        assert built is not None and workstation is not None
        session.add(CashShift(workstation=workstation, number=1, opened_by="ivan",
                              opened_at=built - timedelta(hours=1)))
    first = (built.astimezone(UTC) - timedelta(days=15)).date()
    last = first + timedelta(days=30)
    manager = signed_in(database, Role.MANAGER)
    failed = []
    for name in report_names():
        runner.read(make_report, manager, name, date.today(), None, None, "en")  # statements compiled once
        # Revenue counts business dates, which the big hotel spreads over five years: its last month.
        days = (TODAY - timedelta(days=30), TODAY) if name == "revenue" else (first, last)
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
