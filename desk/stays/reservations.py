"""Reservations and the other folio owners: creating them, check-in, check-out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import N_, BillNotSettled, InvalidInput, InvalidTransition
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Room
from desk.ledger.bills import open_bill
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.lookup import get, lock_folio, lock_open_bills
from desk.ledger.models import Folio, Posting
from desk.ledger.postings import post_charge
from desk.people.auth import Actor, ManagerApproval, authorise
from desk.people.rights import Right, require
from desk.stays.models import Company, Event, Guest, Reservation, ReservationGuest, ReservationStatus


def new_guest(session: Session, actor: Actor, first_name: str, last_name: str, email: str = "",
              phone: str = "") -> Guest:
    """A guest's record, to name on a reservation."""
    require(actor, Right.CREATE_GUEST)
    if not (first_name.strip() or last_name.strip()):
        raise InvalidInput("A guest needs a name", field="name")
    guest = Guest(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        search_name=search_key(f"{last_name} {first_name}"),
        email=email.strip(),
        phone=phone.strip(),
    )
    session.add(guest)
    return guest


def search_key(text: str) -> str:
    return " ".join(text.lower().split())


def create_reservation(
    session: Session,
    actor: Actor,
    *,
    number: str,
    guests: list[Guest],
    arrival: date,
    departure: date,
    nightly_rate: Money,
    room_number: str | None = None,
    company: Company | None = None,
    event: Event | None = None,
) -> Reservation:
    """A confirmed reservation with its folio and a first bill paid by the first guest."""
    require(actor, Right.CREATE_RESERVATION)
    if departure <= arrival:
        raise InvalidInput("Departure must be after arrival", field="departure")
    if not guests:
        raise InvalidInput("A reservation needs at least one guest", field="guests")
    if nightly_rate.is_negative:
        raise InvalidInput("The nightly rate cannot be negative", field="nightly_rate")
    room = None
    if room_number is not None:
        room = session.scalar(select(Room).where(Room.number == room_number))
        if room is None:
            raise InvalidInput("There is no room {room}", field="room", room=room_number)
    reservation = Reservation(
        number=number,
        status=ReservationStatus.CONFIRMED,
        arrival=arrival,
        departure=departure,
        room=room,
        nightly_rate=nightly_rate,
        company=company,
        event=event,
    )
    session.add(reservation)
    for position, guest in enumerate(guests):
        session.add(ReservationGuest(reservation=reservation, guest=guest, position=position))
    folio = Folio(reservation=reservation)
    session.add(folio)
    session.flush()
    open_bill(session, actor, folio.id, payer_guest_id=guests[0].id)
    return reservation


# Why a reservation in each status cannot be checked in, or checked out.
_NOT_CONFIRMED = {
    ReservationStatus.IN_HOUSE: N_("Reservation {reservation} is already in house"),
    ReservationStatus.CHECKED_OUT: N_("Reservation {reservation} is checked out, not confirmed"),
    ReservationStatus.CANCELLED: N_("Reservation {reservation} is cancelled, not confirmed"),
    ReservationStatus.NO_SHOW: N_("Reservation {reservation} is a no-show, not confirmed"),
}
_NOT_IN_HOUSE = {
    ReservationStatus.CONFIRMED: N_("Reservation {reservation} is not checked in yet"),
    ReservationStatus.CHECKED_OUT: N_("Reservation {reservation} is already checked out"),
    ReservationStatus.CANCELLED: N_("Reservation {reservation} is cancelled, not in house"),
    ReservationStatus.NO_SHOW: N_("Reservation {reservation} is a no-show, not in house"),
}


def check_in(session: Session, actor: Actor, reservation_id: int, *, today: date | None = None) -> Reservation:
    require(actor, Right.CHECK_IN)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    today = today or date.today()
    if reservation.status is not ReservationStatus.CONFIRMED:
        raise InvalidTransition(_NOT_CONFIRMED[reservation.status], reservation=reservation.number)
    if reservation.room is None:
        raise InvalidInput("Reservation {reservation} has no room yet", field="room", reservation=reservation.number)
    if reservation.arrival > today:
        raise InvalidTransition("Reservation {reservation} arrives on {date}", reservation=reservation.number,
                                date=reservation.arrival)
    reservation.status = ReservationStatus.IN_HOUSE
    reservation.checked_in_at = utcnow()
    return reservation


def check_out(
    session: Session,
    actor: Actor,
    reservation_id: int,
    *,
    override: ManagerApproval | None = None,
    reason: str = "",
) -> Reservation:
    """Refused while a bill or the deposit is not settled, unless a manager overrides.

    ``override`` is the manager's credentials, checked here: an open balance is never let
    through without them, whoever is signed in.
    """
    require(actor, Right.CHECK_OUT)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    if reservation.status is not ReservationStatus.IN_HOUSE:
        raise InvalidTransition(_NOT_IN_HOUSE[reservation.status], reservation=reservation.number)
    # Every bill locked, so no payment or charge lands between the check and the check-out.
    folio = lock_folio(session, folio_of_reservation(session, reservation_id))
    lock_open_bills(session, (bill.id for bill in folio.bills))
    view = load_folio(session, folio.id)
    unsettled = [b for b in view.bills if b.balance]
    if unsettled or view.deposit_balance:
        if override is None:
            bills = [(b.bill.number, b.balance) for b in unsettled]
            if not view.deposit_balance:
                raise BillNotSettled("Settle every bill before check-out (bills {bills})", bills=bills)
            if not bills:
                raise BillNotSettled("Settle the deposit before check-out ({deposit})", deposit=view.deposit_balance)
            raise BillNotSettled(
                "Settle every bill and the deposit before check-out (bills {bills}; deposit {deposit})",
                bills=bills, deposit=view.deposit_balance)
        if not reason.strip():
            raise InvalidInput("Say why check-out is allowed with an open balance", field="reason")
        reservation.checkout_authorised_by = authorise(session, actor, Right.CHECKOUT_OVERRIDE, override)
        reservation.checkout_note = reason.strip()
    reservation.status = ReservationStatus.CHECKED_OUT
    reservation.checked_out_at = utcnow()
    reservation.checked_out_by = actor.username
    return reservation


def cancel_reservation(session: Session, actor: Actor, reservation_id: int) -> Reservation:
    require(actor, Right.CANCEL_RESERVATION)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    if reservation.status is not ReservationStatus.CONFIRMED:
        raise InvalidTransition("Only a confirmed reservation can be cancelled ({reservation})",
                                reservation=reservation.number)
    folio = lock_folio(session, folio_of_reservation(session, reservation_id))
    lock_open_bills(session, (bill.id for bill in folio.bills))
    view = load_folio(session, folio.id)
    if any(b.balance for b in view.bills) or view.deposit_balance:
        raise BillNotSettled("Reservation {reservation} has money on its folio: settle it first",
                             reservation=reservation.number)
    reservation.status = ReservationStatus.CANCELLED
    return reservation


def post_night(session: Session, actor: Actor, reservation_id: int, night: date) -> Posting:
    """Charge one night's accommodation once, however often (or on however many desks at once) the
    night audit runs: the night's charge, posted now or found posted already."""
    require(actor, Right.POST_NIGHT)
    # The reservation's lock puts two desks charging its night in line: the second waits for the
    # first to commit, then finds its charge, instead of colliding on the charge's unique reference.
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    if not reservation.arrival <= night < reservation.departure:
        raise InvalidInput("{night} is not a night of reservation {reservation}", field="night", night=night,
                           reservation=reservation.number)
    ref = f"night:{reservation.id}:{night.isoformat()}"
    posted = session.scalar(select(Posting).where(Posting.external_ref == ref))
    if posted is not None:
        return posted
    folio = session.get_one(Folio, folio_of_reservation(session, reservation_id))
    first_bill = min(b.id for b in folio.bills)
    return post_charge(
        session,
        actor,
        bill_id=first_bill,
        description="Accommodation",
        service_code="ROOM",
        quantity=1,
        unit_price=reservation.nightly_rate,
        ordered_at=datetime.combine(night, datetime.min.time()).astimezone() + timedelta(hours=23),
        source="audit",
        external_ref=ref,
    )
