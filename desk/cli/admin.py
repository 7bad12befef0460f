"""``desk init``, ``desk users``, ``desk rates`` and ``desk services``: what an administrator scripts.

``desk init`` sets up a hotel on an empty database, from flags or a TOML/JSON file (README.md shows
one), as the set-up window does. The first manager's password, like every password a command sets,
is never an argument (every local user reads the process list): it is read from
``$DESK_NEW_PASSWORD``, else asked twice without echo. The other commands sign a manager in as
every settings command does (:mod:`desk.cli.operator`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from desk.cli.operator import ask_secret, settings_operator, this_host
from desk.core.errors import DeskError, InvalidInput
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.hotel.catalogue import add_service, catalogue, set_service_outlet
from desk.hotel.rates import import_ecb, list_rates, set_rate
from desk.hotel.setup import FirstManager, HotelSetup, VatRate, parse_rate, setup_actor
from desk.people.admin import PEOPLE_ROLES, add_user, change_role, list_users, reset_secret, set_user_active
from desk.people.models import Role
from desk.stays.business_day import open_hotel

NEW_PASSWORD_ENV = "DESK_NEW_PASSWORD"


def add_commands(commands: Any) -> None:
    init = commands.add_parser(
        "init", help="set up a hotel on an empty database (as the set-up window does)",
        epilog=f"The first manager's password is read from ${NEW_PASSWORD_ENV}, else asked.")
    init.add_argument("file", nargs="?", help="a TOML or JSON file with the hotel (see README.md)")
    init.add_argument("--name", help="the hotel's name")
    init.add_argument("--base-currency", default=None, help="ISO 4217, e.g. EUR")
    init.add_argument("--country", default=None, help="ISO 3166 two letters: its fiscal documents' language")
    init.add_argument("--time-zone", default=None, help="e.g. Europe/Sofia")
    init.add_argument("--address", default=None)
    init.add_argument("--tax-id", default=None)
    init.add_argument("--vat-number", default=None, help="the VAT number invoices print (ДДС №)")
    init.add_argument("--accountable-person", default=None, help="who answers for the invoices (МОЛ)")
    init.add_argument("--city", default=None, help="the city invoices are issued in")
    init.add_argument("--vat", action="append", default=[], metavar="CODE=PERCENT", help="a VAT rate (repeat)")
    init.add_argument("--currency", action="append", default=[], metavar="CODE=RATE",
                      help="another currency and what one unit is worth in the base currency (repeat)")
    init.add_argument("--manager", default=None, metavar="USERNAME", help="the first manager's user name")
    init.add_argument("--manager-name", default=None, help="the first manager's full name")

    users = commands.add_parser("users", help="the hotel's users (as a manager who signs in)",
                                epilog=f"A password set for a user is read from ${NEW_PASSWORD_ENV}, else asked; "
                                       "the user chooses their own at the next sign-in.")
    sub = users.add_subparsers(dest="users_command", required=True)
    sub.add_parser("list", help="every user, role and state")
    add = sub.add_parser("add", help="add a user with a temporary password")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--role", required=True, choices=[role.value for role in PEOPLE_ROLES])
    for name, text in (("deactivate", "the user's next action is refused, their session ends"),
                       ("activate", "let a deactivated user sign in again"),
                       ("reset", "a temporary password (their PIN is cleared)")):
        sub.add_parser(name, help=text).add_argument("username")
    role = sub.add_parser("role", help="give a user another role")
    role.add_argument("username")
    role.add_argument("role", choices=[role.value for role in PEOPLE_ROLES])

    rates = commands.add_parser("rates", help="exchange rates (as a manager who signs in)")
    rate_commands = rates.add_subparsers(dest="rates_command", required=True)
    rate_commands.add_parser("list", help="every currency's rates and from when")
    rate_set = rate_commands.add_parser("set", help="a currency's rate from a date on")
    rate_set.add_argument("currency")
    rate_set.add_argument("rate", help="what one unit is worth in the base currency")
    rate_set.add_argument("--from", dest="valid_from", default=None, help="YYYY-MM-DD (default: today)")
    rate_import = rate_commands.add_parser("import", help="the ECB's daily file (eurofxref-daily.xml)")
    rate_import.add_argument("file")

    services = commands.add_parser("services", help="the catalogue's services (as a manager who signs in)")
    service_commands = services.add_subparsers(dest="services_command", required=True)
    service_commands.add_parser("list", help="every service with its price and VAT rate")
    service = service_commands.add_parser("add", help="add a service")
    service.add_argument("code")
    service.add_argument("--name", required=True)
    service.add_argument("--price", required=True, help="in the hotel's currency, e.g. 35.00")
    service.add_argument("--vat", required=True, metavar="CODE", help="the VAT rate's code")
    service.add_argument("--category", default="")
    service.add_argument("--name-ru", default="")
    service.add_argument("--name-bg", default="")
    outlet = service_commands.add_parser("outlet", help="the outlet a service is sold at (its desk postings say so)")
    outlet.add_argument("code")
    outlet.add_argument("outlet", help="an outlet's code, or - for none")


def new_password(prompt: str) -> str:
    given = ask_secret(prompt, NEW_PASSWORD_ENV)
    typed = NEW_PASSWORD_ENV not in os.environ
    if typed and ask_secret("Again: ", NEW_PASSWORD_ENV) != given:
        raise InvalidInput("The two passwords differ", field="password")
    return given


def _pairs(items: list[str], what: str) -> dict[str, str]:
    pairs = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise InvalidInput("{item}: expected CODE=VALUE", field=what, item=item)
        pairs[key.strip()] = value.strip()
    return pairs


def setup_from(args: argparse.Namespace, password: str) -> HotelSetup:
    """The set-up a file describes, each flag given overriding it."""
    data: dict[str, Any] = {}
    if args.file:
        text = Path(args.file).read_text(encoding="utf-8")
        data = json.loads(text) if args.file.endswith(".json") else tomllib.loads(text)
    manager = dict(data.get("manager", {}))
    for key, flag in (("name", args.name), ("base_currency", args.base_currency), ("country", args.country),
                      ("time_zone", args.time_zone), ("address", args.address), ("tax_id", args.tax_id),
                      ("vat_number", args.vat_number), ("accountable_person", args.accountable_person),
                      ("city", args.city)):
        if flag is not None:
            data[key] = flag
    if args.manager:
        manager["username"] = args.manager
    if args.manager_name:
        manager["full_name"] = args.manager_name
    vat = [VatRate(str(v["code"]), str(v.get("name") or v["code"]), parse_rate(str(v["percent"])))
           for v in data.get("vat", [])]
    vat += [VatRate(code, code, parse_rate(percent)) for code, percent in _pairs(args.vat, "vat").items()]
    others = {code: parse_rate(str(rate)) for code, rate in dict(data.get("other_currencies", {})).items()}
    others.update({code: parse_rate(rate) for code, rate in _pairs(args.currency, "currency").items()})
    if not data.get("name") or not data.get("base_currency") or not manager.get("username"):
        raise InvalidInput("Give at least the hotel's name, its base currency and the first manager", field="name")
    return HotelSetup(
        name=str(data["name"]), base_currency=str(data["base_currency"]),
        manager=FirstManager(str(manager["username"]), str(manager.get("full_name") or manager["username"]),
                             password),
        vat_rates=vat, address=str(data.get("address", "")), tax_id=str(data.get("tax_id", "")),
        country=str(data.get("country", "")), time_zone=str(data.get("time_zone") or "UTC"),
        other_currencies=others, vat_number=str(data.get("vat_number", "")),
        accountable_person=str(data.get("accountable_person", "")), city=str(data.get("city", "")))


def run(args: argparse.Namespace, url: str | None) -> int:
    database = Database(url)
    try:
        if args.command == "init":
            return _init(database, args)
        if args.command == "users":
            return _users(database, args)
        if args.command == "rates":
            return _rates(database, args)
        return _services(database, args)
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError, tomllib.TOMLDecodeError) as exc:
        print(f"desk: the set-up file cannot be read: {exc}", file=sys.stderr)
        return 2
    finally:
        database.dispose()


def _init(database: Database, args: argparse.Namespace) -> int:
    setup = setup_from(args, "")
    password = new_password(f"Password of {setup.manager.username}: ")
    setup = setup_from(args, password)
    first_day = Runner(database).run(open_hotel, setup_actor(this_host()), setup).value
    print(f"{setup.name} is set up in {database.display_url}, its first business day {first_day}; "
          f"{setup.manager.username} signs in and chooses a new password.")
    return 0


def _users(database: Database, args: argparse.Namespace) -> int:
    admin = settings_operator(database)
    runner = Runner(database)
    command = args.users_command
    if command == "add":
        password = new_password(f"Temporary password of {args.username}: ")
        runner.run(add_user, admin, args.username, args.name, Role(args.role), password)
    elif command in ("deactivate", "activate"):
        runner.run(set_user_active, admin, args.username, command == "activate")
    elif command == "reset":
        runner.run(reset_secret, admin, args.username, new_password(f"Temporary password of {args.username}: "))
    elif command == "role":
        runner.run(change_role, admin, args.username, Role(args.role))
    for user in runner.read(list_users):
        state = "active" if user.active else "inactive"
        flag = ", must choose a password" if user.must_change_secret and user.active else ""
        print(f"{user.username}  {user.full_name}  {user.role.value}  {state}{flag}")
    return 0


def _services(database: Database, args: argparse.Namespace) -> int:
    runner = Runner(database)
    if args.services_command == "add":
        admin = settings_operator(database)
        currency = runner.read(catalogue).currency
        price = Money.of(parse_rate(args.price), currency)
        runner.run(add_service, admin, args.code, args.name, price, args.vat, args.category,
                   {"ru": args.name_ru, "bg": args.name_bg})
    elif args.services_command == "outlet":
        runner.run(set_service_outlet, settings_operator(database), args.code,
                   None if args.outlet == "-" else args.outlet)
    for service in runner.read(catalogue).services:
        outlet = f"  {service.outlet_code}" if service.outlet_code else ""
        print(f"{service.code}  {service.name}  {service.price}  {service.tax_code}{outlet}")
    return 0


def _rates(database: Database, args: argparse.Namespace) -> int:
    runner = Runner(database)
    if args.rates_command == "set":
        day = date.fromisoformat(args.valid_from) if args.valid_from else date.today()
        runner.run(set_rate, settings_operator(database), args.currency, parse_rate(args.rate), day)
    elif args.rates_command == "import":
        content = Path(args.file).read_bytes()
        for currency, rate in runner.run(import_ecb, settings_operator(database), content).value:
            print(f"imported {currency} {rate}")
    for row in runner.read(list_rates):
        since = row.valid_from.isoformat() if row.valid_from else "accepted at"
        print(f"{row.currency}  {since}  {row.rate}  {row.source}".rstrip())
    return 0
