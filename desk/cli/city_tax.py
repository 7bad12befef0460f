"""``desk city-tax``: the city tax the night audit charges per guest and night, from a date on.

Setting it signs a manager in like the other settings commands (``DESK_USER`` and
``DESK_PASSWORD``, or the tables' owner on PostgreSQL). A setting is never changed: a new amount
from a later date replaces it from then on, and 0 stops the tax from its date.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desk.cli.operator import settings_operator
from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.reference import base_currency
from desk.hotel.setup import parse_rate
from desk.stays.city_tax import city_tax_history
from desk.stays.night_audit import set_city_tax


def add_commands(commands: Any) -> None:
    city_tax = commands.add_parser("city-tax", help="the city tax per guest and night the night audit charges")
    sub = city_tax.add_subparsers(dest="city_tax_command", required=True)
    sub.add_parser("list", help="every amount and the date it applies from, newest first")
    set_command = sub.add_parser("set", help="an amount per guest and night from a date on (0: none from then)")
    set_command.add_argument("amount", help="in the hotel's currency, e.g. 1.50")
    set_command.add_argument("--service", required=True, metavar="CODE",
                             help="the service the charge is posted as (its VAT rate applies)")
    set_command.add_argument("--from", dest="valid_from", default=None, help="YYYY-MM-DD (default: today)")


def run(args: argparse.Namespace, url: str) -> int:
    database = Database(url)
    try:
        runner = Runner(database)
        if args.city_tax_command == "set":
            try:
                day = date.fromisoformat(args.valid_from) if args.valid_from else date.today()
            except ValueError:
                raise InvalidInput("{date} is not a date (YYYY-MM-DD)", field="valid_from",
                                   date=args.valid_from) from None
            amount = Money.of(parse_rate(args.amount), runner.read(base_currency))
            runner.run(set_city_tax, settings_operator(database), args.service, amount, day)
        rows = runner.read(city_tax_history)
        if not rows:
            print("No city tax is set.")
        for row in rows:
            print(f"{row.valid_from.isoformat()}  {row.per_person_night} per guest and night  "
                  f"{row.service_code}  set by {row.set_by}")
        return 0
    finally:
        database.dispose()
