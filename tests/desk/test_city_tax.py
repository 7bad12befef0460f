"""The city tax as a manager sets it, by command and as the window reads it: each amount from its
date, newest first; the night audit charges the one of its night; a refusal writes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desk.core.errors import InvalidInput
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.city_tax import city_tax_history
from desk.stays.models import Guest
from desk.stays.night_audit import city_tax_on, set_city_tax
from tests.actors import demo_credentials
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused


def test_a_manager_sets_the_city_tax_from_a_date_and_the_nights_charge_it(hotel: Hotel, today: date):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_city_tax, "CITYTAX", hotel.money("1.50"), today - timedelta(days=30))
    manager.run(set_city_tax, "CITYTAX", hotel.money("2.25"), today + timedelta(days=10))
    history = hotel.query(city_tax_history)
    assert [(row.valid_from, row.per_person_night, row.set_by) for row in history] == [
        (today + timedelta(days=10), hotel.money("2.25"), manager.actor.username),
        (today - timedelta(days=30), hotel.money("1.50"), manager.actor.username)]
    tax_tonight = hotel.query(city_tax_on, today)
    tax_later = hotel.query(city_tax_on, today + timedelta(days=11))
    assert tax_tonight is not None and tax_tonight.per_person_night == hotel.money("1.50")
    assert tax_later is not None and tax_later.per_person_night == hotel.money("2.25")


def test_a_clerk_may_not_set_it_nor_a_manager_a_negative_one(hotel: Hotel, today: date):
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(set_city_tax, "CITYTAX", hotel.money("1"), today))
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, InvalidInput, "The city tax cannot be negative",
            lambda: manager.run(set_city_tax, "CITYTAX", hotel.money("-1"), today), field="amount")
    refused(hotel, InvalidInput, "There is no service {service}",
            lambda: manager.run(set_city_tax, "NOPE", hotel.money("1"), today), field="service")


def test_desk_city_tax_set_and_list(sqlite_hotel: Hotel, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]):
    from desk.cli.main import main

    user, password = demo_credentials(Role.MANAGER)
    monkeypatch.setenv("DESK_USER", user)
    monkeypatch.setenv("DESK_PASSWORD", password)
    url = sqlite_hotel.database.url
    assert main(["--database", url, "city-tax", "list"]) == 0
    assert capsys.readouterr().out == "No city tax is set.\n"
    assert main(["--database", url, "city-tax", "set", "1,80", "--service", "CITYTAX", "--from", "2026-05-01"]) == 0
    assert capsys.readouterr().out == f"2026-05-01  EUR 1.80 per guest and night  CITYTAX  set by {user}\n"
    assert main(["--database", url, "city-tax", "set", "1.805", "--service", "CITYTAX", "--from", "2026-06-01"]) == 1
    assert main(["--database", url, "city-tax", "set", "2", "--service", "CITYTAX", "--from", "June"]) == 1
    assert "June is not a date (YYYY-MM-DD)" in capsys.readouterr().err
    assert [row.valid_from for row in sqlite_hotel.query(city_tax_history)] == [date(2026, 5, 1)]
    assert main(["--database", url, "city-tax", "set", "1", "--service", "CITYTAX", "--from", "2026-07-01",
                 "--percent", "2.5", "--children-under", "12"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"2026-07-01  EUR 1.00 per guest and night  2.5% of the room night  children under 12 exempt  CITYTAX  "
        f"set by {user}")
    sqlite_hotel.stay()
    guest = sqlite_hotel.query(lambda s: s.scalars(select(Guest.id)).first())
    assert main(["--database", url, "city-tax", "guest", str(guest), "--born", "2019-03-01",
                 "--exemption", "on duty"]) == 0
    assert sqlite_hotel.query(lambda s: (s.get_one(Guest, guest).birth_date, s.get_one(Guest, guest).city_tax_exemption)
                              ) == (date(2019, 3, 1), "on duty")
