"""A hotel-wide credit limit a manager sets, given to each reservation made after. SQLite and PostgreSQL."""

from __future__ import annotations

from desk.core.errors import InvalidInput
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.credit import default_credit_limit, set_default_credit_limit
from desk.stays.models import Reservation
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused


def _book(hotel: Hotel) -> int:
    return hotel.stay(in_house=False, nights=1).reservation_id


def test_a_new_reservation_gets_the_hotels_default_credit_limit(hotel: Hotel):
    before = _book(hotel)
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_default_credit_limit, hotel.money("500.00"))
    after = _book(hotel)
    limits = hotel.query(lambda s: (s.get_one(Reservation, before).credit_limit,
                                    s.get_one(Reservation, after).credit_limit))
    assert limits == (None, hotel.money("500.00"))  # one made before keeps what it had
    assert hotel.query(default_credit_limit) == hotel.money("500.00")
    assert [c.summary for c in hotel.query(lambda s: changes_of(s, "setting", "credit_limit"))] == [
        "default credit limit: none -> EUR 500.00"]
    manager.run(set_default_credit_limit, None)
    assert hotel.query(lambda s: s.get_one(Reservation, _book(hotel)).credit_limit) is None


def test_a_clerk_or_a_negative_limit_is_refused_and_nothing_written(hotel: Hotel):
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(set_default_credit_limit, hotel.money("1.00")))
    refused(hotel, InvalidInput, "A credit limit cannot be below zero",
            lambda: hotel.as_role(Role.MANAGER).run(set_default_credit_limit, hotel.money("-1.00")), field="limit")
    assert hotel.query(default_credit_limit) is None
