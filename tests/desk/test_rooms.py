"""Room types and rooms as a manager sets them up (in desk and through `desk rooms`), and a stay
booked by the new type getting one of its rooms."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk.cli.main import main
from desk.core.errors import InvalidInput
from desk.people.models import Role
from desk.people.rights import MissingRight, Right
from desk.stays.booking import Booking, NewGuest, book
from desk.stays.reservations import check_in
from desk.stays.rooms import add_room, add_room_type, change_room_type, room_types

from .conftest import MISSING_RIGHT, Hotel, refused


def test_a_manager_adds_a_type_with_rooms_and_check_in_gives_one(hotel: Hotel):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(add_room_type, "DLX", "Deluxe room with a long name and a balcony", hotel.money("150.00"), 2,
                {"ru": "Делюкс", "bg": "Делукс"})
    manager.run(add_room, "501", "DLX", 5)
    manager.run(add_room, "502", "DLX", 5)
    [deluxe] = [row for row in hotel.query(room_types, "ru") if row.code == "DLX"]
    assert (deluxe.name, deluxe.rate, deluxe.rooms) == ("Делюкс", hotel.money("150.00"), ("501", "502"))
    today = date.today()
    reservation = hotel.run(book, Booking(today, today + timedelta(days=1), new_guests=(NewGuest("A", "B"),),
                                          room_type="DLX"))
    assert hotel.run(check_in, reservation.id).room.number == "501"  # type: ignore[union-attr]
    manager.run(change_room_type, "DLX", default_rate=hotel.money("170.00"))
    assert [row.rate for row in hotel.query(room_types, "en") if row.code == "DLX"] == [hotel.money("170.00")]


def test_a_clerk_may_not_manage_rooms_and_bad_input_writes_nothing(hotel: Hotel):
    error = refused(hotel, MissingRight, MISSING_RIGHT,
                    lambda: hotel.run(add_room_type, "DLX", "Deluxe", hotel.money("150.00"), 2))
    assert error.right is Right.MANAGE_ROOMS
    manager = hotel.as_role(Role.MANAGER)
    refused(manager, InvalidInput, "There is no room type {type}", lambda: manager.run(add_room, "601", "Nope", 6),
            field="room_type")
    refused(manager, InvalidInput, "There is already a room {room}",
            lambda: manager.run(add_room, "101", "Double", 1), field="room")
    refused(manager, InvalidInput, "A room has between 1 and {limit} beds",
            lambda: manager.run(add_room_type, "DLX", "Deluxe", hotel.money("150.00"), 0), field="beds")


def test_desk_rooms_commands(hotel: Hotel, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("DESK_USER", "maria")
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    url = hotel.database.url
    assert main(["--database", url, "rooms", "type-add", "FAM", "Family room", "180.00", "--beds", "4",
                 "--ru", "Семейный", "--bg", "Семейна"]) == 0
    assert main(["--database", url, "rooms", "add", "301", "FAM", "--floor", "3"]) == 0
    assert main(["--database", url, "rooms", "add", "302", "Palace"]) == 1
    assert "There is no room type Palace" in capsys.readouterr().err
    # A rate with more decimals than the currency has is refused, never rounded behind the manager's back.
    assert main(["--database", url, "rooms", "type-set", "FAM", "--rate", "240.005"]) == 1
    assert "240.005 has more decimals than EUR allows (2)" in capsys.readouterr().err
    assert main(["--database", url, "rooms", "list"]) == 0
    assert "FAM: Family room, EUR 180.00 a night, 4 beds; rooms 301" in capsys.readouterr().out
