"""Reservations from another hotel system's CSV export: each row by its external id, a re-import
updating the reservation it made (dates, room, rate, a cancellation) and never adding a second.

Unlike the catalogue's files, a reservation file goes in row by row: a bad row is reported with its
line and the rest goes in (a hotel moving over cannot wait for every last row of an old system to be
right). Each row runs through the use cases a clerk's window uses (``book``, ``amend_reservation``,
``cancel_reservation``), so it is checked and refused exactly as by hand. A dry run does all of it
and rolls it back: it shows what would change and writes nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import DeskError, InvalidInput
from desk.core.money import Money
from desk.hotel.reference import base_currency
from desk.imports.csv_import import csv_rows
from desk.imports.models import EXTERNAL_ID_LENGTH, ImportedGuest, ImportedReservation
from desk.people.auth import Actor
from desk.people.changes import record_change
from desk.people.rights import Right, require
from desk.stays.booking import Booking, TypeNights, amend_reservation, book
from desk.stays.models import Company, Guest, Reservation, ReservationStatus
from desk.stays.reservations import cancel_reservation, new_guest, search_key

REQUIRED = ("external_id", "arrival", "departure")
OPTIONAL = ("guests", "guest_ids", "room_type", "room", "rate", "company", "status")
SEPARATOR = "|"  # between the guests of one reservation: ; and , separate the columns
IMPORT_REASON = "Cancelled in the imported file"


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


def _guests(session: Session, actor: Actor, row: dict[str, str]) -> list[Guest]:
    """The guests by their external ids (made from the name at the same place when new), else by name
    (an existing guest of exactly that name, or a new one).

    The guests themselves, not their ids: held by the caller, they stay in the session's map and
    booking them reads none again; the new ones are written in one flush.
    """
    names, ids = _split(row.get("guests", "")), _split(row.get("guest_ids", ""))
    if not names and not ids:
        raise InvalidInput("A reservation needs at least one guest", field="guests")
    found: list[Guest] = []
    new_by_external_id: list[tuple[str, Guest]] = []
    for position, external_id in enumerate(ids):
        if len(external_id) > EXTERNAL_ID_LENGTH:
            raise InvalidInput("An external id is at most {limit} characters", field="guest_ids",
                               limit=EXTERNAL_ID_LENGTH)
        known = session.get(ImportedGuest, external_id)
        if known is not None:
            found.append(session.get_one(Guest, known.guest_id))
            continue
        if position >= len(names):
            raise InvalidInput("Guest {guest} is not known: give their name in guests", field="guests",
                               guest=external_id)
        guest = _new_guest(session, actor, names[position])
        new_by_external_id.append((external_id, guest))
        found.append(guest)
    for name in names[len(ids):]:
        first, last = _name(name)
        same = session.scalars(select(Guest).where(Guest.search_name == search_key(f"{last} {first}"))
                               .order_by(Guest.id).limit(1)).first()
        found.append(same if same is not None else _new_guest(session, actor, name))
    session.flush()
    for external_id, guest in new_by_external_id:
        session.add(ImportedGuest(external_id=external_id, guest_id=guest.id))
    return list(dict.fromkeys(found))


def _name(name: str) -> tuple[str, str]:
    """"Last, First" or "First Last"."""
    if "," in name:
        last, first = (part.strip() for part in name.split(",", 1))
        return first, last
    first, _, last = name.rpartition(" ")
    return (first, last) if first else ("", last)


def _new_guest(session: Session, actor: Actor, name: str) -> Guest:
    first, last = _name(name)
    return new_guest(session, actor, first, last)


def _company(session: Session, name: str) -> int | None:
    name = name.strip()
    if not name:
        return None
    found = session.scalar(select(Company.id).where(Company.name == name).order_by(Company.id).limit(1))
    if found is None:
        raise InvalidInput("There is no company {company}: import it first", field="company", company=name)
    return int(found)


def _status(text: str) -> ReservationStatus:
    status = text.strip().lower() or ReservationStatus.CONFIRMED.value
    if status not in (ReservationStatus.CONFIRMED.value, ReservationStatus.CANCELLED.value):
        raise InvalidInput("A reservation's status is confirmed or cancelled, not “{value}”", field="status",
                           value=text)
    return ReservationStatus(status)


def _one(session: Session, actor: Actor, line: int, row: dict[str, str], nights: TypeNights
         ) -> tuple[RowDone, Reservation]:
    external_id = row["external_id"].strip()
    if not external_id or len(external_id) > EXTERNAL_ID_LENGTH:
        raise InvalidInput("An external id is 1-{limit} characters", field="external_id", limit=EXTERNAL_ID_LENGTH)
    arrival, departure = _date(row["arrival"], "arrival"), _date(row["departure"], "departure")
    rate, status = _rate(session, row.get("rate", "")), _status(row.get("status", ""))
    room = row.get("room", "").strip() or None
    known = session.get(ImportedReservation, external_id)
    if known is None:
        guests = _guests(session, actor, row)
        reservation = book(session, actor, Booking(
            arrival=arrival, departure=departure, guest_ids=tuple(guest.id for guest in guests),
            room_type=row.get("room_type", "").strip() or None, room_number=room, nightly_rate=rate,
            company_id=_company(session, row.get("company", ""))), nights)
        session.add(ImportedReservation(external_id=external_id, reservation_id=reservation.id))
        if status is ReservationStatus.CANCELLED:
            cancel_reservation(session, actor, reservation.id, reason=IMPORT_REASON)
        return RowDone(line, external_id, RowOutcome.NEW, reservation.number), reservation
    reservation = session.get_one(Reservation, known.reservation_id)
    if status is ReservationStatus.CANCELLED:
        if reservation.status is ReservationStatus.CANCELLED:
            return RowDone(line, external_id, RowOutcome.UNCHANGED, reservation.number), reservation
        cancel_reservation(session, actor, reservation.id, reason=IMPORT_REASON)
        return RowDone(line, external_id, RowOutcome.CANCELLED, reservation.number), reservation
    current_room = reservation.room.number if reservation.room is not None else None
    same = (reservation.arrival, reservation.departure, current_room) == (arrival, departure, room or current_room) \
        and (rate is None or rate == reservation.nightly_rate)
    if same:
        return RowDone(line, external_id, RowOutcome.UNCHANGED, reservation.number), reservation
    amend_reservation(session, actor, reservation.id, arrival=arrival, departure=departure, nightly_rate=rate,
                      room_number=room if room != current_room else None)
    return RowDone(line, external_id, RowOutcome.CHANGED, reservation.number), reservation


def import_reservations(session: Session, actor: Actor, content: bytes, file_name: str, *,
                        dry_run: bool = False) -> ReservationImport:
    """Each row of ``content`` as a reservation made, changed or cancelled; a refused row is listed
    with its line and the others go in. ``dry_run``: the same, then rolled back."""
    require(actor, Right.IMPORT_DATA)
    done = ReservationImport(dry_run)
    whole = session.begin_nested()
    # Each booking by type is checked against these counts instead of reading every stay of the
    # type again (15 ms a row on a big file); a row's stay is counted once its row is kept.
    nights = TypeNights()
    for line, row in csv_rows(content, "reservations", REQUIRED, OPTIONAL):
        try:
            with session.begin_nested():
                outcome, reservation = _one(session, actor, line, row, nights)
                session.flush()
        except DeskError as problem:
            done.problems.append((line, problem))  # and the next rows go in
            continue
        done.rows.append(outcome)
        if outcome.outcome is RowOutcome.NEW:
            nights.held(reservation)
        elif outcome.outcome is not RowOutcome.UNCHANGED:
            nights.forget()
    if dry_run:
        whole.rollback()
        session.expire_all()
        return done
    whole.commit()
    record_change(session, actor, "import", "reservations",
                  f"{done.count(RowOutcome.NEW)} new, {done.count(RowOutcome.CHANGED)} changed, "
                  f"{done.count(RowOutcome.CANCELLED)} cancelled, {len(done.problems)} refused from {file_name}")
    return done
