"""``desk cards``: the hotel's online card operators, and the deletion of saved cards past their date."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from desk.cards.operator_workflow import purge_saved_cards
from desk.cards.saved_cards import OPERATORS, add_operator, list_operators
from desk.cli.operator import ask_secret, settings_operator
from desk.core.errors import DeskError
from desk.db.engine import Database
from desk.db.runner import Runner

OPERATOR_SECRET_ENV = "DESK_OPERATOR_SECRET"
OPERATOR_HMAC_ENV = "DESK_OPERATOR_HMAC_KEY"


def add_commands(commands: Any) -> None:
    cards = commands.add_parser("cards", help="online card operators and saved cards")
    sub = cards.add_subparsers(dest="cards_command", required=True)
    sub.add_parser("operators", help="the configured card operators (never their keys)")
    add = sub.add_parser("add-operator", help="configure the hotel's account at a card operator")
    add.add_argument("name", help="its name, as the clerk sees it")
    add.add_argument("--operator", choices=OPERATORS, default="stripe")
    add.add_argument("--account", default="", help="the hotel's account at the operator (Adyen: the merchant account)")
    add.add_argument("--api-base", default="", help="another address for its API (the fake, for a demo)")
    add.add_argument("--currencies", default="EUR", help="the currencies it takes, as EUR,CHF")
    add.add_argument("--retention-days", type=int, default=30, help="saved cards are deleted this long after departure")
    # Never an argument: every local user reads arguments in the process list.
    add.epilog = (f"The operator's secret key (Adyen: the API key) is asked (or read from ${OPERATOR_SECRET_ENV}); "
                  f"for Adyen, the HMAC key of its webhook too (or read from ${OPERATOR_HMAC_ENV}). Both are saved "
                  "sealed with the key file of desk mail.")
    purge = sub.add_parser("purge", help="delete the saved cards past their date, at the operator and here")
    purge.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace, url: str) -> int:
    database = Database(url)
    runner = Runner(database)
    try:
        if args.cards_command == "operators":
            for info in runner.read(list_operators):
                print(f"{info.id}\t{info.name}\t{info.operator}\t{info.account}\t{','.join(info.currencies)}\t"
                      f"keep {info.retention_days} days\t{info.api_base or 'the operator'}")
            return 0
        try:
            actor = settings_operator(database)
            if args.cards_command == "add-operator":
                secret = ask_secret(f"Secret key of {args.name}: ", OPERATOR_SECRET_ENV)
                hmac_key = ask_secret(f"HMAC key of the webhook of {args.name}: ", OPERATOR_HMAC_ENV) \
                    if args.operator == "adyen" else ""
                info = runner.run(add_operator, actor, args.name, args.operator, secret, account=args.account,
                                  api_base=args.api_base, currencies=tuple(args.currencies.split(",")),
                                  retention_days=args.retention_days, hmac_key=hmac_key).value
                print(f"Added card operator {info.id}: {info.name} ({info.operator}, {','.join(info.currencies)})")
                return 0
            purged = purge_saved_cards(runner, actor, args.today)
        except DeskError as exc:
            print(f"desk: {exc.message}", file=sys.stderr)
            return 1
        if not (purged.deleted or purged.pending or purged.errors):
            print("No saved card is past its date")
        for card_id in purged.deleted:
            print(f"Deleted saved card {card_id}")
        for card_id in purged.pending:
            print(f"Saved card {card_id}: the operator's answer is unknown; it is asked again at the next purge")
        for card_id, error in purged.errors.items():
            print(f"Saved card {card_id} not deleted: {error}", file=sys.stderr)
        return 1 if purged.errors else 0
    finally:
        database.dispose()
