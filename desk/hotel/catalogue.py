"""Administration of the catalogue: services, outlets, payment methods and cash registers, each named
per language.

Use cases for whoever holds ``MANAGE_CATALOGUE``; each change is recorded in ``admin_change``. A
code, once used, stays: postings and payments name it, so a service is changed (name, price, VAT)
but never renamed or removed, and a second record with the same code is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput, NotFound
from desk.core.money import Money
from desk.devices.models import WorkstationPrinter
from desk.fiscal.models import CashRegister
from desk.hotel.models import MethodKind, NameTranslation, Outlet, PaymentMethod, Service, TaxRate
from desk.hotel.names import NameKind, set_names
from desk.hotel.reference import base_currency, forget
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require

CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,23}")
LANGUAGES = ("ru", "bg")


@dataclass(frozen=True)
class ServiceRow:
    code: str
    name: str
    category: str
    price: Money
    tax_code: str
    names: Mapping[str, str]
    outlet_code: str | None = None


@dataclass(frozen=True)
class Catalogue:
    services: list[ServiceRow]
    taxes: list[tuple[str, str]]  # (code, name)
    outlets: list[tuple[str, str]]
    methods: list[tuple[str, str, MethodKind]]
    currency: str


def catalogue(session: Session) -> Catalogue:
    translated: dict[tuple[str, str], dict[str, str]] = {}
    for kind, code, language, text in session.execute(
            select(NameTranslation.kind, NameTranslation.code, NameTranslation.language, NameTranslation.text)):
        translated.setdefault((kind, code), {})[language] = text
    services = [ServiceRow(s.code, s.name, s.category, s.price, s.tax_code,
                           translated.get((NameKind.SERVICE.value, s.code), {}), s.outlet_code)
                for s in session.scalars(select(Service).order_by(Service.code))]
    return Catalogue(
        services,
        [(t.code, t.name) for t in session.scalars(select(TaxRate).order_by(TaxRate.code))],
        [(o.code, o.name) for o in session.scalars(select(Outlet).order_by(Outlet.code))],
        [(m.code, m.name, m.kind) for m in session.scalars(select(PaymentMethod).order_by(PaymentMethod.code))],
        base_currency(session),
    )


def _code(code: str) -> str:
    code = code.strip()
    if not CODE.fullmatch(code):
        raise InvalidInput("A code is 1 to 24 letters, digits, dots, dashes or underscores", field="code")
    return code


def _name(name: str) -> str:
    if not name.strip():
        raise InvalidInput("Type the name", field="name")
    return name.strip()


def _translations(names: Mapping[str, str]) -> dict[str, str]:
    return {language: text.strip() for language, text in names.items() if language in LANGUAGES and text.strip()}


def _price(session: Session, price: Money) -> Money:
    currency = base_currency(session)
    if price.currency != currency:
        raise InvalidInput("A price is in the hotel's currency, {currency}", field="price", currency=currency)
    if price.is_negative:
        raise InvalidInput("A price cannot be negative", field="price")
    return price


def _tax(session: Session, tax_code: str) -> str:
    if session.get(TaxRate, tax_code) is None:
        raise InvalidInput("There is no VAT rate {code}", field="tax", code=tax_code)
    return tax_code


def add_service(session: Session, actor: Actor, code: str, name: str, price: Money, tax_code: str,
                category: str = "", names: Mapping[str, str] | None = None) -> None:
    """A new catalogue service with its name in each language; a code already used is refused."""
    require(actor, Right.MANAGE_CATALOGUE)
    code = _code(code)
    if session.get(Service, code) is not None:
        raise InvalidInput("There is already a service {code}", field="code", code=code)
    service = Service(code=code, name=_name(name), category=(category.strip() or "other")[:24],
                      price=_price(session, price), tax_code=_tax(session, tax_code))
    session.add(service)
    set_names(session, NameKind.SERVICE, code, _translations(names or {}))
    record_change(session, actor, "service", code, f"added: {service.name}, {price}, {tax_code}")


def change_service(session: Session, actor: Actor, code: str, name: str, price: Money, tax_code: str,
                   names: Mapping[str, str] | None = None) -> None:
    """A new name, price or VAT rate for a service: postings made before keep theirs."""
    require(actor, Right.MANAGE_CATALOGUE)
    service = session.get(Service, code)
    if service is None:
        raise NotFound("There is no service {service}", field="service", service=code)
    before = f"{service.name}, {service.price}, {service.tax_code}"
    service.name = _name(name)
    service.price = _price(session, price)
    service.tax_code = _tax(session, tax_code)
    set_names(session, NameKind.SERVICE, code, _translations(names or {}))
    record_change(session, actor, "service", code, f"changed: {before} -> {service.name}, {price}, {tax_code}")


def set_service_outlet(session: Session, actor: Actor, code: str, outlet: str | None) -> None:
    """The outlet a service is sold at (None: none); postings made before keep theirs."""
    require(actor, Right.MANAGE_CATALOGUE)
    service = session.get(Service, code)
    if service is None:
        raise NotFound("There is no service {service}", field="service", service=code)
    if outlet is not None and session.get(Outlet, outlet) is None:
        raise InvalidInput("There is no outlet {outlet} at the hotel", field="outlet", outlet=outlet)
    before, service.outlet_code = service.outlet_code, outlet
    record_change(session, actor, "service", code, f"outlet: {before or '-'} -> {outlet or '-'}")


def add_outlet(session: Session, actor: Actor, code: str, name: str, names: Mapping[str, str] | None = None) -> None:
    require(actor, Right.MANAGE_CATALOGUE)
    code = _code(code)
    if session.get(Outlet, code) is not None:
        raise InvalidInput("There is already an outlet {code}", field="code", code=code)
    session.add(Outlet(code=code, name=_name(name)))
    set_names(session, NameKind.OUTLET, code, _translations(names or {}))
    record_change(session, actor, "outlet", code, f"added: {name.strip()}")
    # A POS posting in the same unit would otherwise read the outlets as they were.
    forget(session, "outlet")
    forget(session, "first_outlet")


def add_payment_method(session: Session, actor: Actor, code: str, name: str, kind: MethodKind,
                       names: Mapping[str, str] | None = None) -> None:
    """A payment method: cash opens the drawer; a transfer, a deposit or a company account is no
    fiscal sale of its own."""
    require(actor, Right.MANAGE_CATALOGUE)
    code = _code(code)
    if session.get(PaymentMethod, code) is not None:
        raise InvalidInput("There is already a payment method {code}", field="code", code=code)
    session.add(PaymentMethod(code=code, name=_name(name), kind=kind, opens_drawer=kind is MethodKind.CASH,
                              fiscal=kind in (MethodKind.CASH, MethodKind.CARD)))
    set_names(session, NameKind.PAYMENT_METHOD, code, _translations(names or {}))
    record_change(session, actor, "payment_method", code, f"added: {name.strip()} ({kind.value})")


@dataclass(frozen=True)
class RegisterRow:
    code: str
    name: str
    # Where its documents print: (workstation, printer) per workstation, set in Devices.
    printers: list[tuple[str, str]]


def list_registers(session: Session) -> list[RegisterRow]:
    printed: dict[str, list[tuple[str, str]]] = {}
    for workstation, printer, code in session.execute(
            select(WorkstationPrinter.workstation, WorkstationPrinter.name, WorkstationPrinter.register_code)
            .where(WorkstationPrinter.register_code.is_not(None))
            .order_by(WorkstationPrinter.workstation, WorkstationPrinter.name)):
        printed.setdefault(str(code), []).append((workstation, printer))
    return [RegisterRow(r.code, r.name, printed.get(r.code, []))
            for r in session.scalars(select(CashRegister).order_by(CashRegister.code))]


def add_register(session: Session, actor: Actor, code: str, name: str,
                 names: Mapping[str, str] | None = None) -> None:
    """A cash register receipts can be sent to; which printer prints it is chosen per workstation in
    Devices. Its documents are in the hotel's country's language."""
    require(actor, Right.MANAGE_DEVICES)
    code = _code(code)
    if len(code) > 16:
        raise InvalidInput("A register's code is at most 16 characters", field="code")
    if session.get(CashRegister, code) is not None:
        raise InvalidInput("There is already a cash register {code}", field="code", code=code)
    session.add(CashRegister(code=code, name=_name(name)))
    set_names(session, NameKind.CASH_REGISTER, code, _translations(names or {}))
    record_change(session, actor, "cash_register", code, f"added: {name.strip()}")
