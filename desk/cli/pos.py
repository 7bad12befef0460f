"""``desk serve`` and ``desk pos ...``: run the POS service, manage its keys, codes and settings."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable
from typing import Any

from desk.db.engine import Database
from desk.people.auth import Actor
from desk.pos.service import DEFAULT_PORT, ENV_HOST, ENV_PORT, ENV_TLS_CERT, ENV_TLS_KEY, TlsFiles, tls_options


def add_commands(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the POS service (FarCards HTTP and REST) on this database")
    serve.add_argument("--host", default=os.environ.get(ENV_HOST, "127.0.0.1"),
                       help=f"address to bind (default: ${ENV_HOST}, else 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=int(os.environ.get(ENV_PORT, DEFAULT_PORT)))
    serve.add_argument("--tls-cert", default=os.environ.get(ENV_TLS_CERT),
                       help=f"serve HTTPS with this certificate file, PEM (default: ${ENV_TLS_CERT})")
    serve.add_argument("--tls-key", default=os.environ.get(ENV_TLS_KEY),
                       help=f"the certificate's private key file, PEM (default: ${ENV_TLS_KEY})")

    pos = commands.add_parser("pos", help="POS keys, payment codes, settings, and a POS simulator")
    sub = pos.add_subparsers(dest="pos_command", required=True)
    key = sub.add_parser("key", help="each POS's own access key").add_subparsers(dest="key_command", required=True)
    create = key.add_parser("create", help="create a key (printed once, stored hashed)")
    create.add_argument("name")
    create.add_argument("--outlet", help="outlet its FarCards checks are posted to")
    key.add_parser("revoke", help="revoke a key").add_argument("name")
    key.add_parser("list", help="list keys")

    code = sub.add_parser("code", help="map POS payment codes").add_subparsers(dest="code_command", required=True)
    set_code = code.add_parser("set", help="map a POS payment (r_keeper currency) code")
    set_code.add_argument("code")
    set_code.add_argument("meaning", choices=["credit", "deposit"])
    set_code.add_argument("--name", default="")
    code.add_parser("remove").add_argument("code")
    code.add_parser("list")

    mapping = sub.add_parser("map", help="which service a till's item or category code posts as, per outlet")
    maps = mapping.add_subparsers(dest="map_command", required=True)
    for name, text in (("set", "post an item or category code (or the outlet's other lines) as a service"),
                       ("remove", "remove a mapping")):
        command = maps.add_parser(name, help=text)
        command.add_argument("outlet")
        which = command.add_mutually_exclusive_group(required=True)
        which.add_argument("--item", metavar="CODE", help="the till's item (dish) code")
        which.add_argument("--category", metavar="CODE", help="the till's category code")
        which.add_argument("--default", action="store_true", help="the outlet's lines no code maps")
        if name == "set":
            command.add_argument("service")
    maps.add_parser("list", help="the mapping of every outlet").add_argument("--outlet")

    setting = sub.add_parser("setting", help="POS settings").add_subparsers(dest="setting_command", required=True)
    set_setting = setting.add_parser("set", help="e.g. after_checkout flag|refuse")
    set_setting.add_argument("name")
    set_setting.add_argument("value")
    setting.add_parser("get").add_argument("name")

    simulate = sub.add_parser("simulate", help="a small POS: look up a room, post a check, cancel it")
    simulate.add_argument("--protocol", choices=["farcards", "rest"], default="farcards")
    simulate.add_argument("--url", default=f"http://127.0.0.1:{DEFAULT_PORT}")
    simulate.add_argument("--key", help="a POS key (default: create one named 'simulator' in this database)")
    simulate.add_argument("--room", help="room number (default: the first room with a guest in house)")
    simulate.add_argument("--keep", action="store_true", help="do not cancel the check")


def run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        return serve(args.database, args.host, args.port, args.tls_cert, args.tls_key)
    database = Database(args.database)
    try:
        return _pos(args, database)
    finally:
        database.dispose()


def serve(url: str | None, host: str, port: int, tls_cert: str | None = None, tls_key: str | None = None) -> int:
    import uvicorn

    from desk.cli.operator import this_host
    from desk.pos.api import Guard, create_app
    from desk.pos.service import service_workstation

    try:
        tls = tls_options(tls_cert, tls_key)
    except TlsFiles as exc:
        print(exc, file=sys.stderr)
        return 2
    database = Database(url, background_checkpoints=True)
    scheme = "https" if tls else "http"
    print(f"POS service on {scheme}://{host}:{port} for {database.display_url} "
          f"(FarCards: /farcards/<key>/getcardinfoex, REST: /api/v1, "
          f"OpenAPI: /openapi.json)", flush=True)
    # A signed-in desk while it runs: a restore elsewhere waits until it stops (desk.people.desks).
    app = create_app(database, workstation=service_workstation(this_host()))
    # What start-up built (SQLAlchemy, FastAPI, the models) lives as long as the service: kept out
    # of the collector's full passes, which otherwise stall every request for ~100 ms now and then.
    gc.collect()
    gc.freeze()
    try:
        # loop="auto": uvloop where it is installed (Linux, macOS), the standard loop elsewhere.
        uvicorn.run(Guard(app), host=host, port=port, log_level="warning", access_log=False, loop="auto",
                    ssl_certfile=tls.get("ssl_certfile"), ssl_keyfile=tls.get("ssl_keyfile"))
    finally:
        app.state.service.close()
        database.dispose()
    return 0


def _pos(args: argparse.Namespace, database: Database) -> int:
    from desk.cli.operator import settings_operator
    from desk.core.errors import DeskError
    from desk.db.runner import Runner
    from desk.pos import checks, keys

    runner = Runner(database)
    signed_in: list[Actor] = []

    def admin() -> Actor:
        # Only a command that changes something signs in (once), as every settings command: a
        # command line is no proof of who types it. Listing keys, codes or a setting needs nobody.
        if not signed_in:
            signed_in.append(settings_operator(database))
        return signed_in[0]

    try:
        if args.pos_command == "key":
            if args.key_command == "create":
                key = runner.run(keys.create_key, admin(), args.name, args.outlet).value
                print(f"Key of POS {args.name} (shown once, keep it in the POS's settings):\n{key}")
            elif args.key_command == "revoke":
                runner.run(keys.revoke_key, admin(), args.name)
                print(f"Key of POS {args.name} revoked")
            else:
                for info in runner.read(keys.list_keys):
                    state = f"revoked {info.revoked_at:%Y-%m-%d %H:%M}" if info.revoked_at else "active"
                    print(f"{info.name:24} {info.outlet or '-':8} {state:24} created {info.created_at:%Y-%m-%d} "
                          f"by {info.created_by}")
        elif args.pos_command == "code":
            if args.code_command == "set":
                runner.run(checks.set_payment_code, admin(), args.code, args.meaning, args.name)
            elif args.code_command == "remove":
                runner.run(checks.remove_payment_code, admin(), args.code)
            for row in runner.read(checks.payment_codes):
                print(f"{row.code:16} {row.meaning.value:8} {row.name}")
        elif args.pos_command == "map":
            _map(args, runner, admin)
        elif args.pos_command == "setting":
            if args.setting_command == "set":
                runner.run(checks.set_setting, admin(), args.name, args.value)
            print(f"{args.name} = {runner.read(checks.get_setting, args.name)}")
        elif args.pos_command == "simulate":
            return _simulate(args, runner, admin)
    except DeskError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    return 0


def _map(args: argparse.Namespace, runner: Any, admin: Callable[[], Actor]) -> None:
    from desk.pos import item_map

    if args.map_command != "list":
        kind, code = ("item", args.item) if args.item else ("category", args.category) if args.category else (
            "default", "")
        if args.map_command == "set":
            runner.run(item_map.set_item_map, admin(), args.outlet, kind, code, args.service)
        else:
            runner.run(item_map.remove_item_map, admin(), args.outlet, kind, code)
    for row in runner.read(item_map.item_map, getattr(args, "outlet", None)):
        print(f"{row.outlet:16} {row.kind.value:8} {row.pos_code or '*':16} {row.service:24} "
              f"{row.tax_percent.normalize()}% {row.revenue_group} {row.service_name}")


def _simulate(args: argparse.Namespace, runner: Any, admin: Callable[[], Actor]) -> int:
    from sqlalchemy import select

    from desk.hotel.models import Room
    from desk.pos import keys
    from desk.pos.simulate import Simulator
    from desk.stays.models import Reservation, ReservationStatus

    room = args.room
    if not room:
        room = runner.read(lambda s: s.scalar(
            select(Room.number).join(Reservation, Reservation.room_id == Room.id)
            .where(Reservation.status == ReservationStatus.IN_HOUSE).order_by(Room.number).limit(1)))
        if room is None:
            print("Nobody is in house", file=sys.stderr)
            return 1
    if args.key:
        return Simulator(args.url, args.key, args.protocol).run(room, cancel=not args.keep)
    # A key of its own for this run, revoked after it: a run leaves no working key behind.
    name = f"simulator-{os.getpid()}"
    key = runner.run(keys.create_key, admin(), name, None).value
    try:
        return Simulator(args.url, key, args.protocol).run(room, cancel=not args.keep)
    finally:
        runner.run(keys.revoke_key, admin(), name)
