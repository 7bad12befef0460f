"""``desk backup FILE`` and ``desk restore FILE``: the whole database to a file and back.

Both sign a manager in like the other settings commands (``DESK_USER`` and ``DESK_PASSWORD``, or
the tables' owner on PostgreSQL). On PostgreSQL a backup runs as the desks' own role; a restore only
as the tables' owner, since it replaces the schema. A restore must be the only program connected to the database:
close the desk and the POS service on every workstation first. Either way the backup is first restored
into a scratch copy and checked (``desk restore --check FILE`` stops there).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from desk.backup.copy import back_up, check_backup, restore
from desk.backup.schedule import scheduled_backup, set_backup_schedule
from desk.cli.operator import settings_operator
from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.db.runner import Runner


def add_commands(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="copy the whole database to a new file only its owner can read (while desks work on)",
        epilog="SQLite: a consistent copy of the file; PostgreSQL: pg_dump's custom format (pg_dump must be "
               "installed; the desks' own role reads every table, so a workstation backs up as it connects).")
    backup.add_argument("file", nargs="?", help="the backup file to create (never overwritten)")
    backup.add_argument("--scheduled", action="store_true",
                        help="back up into the schedule's folder, then remove its oldest backups beyond the count "
                             "(the systemd timer's command)")
    backup.add_argument("--set-folder", metavar="FOLDER",
                        help="set the scheduled backups' folder (with --keep), then stop")
    backup.add_argument("--keep", type=int, metavar="N", help="how many scheduled backups to keep")
    restore_command = commands.add_parser(
        "restore", help="replace the whole database with a backup (no other desk may be connected)",
        epilog="A backup of an older version is upgraded; one of a newer version, damaged or not a desk's "
               "backup is refused and nothing is replaced. PostgreSQL: as the tables' owner, with psql and "
               "pg_restore installed (the desks' own role may not replace the schema).")
    restore_command.add_argument("file", help="a file made by desk backup")
    restore_command.add_argument("--check", action="store_true",
                                 help="only check the backup in a scratch copy and say what it holds; replace nothing "
                                      "(other desks may stay open)")
    restore_command.add_argument("--confirm-lost-anchored", action="store_true",
                                 help="restore a backup older than the last anchors of the audit trail or a "
                                      "register, losing the anchored entries it lacks (a manager's right)")


def run(args: argparse.Namespace, url: str) -> int:
    database = Database(url)
    try:
        try:
            manager = settings_operator(database)
            if args.command == "backup" and args.set_folder is not None:
                Runner(database).run(set_backup_schedule, manager, args.set_folder,
                                     args.keep if args.keep is not None else 0)
                print(f"Scheduled backups go to {args.set_folder}; the newest {args.keep} are kept")
                return 0
            if args.command == "backup" and args.scheduled:
                done = scheduled_backup(database, manager, datetime.now())
                removed = f"; removed {', '.join(done.removed)}" if done.removed else ""
                print(f"Backed up to {done.file} ({done.info.size} bytes){removed}")
                return 0
            if args.command == "backup":
                if args.file is None:
                    print("desk: name the backup file, or give --scheduled", file=sys.stderr)
                    return 2
                info = back_up(database, manager, Path(args.file))
                print(f"Backed up to {args.file} ({info.size} bytes, schema {', '.join(sorted(info.schema))})")
                return 0
        except DeskError as exc:
            print(f"desk: {exc.message}", file=sys.stderr)
            return 1
    finally:
        database.dispose()  # a restore must not find this process among the connected desks
    try:
        if args.check:
            check = check_backup(url, manager, Path(args.file))
            print(f"{args.file}: {check.describe()}")
            return 0 if check.clean else 1
        summary = restore(url, manager, Path(args.file), confirm_lost_anchored=args.confirm_lost_anchored)
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    upgraded = f", upgraded from {', '.join(sorted(summary.upgraded_from))}" if summary.upgraded_from else ""
    print(f"Restored from {args.file}{upgraded}; checked first: {summary.check.describe()}")
    return 0
