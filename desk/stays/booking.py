"""What the desk does with a reservation from the New reservation window on: book it (guests new or
found, with their documents), walk a guest in, change its dates, room and rate, move the guest to
another room, mark a no-show, cancel. Every use case checks its right and refuses bad input before
it writes anything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput, InvalidTransition
from desk.core.money import Money
from desk.hotel.models import Room, RoomType
from desk.hotel.names import NameKind, load_names
from desk.hotel.reference import base_currency
from desk.ledger.lookup import get
from desk.ledger.models import Folio
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.stays.business_day import business_date
from desk.stays.city_tax import set_guest_city_tax
from desk.stays.models import (
    HOLDS_ROOM,
    Company,
    DocumentKind,
    Event,
    Guest,
    GuestDocument,
    Reservation,
    ReservationGuest,
    ReservationStatus,
)
from desk.stays.reservations import (
    check_in,
    create_reservation,
    new_guest,
    refuse_if_taken,
    room_locked,
)
from desk.stays.search import starts_with

MAX_NIGHTS = 366
NUMBER_PREFIX = "R"


@dataclass(frozen=True)
class DocumentEntry:
    """An identity document as the clerk typed it."""

    kind: DocumentKind
    number: str
    country: str  # ISO 3166 alpha-2
    issued_on: date | None = None
    # The recorded document it is, once recorded (desk.stays.guest_details); not what it says.
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class NewGuest:
    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    documents: tuple[DocumentEntry, ...] = ()
    # What the city tax needs to know (a child, an exemption), as the desk read it from the documents.
    birth_date: date | None = None
    city_tax_exemption: str = ""


@dataclass(frozen=True)
class Booking:
    """A reservation as the New reservation window fills it in.

    ``nightly_rate`` None takes the room type's rate; another rate needs ``Right.CHANGE_RATE``.
    """

    arrival: date
    departure: date
    guest_ids: tuple[int, ...] = ()
    new_guests: tuple[NewGuest, ...] = ()
    room_type: str | None = None
    room_number: str | None = None
    nightly_rate: Money | None = None
    company_id: int | None = None
    event_id: int | None = None


def add_document(session: Session, actor: Actor, guest: Guest, entry: DocumentEntry) -> GuestDocument:
    require(actor, Right.CREATE_GUEST)
    document = GuestDocument(guest_id=guest.id)
    fill_document(document, entry)
    session.add(document)
    return document


def fill_document(document: GuestDocument, entry: DocumentEntry) -> None:
    """``document`` as ``entry`` says, once it reads as a document (refused otherwise, ``document`` unchanged)."""
    number = entry.number.strip()
    country = entry.country.strip().upper()
    if not number:
        raise InvalidInput("A document needs its number", field="document")
    if len(number) > 40:
        raise InvalidInput("A document number has at most {limit} characters", field="document", limit=40)
    if len(country) != 2 or not country.isascii() or not country.isalpha():
        raise InvalidInput("“{country}” is not a country code (two letters, such as BG)", field="country",
                           country=entry.country)
    if entry.issued_on is not None and entry.issued_on > date.today():
        raise InvalidInput("A document cannot be issued in the future", field="issued")
    document.kind, document.number, document.country = DocumentKind(entry.kind), number, country
    document.issued_on = entry.issued_on


def known_room_type(session: Session, code: str) -> RoomType:
    room_type = session.get(RoomType, code)
    if room_type is None:
        raise InvalidInput("There is no room type {type}", field="room_type", type=code)
    return room_type


def booked_rate(session: Session, room_type: str | None, asked: Money | None, *, actor: Actor) -> Money:
    """The room type's rate, or the one asked if the actor may set rates."""
    default = None
    if room_type is not None:
        known = session.get(RoomType, room_type)
        default = known.default_rate if known is not None else None
    if asked is None:
        if default is None:
            raise InvalidInput("Give the rate per night", field="nightly_rate")
        return default
    if asked.is_negative:
        raise InvalidInput("The nightly rate cannot be negative", field="nightly_rate")
    currency = base_currency(session)
    if asked.currency != currency:
        raise InvalidInput("The rate per night is in {currency}", field="nightly_rate", currency=currency)
    if asked != default:
        require(actor, Right.CHANGE_RATE)
    return asked


def _refuse_if_type_full(session: Session, room_type: str, arrival: date, departure: date,
                         reservation_id: int = 0) -> None:
    """Refuse a stay booked by type only for a night when every room of the type is held already
    (by a stay in the room, or by another stay booked by type)."""
    # The type's lock makes two desks booking its last room one after the other.
    get(session, RoomType, room_type, "Room type", lock=True)
    rooms = set(session.scalars(select(Room.id).where(Room.room_type == room_type)))
    stays = session.execute(select(Reservation.room_id, Reservation.arrival, Reservation.departure).where(
        Reservation.status.in_(HOLDS_ROOM), Reservation.arrival < departure, Reservation.departure > arrival,
        Reservation.id != reservation_id, or_(Reservation.room_id.in_(rooms),
            and_(Reservation.room_id.is_(None), Reservation.room_type == room_type)))).all()
    night = arrival
    while night < departure:
        tonight = [room_id for room_id, first, last in stays if first <= night < last]
        if len(rooms) - len(set(tonight) - {None}) - tonight.count(None) < 1:
            raise InvalidInput("No {type} room is free on the night of {night}", field="room_type",
                               type=room_type, night=night)
        night += timedelta(days=1)


class TypeNights:
    """How many rooms of each type are held on each night from the business date on, read once for a
    batch of bookings (an import) and kept up to date as its reservations go in, so that each
    booking by type is checked against the same count ``_refuse_if_type_full`` would read again.

    ``held`` is told every reservation the batch kept; ``forget`` after anything else changed stays
    (an amendment, a cancellation), and the next booking reads the counts again.
    """

    def __init__(self) -> None:
        self._floor: date | None = None
        self._types: dict[str, _Nights] = {}
        self._type_of_room: dict[int, str] = {}
        # Held here, the types stay in the session's map: a booking reads none of them again.
        self._room_types: dict[str, RoomType] = {}

    def forget(self) -> None:
        self._types.clear()
        self._type_of_room.clear()
        self._floor = None

    def refuse_if_full(self, session: Session, room_type: str, arrival: date, departure: date) -> None:
        self._room_types[room_type] = get(session, RoomType, room_type, "Room type", lock=True)
        nights = self._nights(session, room_type, arrival)
        night = arrival
        while night < departure:
            if nights.free(night) < 1:
                raise InvalidInput("No {type} room is free on the night of {night}", field="room_type",
                                   type=room_type, night=night)
            night += timedelta(days=1)

    def held(self, reservation: Reservation) -> None:
        if reservation.status not in HOLDS_ROOM or self._floor is None:
            return
        room_type = self._type_of_room.get(reservation.room_id) if reservation.room_id is not None \
            else reservation.room_type
        nights = self._types.get(room_type) if room_type is not None else None
        if nights is not None:
            nights.add(reservation.room_id, max(reservation.arrival, self._floor), reservation.departure)

    def hold(self, session: Session, room_type: str, room_id: int | None, arrival: date, departure: date) -> None:
        """A stay the batch will write (not in the database yet) counted on its type's nights: the
        counts are read first, or reading them later would miss it."""
        floor = self._floor or business_date(session)
        if departure <= floor:
            return
        self._nights(session, room_type, floor).add(room_id, max(arrival, floor), departure)

    def _nights(self, session: Session, room_type: str, arrival: date) -> _Nights:
        if self._floor is None:
            self._floor = business_date(session)
        if arrival < self._floor:
            # Only ``book`` asks, and it refuses an arrival before the business date first.
            raise AssertionError("an arrival before the business date is checked before availability")
        known = self._types.get(room_type)
        if known is not None:
            return known
        rooms = set(session.scalars(select(Room.id).where(Room.room_type == room_type)))
        nights = _Nights(len(rooms))
        self._type_of_room.update(dict.fromkeys(rooms, room_type))
        for holder, first, last in session.execute(select(
                Reservation.room_id, Reservation.arrival, Reservation.departure).where(
                Reservation.status.in_(HOLDS_ROOM), Reservation.departure > self._floor,
                or_(Reservation.room_id.in_(rooms),
                    and_(Reservation.room_id.is_(None), Reservation.room_type == room_type)))):
            nights.add(holder, max(first, self._floor), last)
        self._types[room_type] = nights
        return nights


class _Nights:
    """One room type: per night, how many stays hold each of its rooms and how many wait for one."""

    def __init__(self, rooms: int) -> None:
        self.rooms = rooms
        self._by_room: dict[date, dict[int, int]] = {}
        self._unassigned: dict[date, int] = {}

    def add(self, room_id: int | None, first: date, last: date) -> None:
        night = first
        while night < last:
            if room_id is None:
                self._unassigned[night] = self._unassigned.get(night, 0) + 1
            else:
                holders = self._by_room.setdefault(night, {})
                holders[room_id] = holders.get(room_id, 0) + 1
            night += timedelta(days=1)

    def free(self, night: date) -> int:
        # A room held twice (an overbooking made before) still takes one room, as the query counts it.
        return self.rooms - len(self._by_room.get(night, ())) - self._unassigned.get(night, 0)


def check_stay_dates(arrival: date, departure: date) -> None:
    if departure <= arrival:
        raise InvalidInput("Departure must be after arrival", field="departure")
    if (departure - arrival).days > MAX_NIGHTS:
        raise InvalidInput("A stay is at most {limit} nights", field="departure", limit=MAX_NIGHTS)


def _number_from_id(session: Session, reservation: Reservation) -> None:
    # The id is the database's own counter, so two desks booking at once never make one number
    # (a number computed before the insert would be the same on both); an imported number that
    # took this one gets a suffix.
    number = f"{NUMBER_PREFIX}{reservation.id:06d}"
    suffix = 1
    candidate = number
    while session.scalar(select(Reservation.id).where(Reservation.number == candidate)) is not None:
        suffix += 1
        candidate = f"{number}-{suffix}"
    reservation.number = candidate


def book(session: Session, actor: Actor, booking: Booking, nights: TypeNights | None = None) -> Reservation:
    """A confirmed reservation for the guests found and the guests new, with their documents.

    ``nights``: a batch's counts of held rooms, checked instead of reading every stay again.
    """
    require(actor, Right.CREATE_RESERVATION)
    check_stay_dates(booking.arrival, booking.departure)
    if booking.arrival < business_date(session):
        raise InvalidInput("Arrival cannot be before the business date {date}", field="arrival",
                           date=business_date(session))
    if not booking.guest_ids and not booking.new_guests:
        raise InvalidInput("A reservation needs at least one guest", field="guests")
    room_type = booking.room_type
    if booking.room_number:
        room = session.scalar(select(Room).where(Room.number == booking.room_number.strip()))
        if room is None:
            raise InvalidInput("There is no room {room}", field="room", room=booking.room_number)
        if room_type is not None and room.room_type != room_type:
            raise InvalidInput("Room {room} is a {type} room", field="room", room=room.number, type=room.room_type)
        room_type = room.room_type
    elif room_type is None:
        raise InvalidInput("Choose a room type or a room", field="room_type")
    else:
        known_room_type(session, room_type)
        if nights is not None:
            nights.refuse_if_full(session, room_type, booking.arrival, booking.departure)
        else:
            _refuse_if_type_full(session, room_type, booking.arrival, booking.departure)
    rate = booked_rate(session, room_type, booking.nightly_rate, actor=actor)
    company = get(session, Company, booking.company_id, "Company") if booking.company_id is not None else None
    event = get(session, Event, booking.event_id, "Event") if booking.event_id is not None else None
    guests = [get(session, Guest, guest_id, "Guest") for guest_id in dict.fromkeys(booking.guest_ids)]
    for entry in booking.new_guests:
        guest = new_guest(session, actor, entry.first_name, entry.last_name, entry.email, entry.phone)
        session.flush()
        for document in entry.documents:
            add_document(session, actor, guest, document)
        if entry.birth_date is not None or entry.city_tax_exemption.strip():
            set_guest_city_tax(session, actor, guest.id, entry.birth_date, entry.city_tax_exemption)
        guests.append(guest)
    reservation = create_reservation(
        session, actor, number=f"~{uuid.uuid4().hex[:18]}", guests=guests, arrival=booking.arrival,
        departure=booking.departure, nightly_rate=rate, room_number=booking.room_number or None,
        company=company, event=event, room_type=room_type,
    )
    _number_from_id(session, reservation)
    session.flush()
    return reservation


def walk_in(session: Session, actor: Actor, booking: Booking) -> Reservation:
    """A guest at the desk with no reservation: booked from the business date and checked in at once."""
    require(actor, Right.CHECK_IN)
    today = business_date(session)
    if booking.arrival != today:
        raise InvalidInput("A walk-in arrives on the business date {date}", field="arrival", date=today)
    reservation = book(session, actor, booking)
    session.flush()
    return check_in(session, actor, reservation.id, today=today)


def amend_reservation(session: Session, actor: Actor, reservation_id: int, *, arrival: date | None = None,
                      departure: date | None = None, nightly_rate: Money | None = None,
                      room_number: str | None = None) -> Reservation:
    """New dates, rate or room (before arrival) for a reservation; an in-house stay's departure only.

    The room (the one held, or the new one) is checked free for every night of the new dates.
    """
    require(actor, Right.AMEND_RESERVATION)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    if reservation.status not in (ReservationStatus.CONFIRMED, ReservationStatus.IN_HOUSE):
        raise InvalidTransition("Reservation {reservation} can no longer be changed", reservation=reservation.number)
    in_house = reservation.status is ReservationStatus.IN_HOUSE
    new_arrival = arrival if arrival is not None else reservation.arrival
    new_departure = departure if departure is not None else reservation.departure
    check_stay_dates(new_arrival, new_departure)
    today = business_date(session)
    if in_house:
        if new_arrival != reservation.arrival:
            raise InvalidInput("The guest has arrived: the arrival cannot change", field="arrival")
        if room_number is not None and (reservation.room is None or room_number != reservation.room.number):
            raise InvalidInput("Move an in-house guest to another room with Move room", field="room")
        if new_departure < today:
            raise InvalidInput("Departure cannot be before the business date {date}", field="departure", date=today)
    elif new_arrival < today and new_arrival != reservation.arrival:
        raise InvalidInput("Arrival cannot be before the business date {date}", field="arrival", date=today)
    if nightly_rate is not None and nightly_rate != reservation.nightly_rate:
        reservation.nightly_rate = booked_rate(session, reservation.room_type, nightly_rate, actor=actor)
    room = reservation.room
    if room_number is not None and not in_house:
        room = room_locked(session, room_number)
    if room is not None:
        locked = room_locked(session, room.number)
        # An in-house stay's past nights are its own history: only the nights still ahead are checked.
        first_night = max(new_arrival, today) if in_house else new_arrival
        refuse_if_taken(session, locked, first_night, new_departure, reservation)
        reservation.room = locked
        reservation.room_type = locked.room_type
    elif reservation.room_type is not None:
        _refuse_if_type_full(session, reservation.room_type, new_arrival, new_departure, reservation.id)
    reservation.arrival = new_arrival
    reservation.departure = new_departure
    reservation.changed_by = actor.username
    return reservation


def move_room(session: Session, actor: Actor, reservation_id: int, room_number: str) -> Reservation:
    """The guest to another room for the rest of the stay: the same reservation and folio, the move
    in the stay's change log (from, to, who); the room left needs cleaning."""
    require(actor, Right.MOVE_ROOM)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    if reservation.status is not ReservationStatus.IN_HOUSE:
        raise InvalidTransition("Only an in-house guest moves rooms ({reservation})", reservation=reservation.number)
    old = reservation.room
    if old is not None and old.number == room_number.strip():
        raise InvalidInput("The guest is already in room {room}", field="room", room=old.number)
    room = room_locked(session, room_number)
    refuse_if_taken(session, room, max(reservation.arrival, business_date(session)), reservation.departure,
                    reservation)
    if old is not None:
        old.clean = False
    reservation.room = room
    reservation.room_type = room.room_type
    reservation.changed_by = actor.username
    return reservation


def mark_no_show(session: Session, actor: Actor, reservation_id: int, *, today: date | None = None) -> Reservation:
    """A confirmed guest who did not come by the business date: the room is free again; the folio
    stays as it is (a deposit, a no-show fee) for the desk to settle."""
    require(actor, Right.MARK_NO_SHOW)
    reservation = get(session, Reservation, reservation_id, "Reservation", lock=True)
    today = today or business_date(session)
    if reservation.status is not ReservationStatus.CONFIRMED:
        raise InvalidTransition("Only a confirmed reservation can be a no-show ({reservation})",
                                reservation=reservation.number)
    if reservation.arrival > today:
        raise InvalidTransition("Reservation {reservation} arrives on {date}", reservation=reservation.number,
                                date=reservation.arrival)
    reservation.status = ReservationStatus.NO_SHOW
    reservation.changed_by = actor.username
    return reservation


def mark_room(session: Session, actor: Actor, room_number: str, *, clean: bool) -> Room:
    """Housekeeping's word on a room: clean (ready for the next guest) or dirty."""
    require(actor, Right.MARK_HOUSEKEEPING)
    room = room_locked(session, room_number)
    room.clean = clean
    return room


# --- what the New reservation window offers -------------------------------------------------


@dataclass(frozen=True)
class RoomTypeChoice:
    code: str
    name: str  # in the clerk's language
    rate: Money
    beds: int


@dataclass(frozen=True)
class RoomChoice:
    number: str
    room_type: str  # the code
    clean: bool
    type_name: str  # in the clerk's language


@dataclass(frozen=True)
class BookingChoices:
    """Everything the New reservation window lists, read before it opens."""

    business_date: date
    currency: str
    room_types: list[RoomTypeChoice]
    rooms: list[RoomChoice]
    companies: list[tuple[int, str]]
    events: list[tuple[int, str]]


def booking_choices(session: Session, language: str = "en") -> BookingChoices:
    names = load_names(session, language)
    types = session.scalars(select(RoomType).order_by(RoomType.code)).all()
    return BookingChoices(
        business_date=business_date(session),
        currency=base_currency(session),
        room_types=[RoomTypeChoice(t.code, names.of(NameKind.ROOM_TYPE, t.code, t.name), t.default_rate, t.beds)
                    for t in types],
        rooms=[RoomChoice(number, room_type, clean, names.of(NameKind.ROOM_TYPE, room_type, name or room_type))
               for number, room_type, clean, name in session.execute(
                   select(Room.number, Room.room_type, Room.clean, RoomType.name)
                   .outerjoin(RoomType, RoomType.code == Room.room_type).order_by(Room.number))],
        companies=[(company_id, name) for company_id, name in session.execute(
            select(Company.id, Company.name).order_by(Company.search_name))],
        events=[(event_id, name) for event_id, name in session.execute(
            select(Event.id, Event.name).order_by(Event.starts_on.desc()))],
    )


@dataclass(frozen=True)
class GuestFound:
    id: int
    name: str
    document: str  # the first document's kind and number, to tell namesakes apart


def find_guests(session: Session, text: str, limit: int = 20) -> list[GuestFound]:
    """Guests whose last or first name starts with ``text`` (the search's own indexed prefixes)."""
    key = " ".join(text.lower().split())
    if not key:
        return []
    guests = session.scalars(
        select(Guest).where(or_(starts_with(Guest.search_name, key), starts_with(Guest.search_first_last, key)))
        .order_by(Guest.search_name, Guest.id).limit(limit)
    ).all()
    found = []
    for guest in guests:
        document = guest.documents[0] if guest.documents else None
        found.append(GuestFound(guest.id, guest.full_name,
                                f"{document.country} {document.number}" if document is not None else ""))
    return found


def free_rooms(session: Session, reservation_id: int, language: str = "en") -> list[RoomChoice]:
    """Rooms nobody else holds for the rest of this reservation's nights, clean ones first."""
    names = load_names(session, language)
    reservation = get(session, Reservation, reservation_id, "Reservation")
    first_night = max(reservation.arrival, business_date(session))
    held = select(Reservation.room_id).where(
        Reservation.room_id.is_not(None), Reservation.status.in_(HOLDS_ROOM), Reservation.id != reservation.id,
        Reservation.arrival < reservation.departure, Reservation.departure > first_night)
    rows = session.execute(select(Room.number, Room.room_type, Room.clean, RoomType.name)
                           .outerjoin(RoomType, RoomType.code == Room.room_type)
                           .where(Room.id.not_in(held), Room.id != (reservation.room_id or 0))
                           .order_by(Room.clean.desc(), Room.number))
    return [RoomChoice(number, room_type, clean, names.of(NameKind.ROOM_TYPE, room_type, name or room_type))
            for number, room_type, clean, name in rows]


# --- the room rack --------------------------------------------------------------------------

RACK_DAYS = 14


@dataclass(frozen=True)
class RackStay:
    """A reservation's bar on the rack: the nights it holds its room."""

    reservation_id: int
    folio_id: int | None
    number: str
    guest: str
    arrival: date
    departure: date
    status: ReservationStatus


@dataclass(frozen=True)
class RackRoom:
    """A room's row, or (``number`` empty) a row of a type's stays booked with no room given yet."""

    number: str
    room_type: str  # in the clerk's language
    clean: bool
    stays: tuple[RackStay, ...]

    @property
    def unassigned(self) -> bool:
        return not self.number


def _lanes(stays: list[RackStay]) -> list[tuple[RackStay, ...]]:
    """Stays (by arrival) packed into as few rows as keep any two of a row from sharing a night."""
    lanes: list[list[RackStay]] = []
    for stay in stays:
        lane = next((lane for lane in lanes if lane[-1].departure <= stay.arrival), None)
        if lane is None:
            lanes.append([stay])
        else:
            lane.append(stay)
    return [tuple(lane) for lane in lanes]


@dataclass(frozen=True)
class Rack:
    first_day: date
    days: int
    rooms: list[RackRoom]


def room_rack(session: Session, language: str = "en", first_day: date | None = None, days: int = RACK_DAYS) -> Rack:
    """Every room and who holds it each night from ``first_day`` (the business date) for ``days`` nights;
    below them, each type's reservations booked with no room yet, so a type sold out shows."""
    if not 1 <= days <= 62:
        raise InvalidInput("The rack shows between 1 and {limit} days", field="days", limit=62)
    start = first_day or business_date(session)
    end = start + timedelta(days=days)
    names = load_names(session, language)
    type_names = {code: names.of(NameKind.ROOM_TYPE, code, name)
                  for code, name in session.execute(select(RoomType.code, RoomType.name))}
    shown = (*HOLDS_ROOM, ReservationStatus.CHECKED_OUT)
    rows = session.execute(
        select(Reservation.id, Reservation.room_id, Reservation.room_type, Reservation.number, Reservation.arrival,
               Reservation.departure, Reservation.status, Folio.id)
        .outerjoin(Folio, Folio.reservation_id == Reservation.id)
        .where(or_(Reservation.room_id.is_not(None), Reservation.room_type.is_not(None)),
               Reservation.status.in_(shown),
               Reservation.arrival < end, Reservation.departure > start)
        .order_by(Reservation.arrival)
    ).all()
    first_guests: dict[int, str] = {}
    if rows:
        for reservation_id, first, last in session.execute(
            select(ReservationGuest.reservation_id, Guest.first_name, Guest.last_name)
            .join(Guest, Guest.id == ReservationGuest.guest_id)
            .where(ReservationGuest.reservation_id.in_([row[0] for row in rows]))
            .order_by(ReservationGuest.position)
        ):
            first_guests.setdefault(reservation_id, f"{first} {last}".strip())
    by_room: dict[int, list[RackStay]] = {}
    by_type: dict[str, list[RackStay]] = {}
    for reservation_id, room_id, room_type, number, arrival, departure, status, folio_id in rows:
        stay = RackStay(reservation_id, folio_id, number, first_guests.get(reservation_id, number), arrival,
                        departure, status)
        if room_id is not None:
            by_room.setdefault(room_id, []).append(stay)
        elif room_type is not None:
            by_type.setdefault(room_type, []).append(stay)
    rooms = [
        RackRoom(number, type_names.get(room_type, room_type), clean, tuple(by_room.get(room_id, ())))
        for room_id, number, room_type, clean in session.execute(
            select(Room.id, Room.number, Room.room_type, Room.clean).order_by(Room.number))
    ]
    for room_type in sorted(by_type):
        rooms.extend(RackRoom("", type_names.get(room_type, room_type), True, lane)
                     for lane in _lanes(by_type[room_type]))
    return Rack(start, days, rooms)
