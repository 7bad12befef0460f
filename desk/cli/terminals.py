"""``desk terminals``: list, add and remove the card terminals of a workstation."""

from __future__ import annotations

import argparse
import os
import socket
from typing import Any

from desk.cards.terminals import TerminalInfo, add_terminal, list_terminals, remove_terminal, set_terminal_slips
from desk.db.engine import Database
from desk.people.auth import Actor, trusted_actor
from desk.people.models import Role


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
    add.add_argument("--password", default="000000", help="the terminal's six-digit cashier password")
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


def _operator() -> Actor:
    # Whoever may run this command on the server may configure devices, as with `desk pos`.
    return trusted_actor(os.environ.get("USER", "admin")[:40], socket.gethostname()[:40], Role.MANAGER)


def run(args: argparse.Namespace, url: str) -> int:
    database = Database(url)
    try:
        with database.unit_of_work() as session:
            if args.terminals_command == "add":
                info = add_terminal(session, _operator(), args.workstation, args.name, args.url, args.currency,
                                    args.password, own_printer=args.own_printer, merchant_copy=args.merchant_copy)
                print(f"Added terminal {info.id}: {info.name} at {info.workstation} ({info.url}, {info.currency})")
            elif args.terminals_command == "slips":
                info = set_terminal_slips(session, _operator(), args.id, own_printer=args.own_printer,
                                          merchant_copy=args.merchant_copy)
                print(f"Terminal {info.id}: {_slips_text(info)}")
            elif args.terminals_command == "remove":
                remove_terminal(session, _operator(), args.id)
                print(f"Removed terminal {args.id}")
            else:
                for info in list_terminals(session, args.workstation):
                    print(f"{info.id}\t{info.workstation}\t{info.name}\t{info.url}\t{info.currency}\t"
                          f"{_slips_text(info)}")
        return 0
    finally:
        database.dispose()


def _slips_text(info: TerminalInfo) -> str:
    if info.own_printer:
        return "slips: the terminal prints them"
    return "slips: desk printer, guest and merchant copies" if info.merchant_copy else "slips: desk printer, guest copy"
