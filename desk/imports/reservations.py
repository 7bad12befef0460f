"""Reservations from another hotel system's CSV export: each row by its external id, a re-import
updating the reservation it made (dates, room, rate, its status) and never adding a second.

Unlike the catalogue's files, a reservation file goes in row by row: a bad row is reported with its
line and the rest goes in (a hotel moving over cannot wait for every last row of an old system to be
right). A dry run does all of it and rolls it back: it shows what would change and writes nothing.

A hotel moving over brings its whole book, so a row's status is any a stay has here:

- ``confirmed`` (the default): arrives on the business date or later; a confirmed arrival already
  past is refused, naming the line, since only the old system knows whether the guest came (the
  hotel says so with ``in_house``, ``checked_out`` or ``no_show``; our night audit would otherwise
  mark it a no-show unasked);
- ``in_house``: arrived by the business date, leaves on it or later, in the ``room`` given (required),
  checked in as the import runs. Nights before the business date are the old system's: nothing is
  posted for them (its balance is carried over by hand as a charge or a deposit); the night audit
  charges the nights from the business date on;
- ``checked_out``: left by the business date; history, its folio closed with nothing on it;
- ``no_show``: was due by the business date; holds no room;
- ``cancelled``: holds no room, on any dates.

New rows are checked one by one as ``book`` checks them (rights, dates, the room or the room type
free for every night, the rate) against counts read once and kept up to date, and written a batch
at a time with one statement per table (about 1 ms of CPU a row instead of 8.5). A row already
imported goes through the clerk's use cases (``amend_reservation``, ``check_in``, ``check_out``,
``mark_no_show``, ``cancel_reservation``) in its own savepoint, after the rows before it are written.
The whole file is one unit of work: an import stopped half-way leaves nothing, and runs again whole.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TypeAlias, TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desk.core.errors import DeskError, InvalidInput, InvalidTransition
from desk.core.money import Money
from desk.core.types import utcnow
from desk.hotel.models import Hotel, Room
from desk.hotel.reference import base_currency
from desk.imports.csv_import import csv_rows
from desk.imports.models import EXTERNAL_ID_LENGTH, ImportedGuest, ImportedReservation
from desk.ledger.bills import insert_first_bills
from desk.ledger.lookup import get
from desk.ledger.models import Folio
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.stays.booking import (
    NUMBER_PREFIX,
    TypeNights,
    amend_reservation,
    booked_rate,
    check_stay_dates,
    known_room_type,
    mark_no_show,
)
from desk.stays.business_day import business_date
from desk.stays.models import (
    HOLDS_ROOM,
    Company,
    Guest,
    Reservation,
    ReservationGuest,
    ReservationStatus,
    full_name,
)
from desk.stays.reservations import (
    NOT_CONFIRMED,
    cancel_reservation,
    check_in,
    check_out,
    guest_values,
    search_key,
)

REQUIRED = ("external_id", "arrival", "departure")
OPTIONAL = ("guests", "guest_ids", "room_type", "room", "rate", "company", "status")
SEPARATOR = "|"  # between the guests of one reservation: ; and , separate the columns
IMPORT_REASON = "Cancelled in the imported file"
BATCH = 500  # new rows written together; a row already imported writes the batch before it first
_CHUNK = 500  # ids asked for in one IN (...)
_K = TypeVar("_K", str, int)
_GUEST_KEYS = tuple(guest_values("a", "b"))  # every column of a new guest's row

# What each status of a new row does besides booking it, and so the rights it needs.
_RIGHTS = {
    ReservationStatus.CONFIRMED: (),
    ReservationStatus.IN_HOUSE: (Right.CHECK_IN,),
    ReservationStatus.CHECKED_OUT: (Right.CHECK_IN, Right.CHECK_OUT),
    ReservationStatus.NO_SHOW: (Right.MARK_NO_SHOW,),
    ReservationStatus.CANCELLED: (Right.CANCEL_RESERVATION,),
}
# The hours of the day a stay the old system kept is taken as checked in and out (it exports days):
# the POS asks who stayed in a room at a check's time by them.
_IN_AT, _OUT_AT = time(0), time(12)


class RowOutcome(enum.StrEnum):
    NEW = "new"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class RowDone:
    line: int
    external_id: str
    outcome: RowOutcome
    number: str  # the desk's reservation number (in a dry run, the one it would have had)
    status: ReservationStatus  # the reservation's, once the row is in


@dataclass(frozen=True)
class ReservationImport:
    dry_run: bool
    rows: list[RowDone] = field(default_factory=list)
    problems: list[tuple[int, DeskError]] = field(default_factory=list)

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for row in self.rows if row.outcome is outcome)


def _date(text: str, column: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("“{value}” is not a date (YYYY-MM-DD)", field=column, value=text) from None


def _rate(session: Session, text: str) -> Money | None:
    text = text.strip()
    if not text:
        return None
    if "." not in text:
        text = text.replace(",", ".")
    try:
        return Money.of(text, base_currency(session))
    except (ArithmeticError, ValueError):
        raise InvalidInput("“{value}” is not an amount", field="rate", value=text) from None


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(SEPARATOR) if part.strip()]


def _name(name: str) -> tuple[str, str]:
    """"Last, First" or "First Last"."""
    if "," in name:
        last, first = (part.strip() for part in name.split(",", 1))
        return first, last
    first, _, last = name.rpartition(" ")
    return (first, last) if first else ("", last)


def _status(text: str) -> ReservationStatus:
    try:
        return ReservationStatus(text.strip().lower() or ReservationStatus.CONFIRMED.value)
    except ValueError:
        raise InvalidInput("A reservation's status is confirmed, in_house, checked_out, no_show or cancelled, "
                           "not “{value}”", field="status", value=text) from None


def _at(day: date, hour: time) -> datetime:
    return datetime.combine(day, hour).astimezone()


def _chunks(items: Sequence[_K]) -> Iterable[list[_K]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start:start + _CHUNK])


class _NewGuest:
    """A guest a row names who is not in the database yet: written with the row's batch."""

    __slots__ = ("external_id", "id", "values")

    def __init__(self, values: dict[str, str], external_id: str | None) -> None:
        self.values, self.external_id = values, external_id
        self.id: int | None = None


_GuestRef: TypeAlias = int | _NewGuest


@dataclass(frozen=True)
class _Row:
    """One line of the file, read and checked for its type."""

    line: int
    external_id: str
    arrival: date
    departure: date
    rate: Money | None
    status: ReservationStatus
    room: str | None
    fields: dict[str, str]


@dataclass(frozen=True)
class _New:
    """A new reservation every check has passed, waiting for its batch."""

    row: _Row
    room: Room | None
    room_type: str
    rate: Money
    company_id: int | None
    guests: list[_GuestRef]


@dataclass(frozen=True)
class _Known:
    """What an imported reservation is now, to tell an unchanged row without reading it again."""

    number: str
    status: ReservationStatus
    arrival: date
    departure: date
    room: str | None
    rate: Money


class _Import:
    def __init__(self, session: Session, actor: Actor, rows: list[tuple[int, dict[str, str]]],
                 done: ReservationImport) -> None:
        self.session, self.actor, self.done = session, actor, done
        self.today = business_date(session)
        # Each booking by type is checked against these counts instead of reading every stay of the
        # type again (15 ms a row on a big file); a new row's stay is counted once the row is kept.
        self.nights = TypeNights()
        self.room_holds: dict[int, list[tuple[date, date, str]]] = {}  # room id: (arrival, departure, number)
        self.rooms = {room.number: room for room in session.scalars(select(Room))}
        self.companies: dict[str, int | None] = {}
        self.credit_limit = session.scalars(select(Hotel.default_credit_limit).limit(1)).first()
        self.pending: list[_New] = []
        self.pending_ids: set[str] = set()
        self._read_known(rows)

    def _read_known(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        """Everything the file names that the desk already has, read a few hundred at a time."""
        session = self.session
        external_ids = sorted({row.get("external_id", "").strip() for _line, row in rows})
        self.imported: dict[str, int] = {}
        for chunk in _chunks(external_ids):
            self.imported.update((external_id, reservation_id) for external_id, reservation_id in session.execute(
                select(ImportedReservation.external_id, ImportedReservation.reservation_id)
                .where(ImportedReservation.external_id.in_(chunk))))
        self.known: dict[int, _Known] = {}
        for ids in _chunks(sorted(self.imported.values())):
            for reservation_id, number, status, arrival, departure, room, rate in session.execute(
                    select(Reservation.id, Reservation.number, Reservation.status, Reservation.arrival,
                           Reservation.departure, Room.number, Reservation.nightly_rate)
                    .outerjoin(Room, Room.id == Reservation.room_id).where(Reservation.id.in_(ids))):
                self.known[reservation_id] = _Known(number, status, arrival, departure, room, rate)
        guest_ids = sorted({external_id for _line, row in rows for external_id in _split(row.get("guest_ids", ""))})
        self.guests_by_id: dict[str, _GuestRef] = {}
        for chunk in _chunks(guest_ids):
            self.guests_by_id.update((external_id, guest_id) for external_id, guest_id in session.execute(
                select(ImportedGuest.external_id, ImportedGuest.guest_id).where(ImportedGuest.external_id.in_(chunk))))
        keys = sorted({search_key(f"{last} {first}") for _line, row in rows
                       for first, last in map(_name, _split(row.get("guests", "")))})
        self.guests_by_name: dict[str, _GuestRef] = {}
        for chunk in _chunks(keys):
            # The first guest of the name, as a clerk's search lists them.
            for guest_id, key in session.execute(select(Guest.id, Guest.search_name)
                                                 .where(Guest.search_name.in_(chunk)).order_by(Guest.id.desc())):
                self.guests_by_name[key] = guest_id

    # --- one row --------------------------------------------------------------------------------

    def take(self, line: int, fields: dict[str, str]) -> None:
        row = self._read(line, fields)
        reservation_id = self.imported.get(row.external_id)
        if reservation_id is None and row.external_id in self.pending_ids:
            self.write()  # the same id twice in a file: the second row updates what the first made
            reservation_id = self.imported[row.external_id]
        if reservation_id is None:
            self._check_new(row)
            return
        done = self._unchanged(row, reservation_id)
        if done is None:
            self.write()  # the rows before it are in first, as they would be one by one
            with self.session.begin_nested():
                done = self._update(row, reservation_id)
                self.session.flush()
            self.forget()
        self.done.rows.append(done)

    def _read(self, line: int, fields: dict[str, str]) -> _Row:
        external_id = fields["external_id"].strip()
        if not external_id or len(external_id) > EXTERNAL_ID_LENGTH:
            raise InvalidInput("An external id is 1-{limit} characters", field="external_id",
                               limit=EXTERNAL_ID_LENGTH)
        arrival, departure = _date(fields["arrival"], "arrival"), _date(fields["departure"], "departure")
        row = _Row(line, external_id, arrival, departure, _rate(self.session, fields.get("rate", "")),
                   _status(fields.get("status", "")), fields.get("room", "").strip() or None, fields)
        if row.status is ReservationStatus.IN_HOUSE and row.room is None:
            raise InvalidInput("A guest in house needs a room: give its number in room", field="room")
        return row

    def forget(self) -> None:
        """After a change to a stay already written: the counts are read again."""
        self.nights.forget()
        self.room_holds.clear()

    def _check_new(self, row: _Row) -> None:
        session, actor, today = self.session, self.actor, self.today
        require(actor, Right.CREATE_RESERVATION)
        for right in _RIGHTS[row.status]:
            require(actor, right)
        check_stay_dates(row.arrival, row.departure)
        _refuse_dates_of_status(row, today)
        room_type = row.fields.get("room_type", "").strip() or None
        room = None
        if row.room is not None:
            room = self.rooms.get(row.room)
            if room is None:
                raise InvalidInput("There is no room {room}", field="room", room=row.room)
            if room_type is not None and room.room_type != room_type:
                raise InvalidInput("Room {room} is a {type} room", field="room", room=room.number,
                                   type=room.room_type)
            room_type = room.room_type
        elif room_type is None:
            raise InvalidInput("Choose a room type or a room", field="room_type")
        else:
            known_room_type(session, room_type)
        holds = row.status in HOLDS_ROOM
        if holds:
            if room is not None:
                self._refuse_if_taken(room, max(row.arrival, today), row.departure)
            else:
                self.nights.refuse_if_full(session, room_type, row.arrival, row.departure)
        rate = booked_rate(session, room_type, row.rate, actor=actor)
        company_id = self._company(row.fields.get("company", ""))
        guests = self._guests(row.fields)
        # Every check passed: the row is kept, and the rows after it see its nights taken.
        if holds:
            if room is not None:
                self._holds(room).append((row.arrival, row.departure, row.external_id))
            self.nights.hold(session, room_type, room.id if room is not None else None, row.arrival, row.departure)
        self.pending.append(_New(row, room, room_type, rate, company_id, guests))
        self.pending_ids.add(row.external_id)
        if len(self.pending) >= BATCH:
            self.write()

    def _holds(self, room: Room) -> list[tuple[date, date, str]]:
        held = self.room_holds.get(room.id)
        if held is None:
            # Locked once for the import, as ``room_locked`` locks it for one booking.
            get(self.session, Room, room.id, "Room", lock=True)
            stays = self.session.execute(select(Reservation.arrival, Reservation.departure, Reservation.number).where(
                Reservation.room_id == room.id, Reservation.status.in_(HOLDS_ROOM),
                Reservation.departure > self.today))
            held = self.room_holds[room.id] = [(arrival, departure, number) for arrival, departure, number in stays]
        return held

    def _refuse_if_taken(self, room: Room, first_night: date, departure: date) -> None:
        """``refuse_if_taken`` against the stays read once and the rows of the file kept so far."""
        taken = [stay for stay in self._holds(room) if stay[0] < departure and stay[1] > first_night]
        if taken:
            arrival, _departure, number = min(taken)
            raise InvalidInput("Room {room} is taken on the night of {night} (reservation {reservation})",
                               field="room", room=room.number, night=max(first_night, arrival), reservation=number)

    def _company(self, name: str) -> int | None:
        name = name.strip()
        if not name:
            return None
        if name not in self.companies:
            found = self.session.scalar(select(Company.id).where(Company.name == name).order_by(Company.id).limit(1))
            self.companies[name] = int(found) if found is not None else None
        company_id = self.companies[name]
        if company_id is None:
            raise InvalidInput("There is no company {company}: import it first", field="company", company=name)
        return company_id

    def _guests(self, fields: dict[str, str]) -> list[_GuestRef]:
        """The guests by their external ids (made from the name at the same place when new), else by
        name (an existing guest of exactly that name, or a new one). Nothing is kept unless all are
        found: a row refused leaves no guest behind."""
        names, ids = _split(fields.get("guests", "")), _split(fields.get("guest_ids", ""))
        if not names and not ids:
            raise InvalidInput("A reservation needs at least one guest", field="guests")
        found: list[_GuestRef] = []
        by_id: dict[str, _GuestRef] = {}
        by_name: dict[str, _GuestRef] = {}
        for position, external_id in enumerate(ids):
            if len(external_id) > EXTERNAL_ID_LENGTH:
                raise InvalidInput("An external id is at most {limit} characters", field="guest_ids",
                                   limit=EXTERNAL_ID_LENGTH)
            known = by_id.get(external_id, self.guests_by_id.get(external_id))
            if known is None:
                if position >= len(names):
                    raise InvalidInput("Guest {guest} is not known: give their name in guests", field="guests",
                                       guest=external_id)
                known = by_id[external_id] = self._new_guest(names[position], external_id)
            found.append(known)
        for name in names[len(ids):]:
            first, last = _name(name)
            key = search_key(f"{last} {first}")
            same = by_name.get(key, self.guests_by_name.get(key))
            if same is None:
                same = by_name[key] = self._new_guest(name, None)
            found.append(same)
        self.guests_by_id.update(by_id)
        self.guests_by_name.update(by_name)
        return list(dict.fromkeys(found))

    def _new_guest(self, name: str, external_id: str | None) -> _NewGuest:
        require(self.actor, Right.CREATE_GUEST)
        return _NewGuest(guest_values(*_name(name)), external_id)

    # --- a batch of new rows ---------------------------------------------------------------------

    def write(self) -> None:
        """The new rows kept so far, one statement per table."""
        if not self.pending:
            return
        session, actor = self.session, self.actor
        batch, self.pending = self.pending, []
        self.pending_ids.clear()
        new_guests = list(dict.fromkeys(ref for new in batch for ref in new.guests
                                        if isinstance(ref, _NewGuest) and ref.id is None))
        if new_guests:
            made = _inserted(session, Guest, [g.values for g in new_guests], _GUEST_KEYS)
            for guest, guest_id in zip(new_guests, made, strict=True):
                guest.id = guest_id
            named = [{"external_id": g.external_id, "guest_id": g.id} for g in new_guests if g.external_id]
            if named:
                session.execute(insert(ImportedGuest), named)
        now = utcnow()
        ids = _inserted(session, Reservation, [_reservation_values(new, actor, self.credit_limit, now)
                                               for new in batch], ("number",))
        numbers = _numbers(session, ids)
        session.execute(update(Reservation), [{"id": reservation_id, "number": number}
                                              for reservation_id, number in zip(ids, numbers, strict=True)])
        guest_ids = [[_id_of(ref) for ref in new.guests] for new in batch]
        session.execute(insert(ReservationGuest), [
            {"reservation_id": reservation_id, "guest_id": guest_id, "position": position}
            for reservation_id, guests in zip(ids, guest_ids, strict=True)
            for position, guest_id in enumerate(guests)])
        folio_ids = _inserted(session, Folio, [{"reservation_id": reservation_id} for reservation_id in ids],
                              ("reservation_id",))
        names = _guest_names(session, {guests[0] for guests in guest_ids})
        insert_first_bills(session, actor=actor, payers=[(folio_id, guests[0], names[guests[0]])
                                            for folio_id, guests in zip(folio_ids, guest_ids, strict=True)])
        session.execute(insert(ImportedReservation), [
            {"external_id": new.row.external_id, "reservation_id": reservation_id}
            for new, reservation_id in zip(batch, ids, strict=True)])
        for new, reservation_id, number in zip(batch, ids, numbers, strict=True):
            row = new.row
            self.imported[row.external_id] = reservation_id
            self.known[reservation_id] = _Known(number, row.status, row.arrival, row.departure,
                                                new.room.number if new.room is not None else None, new.rate)
            self.done.rows.append(RowDone(row.line, row.external_id, RowOutcome.NEW, number, row.status))

    # --- a row already imported ------------------------------------------------------------------

    def _unchanged(self, row: _Row, reservation_id: int) -> RowDone | None:
        """The row's reservation as it is already (a re-import's usual row, read nothing for), else None."""
        known = self.known[reservation_id]
        if row.status is not known.status or (row.status in HOLDS_ROOM and not _same_stay(known, row)):
            return None
        return RowDone(row.line, row.external_id, RowOutcome.UNCHANGED, known.number, known.status)

    def _update(self, row: _Row, reservation_id: int) -> RowDone:
        session, actor = self.session, self.actor
        known = self.known[reservation_id]
        status, current = row.status, known.status

        def done(outcome: RowOutcome) -> RowDone:
            reservation = session.get_one(Reservation, reservation_id)
            self.known[reservation_id] = _Known(
                reservation.number, reservation.status, reservation.arrival, reservation.departure,
                reservation.room.number if reservation.room is not None else None, reservation.nightly_rate)
            return RowDone(row.line, row.external_id, outcome, reservation.number, reservation.status)

        if status is ReservationStatus.CANCELLED:
            cancel_reservation(session, actor, reservation_id, reason=IMPORT_REASON)
            return done(RowOutcome.CANCELLED)
        if status is ReservationStatus.NO_SHOW:
            mark_no_show(session, actor, reservation_id)
            return done(RowOutcome.CHANGED)
        if status is ReservationStatus.CHECKED_OUT:
            if current is ReservationStatus.CONFIRMED:
                check_in(session, actor, reservation_id, room_number=row.room)
            check_out(session, actor, reservation_id)  # refused while its folio holds money
            return done(RowOutcome.CHANGED)
        # Confirmed or in house: the file's dates, room and rate; checked in if it says so.
        if current not in (ReservationStatus.CONFIRMED, status):
            raise InvalidTransition(NOT_CONFIRMED[current], reservation=known.number)
        if not _same_stay(known, row):
            amend_reservation(session, actor, reservation_id, arrival=row.arrival, departure=row.departure,
                              nightly_rate=row.rate, room_number=row.room if row.room != known.room else None)
        if status is not current:
            check_in(session, actor, reservation_id)
        return done(RowOutcome.CHANGED)


def _same_stay(known: _Known, row: _Row) -> bool:
    """The row's dates, room and rate those of the reservation (no room or rate in the row: any)."""
    return (known.arrival, known.departure, known.room) == (row.arrival, row.departure, row.room or known.room) \
        and (row.rate is None or row.rate == known.rate)


def _refuse_dates_of_status(row: _Row, today: date) -> None:
    """A new row's dates against the business date, as its status needs them."""
    status = row.status
    if status is ReservationStatus.CONFIRMED and row.arrival < today:
        raise InvalidInput("Arrival {arrival} is before the business date {date}: give the status in_house, "
                           "checked_out or no_show", field="arrival", arrival=row.arrival, date=today)
    if status is ReservationStatus.IN_HOUSE and not row.arrival <= today <= row.departure:
        raise InvalidInput("A guest in house arrived by the business date {date} and leaves on it or later",
                           field="arrival", date=today)
    if status is ReservationStatus.CHECKED_OUT and row.departure > today:
        raise InvalidInput("A checked-out stay left by the business date {date}", field="departure", date=today)
    if status is ReservationStatus.NO_SHOW and row.arrival > today:
        raise InvalidInput("A no-show was due by the business date {date}", field="arrival", date=today)


def _reservation_values(new: _New, actor: Actor, credit_limit: Money | None, now: datetime) -> dict[str, object]:
    """The columns ``create_reservation`` and then ``check_in``, ``check_out``, ``mark_no_show`` or
    ``cancel_reservation`` would leave."""
    row, status = new.row, new.row.status
    stayed = status in (ReservationStatus.IN_HOUSE, ReservationStatus.CHECKED_OUT)
    left = status is ReservationStatus.CHECKED_OUT
    return {
        "number": f"~{uuid.uuid4().hex[:18]}", "status": status, "arrival": row.arrival, "departure": row.departure,
        "room_id": new.room.id if new.room is not None else None, "room_type": new.room_type,
        "nightly_rate": new.rate, "company_id": new.company_id, "credit_limit": credit_limit,
        "changed_by": actor.username, "created_at": now,
        "checked_in_at": _at(row.arrival, _IN_AT) if stayed else None,
        "checked_out_at": _at(row.departure, _OUT_AT) if left else None,
        "checked_out_by": actor.username if left else None,
        "cancel_reason": IMPORT_REASON if status is ReservationStatus.CANCELLED else "",
    }


def _inserted(session: Session, model: type[Guest] | type[Reservation] | type[Folio],
              rows: Sequence[Mapping[str, object]], keys: Sequence[str]) -> list[int]:
    """The rows written with one executemany; their ids in the order given.

    Each id is told by the ``keys`` it came back with, not by its place: SQLite returns a batch's ids
    in the order given only if sent one row at a time. Rows alike in every key are alike in all.
    """
    statement = insert(model).returning(model.id, *(getattr(model, key) for key in keys))
    ids: dict[tuple[object, ...], list[int]] = {}
    for row_id, *values in session.execute(statement, rows):
        ids.setdefault(tuple(values), []).append(int(row_id))
    return [ids[tuple(row[key] for key in keys)].pop() for row in rows]


def _numbers(session: Session, ids: list[int]) -> list[str]:
    """``_number_from_id``'s numbers for a batch: an imported number that took one gets a suffix."""
    wanted = [f"{NUMBER_PREFIX}{reservation_id:06d}" for reservation_id in ids]
    taken = set(session.scalars(select(Reservation.number).where(Reservation.number.in_(wanted))))
    numbers: list[str] = []
    for number in wanted:
        candidate, suffix = number, 1
        if number in taken:
            while candidate in numbers or session.scalar(
                    select(Reservation.id).where(Reservation.number == candidate)) is not None:
                suffix += 1
                candidate = f"{number}-{suffix}"
        numbers.append(candidate)
    return numbers


def _id_of(ref: _GuestRef) -> int:
    if isinstance(ref, int):
        return ref
    assert ref.id is not None, "a new guest is written before the reservations naming them"
    return ref.id


def _guest_names(session: Session, ids: set[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for chunk in _chunks(sorted(ids)):
        names.update((guest_id, full_name(first, last)) for guest_id, first, last in session.execute(
            select(Guest.id, Guest.first_name, Guest.last_name).where(Guest.id.in_(chunk))))
    return names


def import_reservations(session: Session, actor: Actor, content: bytes, file_name: str, *,
                        dry_run: bool = False) -> ReservationImport:
    """Each row of ``content`` as a reservation made, changed, checked in or out, marked a no-show or
    cancelled; a refused row is listed with its line and the others go in. ``dry_run``: the same,
    then rolled back."""
    require(actor, Right.IMPORT_DATA)
    done = ReservationImport(dry_run)
    whole = session.begin_nested()
    rows = list(csv_rows(content, "reservations", REQUIRED, OPTIONAL))
    batch = _Import(session, actor, rows, done)
    for line, fields in rows:
        try:
            batch.take(line, fields)
        except DeskError as problem:
            done.problems.append((line, problem))  # and the next rows go in
    batch.write()
    if dry_run:
        whole.rollback()
        session.expire_all()
        return done
    whole.commit()
    record_change(session, actor, "import", "reservations",
                  f"{done.count(RowOutcome.NEW)} new, {done.count(RowOutcome.CHANGED)} changed, "
                  f"{done.count(RowOutcome.CANCELLED)} cancelled, {len(done.problems)} refused from {file_name}")
    return done
