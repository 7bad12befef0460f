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
from desk.stays.city_tax import city_tax_history, set_guest_city_tax
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
    exempt = sub.add_parser("guest", help="a guest's birth date and why the city tax does not apply to them")
    exempt.add_argument("guest_id", type=int)
    exempt.add_argument("--born", default=None, help="YYYY-MM-DD")
    exempt.add_argument("--exemption", default="", help="the reason (disabled, on duty...); empty: the tax applies")
    set_command.add_argument("--percent", default="0", help="besides the amount, this percentage of the room night")
    set_command.add_argument("--children-under", type=int, default=None, metavar="AGE",
                             help="guests younger than AGE pay no city tax")


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
            runner.run(set_city_tax, settings_operator(database), args.service, amount, day,
                       percent_of_rate=parse_rate(args.percent), child_age_under=args.children_under)
        if args.city_tax_command == "guest":
            try:
                born = date.fromisoformat(args.born) if args.born else None
            except ValueError:
                raise InvalidInput("{date} is not a date (YYYY-MM-DD)", field="birth_date", date=args.born) from None
            runner.run(set_guest_city_tax, settings_operator(database), args.guest_id, born, args.exemption)
            print(f"Guest {args.guest_id}: born {born or '-'}, exemption: {args.exemption or '-'}")
            return 0
        rows = runner.read(city_tax_history)
        if not rows:
            print("No city tax is set.")
        for row in rows:
            rules = f"  {row.percent_of_rate.normalize():f}% of the room night" if row.percent_of_rate else ""
            if row.child_age_under:
                rules += f"  children under {row.child_age_under} exempt"
            print(f"{row.valid_from.isoformat()}  {row.per_person_night} per guest and night{rules}  "
                  f"{row.service_code}  set by {row.set_by}")
        return 0
    finally:
        database.dispose()
