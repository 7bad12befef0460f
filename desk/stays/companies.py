"""Companies the hotel bills: added and changed by whoever may change the catalogue, for company
folios and transfers. Each change is recorded in ``admin_change``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.addresses import optional_email
from desk.core.errors import InvalidInput, NotFound
from desk.core.money import Money
from desk.hotel.reference import base_currency
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.stays.models import Company
from desk.stays.reservations import search_key


@dataclass(frozen=True)
class CompanyRow:
    id: int
    name: str
    tax_id: str
    address: str
    credit_limit: Money | None
    email: str = ""


def list_companies(session: Session) -> list[CompanyRow]:
    return [CompanyRow(c.id, c.name, c.tax_id, c.address, c.credit_limit, c.email)
            for c in session.scalars(select(Company).order_by(Company.search_name, Company.id))]


def _fields(session: Session, name: str, tax_id: str, address: str,
            credit_limit: Money | None) -> tuple[str, str, str]:
    name, tax_id, address = name.strip(), tax_id.strip(), address.strip()
    if not name:
        raise InvalidInput("Type the company's name", field="name")
    for text, limit, field in ((name, 120, "name"), (tax_id, 40, "tax_id"), (address, 240, "address")):
        if len(text) > limit:
            raise InvalidInput("At most {limit} characters", field=field, limit=limit)
    if credit_limit is not None:
        currency = base_currency(session)
        if credit_limit.currency != currency:
            raise InvalidInput("A credit limit is in the hotel's currency, {currency}", field="credit_limit",
                               currency=currency)
        if credit_limit.is_negative:
            raise InvalidInput("A credit limit cannot be negative", field="credit_limit")
    return name, tax_id, address


def _same_tax_id(session: Session, tax_id: str, other_than: int | None = None) -> None:
    if not tax_id:
        return
    found = session.scalar(select(Company.id).where(Company.tax_id == tax_id).limit(1)
                           if other_than is None else
                           select(Company.id).where(Company.tax_id == tax_id, Company.id != other_than).limit(1))
    if found is not None:
        raise InvalidInput("There is already a company with tax ID {tax_id}", field="tax_id", tax_id=tax_id)


def add_company(session: Session, actor: Actor, name: str, tax_id: str = "", address: str = "",
                credit_limit: Money | None = None, *, email: str = "") -> int:
    """A company the hotel may bill; two with one tax ID are refused. Returns its id."""
    require(actor, Right.MANAGE_CATALOGUE)
    name, tax_id, address = _fields(session, name, tax_id, address, credit_limit)
    email = optional_email(email)
    _same_tax_id(session, tax_id)
    company = Company(name=name, search_name=search_key(name), tax_id=tax_id, address=address,
                      credit_limit=credit_limit, email=email)
    session.add(company)
    session.flush()
    record_change(session, actor, "company", str(company.id),
                  f"added: {name}, {tax_id or '-'}, limit {credit_limit}, e-mail {email or '-'}")
    return company.id


def change_company(session: Session, actor: Actor, company_id: int, name: str, tax_id: str, address: str,
                   credit_limit: Money | None, *, email: str | None = None) -> None:
    """A company's new details (``email`` None: as it was); its folios and transfers stay its own."""
    require(actor, Right.MANAGE_CATALOGUE)
    company = session.get(Company, company_id)
    if company is None:
        raise NotFound("There is no company {company}", field="company", company=company_id)
    name, tax_id, address = _fields(session, name, tax_id, address, credit_limit)
    email = company.email if email is None else optional_email(email)
    _same_tax_id(session, tax_id, other_than=company_id)
    before = f"{company.name}, {company.tax_id or '-'}, limit {company.credit_limit}, e-mail {company.email or '-'}"
    company.name, company.search_name, company.tax_id, company.address = name, search_key(name), tax_id, address
    company.credit_limit, company.email = credit_limit, email
    record_change(session, actor, "company", str(company_id),
                  f"changed: {before} -> {name}, {tax_id or '-'}, limit {credit_limit}, e-mail {email or '-'}")
