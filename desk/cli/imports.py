"""``desk import rooms|services|companies|guests FILE.csv``: another system's data in, whole or not
at all; a refusal lists each line at fault. Signs a manager in like the other settings commands
(``DESK_USER`` and ``DESK_PASSWORD``, or the tables' owner on PostgreSQL)."""

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


def add_commands(commands: Any) -> None:
    command = commands.add_parser(
        "import", help="rooms, services, companies or guests from a CSV file (all rows or none)",
        epilog="The first line names the columns (README.md lists them); UTF-8, with or without a BOM, "
               "values separated by ; or ,")
    command.add_argument("kind", choices=sorted(KINDS))
    command.add_argument("file")


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
