"""From the card: new dates (refused where the room is taken), a cancellation with its reason, a no-show."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel

from desk.ledger.folios import folio_of_reservation
from desk.stays.booking import Booking, NewGuest, book
from desk.stays.models import BusinessDay, Reservation, ReservationStatus
from tests.ui.test_dialogs_common import apply_accepted, apply_refused, retype
from ui.stays.reservation_changes import AmendReservationDialog, CancelReservationDialog, NoShowDialog


@pytest.fixture(autouse=True)
def business_date_today(demo_database, today):
    """These stays arrive on the calendar's today: make it the demo's business date, which is fixed."""
    with demo_database.writing() as session:
        session.add(BusinessDay(business_date=today, opened_by="test"))


@pytest.fixture
def booked(desk_context, demo_database):
    def make(arrival: date, departure: date, name: str) -> tuple[int, int]:
        reservation = desk_context.runner.run(book, desk_context.actor, Booking(
            arrival, departure, new_guests=(NewGuest(name, "Test"),), room_number="101")).value
        with demo_database.unit_of_work() as session:
            return reservation.id, folio_of_reservation(session, reservation.id)
    return make


@pytest.fixture
def show_card(desk_context, card_opener):
    return lambda folio_id: card_opener(desk_context, folio_id)


def _status(database, reservation_id: int) -> Reservation:
    with database.unit_of_work() as session:
        return session.get_one(Reservation, reservation_id)


def test_new_dates_are_refused_where_the_room_is_taken_then_taken(qtbot, booked, show_card, demo_database, today):
    first, folio = booked(today, today + timedelta(days=2), "First")
    booked(today + timedelta(days=3), today + timedelta(days=5), "Later")
    card = show_card(folio)
    card.amend_action.trigger()
    qtbot.waitUntil(lambda: card.findChild(AmendReservationDialog) is not None, timeout=30_000)
    dialog = card.findChild(AmendReservationDialog)
    dialog.departure_edit.setDate(dialog.departure_edit.date().addDays(2))
    message = apply_refused(qtbot, dialog, "departure")
    assert message.startswith("Room 101 is taken on the night of")
    assert _status(demo_database, first).departure == today + timedelta(days=2)
    dialog.departure_edit.setDate(dialog.arrival_edit.date().addDays(3))
    apply_accepted(qtbot, dialog)
    assert _status(demo_database, first).departure == today + timedelta(days=3)


def test_cancel_needs_a_reason(qtbot, booked, show_card, demo_database, today):
    reservation, folio = booked(today + timedelta(days=1), today + timedelta(days=2), "Cancel")
    card = show_card(folio)
    card.cancel_reservation_action.trigger()
    qtbot.waitUntil(lambda: card.findChild(CancelReservationDialog) is not None, timeout=30_000)
    dialog = card.findChild(CancelReservationDialog)
    assert apply_refused(qtbot, dialog, "reason") == "Say why the reservation is cancelled"
    retype(qtbot, dialog.reason_edit, "Flight cancelled")
    apply_accepted(qtbot, dialog)
    stored = _status(demo_database, reservation)
    assert (stored.status, stored.cancel_reason) == (ReservationStatus.CANCELLED, "Flight cancelled")
    qtbot.waitUntil(lambda: card.findChild(QLabel, "statusLabel").text() == "Cancelled", timeout=30_000)


def test_a_no_show(qtbot, booked, show_card, demo_database, today):
    reservation, folio = booked(today, today + timedelta(days=2), "Absent")
    card = show_card(folio)
    card.no_show_action.trigger()
    qtbot.waitUntil(lambda: card.findChild(NoShowDialog) is not None, timeout=30_000)
    apply_accepted(qtbot, card.findChild(NoShowDialog))
    assert _status(demo_database, reservation).status is ReservationStatus.NO_SHOW
    qtbot.waitUntil(lambda: card.findChild(QLabel, "statusLabel").text() == "No-show", timeout=30_000)


def test_check_in_to_a_chosen_room(qtbot, desk_context, show_card, demo_database, today):
    from ui.stays.move_room import CheckInToRoomDialog

    reservation = desk_context.runner.run(book, desk_context.actor, Booking(
        today, today + timedelta(days=2), new_guests=(NewGuest("Chosen", "Room"),), room_type="Double")).value
    with demo_database.unit_of_work() as session:
        folio = folio_of_reservation(session, reservation.id)
    card = show_card(folio)
    card.check_in_room_action.trigger()
    qtbot.waitUntil(lambda: card.findChild(CheckInToRoomDialog) is not None, timeout=30_000)
    dialog = card.findChild(CheckInToRoomDialog)
    dialog.room_combo.setCurrentIndex(dialog.room_combo.findData("110"))
    apply_accepted(qtbot, dialog)
    stored = _status(demo_database, reservation.id)
    assert stored.status is ReservationStatus.IN_HOUSE and stored.room.number == "110"


def test_move_room_lists_the_rooms_types_in_the_clerks_language(qtbot, desk_context, demo_database, today):
    from desk.stays.booking import free_rooms
    from ui.stays.move_room import MoveRoomDialog

    reservation = desk_context.runner.run(book, desk_context.actor, Booking(
        today, today + timedelta(days=2), new_guests=(NewGuest("Moving", "Guest"),), room_number="101")).value
    with demo_database.unit_of_work() as session:
        rooms = free_rooms(session, reservation.id, "ru")
    dialog = MoveRoomDialog(desk_context, reservation.id, reservation.number, rooms)
    qtbot.addWidget(dialog)
    texts = [dialog.room_combo.itemText(k) for k in range(dialog.room_combo.count())]
    assert any(text.startswith("102 · Двухместный") for text in texts), texts
