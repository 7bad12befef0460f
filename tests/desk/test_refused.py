"""The check the refusal tests rely on, refused(), fails when it should: else they prove nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from desk.core.errors import InvalidInput, NotAuthorised
from desk.hotel.models import Room
from desk.ledger.payments import Tender, refund_payment, take_payment
from desk.people.models import Role
from desk.people.rights import MissingRight

from .conftest import MISSING_RIGHT, Hotel, refused

POSITIVE = "The amount must be more than zero (got {amount})"
# What failing refused() raises: its own assertion, or pytest's "DID NOT RAISE".
CHECK_FAILS = (AssertionError, pytest.fail.Exception)


def pay_nothing(hotel: Hotel):
    stay = hotel.stay()
    return lambda: hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("0")))


def test_the_refusal_it_names_passes(hotel: Hotel):
    error = refused(hotel, InvalidInput, POSITIVE, pay_nothing(hotel), field="amount")
    assert error.params == {"amount": hotel.money("0")}


def test_work_rolled_back_with_the_refusal_is_not_a_write(hotel: Hotel):
    def moved_then_refused():
        with hotel.database.unit_of_work() as session:
            session.execute(update(Room).where(Room.number == "101").values(floor=7))
            raise InvalidInput("Not on this floor", field="floor")

    refused(hotel, InvalidInput, "Not on this floor", moved_then_refused, field="floor")


def test_a_committed_change_before_the_refusal_fails_though_no_row_count_changes(hotel: Hotel):
    def moved_then_refused():
        with hotel.database.unit_of_work() as session:  # its own unit of work: committed
            session.execute(update(Room).where(Room.number == "101").values(floor=7))
        raise InvalidInput("Not on this floor", field="floor")

    counts = hotel.row_counts()
    wrote = r"a refusal wrote:\n.*room: gone \[\(1, '101', 1, .*came \[\(1, '101', 7, "
    with pytest.raises(AssertionError, match=wrote):
        refused(hotel, InvalidInput, "Not on this floor", moved_then_refused, field="floor")
    assert hotel.row_counts() == counts  # what the old check compared: it would have passed


def test_a_committed_new_row_fails(hotel: Hotel):
    def added_then_refused():
        with hotel.database.unit_of_work() as session:
            session.add(Room(number="999", floor=9, room_type="Single"))
        raise InvalidInput("No such room", field="room")

    with pytest.raises(AssertionError, match=r"room: gone \[\], came \[\(.*'999'"):
        refused(hotel, InvalidInput, "No such room", added_then_refused, field="room")


@pytest.mark.parametrize(("kind", "template", "field"), [
    (NotAuthorised, POSITIVE, "amount"),  # another class
    (InvalidInput, POSITIVE, None),  # another field
    (InvalidInput, POSITIVE, "currency"),
    (InvalidInput, "The hotel does not accept {currency}", "amount"),  # the same class, another refusal
])
def test_another_refusal_fails(sqlite_hotel: Hotel, kind, template, field):
    action = pay_nothing(sqlite_hotel)
    with pytest.raises(AssertionError, match="expected"):
        refused(sqlite_hotel, kind, template, action, field=field)


def test_a_subclass_is_another_refusal(sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    stay = hotel.stay()
    payment = hotel.as_role(Role.CASHIER).run(take_payment, stay.bill_id, Tender("cash", hotel.money("5")),
                                              allow_overpay=True)
    def refund():
        hotel.run(refund_payment, payment.id, hotel.money("1"))  # a clerk: the right is missing

    refused(hotel, MissingRight, MISSING_RIGHT, refund)
    with pytest.raises(AssertionError, match="refused with MissingRight"):
        refused(hotel, NotAuthorised, MISSING_RIGHT, refund)


def test_no_refusal_fails(sqlite_hotel: Hotel):
    with pytest.raises(CHECK_FAILS):
        refused(sqlite_hotel, InvalidInput, POSITIVE, lambda: None, field="amount")


def test_a_table_written_on_purpose_is_named_and_must_change(sqlite_hotel: Hotel):
    def moved_then_refused():
        with sqlite_hotel.database.unit_of_work() as session:
            session.execute(update(Room).where(Room.number == "101").values(floor=7))
        raise InvalidInput("Not on this floor", field="floor")

    refused(sqlite_hotel, InvalidInput, "Not on this floor", moved_then_refused, field="floor", also_writes="room")
    with pytest.raises(AssertionError, match="did not write room"):
        refused(sqlite_hotel, InvalidInput, "Not on this floor", moved_then_refused, field="floor", also_writes="room")
    with pytest.raises(AssertionError, match="did not write room"):
        refused(sqlite_hotel, InvalidInput, POSITIVE, pay_nothing(sqlite_hotel), field="amount", also_writes="room")
