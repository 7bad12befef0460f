"""Reservations and the other folio owners: creating them, check-in, check-out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desk.core.errors import N_, BillNotSettled, InvalidInput, InvalidTransition
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Hotel, Room
from desk.ledger.bills import open_bill
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.lookup import get, lock_folio, lock_open_bills
from desk.ledger.models import Folio, Posting
from desk.ledger.postings import post_charge
from desk.people.auth import Actor, ManagerApproval, authorise
from desk.people.rights import Right, require
from desk.stays.business_day import business_date
from desk.stays.models import (
    HOLDS_ROOM,
    Company,
    Event,
    Guest,
    Reservation,
    ReservationGuest,
    ReservationStatus,
)

MAX_NIGHTS = 365
MAX_NAME = 80


def new_guest(session: Session, actor: Actor, first_name: str, last_name: str, email: str = "",
              phone: str = "") -> Guest:
    """A guest's record, to name on a reservation."""
    require(actor, Right.CREATE_GUEST)
    guest = Guest(**guest_values(first_name, last_name, email, phone))
    session.add(guest)
    return guest


def guest_values(first_name: str, last_name: str, email: str = "", phone: str = "") -> dict[str, str]:
    """A new guest's columns, refused before anything is written (an import writes them many at once)."""
    if not (first_name.strip() or last_name.strip()):
        raise InvalidInput("A guest needs a name", field="name")
    if len(first_name.strip()) > MAX_NAME or len(last_name.strip()) > MAX_NAME:
        raise InvalidInput("A guest's name is at most {limit} characters", field="name", limit=MAX_NAME)
    return {"first_name": first_name.strip(), "last_name": last_name.strip(),
            "search_name": search_key(f"{last_name} {first_name}"), "email": email.strip(), "phone": phone.strip()}


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
    room_type: str | None = None,
) -> Reservation:
    """A confirmed reservation with its folio and a first bill paid by the first guest.

    A room given is refused if another stay holds it for any of these nights.
    """
    require(actor, Right.CREATE_RESERVATION)
    if departure <= arrival:
        raise InvalidInput("Departure must be after arrival", field="departure")
    if not guests:
        raise InvalidInput("A reservation needs at least one guest", field="guests")
    if nightly_rate.is_negative:
        raise InvalidInput("The nightly rate cannot be negative", field="nightly_rate")
    room = None
    if room_number is not None:
        room = room_locked(session, room_number)
        refuse_if_taken(session, room, arrival, departure)
    reservation = Reservation(
        number=number,
        status=ReservationStatus.CONFIRMED,
        arrival=arrival,
        departure=departure,
        room=room,
        room_type=room.room_type if room is not None else room_type,
        nightly_rate=nightly_rate,
        company=company,
        event=event,
        changed_by=actor.username,
        credit_limit=session.scalars(select(Hotel.default_credit_limit).limit(1)).first(),
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
NOT_CONFIRMED = {
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


def check_in(session: Session, actor: Actor, reservation_id: int, *, room_number: str | None = None,
             today: date | None = None) -> Reservation:
    """The guest in house, in the reservation's room, the room chosen, or a free room of the type
    booked (a clean one first). A room another stay holds for any night of this one is refused.

    Two desks checking two guests into one room at once: each locks the room before it looks at
    who holds it (PostgreSQL; SQLite's writing unit holds the whole file), so the second sees the
    first's stay and is refused.
    """
    require(actor, Right.CHECK_IN)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    today = today or business_date(session)
    if reservation.status is not ReservationStatus.CONFIRMED:
        raise InvalidTransition(NOT_CONFIRMED[reservation.status], reservation=reservation.number)
    if reservation.arrival > today:
        raise InvalidTransition("Reservation {reservation} arrives on {date}", reservation=reservation.number,
                                date=reservation.arrival)
    if room_number is not None:
        room = room_locked(session, room_number)
        refuse_if_taken(session, room, reservation.arrival, reservation.departure, reservation)
    elif reservation.room is not None:
        room = room_locked(session, reservation.room.number)
        refuse_if_taken(session, room, reservation.arrival, reservation.departure, reservation)
    elif reservation.room_type is not None:
        room = _free_room_locked(session, reservation)
    else:
        raise InvalidInput("Reservation {reservation} has no room yet", field="room", reservation=reservation.number)
    reservation.room = room
    reservation.status = ReservationStatus.IN_HOUSE
    reservation.checked_in_at = utcnow()
    reservation.changed_by = actor.username
    return reservation


# --- rooms: who holds them ------------------------------------------------------------------


def room_locked(session: Session, number: str) -> Room:
    """The room, locked so no other desk gives it to a stay until this unit of work ends.

    The lock order: reservation -> room -> folio -> bills (see desk.ledger.lookup).
    """
    room_id = session.scalar(select(Room.id).where(Room.number == number.strip()))
    if room_id is None:
        raise InvalidInput("There is no room {room}", field="room", room=number)
    return get(session, Room, room_id, "Room", lock=True)


def _holders(room_id: int | InstrumentedAttribute[int], first_night: date, departure: date,
             reservation: Reservation | None) -> Select[Reservation]:
    statement = select(Reservation).where(
        Reservation.room_id == room_id,
        Reservation.status.in_(HOLDS_ROOM),
        Reservation.arrival < departure,
        Reservation.departure > first_night,
    )
    if reservation is not None and reservation.id is not None:
        statement = statement.where(Reservation.id != reservation.id)
    return statement


def refuse_if_taken(session: Session, room: Room, first_night: date, departure: date,
                    reservation: Reservation | None = None) -> None:
    """Refuse ``room`` if a stay other than ``reservation`` holds it for a night from ``first_night``
    to the night before ``departure``."""
    holder = session.scalar(_holders(room.id, first_night, departure, reservation)
                            .order_by(Reservation.arrival).limit(1))
    if holder is not None:
        raise InvalidInput("Room {room} is taken on the night of {night} (reservation {reservation})",
                           field="room", room=room.number, night=max(first_night, holder.arrival),
                           reservation=holder.number)


def _free_room_locked(session: Session, reservation: Reservation) -> Room:
    held = exists(_holders(Room.id, reservation.arrival, reservation.departure, reservation)
                  .with_only_columns(Reservation.id))
    candidates = session.scalars(
        select(Room.number).where(Room.room_type == reservation.room_type, ~held)
        .order_by(Room.clean.desc(), Room.number)
    ).all()
    for number in candidates:
        room = room_locked(session, number)
        # Another desk may have given it away while this one waited for its lock.
        if session.scalar(_holders(room.id, reservation.arrival, reservation.departure, reservation).limit(1)) is None:
            return room
    raise InvalidInput("No {type} room is free from {arrival} to {departure}", field="room",
                       type=reservation.room_type, arrival=reservation.arrival, departure=reservation.departure)


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
    reservation.changed_by = actor.username
    if reservation.room is not None:
        reservation.room.clean = False
    return reservation


def cancel_reservation(session: Session, actor: Actor, reservation_id: int, *, reason: str) -> Reservation:
    """The reservation cancelled, with the reason the guest gave (kept on it)."""
    require(actor, Right.CANCEL_RESERVATION)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    if reservation.status is not ReservationStatus.CONFIRMED:
        raise InvalidTransition("Only a confirmed reservation can be cancelled ({reservation})",
                                reservation=reservation.number)
    if not reason.strip():
        raise InvalidInput("Say why the reservation is cancelled", field="reason")
    if len(reason.strip()) > 240:
        raise InvalidInput("The reason is too long (at most {limit} characters)", field="reason", limit=240)
    folio = lock_folio(session, folio_of_reservation(session, reservation_id))
    lock_open_bills(session, (bill.id for bill in folio.bills))
    view = load_folio(session, folio.id)
    if any(b.balance for b in view.bills) or view.deposit_balance:
        raise BillNotSettled("Reservation {reservation} has money on its folio: settle it first",
                             reservation=reservation.number)
    reservation.status = ReservationStatus.CANCELLED
    reservation.cancel_reason = reason.strip()
    reservation.changed_by = actor.username
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
