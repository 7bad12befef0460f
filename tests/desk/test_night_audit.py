"""The night audit on SQLite and PostgreSQL: what it lists as open, what it charges (once), the
no-shows it marks and the business date it moves; and the refusals, which write nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desk.core.errors import InvalidInput, InvalidTransition
from desk.core.money import Money
from desk.db.runner import Runner
from desk.hotel.models import Room
from desk.ledger.models import Posting
from desk.ledger.postings import post_service
from desk.people.models import Role
from desk.people.rights import MissingRight
from desk.stays.booking import mark_no_show
from desk.stays.business_day import business_date
from desk.stays.models import NightAudit, NightCharge, Reservation, ReservationStatus
from desk.stays.night_audit import (
    DayNotBegun,
    OpenItemsRemain,
    OpenKind,
    audit_plan,
    charge_night,
    run_night_audit,
    set_city_tax,
    start_night_audit,
)
from tests.actors import signed_in

from .conftest import MISSING_RIGHT, Hotel, Stay, assert_same_rows, refused, without_sign_ins

REASON = "Shift closed tomorrow morning"


def _manager(hotel: Hotel) -> Hotel:
    return hotel.as_role(Role.MANAGER)


def _room(hotel: Hotel, number: str) -> str:
    with hotel.database.writing() as session:
        session.add(Room(number=number, floor=3, room_type="Double"))
    return number


def _city_tax(hotel: Hotel, today: date, amount: str = "1.50") -> None:
    manager = _manager(hotel)
    manager.run(set_city_tax, "CITYTAX", hotel.money(amount), today - timedelta(days=30))


def _audit(hotel: Hotel, reason: str = REASON, **kwargs: object):  # type: ignore[no-untyped-def]
    manager = _manager(hotel)
    return run_night_audit(Runner(hotel.database), manager.actor, reason=reason, **kwargs)  # type: ignore[arg-type]


def _charges(hotel: Hotel, stay: Stay, service: str) -> list[Posting]:
    with hotel.database.unit_of_work() as session:
        return list(session.scalars(select(Posting).where(Posting.folio_id == stay.folio_id,
                                                          Posting.service_code == service)))


def test_the_audit_charges_each_night_and_its_city_tax_marks_no_shows_and_moves_the_date(hotel: Hotel, today: date):
    _city_tax(hotel, today)
    couple = hotel.stay(nights=3, guests=2, room=_room(hotel, "301"))
    single = hotel.stay(nights=1, room=_room(hotel, "302"))
    leaving = hotel.stay(nights=2, room=_room(hotel, "303"))
    with hotel.database.writing() as session:  # arrived two days ago: today is its departure
        session.get_one(Reservation, leaving.reservation_id).arrival = today - timedelta(days=2)
        session.get_one(Reservation, leaving.reservation_id).departure = today
    never_came = hotel.stay(in_house=False, room=_room(hotel, "304"))

    summary = _audit(hotel)

    assert summary.business_date == today and summary.new_business_date == today + timedelta(days=1)
    assert (summary.nights, summary.rooms) == (2, hotel.money("200"))
    assert summary.city_tax == hotel.money("4.50")  # two guests and one, a night each at 1.50
    assert summary.no_shows == 1
    for stay, people in ((couple, 2), (single, 1)):
        [room] = _charges(hotel, stay, "ROOM")
        assert room.amount == hotel.money("100") and room.business_date == today and room.source == "audit"
        [tax] = _charges(hotel, stay, "CITYTAX")
        assert (tax.quantity, tax.amount) == (people, hotel.money("1.50").times(people))
    assert _charges(hotel, leaving, "ROOM") == []  # its last night was yesterday's
    assert hotel.query(lambda s: s.get_one(Reservation, never_came.reservation_id).status) is ReservationStatus.NO_SHOW
    assert hotel.query(business_date) == today + timedelta(days=1)
    # What the manager closed the day over, and why, is kept.
    audits = hotel.query(lambda s: s.scalars(select(NightAudit)).all())
    assert [(a.business_date, a.reason, a.started_by) for a in audits] == [(today, REASON, "maria")]
    assert "Cash shift not closed: TEST-1 #1" in audits[0].open_items
    number = hotel.query(lambda s: s.get_one(Reservation, leaving.reservation_id).number)
    assert f"Departure not checked out: {number} (Guest0 Test)" in audits[0].open_items


def test_postings_after_the_audit_carry_the_new_business_date(hotel: Hotel, today: date):
    stay = hotel.stay(room=_room(hotel, "301"))
    _audit(hotel)
    posting = hotel.run(post_service, bill_id=stay.bill_id, service_code="MB-WATER")
    assert posting.business_date == today + timedelta(days=1)
    # The next audit, once the new day has begun, closes it: the stay's second night, once.
    summary = _audit(hotel, today=today + timedelta(days=1))
    assert summary.business_date == today + timedelta(days=1) and summary.nights == 1
    assert sorted(p.ordered_at.astimezone().date() for p in _charges(hotel, stay, "ROOM")) == [
        today, today + timedelta(days=1)]


def test_an_audit_stopped_half_way_and_run_again_charges_each_night_once(hotel: Hotel, today: date):
    _city_tax(hotel, today)
    stays = [hotel.stay(room=_room(hotel, f"3{n:02d}")) for n in range(4)]
    asked = iter(range(100))
    # Stops before the third stay, as Cancel in the window does.
    first = _audit(hotel, stop=lambda: next(asked) >= 2)
    assert not first.finished and first.nights == 2
    assert hotel.query(business_date) == today  # the date moves only at the end
    second = _audit(hotel)
    assert second.finished and second.nights == 2  # only the two it had not charged
    third = _audit(hotel, today=today + timedelta(days=1))  # the next day's audit: each stay's second night
    assert third.business_date == today + timedelta(days=1)
    for stay in stays:
        assert len(_charges(hotel, stay, "ROOM")) == 2 and len(_charges(hotel, stay, "CITYTAX")) == 2
    counted = hotel.query(lambda s: s.scalar(select(func.count()).select_from(NightCharge)))
    assert counted == 16


def test_a_stay_the_ledger_refuses_is_listed_and_the_others_are_charged(hotel: Hotel, today: date):
    """One stay's folio refusing its night (its rate in a currency the hotel does not charge) does
    not stop the night for the hotel: the others are charged, it is listed, and the date waits."""
    stays = [hotel.stay(room=_room(hotel, f"3{n:02d}")) for n in range(3)]
    with hotel.database.writing() as session:
        wrong = session.get_one(Reservation, stays[1].reservation_id)
        wrong.nightly_rate, number = Money.of("100", "USD" if hotel.currency != "USD" else "EUR"), wrong.number
    summary = _audit(hotel)
    assert not summary.finished and summary.nights == 2
    [refusal] = summary.refused
    assert refusal.reservation == number
    assert isinstance(refusal.refusal, InvalidInput)
    assert refusal.refusal.template == "Services are charged in {base}, not {currency}"
    assert [len(_charges(hotel, stay, "ROOM")) for stay in stays] == [1, 0, 1]
    assert hotel.query(business_date) == today  # not moved over an uncharged night
    with hotel.database.writing() as session:  # the rate put right, the audit run again finishes the day
        session.get_one(Reservation, stays[1].reservation_id).nightly_rate = hotel.money("100")
    again = _audit(hotel)
    assert again.finished and again.nights == 1 and again.refused == ()
    assert [len(_charges(hotel, stay, "ROOM")) for stay in stays] == [1, 1, 1]


def test_charging_a_night_twice_finds_it_charged(hotel: Hotel, today: date):
    _city_tax(hotel, today)
    stay = hotel.stay(room=_room(hotel, "301"))
    manager = _manager(hotel)
    first = manager.run(charge_night, stay.reservation_id, today)
    again = manager.run(charge_night, stay.reservation_id, today)
    assert first.room_posted and first.room == hotel.money("100") and first.city_tax == hotel.money("1.50")
    assert not again.room_posted and not again.room and not again.city_tax
    assert len(_charges(hotel, stay, "ROOM")) == 1 and len(_charges(hotel, stay, "CITYTAX")) == 1


def test_the_plan_lists_what_is_open_without_changing_anything(hotel: Hotel, today: date):
    hotel.stay(in_house=False, room=_room(hotel, "301"))
    hotel.stay(room=_room(hotel, "302"))
    before = hotel.snapshot()
    plan = hotel.query(audit_plan)
    assert hotel.snapshot() == before
    assert plan.business_date == today and (plan.stays, plan.no_shows) == (1, 1)
    assert [item.kind for item in plan.open_items] == [OpenKind.CASH_SHIFT, OpenKind.ARRIVAL]
    assert plan.open_items[1].detail == "Guest0 Test"


def test_open_items_without_a_reason_stop_the_audit_before_anything_is_charged(hotel: Hotel, today: date):
    hotel.stay(room=_room(hotel, "301"))
    manager = _manager(hotel)
    error = refused(hotel, OpenItemsRemain,
                    "Open items: {count}. Settle them, or give a reason to close the day over them",
                    lambda: manager.run(start_night_audit, today, "  "))
    assert error.params == {"count": 1}  # the cash shift the fixture opened


def test_a_clerk_may_not_run_the_night_audit(hotel: Hotel, today: date):
    hotel.stay(room=_room(hotel, "301"))
    refused(hotel, MissingRight, MISSING_RIGHT, lambda: hotel.run(start_night_audit, today, REASON))


def test_a_day_already_closed_is_not_closed_again(hotel: Hotel, today: date):
    _audit(hotel)
    manager = _manager(hotel)
    refused(hotel, InvalidTransition,
            "The business date is {date} now, not {closed}: another desk closed the day",
            lambda: manager.run(start_night_audit, today, REASON))


def test_a_day_closed_in_the_evening_leaves_the_next_day_until_it_has_begun(hotel: Hotel, today: date):
    """Closed early by one manager, the business date is tomorrow's: another manager's window (or a
    script) running the audit again tonight is refused before it charges tomorrow's nights."""
    stay = hotel.stay(nights=3, room=_room(hotel, "301"))
    _audit(hotel)
    before = hotel.snapshot()
    refused(hotel, DayNotBegun,
            "Business day {date} has not begun yet (today is {today}): it is closed once it has",
            lambda: _audit(hotel))
    assert_same_rows(without_sign_ins(before), without_sign_ins(hotel.snapshot()))  # the manager signed in
    assert len(_charges(hotel, stay, "ROOM")) == 1
    assert hotel.query(business_date) == today + timedelta(days=1)


def test_a_reservation_arriving_later_is_not_a_no_show(hotel: Hotel, today: date):
    with hotel.database.writing() as session:
        reservation = session.get_one(Reservation, hotel.stay(in_house=False, room=_room(hotel, "301")).reservation_id)
        reservation.arrival, reservation.departure = today + timedelta(days=1), today + timedelta(days=3)
        number, reservation_id = reservation.number, reservation.id
    error = refused(hotel, InvalidTransition, "Reservation {reservation} arrives on {date}",
                    lambda: hotel.run(mark_no_show, reservation_id, today=today))
    assert error.params["reservation"] == number


@pytest.mark.parametrize("status", ["in_house"])
def test_an_in_house_guest_is_not_a_no_show(hotel: Hotel, status: str, today: date):
    stay = hotel.stay(room=_room(hotel, "301"))
    refused(hotel, InvalidTransition, "Only a confirmed reservation can be a no-show ({reservation})",
            lambda: hotel.run(mark_no_show, stay.reservation_id, today=today))


def test_two_audits_on_two_desks_at_once_charge_each_night_once(hotel: Hotel, today: date):
    stays = [hotel.stay(room=_room(hotel, f"3{n:02d}")) for n in range(3)]
    other = signed_in(hotel.database, Role.MANAGER, "TEST-2")
    manager = _manager(hotel)
    start = manager.run(start_night_audit, today, REASON)
    for reservation_id in start.stays:
        Runner(hotel.database).run(charge_night, other, reservation_id, today)
        Runner(hotel.database).run(charge_night, manager.actor, reservation_id, today)
    for stay in stays:
        assert len(_charges(hotel, stay, "ROOM")) == 1


def test_a_pending_card_operation_and_an_unprinted_receipt_are_open_items(hotel: Hotel):
    from desk.fiscal.receipts import request_receipt
    from desk.journal.intents import IntentRequest, record_intent
    from desk.ledger.payments import Tender, take_payment

    stay = hotel.stay(room=_room(hotel, "301"))
    hotel.run(post_service, bill_id=stay.bill_id, service_code="SPA")
    payment = hotel.run(take_payment, stay.bill_id, Tender("cash", hotel.money("10")))
    hotel.run(request_receipt, payment.id, "FP-1")
    hotel.run(record_intent, IntentRequest(kind="card_sale", device="Terminal 1", amount=hotel.money("25"),
                                           bill_id=stay.bill_id))
    items = hotel.query(audit_plan).open_items
    assert [(i.kind, i.reference, i.detail, i.amount) for i in items if i.kind in (
        OpenKind.CARD_OPERATION, OpenKind.RECEIPT)] == [
        (OpenKind.CARD_OPERATION, "TEST-1", "card_sale", hotel.money("25")),
        (OpenKind.RECEIPT, "FP-1 / TEST-1", str(payment.id), None)]
    assert [i.english() for i in items][1:] == [
        "Card operation pending: TEST-1 (card_sale EUR 25.00)",
        f"Receipt not printed: FP-1 / TEST-1 (payment {payment.id})"]


def test_a_stay_that_left_or_moved_its_dates_while_the_audit_ran_is_not_charged(hotel: Hotel, today: date):
    gone = hotel.stay(room=_room(hotel, "301"))
    moved = hotel.stay(room=_room(hotel, "302"))
    manager = _manager(hotel)
    start = manager.run(start_night_audit, today, REASON)
    assert set(start.stays) == {gone.reservation_id, moved.reservation_id}
    with hotel.database.writing() as session:  # as the desks would, between the audit's start and its stays
        session.get_one(Reservation, gone.reservation_id).status = ReservationStatus.CHECKED_OUT
        later = session.get_one(Reservation, moved.reservation_id)
        later.arrival, later.departure = today + timedelta(days=1), today + timedelta(days=3)
    for reservation_id in start.stays:
        charged = manager.run(charge_night, reservation_id, today)
        assert not charged.room_posted and not charged.room
    assert _charges(hotel, gone, "ROOM") == [] and _charges(hotel, moved, "ROOM") == []


def test_a_check_ordered_after_midnight_belongs_to_the_business_day_not_the_calendars(hotel: Hotel, today: date):
    from datetime import datetime, time

    from desk.ledger.postings import post_charge

    stay = hotel.stay(room=_room(hotel, "301"))
    after_midnight = datetime.combine(today + timedelta(days=1), time(0, 30)).astimezone()
    # No business date stored yet (no set-up stored one): a posting is dated by when it was ordered.
    before = hotel.run(post_charge, bill_id=stay.bill_id, description="Bar", quantity=1,
                       unit_price=hotel.money("8"), ordered_at=after_midnight, source="pos")
    assert before.business_date == today + timedelta(days=1)
    _audit(hotel)  # the business date is stored now: tomorrow
    bar = hotel.run(post_charge, bill_id=stay.bill_id, description="Bar", quantity=1,
                    unit_price=hotel.money("8"), ordered_at=after_midnight + timedelta(days=1), source="pos")
    assert bar.business_date == today + timedelta(days=1)


def test_an_anchor_folder_that_cannot_be_written_leaves_the_audit_done_with_a_warning(
        hotel: Hotel, tmp_path, monkeypatch: pytest.MonkeyPatch, today: date):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the anchor folder should be")
    monkeypatch.setenv("DESK_AUDIT_ANCHOR_DIR", str(blocked))
    summary = _audit(hotel)
    assert summary.finished and summary.new_business_date == today + timedelta(days=1)
    assert summary.anchor_warning is not None
    assert summary.anchor_warning.message.startswith("The night audit is done, but the audit trail's anchor")
    assert summary.anchor_warning.params["path"] == str(blocked / "trail.anchors.jsonl")
    with hotel.database.unit_of_work() as session:
        assert business_date(session) == today + timedelta(days=1)


def test_an_anchor_written_leaves_no_warning(hotel: Hotel):
    assert _audit(hotel).anchor_warning is None
