"""``desk report NAME``: a manager's report from a script, as CSV or PDF, in the hotel's language.

It signs in like the settings commands (``DESK_USER`` and ``DESK_PASSWORD``, or the tables' owner on
PostgreSQL); the signed-in user's rights decide what the report holds, as on screen.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desk.cli.operator import settings_operator
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.country import hotel_format

# The names `desk.reports.tables.report_names` gives; spelled here because the parser is built before
# sign-in, and desk.reports brings ReportLab with it (tests/desk/test_report_figures.py keeps both equal).
REPORTS = ("balances", "cards", "cashier", "revenue", "voids")


def add_commands(commands: Any) -> None:
    report = commands.add_parser("report", help="a report of the ledger (cashier, voids) as CSV or PDF")
    report.add_argument("name", choices=REPORTS)
    report.add_argument("--date", required=True, type=date.fromisoformat, help="the first day, YYYY-MM-DD")
    report.add_argument("--to", type=date.fromisoformat, help="the last day (default: --date)")
    report.add_argument("--workstation", help="only this workstation")
    out = report.add_mutually_exclusive_group()
    out.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF in the hotel's language")
    out.add_argument("--csv", type=Path, metavar="FILE", help="write CSV (default: CSV on standard output)")


def run(args: argparse.Namespace, url: str | None) -> int:
    from desk.reports.tables import make_report, report_csv, report_pdf

    database = Database(url)
    runner = Runner(database)
    reader = settings_operator(database)
    fmt = runner.read(hotel_format)
    report = runner.read(make_report, reader, args.name, args.date, args.to, args.workstation, fmt.language)
    if args.pdf:
        args.pdf.write_bytes(report_pdf(report, fmt))
        print(f"Written {args.pdf}")
    elif args.csv:
        args.csv.write_text(report_csv(report, fmt.language), encoding="utf-8")
        print(f"Written {args.csv}")
    else:
        sys.stdout.write(report_csv(report, fmt.language))
    return 0
