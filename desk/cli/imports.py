"""``desk import rooms|services|companies|guests FILE.csv``: another system's data in, whole or not
at all; a refusal lists each line at fault. ``desk import reservations FILE.csv [--dry-run]``: row
by row, by external id; each refused line listed, the rest in (a dry run writes nothing). Signs a
manager in like the other settings commands (``DESK_USER`` and ``DESK_PASSWORD``, or the tables'
owner on PostgreSQL)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk.cli.operator import settings_operator
from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.imports.csv_import import KINDS, ImportRefused, import_csv
from desk.imports.reservations import ReservationImport, RowOutcome, import_reservations


def add_commands(commands: Any) -> None:
    command = commands.add_parser(
        "import", help="rooms, services, companies or guests from a CSV file (all rows or none)",
        epilog="The first line names the columns (README.md lists them); UTF-8, with or without a BOM, "
               "values separated by ; or ,")
    command.add_argument("kind", choices=sorted([*KINDS, "reservations"]))
    command.add_argument("file")
    command.add_argument("--dry-run", action="store_true",
                         help="reservations: show what would change and write nothing")


def run(args: argparse.Namespace, url: str) -> int:
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        print(f"desk: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    database = Database(url)
    try:
        manager = settings_operator(database)
        if args.kind == "reservations":
            done = Runner(database).run(import_reservations, manager, content, path.name, dry_run=args.dry_run).value
            return _reservations_done(done, path.name)
        summary = Runner(database).run(import_csv, manager, args.kind, content, path.name).value
    except ImportRefused as refused:
        print(f"desk: {refused.message}", file=sys.stderr)
        for line, problem in refused.problems:
            print(f"  line {line}: {problem.message}", file=sys.stderr)
        return 1
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"Imported {summary.imported} {summary.kind} from {path.name}")
    return 0


def _reservations_done(done: ReservationImport, file_name: str) -> int:
    for row in done.rows:
        if row.outcome is not RowOutcome.UNCHANGED:
            print(f"line {row.line}: {row.external_id} {row.outcome.value}, {row.status.value} ({row.number})")
    for line, problem in done.problems:
        print(f"line {line}: refused: {problem.message}", file=sys.stderr)
    counts = ", ".join(f"{done.count(outcome)} {outcome.value}" for outcome in RowOutcome)
    verb = "Would import" if done.dry_run else "Imported"
    print(f"{verb} from {file_name}: {counts}, {len(done.problems)} refused")
    return 1 if done.problems else 0
