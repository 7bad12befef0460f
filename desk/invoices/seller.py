"""What an invoice says of the hotel as seller, besides its name, address and tax id (set up with
the hotel): its VAT number, the person who answers for it (Bulgaria's МОЛ) and the city invoices
are issued in. A change applies to invoices issued after it; issued ones keep what they said."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.hotel.models import Hotel
from desk.people.auth import Actor
from desk.people.rights import Right, require

LIMITS = {"vat_number": 40, "accountable_person": 120, "city": 80}


def set_invoice_seller(session: Session, actor: Actor, *, vat_number: str, accountable_person: str,
                       city: str) -> None:
    """The seller's VAT number, accountable person and city on the invoices issued from now on."""
    require(actor, Right.MANAGE_CATALOGUE)
    values = {"vat_number": vat_number.strip().replace(" ", "").upper(),
              "accountable_person": accountable_person.strip(), "city": city.strip()}
    for field, value in values.items():
        if len(value) > LIMITS[field]:
            raise InvalidInput("At most {limit} characters", field=field, limit=LIMITS[field])
    hotel = session.scalars(select(Hotel).limit(1)).one()
    hotel.vat_number, hotel.accountable_person, hotel.city = (values["vat_number"], values["accountable_person"],
                                                             values["city"])
    session.flush()
