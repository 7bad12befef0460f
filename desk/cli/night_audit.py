"""``desk night-audit``: close the hotel's business day from a script or a systemd timer.

It signs in as a manager like the other settings commands (``DESK_USER`` and ``DESK_PASSWORD``, or
the tables' owner on PostgreSQL). ``--dry-run`` lists what is open and what would be charged;
without ``--reason`` an open item stops it before anything is charged (exit 3), so a timer that runs
it unattended leaves the day to a manager unless the hotel chose to close over open items.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from desk.cli.operator import settings_operator
from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.stays.night_audit import AuditPlan, OpenItemsRemain, audit_plan, run_night_audit

OPEN_ITEMS_EXIT = 3


def add_commands(commands: Any) -> None:
    audit = commands.add_parser("night-audit", help="close the business day: charge its nights, mark no-shows, "
                                                    "move the business date")
    audit.add_argument("--reason", default="",
                       help="close the day even over open items (open shifts, pending card operations, "
                            "unprinted receipts, arrivals, departures), for this reason, which is recorded")
    audit.add_argument("--if-day-ended", action="store_true",
                       help="only close a business day before today's date (for a timer after midnight: a day "
                            "a manager already closed in the evening is not closed again before it began)")
    audit.add_argument("--dry-run", action="store_true",
                       help="list what is open and what would be done; change nothing")


def _print_plan(plan: AuditPlan) -> None:
    print(f"Business date: {plan.business_date.isoformat()}")
    print(f"Open items: {len(plan.open_items)}")
    for item in plan.open_items:
        print(f"  {item.english()}")
    print(f"In-house stays to charge: {plan.stays}; reservations to mark as no-shows: {plan.no_shows}")


def run(args: argparse.Namespace, url: str | None) -> int:
    database = Database(url)
    runner = Runner(database)
    try:
        plan = runner.read(audit_plan)
        if args.dry_run:
            _print_plan(plan)
            return 0
        if args.if_day_ended and plan.business_date >= date.today():
            print(f"Business day {plan.business_date.isoformat()} has not ended yet: nothing to do")
            return 0
        try:
            manager = settings_operator(database)
            summary = run_night_audit(runner, manager, reason=args.reason)
        except OpenItemsRemain as exc:
            _print_plan(plan)
            print(f"desk: {exc.message} (--reason)", file=sys.stderr)
            return OPEN_ITEMS_EXIT
        except DeskError as exc:
            print(f"desk: {exc.message}", file=sys.stderr)
            return 1
    finally:
        database.dispose()
    if summary.cards_deleted:
        print(f"Saved cards past their date deleted: {summary.cards_deleted}")
    for kept in summary.cards_not_deleted:
        why = f"the operator refused: {kept.refusal}" if kept.refusal else "the operator was not reached"
        print(f"desk: saved card {kept.card} not deleted yet ({why}); the next night audit tries again",
              file=sys.stderr)
    if summary.refused:
        for night in summary.refused:
            print(f"desk: reservation {night.reservation} not charged: {night.refusal.message}", file=sys.stderr)
        print(f"Business day {summary.business_date.isoformat()} not closed: {summary.nights} nights charged "
              f"({summary.rooms}), {len(summary.refused)} refused; run it again once they are settled")
        return 1
    print(f"Business day {summary.business_date.isoformat()} closed: {summary.nights} nights charged "
          f"({summary.rooms}), city tax {summary.city_tax}, {summary.no_shows} no-shows; "
          f"the business date is now {summary.new_business_date}")
    if summary.anchor_warning is not None:
        print(f"desk: warning: {summary.anchor_warning.message} (the audit trail itself is intact)", file=sys.stderr)
    return 0
