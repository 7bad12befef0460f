"""Bills on a folio: opening, moving services between them, splitting."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.ledger.folios import FolioView, load_folio
from desk.ledger.invoiced import refuse_invoiced_bill
from desk.ledger.lookup import (
    ensure_open,
    ensure_stay_open,
    get,
    lock_folio_of_bill,
    lock_open_bills,
    open_bill_for_update,
    require_fits,
)
from desk.ledger.models import Bill, Folio, PostingMove
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.stays.models import Company, Guest, ReservationStatus


def open_bill(
    session: Session,
    actor: Actor,
    folio_id: int,
    *,
    payer_guest_id: int | None = None,
    payer_company_id: int | None = None,
    payer_name: str | None = None,
) -> Bill:
    """A new, empty bill on a folio; the payer is a guest, a company, or just a name."""
    require(actor, Right.OPEN_BILL)
    folio = get(session, Folio, folio_id, "Folio")
    ensure_open(folio)
    name = (payer_name or "").strip()
    if payer_guest_id is not None:
        name = name or get(session, Guest, payer_guest_id, "Guest").full_name
    if payer_company_id is not None:
        name = name or get(session, Company, payer_company_id, "Company").name
    bill = Bill(**_bill_values(actor, folio.id, name, payer_guest_id, payer_company_id))
    session.add(bill)
    session.flush()
    return bill


def insert_guest_bill(session: Session, *, actor: Actor, folio_id: int, stay_status: ReservationStatus,
                      stay_number: str, guest_id: int, guest_name: str) -> int:
    """:func:`open_bill` for a guest of a stay the caller holds locked, as one INSERT: the POS
    service opens a bill per check, hundreds a second. Returns the bill's id."""
    require(actor, Right.OPEN_BILL)
    ensure_stay_open(stay_status, stay_number)
    values = _bill_values(actor, folio_id, guest_name, guest_id, None)
    return int(session.connection().execute(_NEW_BILL, values).scalar_one())


_NEW_BILL = insert(Bill).returning(Bill.id)


def insert_first_bills(session: Session, *, actor: Actor, payers: Sequence[tuple[int, int, str]]) -> None:
    """:func:`open_bill` for the first guest of many new stays at once, as one executemany (an
    import of thousands): ``payers`` are (folio id, guest id, guest's name)."""
    require(actor, Right.OPEN_BILL)
    if payers:
        session.execute(insert(Bill), [_bill_values(actor, folio_id, name, guest_id, None)
                                       for folio_id, guest_id, name in payers])


def _bill_values(actor: Actor, folio_id: int, payer_name: str, payer_guest_id: int | None,
                 payer_company_id: int | None) -> dict[str, object]:
    name = payer_name.strip()
    if not name:
        raise InvalidInput("A bill needs a payer", field="payer")
    require_fits(name, 160, "payer")
    return {"folio_id": folio_id, "payer_name": name, "payer_guest_id": payer_guest_id,
            "payer_company_id": payer_company_id, "created_by": actor.username}


def move_postings(session: Session, actor: Actor, posting_ids: Sequence[int], to_bill_id: int) -> None:
    """Move services to another bill of the same folio, both bills staying open."""
    require(actor, Right.MOVE_POSTINGS)
    if not posting_ids:
        raise InvalidInput("Choose the services to move", field="postings")
    folio = lock_folio_of_bill(session, to_bill_id)
    view = load_folio(session, folio.id)
    lines = [view.posting(posting_id) for posting_id in dict.fromkeys(posting_ids)]
    locked = lock_open_bills(session, [to_bill_id, *(line.bill_id for line in lines)])
    for bill_id in locked:
        refuse_invoiced_bill(session, bill_id)
    target = locked[to_bill_id]
    _refuse_leaving_overpaid(view, posting_ids, target.id)
    for line in lines:
        posting_id = line.posting.id
        if not line.is_active:
            raise InvalidInput("{service} is reversed and stays where it is",
                               field="postings", service=line.posting.description)
        if line.bill_id == target.id:
            raise InvalidInput("{service} is already on bill {bill}",
                               field="postings", service=line.posting.description, bill=target.number)
        session.add(
            PostingMove(
                posting_id=posting_id,
                from_bill_id=line.bill_id,
                to_bill_id=target.id,
                moved_by=actor.username,
            )
        )
    session.flush()


def _refuse_leaving_overpaid(view: FolioView, posting_ids: Sequence[int], target_id: int) -> None:
    """A bill's payments paid for its services: moving them off would leave the bill overpaid and
    another owing the same money, so the clerk deals with the payment first."""
    leaving: dict[int, Money] = {}
    for posting_id in dict.fromkeys(posting_ids):
        line = view.posting(posting_id)
        if line.is_active and line.bill_id != target_id:
            leaving[line.bill_id] = leaving.get(line.bill_id, Money.zero(view.currency)) + line.posting.amount
    for bill_id, amount in leaving.items():
        source = view.bill(bill_id)
        if source.paid.is_positive and source.paid > source.charges - amount:
            raise InvalidInput(
                "Bill {bill} has {paid} paid on it: moving {amount} of services off it would leave it "
                "overpaid and the other bill owing. Refund or void its payment first",
                field="postings", bill=source.bill.number, paid=source.paid, amount=amount)


def split_bill(
    session: Session,
    actor: Actor,
    bill_id: int,
    posting_ids: Sequence[int],
    *,
    payer_guest_id: int | None = None,
    payer_company_id: int | None = None,
    payer_name: str | None = None,
) -> Bill:
    """Open a new bill for another payer and move the chosen services onto it."""
    require(actor, Right.SPLIT_BILL)
    lock_folio_of_bill(session, bill_id)
    source = open_bill_for_update(session, bill_id)
    view = load_folio(session, source.folio_id)
    on_source = {line.posting.id for line in view.bill(bill_id).postings}
    stray = [pid for pid in posting_ids if pid not in on_source]
    if stray:
        raise InvalidInput("Only services on this bill can be split off it", field="postings")
    new_bill = open_bill(
        session,
        actor,
        source.folio_id,
        payer_guest_id=payer_guest_id,
        payer_company_id=payer_company_id,
        payer_name=payer_name,
    )
    move_postings(session, actor, posting_ids, new_bill.id)
    return new_bill
