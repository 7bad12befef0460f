"""Rooms and room types as a manager keeps them: a type's names per language, default rate and beds;
rooms of a type; and the rack's housekeeping list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.errors import InvalidInput
from desk.core.money import Money
from desk.hotel.models import Room, RoomType
from desk.hotel.names import NameKind, load_names, set_names
from desk.hotel.reference import base_currency
from desk.people.auth import Actor
from desk.people.rights import Right, require
from desk.stays.reservations import room_locked

LANGUAGES = ("ru", "bg")
MAX_BEDS = 20


def _check_type_fields(session: Session, name: str, default_rate: Money, beds: int) -> None:
    if not name.strip():
        raise InvalidInput("A room type needs a name", field="name")
    if len(name.strip()) > 120:
        raise InvalidInput("A name has at most {limit} characters", field="name", limit=120)
    if default_rate.is_negative:
        raise InvalidInput("The nightly rate cannot be negative", field="nightly_rate")
    currency = base_currency(session)
    if default_rate.currency != currency:
        raise InvalidInput("The rate per night is in {currency}", field="nightly_rate", currency=currency)
    if not 1 <= beds <= MAX_BEDS:
        raise InvalidInput("A room has between 1 and {limit} beds", field="beds", limit=MAX_BEDS)


def _set_translations(session: Session, code: str, names: Mapping[str, str]) -> None:
    unknown = set(names) - set(LANGUAGES)
    if unknown:
        raise InvalidInput("Names are kept in {languages} only", field="names", languages=list(LANGUAGES))
    set_names(session, NameKind.ROOM_TYPE, code, {lang: text.strip() for lang, text in names.items() if text.strip()})


def add_room_type(session: Session, actor: Actor, code: str, name: str, default_rate: Money, beds: int,
                  names: Mapping[str, str] | None = None) -> RoomType:
    require(actor, Right.MANAGE_ROOMS)
    code = code.strip()
    if not code or len(code) > 40:
        raise InvalidInput("A room type's code has 1 to {limit} characters", field="code", limit=40)
    if session.get(RoomType, code) is not None:
        raise InvalidInput("There is already a room type {type}", field="code", type=code)
    _check_type_fields(session, name, default_rate, beds)
    room_type = RoomType(code=code, name=name.strip(), default_rate=default_rate, beds=beds)
    session.add(room_type)
    _set_translations(session, code, names or {})
    return room_type


def change_room_type(session: Session, actor: Actor, code: str, *, name: str | None = None,
                     default_rate: Money | None = None, beds: int | None = None,
                     names: Mapping[str, str] | None = None) -> RoomType:
    """A type's new name, rate or beds: reservations already made keep the rate they were made at."""
    require(actor, Right.MANAGE_ROOMS)
    room_type = session.get(RoomType, code, with_for_update=session.get_bind().dialect.name != "sqlite")
    if room_type is None:
        raise InvalidInput("There is no room type {type}", field="room_type", type=code)
    new_name = room_type.name if name is None else name
    new_rate = room_type.default_rate if default_rate is None else default_rate
    new_beds = room_type.beds if beds is None else beds
    _check_type_fields(session, new_name, new_rate, new_beds)
    room_type.name, room_type.default_rate, room_type.beds = new_name.strip(), new_rate, new_beds
    _set_translations(session, code, names or {})
    return room_type


def add_room(session: Session, actor: Actor, number: str, room_type: str, floor: int) -> Room:
    require(actor, Right.MANAGE_ROOMS)
    number = number.strip()
    if not number or len(number) > 10:
        raise InvalidInput("A room number has 1 to {limit} characters", field="room", limit=10)
    known = session.get(RoomType, room_type)
    if known is None:
        raise InvalidInput("There is no room type {type}", field="room_type", type=room_type)
    if session.scalar(select(Room.id).where(Room.number == number)) is not None:
        raise InvalidInput("There is already a room {room}", field="room", room=number)
    room = Room(number=number, room_type=room_type, floor=floor, beds=known.beds, clean=True)
    session.add(room)
    return room


def change_room(session: Session, actor: Actor, number: str, *, room_type: str | None = None,
                floor: int | None = None) -> Room:
    """Another type or floor for a room; stays already booked on it keep their rate."""
    require(actor, Right.MANAGE_ROOMS)
    room = room_locked(session, number)
    if room_type is not None:
        known = session.get(RoomType, room_type)
        if known is None:
            raise InvalidInput("There is no room type {type}", field="room_type", type=room_type)
        room.room_type, room.beds = room_type, known.beds
    if floor is not None:
        room.floor = floor
    return room


@dataclass(frozen=True)
class RoomTypeRow:
    code: str
    name: str
    rate: Money
    beds: int
    rooms: tuple[str, ...]


def room_types(session: Session, language: str = "en") -> list[RoomTypeRow]:
    names = load_names(session, language)
    rooms: dict[str, list[str]] = {}
    for number, code in session.execute(select(Room.number, Room.room_type).order_by(Room.number)):
        rooms.setdefault(code, []).append(number)
    return [RoomTypeRow(t.code, names.of(NameKind.ROOM_TYPE, t.code, t.name), t.default_rate, t.beds,
                        tuple(rooms.get(t.code, ())))
            for t in session.scalars(select(RoomType).order_by(RoomType.code))]
