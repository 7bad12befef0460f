"""The ``desk`` command: run the workstation, manage its database, seed the demo hotel."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback
from collections.abc import Sequence

from desk.db import ENV_URL, Database, display_url, hide_password, resolve_url


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk", description=__doc__)
    parser.add_argument("--database", metavar="URL",
                        help=f"SQLAlchemy URL (default: ${ENV_URL}, else a SQLite file in the user's data folder)")
    parser.add_argument("-v", "--verbose", action="store_true")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="open the workstation window")
    run.add_argument("--demo", action="store_true", help="seed the demo hotel if the database is empty")
    run.add_argument("--user", default=None,
                     help="preselect this user name in the sign-in window (the password is still asked)")
    run.add_argument("--workstation", default=None, help="this desk's name (default: the host name)")
    run.add_argument("--language", choices=["en", "ru", "bg"], default=None)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="bring the database to the latest schema")
    db_commands.add_parser("url", help="print the database in use")

    demo = commands.add_parser("demo", help="seed the demo hotel")
    demo.add_argument("--if-empty", action="store_true", help="do nothing when the hotel is set up")

    from desk.pos.cli import add_commands

    add_commands(commands)
    from desk.terminals_cli import add_commands as add_terminal_commands

    add_terminal_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command == "run":
        # The GUI is a separate package: the domain never imports Qt, so it is found by name.
        gui = importlib.import_module("ui.app")
        return int(gui.main(args))
    url = resolve_url(args.database)
    try:
        if args.command == "db":
            if args.db_command == "url":
                print(display_url(url))
                return 0
            Database(url).dispose()
            print(f"Database is up to date: {display_url(url)}")
            return 0
        if args.command == "demo":
            return seed_demo_command(url, if_empty=args.if_empty)
        if args.command == "terminals":
            from desk.terminals_cli import run as run_terminals

            return run_terminals(args, url)
        if args.command in ("serve", "pos"):
            from desk.pos.cli import run

            return run(args)
    except Exception as exc:  # a traceback would show the URL as typed, password and all
        details = "".join(traceback.format_exception(exc))
        logging.getLogger(__name__).debug("%s", hide_password(details, url))
        print(f"desk: {hide_password(str(exc), url)}", file=sys.stderr)
        return 1
    return 2


def seed_demo_command(url: str | None, *, if_empty: bool) -> int:
    from desk.demo import has_data, seed_demo

    database = Database(url)
    try:
        with database.writing() as session:
            if has_data(session):
                if if_empty:
                    return 0
                print("The database already holds a hotel; use an empty one for the demo.", file=sys.stderr)
                return 1
            seed_demo(session)
        print(f"Demo hotel seeded into {database.display_url}")
        return 0
    finally:
        database.dispose()
