"""Charges on bills, and their reversals: a posting is never edited, only reversed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from desk.core.errors import AlreadyReversed, DeskError, InvalidInput, NotFound
from desk.core.money import Money, total
from desk.core.types import utcnow
from desk.hotel.models import Outlet, TaxRate
from desk.hotel.reference import base_currency, reference, service_row
from desk.ledger.folios import load_folio
from desk.ledger.invoiced import refuse_invoiced_bill
from desk.ledger.lookup import (
    chargeable_bill,
    get,
    lock_folio,
    refuse_reversing_open_transfer,
    require_fits,
)
from desk.ledger.models import Bill, Posting, PostingItem, PostingKind
from desk.people.auth import Actor, ManagerApproval, authorise
from desk.people.rights import Right, require
from desk.stays.models import stored_business_date


@dataclass(frozen=True)
class OrderItem:
    """One line of an order's composition, as the POS sends it."""

    name: str
    quantity: Decimal
    unit_price: Money

    @property
    def amount(self) -> Money:
        return self.unit_price.times(self.quantity)


# Quantities are stored as numeric(12, 3).
MAX_QUANTITY = Decimal(10) ** 9


def quantity_of(value: object) -> Decimal:
    if isinstance(value, float | bool):
        raise InvalidInput("“{value}” is not an exact quantity", field="quantity", value=value)
    try:
        quantity = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InvalidInput("“{value}” is not a quantity", field="quantity", value=value) from None
    # Before quantize: a quantity of 30 digits would trap there instead of being refused.
    if quantity.is_finite() and quantity >= MAX_QUANTITY:
        raise InvalidInput("The quantity must be less than {limit} (got {value})", field="quantity",
                           limit=int(MAX_QUANTITY), value=value)
    if not quantity.is_finite() or quantity <= 0 or quantity != quantity.quantize(Decimal("0.001")):
        raise InvalidInput("The quantity must be positive with at most 3 decimals (got {value})",
                           field="quantity", value=value)
    return quantity


def tax_included(amount: Money, percent: Decimal) -> Money:
    """The tax inside a tax-inclusive amount (hotel prices include VAT)."""
    return amount.times(percent / (100 + percent))


@dataclass(frozen=True)
class Charge:
    """What a charge says, before the ledger's rules have checked it."""

    description: str
    quantity: object
    unit_price: Money
    service_code: str | None = None
    tax_code: str | None = None
    ordered_at: datetime | None = None
    source: str = "desk"
    outlet_code: str | None = None
    check_number: str | None = None
    external_ref: str | None = None
    items: list[OrderItem] | None = None


def post_charge(
    session: Session,
    actor: Actor,
    *,
    bill_id: int,
    description: str,
    quantity: object,
    unit_price: Money,
    service_code: str | None = None,
    tax_code: str | None = None,
    ordered_at: datetime | None = None,
    source: str = "desk",
    outlet_code: str | None = None,
    check_number: str | None = None,
    external_ref: str | None = None,
    items: list[OrderItem] | None = None,
    after_checkout: bool = False,
) -> Posting:
    """Charge a bill. Prices are in the hotel's currency and include their tax.

    ``after_checkout`` lets a POS check that closed while the guest stayed land on a bill closed
    since (the POS service's policy decides, and flags it for the desk).
    """
    require(actor, Right.POST_CHARGE)
    bill = _bill_for_update(session, bill_id, after_checkout)
    charge = Charge(description, quantity, unit_price, service_code, tax_code, ordered_at, source, outlet_code,
                    check_number, external_ref, items)
    posting = Posting(**charge_values(session, actor=actor, folio_id=bill.folio_id, bill_id=bill.id, charge=charge))
    session.add(posting)
    session.flush()
    insert_items(session, posting.id, items)
    return posting


def charge_values(session: Session, *, actor: Actor, folio_id: int, bill_id: int, charge: Charge) -> dict[str, object]:
    """The checked columns of a charge on a bill the caller holds: the one place a charge's rules live.

    ``post_charge`` stores them as an ORM object; the POS service, which posts hundreds of checks
    a second, inserts them as they are.
    """
    description, items, check_number, external_ref = (charge.description, charge.items, charge.check_number,
                                                      charge.external_ref)
    service_code, outlet_code, unit_price = charge.service_code, charge.outlet_code, charge.unit_price
    quantity = quantity_of(charge.quantity)
    currency = base_currency(session)
    if unit_price.currency != currency:
        raise InvalidInput("Services are charged in {base}, not {currency}", field="currency", base=currency,
                           currency=unit_price.currency)
    if unit_price.is_negative:
        raise InvalidInput("A price cannot be negative: reverse the service instead", field="price")
    if not description.strip():
        raise InvalidInput("A service needs a description", field="description")
    require_fits(description, 160, "description")
    require_fits(check_number, 40, "check_number")
    require_fits(external_ref, 80, "external_ref")
    for item in items or []:
        require_fits(item.name, 120, "items")
    service = service_row(session, service_code) if service_code else None
    if service_code and service is None:
        raise InvalidInput("There is no service {service}", field="service", service=service_code)
    tax_code = charge.tax_code or (service.tax_code if service else None)
    percent = tax_percent(session, tax_code) if tax_code else Decimal(0)
    if outlet_code is not None:
        require_outlet(session, outlet_code)
    for item in items or []:
        quantity_of(item.quantity)
    amount = unit_price.times(quantity)
    if items and total((item.amount for item in items), currency) != amount:
        raise InvalidInput("The order's items do not add up to its amount", field="items")
    when = charge.ordered_at or utcnow()
    business_date = stored_business_date(session) or when.astimezone().date()
    source = charge.source
    return {
        "folio_id": folio_id, "bill_id": bill_id, "kind": PostingKind.CHARGE, "service_code": service_code,
        "description": description.strip(), "quantity": quantity, "unit_price": unit_price, "amount": amount,
        "tax_code": tax_code, "tax_percent": percent, "tax_amount": tax_included(amount, percent),
        "ordered_at": when, "business_date": business_date, "source": source,
        "outlet_code": outlet_code, "check_number": check_number, "external_ref": external_ref,
        "created_by": actor.username, "workstation": actor.workstation,
    }


_NEW_ITEMS = insert(PostingItem)
NEW_POSTING = insert(Posting).returning(Posting.id)


def insert_items(session: Session, posting_id: int, items: list[OrderItem] | None) -> None:
    """An order's composition, in one statement; the posting itself tells the runner its folio."""
    if items:
        session.connection().execute(_NEW_ITEMS, [
            {"posting_id": posting_id, "name": item.name, "quantity": item.quantity,
             "unit_price": item.unit_price, "amount": item.amount}
            for item in items
        ])


def tax_percent(session: Session, code: str) -> Decimal:
    percent = reference(session, "tax_percent", code, _TAX_PERCENT, shared=True, code=code)
    if percent is None:
        raise NotFound("Tax rate {key} does not exist", label="Tax rate", key=code)
    return Decimal(str(percent))


def require_outlet(session: Session, code: str) -> str:
    """The outlet's name; refuses an outlet the hotel does not have."""
    name = reference(session, "outlet", code, _OUTLET_NAME, shared=True, code=code)
    if name is None:
        raise NotFound("Outlet {key} does not exist", label="Outlet", key=code)
    return str(name)


_TAX_PERCENT = select(TaxRate.__table__.c.percent).where(TaxRate.__table__.c.code == bindparam("code"))
_OUTLET_NAME = select(Outlet.__table__.c.name).where(Outlet.__table__.c.code == bindparam("code"))



def _bill_for_update(session: Session, bill_id: int, after_checkout: bool) -> Bill:
    if not after_checkout:
        return chargeable_bill(session, bill_id)
    # Read after the bill's lock: an invoice being issued for it holds that lock until it commits.
    bill = get(session, Bill, bill_id, "Bill", lock=True)
    refuse_invoiced_bill(session, bill.id)
    return bill


@dataclass(frozen=True)
class ServiceLine:
    """One catalogue service to post: at its price unless ``unit_price`` is given."""

    service_code: str
    quantity: object = 1
    unit_price: Money | None = None
    ordered_at: datetime | None = None


def post_service(
    session: Session,
    actor: Actor,
    *,
    bill_id: int,
    service_code: str,
    quantity: object = 1,
    unit_price: Money | None = None,
    ordered_at: datetime | None = None,
) -> Posting:
    """Post a catalogue service (minibar, laundry, parking) at its price unless one is given."""
    require(actor, Right.POST_SERVICE)
    line = ServiceLine(service_code, quantity, unit_price, ordered_at)
    return post_services(session, actor, bill_id=bill_id, lines=[line])[0]


def post_services(session: Session, actor: Actor, *, bill_id: int, lines: Sequence[ServiceLine]) -> list[Posting]:
    """Post several catalogue services on one bill (what a minibar's count found): all of them, each
    checked as a charge is, or none. The bill is locked and read once for all of them.

    A refused line's refusal names it: its ``line`` parameter is the line's position in ``lines`` (from 1),
    so that a dialog listing them shows the refusal against that line.
    """
    require(actor, Right.POST_SERVICE)
    require(actor, Right.POST_CHARGE)
    if not lines:
        raise InvalidInput("Choose the services to post", field="service")
    bill = _bill_for_update(session, bill_id, after_checkout=False)
    postings = []
    for position, line in enumerate(lines, 1):
        service = service_row(session, line.service_code)
        if service is None:
            raise InvalidInput("There is no service {service}", field="service", service=line.service_code,
                               line=position)
        charge = Charge(service.name, line.quantity, line.unit_price if line.unit_price is not None else service.price,
                        service_code=service.code, ordered_at=line.ordered_at, outlet_code=service.outlet_code)
        try:
            values = charge_values(session, actor=actor, folio_id=bill.folio_id, bill_id=bill.id, charge=charge)
        except DeskError as refusal:
            refusal.params.setdefault("line", position)
            raise
        postings.append(Posting(**values))
    session.add_all(postings)
    session.flush()
    return postings


def reverse_posting(
    session: Session, actor: Actor, posting_id: int, *, reason: str, after_checkout: bool = False
) -> Posting:
    """Cancel a charge by posting its negative copy on the bill it is on now (a POS cancellation).

    ``after_checkout`` lets a POS cancel a check on a bill closed since (see post_charge).
    """
    require(actor, Right.REVERSE_POSTING)
    return _reverse(session, actor, posting_id, reason=reason, kind=PostingKind.REVERSAL, authorised_by=None,
                          after_checkout=after_checkout)


def _reverse(
    session: Session, actor: Actor, posting_id: int, *, reason: str, kind: PostingKind, authorised_by: str | None,
    after_checkout: bool = False,
) -> Posting:
    """Cancel a charge by posting its negative copy on the bill it is on now."""
    original = get(session, Posting, posting_id, "Service")
    lock_folio(session, original.folio_id)
    if original.kind is not PostingKind.CHARGE:
        raise InvalidInput("A reversal cannot itself be reversed", field="posting")
    if not reason.strip():
        raise InvalidInput("Say why the service is reversed", field="reason")
    require_fits(reason, 240, "reason")
    refuse_reversing_open_transfer(session, original)
    line = load_folio(session, original.folio_id).posting(original.id)
    if line.reversed_by is not None:
        raise AlreadyReversed("{service} was already reversed", service=original.description)
    _bill_for_update(session, line.bill_id, after_checkout)
    reversal = Posting(
        folio_id=original.folio_id,
        bill_id=line.bill_id,
        kind=kind,
        service_code=original.service_code,
        description=original.description,
        quantity=original.quantity,
        unit_price=original.unit_price,
        amount=-original.amount,
        tax_code=original.tax_code,
        tax_percent=original.tax_percent,
        tax_amount=-original.tax_amount,
        ordered_at=utcnow(),
        business_date=stored_business_date(session) or utcnow().astimezone().date(),
        source=original.source,
        outlet_code=original.outlet_code,
        check_number=original.check_number,
        reverses_id=original.id,
        reason=reason.strip(),
        authorised_by=authorised_by,
        created_by=actor.username,
        workstation=actor.workstation,
    )
    session.add(reversal)
    session.flush()
    return reversal


def void_posting(
    session: Session, actor: Actor, posting_id: int, *, reason: str, approval: ManagerApproval | None = None
) -> Posting:
    """A manager undoes a mistaken charge; it stays visible, struck out, with who and why.

    ``approval`` is the authorising manager's credentials, checked here; without it the actor's
    own role must have the right.
    """
    manager = authorise(session, actor, Right.VOID_POSTING, approval)
    return _reverse(session, actor, posting_id, reason=reason, kind=PostingKind.VOID, authorised_by=manager)
