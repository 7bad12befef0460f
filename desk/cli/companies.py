"""``desk company``: the companies the hotel bills, with the address their invoices are e-mailed to."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from desk.cli.operator import settings_operator
from desk.db.engine import Database
from desk.db.runner import Runner


def add_commands(commands: Any) -> None:
    company = commands.add_parser("company", help="companies the hotel bills: list, add, change (a manager's)")
    sub = company.add_subparsers(dest="company_command")
    sub.add_parser("list", help="each company with its tax ID, e-mail and credit limit")
    add = sub.add_parser("add", help="add a company")
    add.add_argument("name")
    add.add_argument("--tax-id", default="")
    add.add_argument("--address", default="")
    add.add_argument("--email", default="", help="where its invoices and folios are e-mailed")
    add.add_argument("--credit-limit", metavar="AMOUNT", help="in the hotel's currency; none when not given")
    change = sub.add_parser("set", help="change a company's details (those not given stay as they are)")
    change.add_argument("id", type=int)
    change.add_argument("--name")
    change.add_argument("--tax-id")
    change.add_argument("--address")
    change.add_argument("--email", help="an empty string removes it")
    change.add_argument("--credit-limit", metavar="AMOUNT", help="an empty string removes it")


def _limit(text: str, currency: str) -> Any:
    from desk.core.errors import InvalidInput
    from desk.core.money import Money

    if not text.strip():
        return None
    try:
        return Money.of(Decimal(text), currency)
    except InvalidOperation:
        raise InvalidInput("“{text}” is not an amount", field="credit_limit", text=text) from None


def run(args: argparse.Namespace, url: str | None) -> int:
    from desk.core.errors import DeskError
    from desk.hotel.reference import base_currency
    from desk.stays.companies import add_company, change_company, list_companies

    database = Database(url)
    try:
        command = args.company_command or "list"
        with database.unit_of_work() as session:
            rows = list_companies(session)
            currency = base_currency(session)
        if command == "list":
            for row in rows:
                print(f"{row.id}: {row.name}, tax ID {row.tax_id or '-'}, e-mail {row.email or '-'}, "
                      f"credit limit {row.credit_limit or '-'}")
            return 0
        runner = Runner(database)
        actor = settings_operator(database)
        if command == "add":
            limit = _limit(args.credit_limit or "", currency)
            company_id = runner.run(add_company, actor, args.name, args.tax_id, args.address, limit,
                                    email=args.email).value
            print(f"Added company {company_id}: {args.name}")
            return 0
        found = next((row for row in rows if row.id == args.id), None)
        if found is None:
            from desk.core.errors import NotFound

            raise NotFound("There is no company {company}", field="company", company=args.id)
        limit = found.credit_limit if args.credit_limit is None else _limit(args.credit_limit, currency)
        runner.run(change_company, actor, found.id, found.name if args.name is None else args.name,
                   found.tax_id if args.tax_id is None else args.tax_id,
                   found.address if args.address is None else args.address, limit, email=args.email)
        print(f"Changed company {found.id}")
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    return 0
