"""``desk devices``: list this workstation's printers with their status, add, change and remove them.

Which printer prints a cash register's documents on a workstation is set here or in Settings →
Devices, and nowhere else (``--register``).
"""

from __future__ import annotations

import argparse
import socket
import sys
from typing import TYPE_CHECKING, Any

from desk.cli.operator import settings_operator
from desk.db.engine import Database
from desk.db.runner import Runner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desk.devices.printers import PrinterSetting
    from desk.people.auth import Actor


def add_commands(commands: Any) -> None:
    devices = commands.add_parser("devices", help="this workstation's printers: list (with status), add, set, remove")
    devices.add_argument("--workstation", default=None, help="whose devices (default: this host's name)")
    devices.add_argument("--timeout", type=float, default=3.0, help="seconds to wait for each device's status")
    sub = devices.add_subparsers(dest="devices_command")
    sub.add_parser("list", help="the USB printers in sight and the workstation's printers with their status")
    add = sub.add_parser("add", help="add a printer to the workstation")
    add.add_argument("name")
    add.add_argument("url", help="tcp://192.168.1.50:9100, usb://04b8:0202, serial:///dev/ttyUSB0, file:///dev/usb/lp0")
    add.add_argument("--profile", default=None, help="the model profile (python-escpos), default TM-T20II")
    add.add_argument("--paper", type=int, default=80, choices=(58, 80), help="paper width in mm")
    add.add_argument("--register", default=None, metavar="CODE", help="the cash register it prints for")
    add.add_argument("--drawer", action="store_true", help="the cash drawer hangs on it")
    add.add_argument("--text-as-image", action="store_true",
                     help="draw text as an image (a printer lacking the code pages its profile claims)")
    change = sub.add_parser("set", help="change a printer (by the id `desk devices` lists)")
    change.add_argument("id", type=int)
    change.add_argument("--name")
    change.add_argument("--url")
    change.add_argument("--profile")
    change.add_argument("--paper", type=int, choices=(58, 80))
    change.add_argument("--register", metavar="CODE", help="the cash register it prints for on its workstation")
    change.add_argument("--no-register", action="store_true", help="it prints for no register")
    change.add_argument("--drawer", action=argparse.BooleanOptionalAction, default=None)
    change.add_argument("--text-as-image", action=argparse.BooleanOptionalAction, default=None)
    remove = sub.add_parser("remove", help="forget a printer")
    remove.add_argument("id", type=int)


def run(args: argparse.Namespace, url: str | None) -> int:
    from desk.core.errors import DeskError
    from desk.devices.printers import DEFAULT_PROFILE, add_printer, remove_printer

    workstation = (args.workstation or socket.gethostname() or "desk")[:40]
    command = args.devices_command or "list"
    if command == "list":
        return list_devices(url, workstation, args.timeout)
    database = Database(url)
    runner = Runner(database)
    try:
        # Changing devices is a manager's: signed in by password (or the database's owner role), as
        # every settings command.
        actor = settings_operator(database)
        if command == "add":
            setting = runner.run(add_printer, actor, workstation, args.name, args.url,
                                 profile=args.profile or DEFAULT_PROFILE, paper_mm=args.paper,
                                 register_code=args.register, drawer=args.drawer,
                                 text_as_image=args.text_as_image).value
            print(f"Added printer {setting.id}: {_describe(setting)}")
        elif command == "set":
            setting = runner.run(_change_printer, actor, args).value
            print(f"Printer {setting.id}: {_describe(setting)}")
        else:
            runner.run(remove_printer, actor, args.id)
            print(f"Removed printer {args.id}")
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    return 0


def _change_printer(session: Session, actor: Actor, args: argparse.Namespace) -> PrinterSetting:
    """``desk devices set``: what the arguments name changes, the rest stays as it is."""
    from desk.devices.printers import printer_setting, update_printer

    old = printer_setting(session, args.id)
    register = None if args.no_register else (args.register or old.register_code)
    return update_printer(
        session, actor, args.id, args.name or old.name, args.url or old.url,
        profile=args.profile or old.profile, paper_mm=args.paper or old.paper_mm, register_code=register,
        drawer=old.drawer if args.drawer is None else args.drawer,
        text_as_image=old.text_as_image if args.text_as_image is None else args.text_as_image)


def _roles(setting: PrinterSetting) -> str:
    roles = [f"register {setting.register_code}"] if setting.register_code else []
    if setting.drawer:
        roles.append("cash drawer")
    if setting.text_as_image:
        roles.append("text as image")
    return f" [{', '.join(roles)}]" if roles else ""


def _describe(setting: PrinterSetting) -> str:
    return (f"{setting.name}: {setting.url} ({setting.profile}, {setting.paper_mm} mm) at {setting.workstation}"
            + _roles(setting))


def list_devices(url: str | None, workstation: str, timeout: float) -> int:
    """Print the USB printers this computer sees, then each configured printer and its status."""
    from desk.devices.printers import DeviceHub, registers_without_printer
    from hardware.discovery import list_usb_printers

    usb = list_usb_printers()
    print("USB printers in sight:" if usb else "USB printers in sight: none")
    for info in usb:
        print(f"  {info.describe()}")
    database = Database(url)
    hub = DeviceHub(workstation, status_timeout=timeout)
    try:
        with database.unit_of_work() as session:
            plan = hub.load(session)
            unassigned = registers_without_printer(session, workstation)
        if not plan:
            print(f"Devices of {workstation}: none configured")
        else:
            print(f"Devices of {workstation}:")
            for setting, state in zip(plan, hub.states(timeout + 1), strict=True):
                print(f"  {setting.name}: {setting.url}{_roles(setting)} (id {setting.id})")
                print(f"    {state.describe()}")
        for code in unassigned:
            print(f"Register {code} has no printer on {workstation}: desk devices set ID --register {code}")
        return 0
    finally:
        hub.close()
        database.dispose()
