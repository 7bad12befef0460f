"""``desk terminals``: list, add and remove the card terminals of a workstation."""

from __future__ import annotations

import argparse
import socket
import sys
from typing import Any

from desk.cards.terminals import TerminalInfo, add_terminal, list_terminals, remove_terminal, set_terminal_slips
from desk.cli.operator import ask_secret, settings_operator
from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.db.runner import Runner

TERMINAL_PASSWORD_ENV = "DESK_TERMINAL_PASSWORD"


def add_commands(commands: Any) -> None:
    terminals = commands.add_parser("terminals", help="card terminals per workstation")
    sub = terminals.add_subparsers(dest="terminals_command", required=True)
    listing = sub.add_parser("list", help="the configured terminals")
    listing.add_argument("--workstation", default=None, help="only this workstation's")
    add = sub.add_parser("add", help="configure a terminal (ZVT over TCP or a USB/serial line)")
    add.add_argument("name", help="its name, shown as a button in the card dialogs")
    add.add_argument("url", help="tcp://host:20007 or serial:///dev/ttyACM0")
    add.add_argument("--workstation", default=socket.gethostname()[:40])
    add.add_argument("--currency", default="EUR")
    # Never an argument: every local user reads arguments in the process list.
    add.epilog = (f"The terminal's six-digit cashier password is asked (or read from ${TERMINAL_PASSWORD_ENV}); "
                  "it is saved sealed with the key file of desk mail.")
    _slip_options(add)
    slips = sub.add_parser("slips", help="who prints the card slips of a terminal")
    slips.add_argument("id", type=int)
    _slip_options(slips)
    remove = sub.add_parser("remove", help="forget a terminal")
    remove.add_argument("id", type=int)


def _slip_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--own-printer", action="store_true",
                        help="the terminal prints its slips itself (default: the desk's receipt printer does)")
    parser.add_argument("--merchant-copy", action="store_true",
                        help="the desk prints the merchant's copy too (default: the guest's copy only)")


def run(args: argparse.Namespace, url: str) -> int:
    database = Database(url)
    runner = Runner(database)
    try:
        if args.terminals_command == "list":
            for info in runner.read(list_terminals, args.workstation):
                print(f"{info.id}\t{info.workstation}\t{info.name}\t{info.url}\t{info.currency}\t"
                      f"{_slips_text(info)}")
            return 0
        try:
            operator = settings_operator(database)
            if args.terminals_command == "add":
                password = ask_secret(f"Cashier password of terminal {args.name}: ", TERMINAL_PASSWORD_ENV)
                info = runner.run(add_terminal, operator, args.workstation, args.name, args.url, args.currency,
                                  password, own_printer=args.own_printer, merchant_copy=args.merchant_copy).value
                print(f"Added terminal {info.id}: {info.name} at {info.workstation} ({info.url}, {info.currency})")
            elif args.terminals_command == "slips":
                info = runner.run(set_terminal_slips, operator, args.id, own_printer=args.own_printer,
                                  merchant_copy=args.merchant_copy).value
                print(f"Terminal {info.id}: {_slips_text(info)}")
            else:
                runner.run(remove_terminal, operator, args.id)
                print(f"Removed terminal {args.id}")
        except DeskError as exc:
            print(f"desk: {exc.message}", file=sys.stderr)
            return 1
        return 0
    finally:
        database.dispose()


def _slips_text(info: TerminalInfo) -> str:
    if info.own_printer:
        return "slips: the terminal prints them"
    return "slips: desk printer, guest and merchant copies" if info.merchant_copy else "slips: desk printer, guest copy"
