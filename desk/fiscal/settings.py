"""Each cash register's kind and settings: how it is reached, its taxation system, our rates' VAT codes.

A register is our ESC/POS printer with our signed journal (``escpos``, the default: a non-fiscal
receipt, for countries without a registered-register law), or a registered fiscal register behind its
vendor's server: ATOL's web server (``atol``), KKM-server (``kkmserver``) or ErpNet.FP (``erpnet``).
Set by a manager (``desk registers set``); read by the workflow to choose the driver.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.fiscal.models import CashRegister
from desk.people.auth import Actor
from desk.people.rights import Right, require


class RegisterKind(enum.StrEnum):
    ESCPOS = "escpos"  # our printer and our signed journal
    ATOL = "atol"  # ATOL's web server (Драйвер ККТ 10)
    KKMSERVER = "kkmserver"  # KKM-server (kkmserver.ru), the route TL: WebPMS uses
    ERPNET = "erpnet"  # ErpNet.FP, for Bulgarian fiscal printers


# The kinds the desk has a driver for; the others may be set up ahead, and refuse until they get one.
DRIVEN = frozenset({RegisterKind.ESCPOS, RegisterKind.ATOL, RegisterKind.KKMSERVER, RegisterKind.ERPNET})
# Russian registers: a taxation system (tag 1055) and ATOL's VAT codes.
RUSSIAN = frozenset({RegisterKind.ATOL, RegisterKind.KKMSERVER})

# ATOL's taxation systems (tag 1055): general, simplified on income, on income less expense, agricultural, patent.
TAXATION_SYSTEMS = ("osn", "usnIncome", "usnIncomeOutcome", "esn", "patent")
# ATOL's VAT codes of a position (tag 1199); vat22 and vat122 (22/122) for Russia's 22 % rate from 1 January 2026.
VAT_CODES = ("none", "vat0", "vat5", "vat7", "vat10", "vat20", "vat22", "vat105", "vat107", "vat110", "vat120",
             "vat122")
# A Bulgarian fiscal printer's tax groups (Наредба Н-18), 1 to 8 in ErpNet.FP: А exempt from VAT, Б 20 %,
# В 20 % on liquid fuels, Г 9 % (hotel accommodation), Д-З the 0 % and special groups the NRA set later.
TAX_GROUPS = ("А", "Б", "В", "Г", "Д", "Е", "Ж", "З")


@dataclass(frozen=True)
class RegisterSettings:
    code: str
    name: str
    kind: RegisterKind
    address: str = ""
    device_id: str = ""
    taxation: str = ""
    vat_map: dict[str, str] = field(default_factory=dict)  # our rate's percent ("20", "0", "") -> VAT code
    workstation: str = ""

    def vat_code(self, percent: str) -> str | None:
        """The register's VAT code for our rate ``percent``; None when the manager mapped none."""
        return self.vat_map.get(_percent_key(percent))


def _percent_key(percent: str) -> str:
    """"20", "20.00" and "20%" are one rate; "" is a line without a rate."""
    text = percent.strip().removesuffix("%").strip()
    if not text:
        return ""
    try:
        return format(Decimal(text).normalize(), "f")
    except InvalidOperation:
        return text


def _settings(row: CashRegister) -> RegisterSettings:
    try:
        kind = RegisterKind(row.kind or RegisterKind.ESCPOS)
    except ValueError:
        kind = RegisterKind.ESCPOS
    return RegisterSettings(row.code, row.name, kind, row.address or "", row.device_id or "", row.taxation or "",
                            json.loads(row.vat_map) if row.vat_map else {}, row.workstation or "")


def register_settings(session: Session, code: str) -> RegisterSettings:
    row = session.get(CashRegister, code)
    if row is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=code)
    return _settings(row)


def all_register_settings(session: Session) -> list[RegisterSettings]:
    return [_settings(row) for row in session.scalars(select(CashRegister).order_by(CashRegister.code))]


def vat_codes(kind: RegisterKind | str) -> tuple[str, ...]:
    """The codes a register of ``kind`` takes for a rate: ATOL's VAT codes, or a Bulgarian printer's tax groups."""
    return TAX_GROUPS if kind == RegisterKind.ERPNET else VAT_CODES


def parse_vat_map(text: str, kind: RegisterKind | str = RegisterKind.ATOL) -> dict[str, str]:
    """``20=vat20,10=vat10,0=vat0,none=none`` (``none``: a line without a rate; for ErpNet.FP
    ``9=Г,20=Б,none=А``) as a map; refused when a code is not one the register of ``kind`` takes."""
    mapping: dict[str, str] = {}
    codes = vat_codes(kind)
    for part in filter(None, (p.strip() for p in text.split(","))):
        rate, _, code = part.partition("=")
        rate, code = rate.strip(), code.strip()
        if kind == RegisterKind.ERPNET:
            code = code.upper()
        if not code or code not in codes:
            raise InvalidInput("“{part}” is no rate=VAT code pair; the codes are {codes}", field="vat_map",
                               part=part, codes=", ".join(codes))
        mapping["" if rate.lower() == "none" else _percent_key(rate)] = code
    return mapping


def set_register(session: Session, actor: Actor, code: str, *, kind: str | None = None, address: str | None = None,
                 device_id: str | None = None, taxation: str | None = None, vat_map: dict[str, str] | None = None,
                 workstation: str | None = None) -> RegisterSettings:
    """Change what the arguments name (None: kept). A registered register needs its server's address, a
    taxation system and a VAT code for each rate before it is saved."""
    require(actor, Right.MANAGE_DEVICES)
    row = session.get(CashRegister, code)
    if row is None:
        raise InvalidInput("There is no cash register “{register}”", field="register", register=code)
    if kind is not None:
        try:
            row.kind = RegisterKind(kind).value
        except ValueError:
            raise InvalidInput("A register's kind is one of {kinds}", field="kind",
                               kinds=", ".join(k.value for k in RegisterKind)) from None
    if address is not None:
        address = address.strip()
        parts = urlsplit(address)
        if address and (parts.scheme not in ("http", "https") or not parts.hostname):
            raise InvalidInput("A register's address is its server's URL, e.g. http://127.0.0.1:16732",
                               field="address")
        if parts.username or parts.password:  # kept in the database: a password beside what it opens
            raise InvalidInput("A register's address has no login or password in it: they stay in the workstation's "
                               "KKMSERVER_LOGIN and KKMSERVER_PASSWORD, never in the database", field="address")
        row.address = address.rstrip("/")
    if device_id is not None:
        row.device_id = device_id.strip()[:40]
    if taxation is not None:
        if taxation and taxation not in TAXATION_SYSTEMS:
            raise InvalidInput("A taxation system is one of {systems}", field="taxation",
                               systems=", ".join(TAXATION_SYSTEMS))
        row.taxation = taxation
    if vat_map is not None:
        row.vat_map = json.dumps(vat_map, sort_keys=True) if vat_map else ""
    if workstation is not None:
        row.workstation = workstation.strip()[:40]
    settings = _settings(row)
    if settings.kind is not RegisterKind.ESCPOS:
        if not settings.address:
            raise InvalidInput("A {kind} register needs its server's address", field="address",
                               kind=settings.kind.value)
        wrong = sorted(code for code in settings.vat_map.values() if code not in vat_codes(settings.kind))
        if wrong:
            raise InvalidInput("A {kind} register takes the VAT codes {codes}, not {wrong}", field="vat_map",
                               kind=settings.kind.value, codes=", ".join(vat_codes(settings.kind)),
                               wrong=", ".join(wrong))
        if settings.kind in RUSSIAN and not settings.taxation:
            raise InvalidInput("A {kind} register needs its taxation system", field="taxation",
                               kind=settings.kind.value)
        if not settings.vat_map:
            raise InvalidInput("A {kind} register needs a VAT code for each of our rates", field="vat_map",
                               kind=settings.kind.value)
    session.flush()
    return settings


def save_register_settings(session: Session, actor: Actor, code: str, *, kind: str, address: str, device_id: str,
                           taxation: str, vat_text: str, workstation: str) -> RegisterSettings:
    """The administration window's Save: every field as typed, the VAT map in ``desk registers``'s form."""
    require(actor, Right.MANAGE_DEVICES)
    return set_register(session, actor, code, kind=kind, address=address, device_id=device_id,
                        taxation=taxation if kind in RUSSIAN else "", vat_map=parse_vat_map(vat_text, kind),
                        workstation=workstation)


def vat_map_text(vat_map: dict[str, str]) -> str:
    """A VAT map as the manager types it: ``20=vat20,none=none``."""
    return ",".join(f"{rate or 'none'}={code}" for rate, code in sorted(vat_map.items()))
