"""What an invoice says of the hotel as seller: its address and tax id (set up with the hotel), its
VAT number, the person who answers for it (Bulgaria's МОЛ) and the city invoices are issued in.
A change applies to invoices issued after it; issued ones keep what they said."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.hotel.models import Hotel
from desk.people.auth import Actor
from desk.people.rights import Right, require

LIMITS = {"vat_number": 40, "accountable_person": 120, "city": 80, "address": 240, "tax_id": 40}


@dataclass(frozen=True)
class InvoiceSeller:
    vat_number: str
    accountable_person: str
    city: str
    address: str
    tax_id: str


def invoice_seller(session: Session) -> InvoiceSeller:
    hotel = session.scalars(select(Hotel).limit(1)).one()
    return InvoiceSeller(hotel.vat_number, hotel.accountable_person, hotel.city, hotel.address, hotel.tax_id)


def set_invoice_seller(session: Session, actor: Actor, *, vat_number: str, accountable_person: str,
                       city: str, address: str | None = None, tax_id: str | None = None) -> None:
    """The seller's details on the invoices issued from now on; an address or tax id of None stays as it is."""
    require(actor, Right.MANAGE_CATALOGUE)
    values = {"vat_number": vat_number.strip().replace(" ", "").upper(),
              "accountable_person": accountable_person.strip(), "city": city.strip()}
    if address is not None:
        values["address"] = address.strip()
    if tax_id is not None:
        values["tax_id"] = tax_id.strip()
    for field, value in values.items():
        if len(value) > LIMITS[field]:
            raise InvalidInput("At most {limit} characters", field=field, limit=LIMITS[field])
    hotel = session.scalars(select(Hotel).limit(1)).one()
    for field, value in values.items():
        setattr(hotel, field, value)
    session.flush()
