"""A POS key posts to its own outlet only; who stays where is told one room at a time, slowly, and logged.

The outside check (issue 22): a key made for one outlet posted under another, and any key listed
every occupied room's guests (24 rooms with names in 3 s).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from desk.db.runner import Runner
from desk.pos.api import LOOKUP_BURST, LookupLimit
from desk.pos.checks import CheckLine, ClosedCheck, post_check
from desk.pos.errors import OutletNotAllowed, TooManyLookups
from desk.pos.keys import create_key
from desk.pos.service import pos_actor
from tests.desk.conftest import refused

from .conftest import ADMIN, Pos
from .helpers import check_body, guest_ids, pos_postings


def test_a_key_made_for_one_outlet_cannot_post_under_another(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    other = dict(check_body(hotel, stay, "o-1"), outlet="BAR")  # till-1's key was made for REST
    answer = pos.rest("POST", "/checks", json=other)
    assert (answer.status_code, answer.json()["error"]) == (403, "outlet_not_allowed"), answer.text
    assert "posts to outlet REST, not to BAR" in answer.json()["message"]
    assert pos.rest("POST", "/checks", json=check_body(hotel, stay, "o-2")).status_code == 201
    bar = Runner(hotel.database).run(create_key, ADMIN, "bar-1", "BAR").value
    assert pos.rest("POST", "/checks", json=other, key=bar).status_code == 201
    assert sorted(p.outlet_code for p in pos_postings(hotel)) == ["BAR", "REST"]


def test_the_outlet_refusal_is_named(pos: Pos):
    hotel = pos.hotel
    stay = hotel.stay()
    guest = guest_ids(hotel, stay)[0]
    check = ClosedCheck("o-3", "3", "BAR", "25", stay.reservation_id, guest, datetime.now(UTC),
                        (CheckLine("Tea", Decimal(1), hotel.money("3.00")),), hotel.money("3.00"))
    refused(hotel, OutletNotAllowed, "The key of POS {pos_name} posts to outlet {own}, not to {outlet}",
            lambda: Runner(hotel.database).run(post_check, pos_actor("till-1"), "till-1", check))


def test_lookups_are_limited_per_key_and_logged_without_names(sqlite_pos: Pos, caplog: pytest.LogCaptureFixture,
                                                             monkeypatch: pytest.MonkeyPatch):
    pos = sqlite_pos
    # The bucket refills with time (30 a minute); held still, a slow machine cannot refill it mid-test.
    monkeypatch.setattr("desk.pos.api.lookup_clock", lambda: 1000.0)
    for room in ("101", "102"):
        pos.hotel.stay(room=room)
    caplog.set_level(logging.INFO, logger="desk.pos.lookups")
    answers = [pos.rest("GET", f"/rooms/10{n % 2 + 1}/guests") for n in range(LOOKUP_BURST + 14)]
    statuses = [a.status_code for a in answers]
    assert statuses[:LOOKUP_BURST] == [200] * LOOKUP_BURST
    # 24 rooms at once: no longer. With the clock held, nothing trickles back in.
    assert statuses[LOOKUP_BURST:] == [429] * 14
    refusal = next(a for a in answers if a.status_code == 429).json()
    assert refusal["error"] == "too_many_lookups" and "at most 30 a minute" in refusal["message"]
    held = pos.sim.card_info("10101")  # FarCards asks the same bucket
    assert held["Result"] == "1" and "looked up too many rooms" in held["ScrMessage"], held
    other = pos.new_key("till-2")  # another till is not held up
    assert pos.rest("GET", "/rooms/101/guests", key=other).status_code == 200
    lines = [r.getMessage() for r in caplog.records if r.name == "desk.pos.lookups"]
    assert "lookup by POS till-1: room 101 -> 1 guest(s)" in lines
    assert "lookup by POS till-1: room 101 -> refused (too_many_lookups)" in lines
    assert "lookup by POS till-2: room 101 -> 1 guest(s)" in lines
    assert not any("Guest0" in line for line in lines)


def test_the_lookup_limit_refills_thirty_a_minute(monkeypatch: pytest.MonkeyPatch):
    now = [500.0]
    monkeypatch.setattr("desk.pos.api.lookup_clock", lambda: now[0])
    limit = LookupLimit()
    for _ in range(LOOKUP_BURST):
        limit.take("till-1")
    with pytest.raises(TooManyLookups):
        limit.take("till-1")
    now[0] += 1.9  # not yet a whole lookup's worth at 30 a minute
    with pytest.raises(TooManyLookups):
        limit.take("till-1")
    now[0] += 0.2
    limit.take("till-1")  # one more after two seconds
    with pytest.raises(TooManyLookups):
        limit.take("till-1")
    now[0] += 3600  # an hour later: the burst again, never more
    for _ in range(LOOKUP_BURST):
        limit.take("till-1")
    with pytest.raises(TooManyLookups):
        limit.take("till-1")


def test_the_request_log_does_not_copy_the_guests_a_lookup_named(sqlite_pos: Pos, caplog: pytest.LogCaptureFixture):
    pos = sqlite_pos
    pos.hotel.stay()
    caplog.set_level(logging.INFO, logger="desk.pos")
    assert pos.rest("GET", "/rooms/101/guests").json()["guests"][0]["name"] == "Guest0 Test"
    assert pos.sim.card_info("10101")["Holder"] == "Guest0 Test"
    requests = [r.getMessage() for r in caplog.records if r.name == "desk.pos"]
    assert any("/rooms/101/guests 200" in line for line in requests), requests
    assert any("getcardinfoex 200" in line for line in requests), requests
    assert not any("Guest0" in line for line in requests), requests
