"""``desk registers``: list the cash registers with their kind and settings, and set them (a manager's).

    desk registers list [--status]
    desk registers set FP-1 --kind atol --address http://127.0.0.1:16732 --taxation osn \
        --vat 20=vat20,10=vat10,0=vat0,none=none --workstation FRONT-1
    desk registers set FP-1 --kind erpnet --address http://127.0.0.1:8001 --device-id dt279013 \
        --vat 9=Г,20=Б,none=А --workstation FRONT-1
"""

from __future__ import annotations

import argparse
import sys
import uuid
from typing import Any

from desk.cli.operator import settings_operator
from desk.db.engine import Database
from desk.db.runner import Runner


def add_commands(commands: Any) -> None:
    registers = commands.add_parser("registers", help="the cash registers: list, set (kind, server, tax settings)")
    sub = registers.add_subparsers(dest="registers_command")
    listing = sub.add_parser("list", help="every register with its kind and settings")
    listing.add_argument("--status", action="store_true", help="ask each registered register its shift's state")
    change = sub.add_parser("set", help="change a register's kind and settings (what is not given stays)")
    change.add_argument("code")
    change.add_argument("--kind", choices=("escpos", "atol", "kkmserver", "erpnet"),
                        help="escpos: our printer with our signed journal; atol: ATOL's web server; "
                             "kkmserver: KKM-server (its login and password in the workstation's KKMSERVER_LOGIN "
                             "and KKMSERVER_PASSWORD); erpnet: ErpNet.FP, for Bulgarian fiscal printers "
                             "(the operator in ERPNET_OPERATOR and ERPNET_OPERATOR_PASSWORD)")
    change.add_argument("--address", help="the vendor's server, e.g. http://127.0.0.1:16732 (ATOL's web server), "
                        "http://127.0.0.1:5893 (KKM-server), http://127.0.0.1:8001 (ErpNet.FP)")
    change.add_argument("--device-id",
                        help="the device on that server, when it drives several (KKM-server's NumDevice, "
                             "ErpNet.FP's printer id such as dt279013)")
    change.add_argument("--taxation", help="osn, usnIncome, usnIncomeOutcome, esn or patent (tag 1055)")
    change.add_argument("--vat", metavar="RATE=CODE,...",
                        help="our rates' VAT codes on the register: 20=vat20,10=vat10,0=vat0,none=none; "
                             "for ErpNet.FP the tax groups: 9=Г,20=Б,none=А")
    change.add_argument("--workstation", help="whose cash shift opens and closes it (when no printer of it is there)")


def run(args: argparse.Namespace, url: str | None) -> int:
    from desk.core.errors import DeskError
    from desk.fiscal.settings import all_register_settings, parse_vat_map, set_register

    database = Database(url)
    runner = Runner(database)
    try:
        if (args.registers_command or "list") == "list":
            for settings in runner.read(all_register_settings):
                print(_describe(settings))
                if getattr(args, "status", False) and settings.kind.value == "atol" and settings.address:
                    print(f"    {_atol_shift(settings.address)}")
                if getattr(args, "status", False) and settings.kind.value == "kkmserver" and settings.address:
                    print(f"    {_kkm_shift(settings.address, settings.device_id)}")
                if getattr(args, "status", False) and settings.kind.value == "erpnet" and settings.address:
                    print(f"    {_erpnet_state(settings)}")
            return 0
        actor = settings_operator(database)
        kind = args.kind or next((s.kind for s in runner.read(all_register_settings) if s.code == args.code), "atol")
        settings = runner.run(set_register, actor, args.code, kind=args.kind, address=args.address,
                              device_id=args.device_id, taxation=args.taxation,
                              vat_map=parse_vat_map(args.vat, kind) if args.vat is not None else None,
                              workstation=args.workstation).value
        print(_describe(settings))
    except DeskError as exc:
        print(f"desk: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    return 0


def _describe(settings: Any) -> str:
    parts = [f"{settings.code}: {settings.name} [{settings.kind.value}]"]
    if settings.address:
        parts.append(f"at {settings.address}" + (f" device {settings.device_id}" if settings.device_id else ""))
    if settings.taxation:
        parts.append(f"taxation {settings.taxation}")
    if settings.vat_map:
        parts.append("VAT " + ",".join(f"{rate or 'none'}={code}" for rate, code in sorted(settings.vat_map.items())))
    if settings.workstation:
        parts.append(f"follows {settings.workstation}'s cash shift")
    return ", ".join(parts)


def _erpnet_state(settings: Any) -> str:
    from desk.core.errors import DeskError
    from desk.fiscal.connection import check_connection

    try:
        found = check_connection(settings)
    except DeskError as exc:
        return f"not answering ({exc.message})"
    troubles = [found.problems, _printer_trouble(found.paper),
                "24 hours without a Z report" if found.shift == "expired" else ""]
    return f"{found.device}: {'; '.join(filter(None, troubles)) or 'ready'}"


def _printer_trouble(paper: Any) -> str:
    """What the register's printer said of its cover, paper and faults; "" while it prints and its roll is
    not near its end."""
    if paper is None:
        return ""
    problem = paper.problem()
    words = ["printer cover open" if paper.cover_open else "out of paper" if paper.paper_out
             else f"printer not ready ({problem.message})" if problem is not None else "",
             "paper low" if paper.paper_near_end and not paper.paper_out else ""]
    return "; ".join(filter(None, words))


def _atol_shift(address: str) -> str:
    from desk.fiscal.errors import RegisterRefused, RegisterUnreachable
    from desk.fiscal.registers.atol import AnswerLost, AtolClient

    client = AtolClient(address, timeout=3.0, wait=5.0)
    try:
        result = client.run(f"q-{uuid.uuid4().hex}", [{"type": "getShiftStatus"}])
    except (AnswerLost, RegisterUnreachable, RegisterRefused) as exc:
        return f"not answering ({exc})"
    finally:
        client.close()
    if result.get("status") != "ready":
        return f"error {result.get('errorCode')}: {result.get('errorDescription')}"
    shift = result["result"]["shiftStatus"]
    return f"shift {shift.get('number')}: {shift.get('state')}"


def _kkm_shift(address: str, device_id: str) -> str:
    from desk.fiscal.errors import RegisterNotSetUp, RegisterRefused, RegisterUnreachable
    from desk.fiscal.registers.atol import AnswerLost
    from desk.fiscal.registers.kkmserver import KkmClient, paper_state

    client = KkmClient(address, timeout=3.0, wait=5.0)
    device = int(device_id) if device_id.isdigit() else 0
    try:
        answer = client.run({"Command": "GetDataKKT", "NumDevice": device, "IdCommand": f"q-{uuid.uuid4().hex}"})
    except (AnswerLost, RegisterUnreachable, RegisterRefused) as exc:
        return f"not answering ({exc})"
    except RegisterNotSetUp as exc:  # this workstation's login refused: said here, the other registers still listed
        return f"refused: {exc.message}"
    finally:
        client.close()
    if answer.get("Status") != 0:
        return f"error: {answer.get('Error')}"
    info = answer.get("Info") or {}
    state = {1: "closed", 2: "opened", 3: "expired"}.get(int(info.get("SessionState") or 0), "unknown")
    trouble = _printer_trouble(paper_state(info))
    return f"shift {info.get('SessionNumber')}: {state}" + (f"; {trouble}" if trouble else "")
