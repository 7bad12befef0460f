"""``desk rooms``: the hotel's room types (names per language, rate per night, beds) and its rooms."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from desk.cli.operator import settings_operator
from desk.db.engine import Database
from desk.db.runner import Runner


def add_commands(commands: Any) -> None:
    rooms = commands.add_parser("rooms", help="room types and rooms: list, add, change (a manager's)")
    sub = rooms.add_subparsers(dest="rooms_command")
    sub.add_parser("list", help="each room type with its rate, beds and rooms")
    type_add = sub.add_parser("type-add", help="add a room type")
    type_add.add_argument("code")
    type_add.add_argument("name", help="its name in English")
    type_add.add_argument("rate", help="the rate per night in the hotel's currency, such as 110.00")
    type_add.add_argument("--beds", type=int, default=2)
    type_add.add_argument("--ru", default="", help="its name in Russian")
    type_add.add_argument("--bg", default="", help="its name in Bulgarian")
    type_set = sub.add_parser("type-set", help="change a room type (stays already booked keep their rate)")
    type_set.add_argument("code")
    type_set.add_argument("--name")
    type_set.add_argument("--rate")
    type_set.add_argument("--beds", type=int)
    type_set.add_argument("--ru")
    type_set.add_argument("--bg")
    add = sub.add_parser("add", help="add a room of a type")
    add.add_argument("number")
    add.add_argument("type", help="the room type's code")
    add.add_argument("--floor", type=int, default=1)
    change = sub.add_parser("set", help="change a room's type or floor")
    change.add_argument("number")
    change.add_argument("--type")
    change.add_argument("--floor", type=int)


def _money(text: str | None, currency: str) -> Any:
    from desk.core.errors import InvalidInput
    from desk.core.money import Money

    if text is None:
        return None
    try:
        return Money.of(Decimal(text), currency)
    except InvalidOperation:
        raise InvalidInput("“{text}” is not an amount", field="nightly_rate", text=text) from None


def run(args: argparse.Namespace, url: str | None) -> int:
    from desk.core.errors import DeskError
    from desk.hotel.reference import base_currency
    from desk.stays.rooms import add_room, add_room_type, change_room, change_room_type, room_types

    database = Database(url)
    try:
        command = args.rooms_command or "list"
        if command == "list":
            with database.unit_of_work() as session:
                rows = room_types(session)
            for row in rows:
                print(f"{row.code}: {row.name}, {row.rate} a night, {row.beds} beds; "
                      f"rooms {', '.join(row.rooms) or 'none'}")
            return 0
        with database.unit_of_work() as session:
            currency = base_currency(session)
        runner = Runner(database)
        actor = settings_operator(database)
        names = {lang: value for lang, value in (("ru", args.ru), ("bg", args.bg)) if value} \
            if command.startswith("type") else {}
        if command == "type-add":
            runner.run(add_room_type, actor, args.code, args.name, _money(args.rate, currency), args.beds, names)
            print(f"Added room type {args.code}")
        elif command == "type-set":
            runner.run(change_room_type, actor, args.code, name=args.name, default_rate=_money(args.rate, currency),
                       beds=args.beds, names=names)
            print(f"Changed room type {args.code}")
        elif command == "add":
            runner.run(add_room, actor, args.number, args.type, args.floor)
            print(f"Added room {args.number}")
        else:
            runner.run(change_room, actor, args.number, room_type=args.type, floor=args.floor)
            print(f"Changed room {args.number}")
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    return 0
