"""A guest's details after booking: name, contacts, documents, birth date and city-tax exemption, as
the New reservation window records them, read for the Guest… window and changed by a desk holding
``Right.CREATE_GUEST`` (the right New reservation asks for a guest's record). Each change goes into
the audit trail with the details before and after it. The night audit reads the guest's birth date
and exemption each night, so nights not yet posted follow the change.

A document typed wrong is corrected, and one entered on the wrong guest removed: the row goes, and the
trail's record of the change keeps it whole (kind, country, number, as every record of a guest's
details does), chained and never changed, which is what shows the document a guest checked in with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desk.core.addresses import optional_email
from desk.core.errors import InvalidInput
from desk.core.types import utcnow
from desk.ledger.lookup import get
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.stays.booking import DocumentEntry, add_document, fill_document
from desk.stays.city_tax import EXEMPTION_LENGTH
from desk.stays.models import Guest
from desk.stays.reservations import search_key

NAME_LENGTH = 80
EMAIL_LENGTH = 120
PHONE_LENGTH = 40


@dataclass(frozen=True)
class GuestDetails:
    """What the Guest… window shows and sends back (``documents`` are those already recorded)."""

    guest_id: int
    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    birth_date: date | None = None
    city_tax_exemption: str = ""
    documents: tuple[DocumentEntry, ...] = ()


def guest_details(session: Session, guest_id: int) -> GuestDetails:
    guest = get(session, Guest, guest_id, "Guest")
    return GuestDetails(guest.id, guest.first_name, guest.last_name, guest.email, guest.phone, guest.birth_date,
                        guest.city_tax_exemption, tuple(
                            DocumentEntry(document.kind, document.number, document.country, document.issued_on,
                                          document.id)
                            for document in guest.documents))


def _correct_documents(session: Session, actor: Actor, guest: Guest, documents: Sequence[DocumentEntry]) -> None:
    recorded = {document.id: document for document in guest.documents}
    wanted = {entry.id: entry for entry in documents if entry.id is not None}
    for new in documents:
        if new.id is None:
            add_document(session, actor, guest, new)
    strangers = [ident for ident in wanted if ident not in recorded]
    if strangers:  # a document of another guest (or one removed meanwhile at another desk) is never touched
        raise InvalidInput("Document {document} is not one of this guest's: open the guest again", field="document",
                           document=str(strangers[0]))
    for ident, document in recorded.items():
        entry = wanted.get(ident)
        if entry is None:
            session.delete(document)
        elif entry != DocumentEntry(document.kind, document.number, document.country, document.issued_on, ident):
            fill_document(document, entry)


def _trail(details: GuestDetails) -> dict[str, Any]:
    kept = asdict(details)
    kept.pop("guest_id")
    kept["birth_date"] = details.birth_date.isoformat() if details.birth_date else None
    kept["documents"] = [f"{entry.kind} {entry.country} {entry.number}" for entry in details.documents]
    return kept


def edit_guest(session: Session, actor: Actor, guest_id: int, first_name: str, last_name: str, *,
               email: str = "", phone: str = "", birth_date: date | None = None, city_tax_exemption: str = "",
               new_document: DocumentEntry | None = None,
               documents: Sequence[DocumentEntry] | None = None) -> GuestDetails:
    """Replace the guest's name, contacts, birth date and exemption, and add ``new_document`` if given.
    ``documents``, if given, are the guest's recorded documents as they are to be now (each by its id):
    one changed is corrected, one left out removed. Bad input is refused before anything is written."""
    require(actor, Right.CREATE_GUEST)
    first_name, last_name = " ".join(first_name.split()), " ".join(last_name.split())
    email, phone = optional_email(email), phone.strip()
    exemption = " ".join(city_tax_exemption.split())
    if not (first_name or last_name):
        raise InvalidInput("A guest needs a name", field="name")
    if len(first_name) > NAME_LENGTH or len(last_name) > NAME_LENGTH:
        raise InvalidInput("A guest's name is at most {limit} characters", field="name", limit=NAME_LENGTH)
    if len(email) > EMAIL_LENGTH:
        raise InvalidInput("An e-mail address is at most {limit} characters", field="email", limit=EMAIL_LENGTH)
    if len(phone) > PHONE_LENGTH:
        raise InvalidInput("A phone number is at most {limit} characters", field="phone", limit=PHONE_LENGTH)
    if len(exemption) > EXEMPTION_LENGTH:
        raise InvalidInput("An exemption's reason is at most {limit} characters", field="city_tax_exemption",
                           limit=EXEMPTION_LENGTH)
    if birth_date is not None and birth_date > utcnow().date():
        raise InvalidInput("A birth date cannot be in the future", field="birth_date")
    guest = get(session, Guest, guest_id, "Guest", lock=True)
    before = guest_details(session, guest_id)
    if documents is not None:
        _correct_documents(session, actor, guest, documents)  # each refuses before any change below
    if new_document is not None:
        add_document(session, actor, guest, new_document)  # refuses a bad document before any change below
    guest.first_name, guest.last_name, guest.email, guest.phone = first_name, last_name, email, phone
    guest.search_name = search_key(f"{last_name} {first_name}")
    guest.search_first_last = search_key(f"{first_name} {last_name}")
    guest.birth_date, guest.city_tax_exemption = birth_date, exemption
    session.flush()
    session.expire(guest, ["documents"])
    after = guest_details(session, guest_id)
    if after != before:
        # Who said a guest is a child or exempt from the city tax is what an inspector asks first.
        record_change(session, actor, "guest", str(guest_id), f"details: {guest.full_name}",
                      {"before": _trail(before), "after": _trail(after)})
    return after
