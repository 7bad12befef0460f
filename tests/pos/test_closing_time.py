"""A check is the stay's that was in the room when the check closed, by the hotel's clock.

The outside check (issue 22): a check closed while the room was empty went to the guest who arrived
later; a REST ``closed_at`` without a zone was replaced by the server's clock; a check of 2020 landed
on today's stay.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk.db.runner import Runner
from desk.pos.checks import closing_time, set_setting
from desk.stays.models import Reservation
from tests.desk.conftest import Stay

from .conftest import ADMIN, Pos
from .helpers import check_body, pos_postings

MENU = [("Grilled trout", "18.50", 1)]
TOKYO = ZoneInfo("Asia/Tokyo")  # far from the server's zone, whatever it is here


def _hotel_in_tokyo(pos: Pos) -> None:
    Runner(pos.hotel.database).run(set_setting, ADMIN, "time_zone", "Asia/Tokyo")


def _arrived_an_hour_ago(pos: Pos, stay: Stay) -> None:
    with pos.hotel.database.writing() as session:
        reservation = session.get_one(Reservation, stay.reservation_id)
        reservation.checked_in_at = datetime.now(UTC) - timedelta(hours=1)


def test_a_check_closed_before_the_guest_arrived_is_refused_not_charged_to_them(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()  # arrives now; the room was empty before
    _hotel_in_tokyo(pos)
    earlier = datetime.now(TOKYO) - timedelta(hours=2)
    till = pos.sim.transactions("10101", 41, MENU, closed_at=earlier.replace(tzinfo=None).isoformat(timespec="seconds"))
    assert till["Result"] == "1" and "Nobody stayed in room 101 at" in till["err_text"], till
    rest = pos.rest("POST", "/checks", json=check_body(hotel, stay, "e-1", closed_at=earlier))
    assert (rest.status_code, rest.json()["error"]) == (409, "not_in_house"), rest.text
    assert "was not staying in the hotel" in rest.json()["message"]
    assert pos_postings(hotel) == []


def test_a_check_of_2020_does_not_land_on_todays_stay(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    old = datetime(2020, 6, 1, 12, 0, tzinfo=UTC)
    rest = pos.rest("POST", "/checks", json=check_body(hotel, stay, "old-1", closed_at=old))
    assert (rest.status_code, rest.json()["error"]) == (409, "not_in_house"), rest.text
    till = pos.sim.transactions("10101", 42, MENU, closed_at="2020-06-01T12:00:00")
    assert till["Result"] == "1" and "2020-06-01" in till["err_text"], till
    assert pos_postings(hotel) == []


def test_a_closing_time_without_a_zone_is_the_hotels_local_time_not_the_servers_clock(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    _arrived_an_hour_ago(pos, stay)
    _hotel_in_tokyo(pos)
    closed = (datetime.now(TOKYO) - timedelta(seconds=20)).replace(microsecond=0)
    body = check_body(hotel, stay, "tz-1")
    body["closed_at"] = closed.replace(tzinfo=None).isoformat()  # as the till's clock shows it
    answer = pos.rest("POST", "/checks", json=body)
    assert answer.status_code == 201, answer.text
    assert pos.sim.transactions("10101", 43, MENU, closed_at=closed.replace(tzinfo=None).isoformat())["Result"] == "0"
    assert [p.ordered_at.astimezone(UTC) for p in pos_postings(hotel)] == [closed.astimezone(UTC)] * 2


def test_the_hotels_time_zone_must_be_a_real_one(pos: Pos):
    from desk.core.errors import InvalidInput
    from tests.desk.conftest import refused

    refused(pos.hotel, InvalidInput, "{value} is not a time zone (for example Europe/Sofia)",
            lambda: Runner(pos.hotel.database).run(set_setting, ADMIN, "time_zone", "Mars/Olympus"), field="value")


def test_without_a_zone_set_a_closing_time_is_the_machines_local_time_of_that_day_summer_or_winter(sqlite_pos: Pos):
    read = Runner(sqlite_pos.hotel.database).read
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Sofia")  # UTC+3 in summer, UTC+2 in winter
        time.tzset()
        try:
            summer = read(closing_time, datetime(2026, 7, 1, 12, 0))
            winter = read(closing_time, datetime(2026, 1, 15, 12, 0))
        finally:
            patch.undo()
            time.tzset()
    assert summer.astimezone(UTC) == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
    assert winter.astimezone(UTC) == datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
