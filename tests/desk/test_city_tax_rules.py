"""City tax rules beyond an amount per guest and night: a percentage of the room night, children
under an age and guests with a recorded exemption left out; each night posted once. SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from desk.core.errors import InvalidInput
from desk.hotel.models import RoomType
from desk.ledger.models import Posting
from desk.people.changes import changes_of
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.booking import Booking, NewGuest, book
from desk.stays.city_tax import city_tax_history, set_guest_city_tax
from desk.stays.models import Guest, Reservation
from desk.stays.night_audit import charge_night, set_city_tax
from tests.desk.conftest import MISSING_RIGHT, Hotel, refused


def _guests(hotel: Hotel, reservation_id: int) -> list[int]:
    return hotel.query(lambda s: [g.id for g in s.get_one(Reservation, reservation_id).guests])


def _tax_postings(hotel: Hotel, reservation_id: int) -> list[tuple[str, Decimal, str]]:
    return hotel.query(lambda s: [(p.external_ref.split(":")[0], p.quantity, str(p.amount)) for p in s.scalars(
        select(Posting).where(Posting.external_ref.like(f"city_tax%:{reservation_id}:%")).order_by(Posting.id))])


def test_children_under_the_age_and_exempt_guests_pay_no_city_tax_and_a_percentage_is_charged_once(
        hotel: Hotel, today: date):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_city_tax, "CITYTAX", hotel.money("1.50"), today - timedelta(days=30),
                percent_of_rate=Decimal("2.5"), child_age_under=12)
    stay = hotel.stay(guests=4)
    _adult, child, teenager, officer = _guests(hotel, stay.reservation_id)
    hotel.run(set_guest_city_tax, child, today - timedelta(days=365 * 7), "")
    hotel.run(set_guest_city_tax, teenager, date(today.year - 12, 1, 1) - timedelta(days=1), "")
    hotel.run(set_guest_city_tax, officer, None, "on duty")
    first = manager.run(charge_night, stay.reservation_id, today)
    again = manager.run(charge_night, stay.reservation_id, today)
    # Two of four guests pay: 2 x 1.50, and 2.5% of their half of the 100.00 room night = 1.25.
    assert _tax_postings(hotel, stay.reservation_id) == [("city_tax", Decimal(2), "EUR 3.00"),
                                                          ("city_tax_rate", Decimal(1), "EUR 1.25")]
    assert first.city_tax == hotel.money("4.25") and not again.city_tax
    assert hotel.query(lambda s: s.get_one(Guest, officer).city_tax_exemption) == "on duty"
    row = hotel.query(city_tax_history)[0]
    assert (row.percent_of_rate, row.child_age_under) == (Decimal("2.5"), 12)


def test_a_stay_of_exempt_guests_is_charged_no_city_tax(hotel: Hotel, today: date):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_city_tax, "CITYTAX", hotel.money("1.50"), today - timedelta(days=30),
                percent_of_rate=Decimal(3))
    stay = hotel.stay()
    hotel.run(set_guest_city_tax, _guests(hotel, stay.reservation_id)[0], None, "disabled")
    charged = manager.run(charge_night, stay.reservation_id, today)
    assert charged.room_posted and not charged.city_tax
    assert _tax_postings(hotel, stay.reservation_id) == []


def test_a_percentage_alone_is_a_city_tax(hotel: Hotel, today: date):
    manager = hotel.as_role(Role.MANAGER)
    manager.run(set_city_tax, "CITYTAX", hotel.money("0"), today - timedelta(days=30), percent_of_rate=Decimal(4))
    stay = hotel.stay(guests=2)
    manager.run(charge_night, stay.reservation_id, today)
    assert _tax_postings(hotel, stay.reservation_id) == [("city_tax_rate", Decimal(1), "EUR 4.00")]


def test_bad_rules_and_exemptions_are_refused_and_nothing_written(hotel: Hotel, today: date):
    manager = hotel.as_role(Role.MANAGER)
    refused(hotel, InvalidInput, "A percentage of the room rate is from 0 to 100",
            lambda: manager.run(set_city_tax, "CITYTAX", hotel.money("1"), today, percent_of_rate=Decimal(101)),
            field="percent_of_rate")
    refused(hotel, InvalidInput, "Children are exempt under an age from 1 to {limit}",
            lambda: manager.run(set_city_tax, "CITYTAX", hotel.money("1"), today, child_age_under=40),
            field="child_age_under")
    stay = hotel.stay()
    guest = _guests(hotel, stay.reservation_id)[0]
    refused(hotel, InvalidInput, "A birth date cannot be in the future",
            lambda: hotel.run(set_guest_city_tax, guest, today + timedelta(days=1), ""), field="birth_date")
    refused(hotel, InvalidInput, "An exemption's reason is at most {limit} characters",
            lambda: hotel.run(set_guest_city_tax, guest, None, "x" * 81), field="city_tax_exemption")
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(set_city_tax, "CITYTAX", hotel.money("1"), today,
                                                                   percent_of_rate=Decimal(1)))


def test_a_guests_birth_date_and_exemption_are_recorded_with_who_set_them(hotel: Hotel):
    stay = hotel.stay()
    guest = _guests(hotel, stay.reservation_id)[0]
    hotel.run(set_guest_city_tax, guest, date(2019, 5, 4), "on duty")
    assert [c.summary for c in hotel.query(lambda s: changes_of(s, "guest", str(guest)))] == [
        "city tax: born 2019-05-04, exempt: on duty"]


def test_a_new_guest_booked_with_a_birth_date_and_exemption_keeps_them(hotel: Hotel, today: date):
    room_type = hotel.query(lambda s: s.scalars(select(RoomType.code).order_by(RoomType.code)).first())
    reservation = hotel.run(book, Booking(today, today + timedelta(days=1), room_type=room_type, new_guests=(
        NewGuest("Mila", "Petrova", birth_date=date(2019, 5, 4), city_tax_exemption="  child  of staff "),)))
    guest = hotel.query(lambda s: s.get_one(Reservation, reservation.id).guests[0].id)
    assert hotel.query(lambda s: (s.get_one(Guest, guest).birth_date, s.get_one(Guest, guest).city_tax_exemption)) == (
        date(2019, 5, 4), "child of staff")
    assert [c.summary for c in hotel.query(lambda s: changes_of(s, "guest", str(guest)))] == [
        "city tax: born 2019-05-04, exempt: child of staff"]
