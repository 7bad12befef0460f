"""A clerk books a new guest, checks them in (a room is given), moves them, and the card keeps its
folio; the window's refusals are named next to their fields."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy import func, select

from desk.stays.booking import booking_choices
from desk.stays.models import BusinessDay, GuestDocument, Reservation, ReservationStatus
from tests.ui.test_dialogs_common import apply_refused, child, click, retype
from ui.reservation_card.window import ReservationCard, open_reservation_card
from ui.stays.move_room import MoveRoomDialog
from ui.stays.new_reservation import NewReservationDialog


@pytest.fixture
def dialog(qtbot, desk_context, demo_database):
    with demo_database.unit_of_work() as session:
        choices = booking_choices(session)
    opened: list[ReservationCard] = []

    def open_card(folio_id: int) -> None:
        opened.append(open_reservation_card(desk_context, folio_id))

    window = NewReservationDialog(desk_context, choices)
    window.open_card = open_card
    window.opened = opened  # type: ignore[attr-defined]
    window.show()
    qtbot.waitUntil(window.isVisible)
    yield window
    for card in opened:
        if shiboken6.isValid(card):
            card.close()


def _fill_new_guest(qtbot, dialog: NewReservationDialog) -> None:
    retype(qtbot, child(dialog, QLineEdit, "firstNameEdit"), "Ivana")
    retype(qtbot, child(dialog, QLineEdit, "lastNameEdit"), "Petrova-Konstantinova")
    retype(qtbot, child(dialog, QLineEdit, "documentEdit"), "P7654321")
    retype(qtbot, child(dialog, QLineEdit, "countryEdit"), "BG")
    dialog.room_type_combo.setCurrentIndex(dialog.room_type_combo.findData("Double"))


def _count(database, model) -> int:
    with database.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_book_check_in_and_move_keep_one_folio(qtbot, dialog, demo_database):
    _fill_new_guest(qtbot, dialog)
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: bool(dialog.opened), timeout=30_000)
    card = dialog.opened[0]
    qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
    folio_id = card.folio_id
    assert card.findChild(QLabel, "statusLabel").text() == "Confirmed"
    assert "No room yet" in card.findChild(QLabel, "detailsLabel").text()
    assert "Petrova-Konstantinova" in card.findChild(QLabel, "ownerLabel").text()

    qtbot.mouseClick(card.findChild(QPushButton, "checkInButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.findChild(QLabel, "statusLabel").text() == "In house", timeout=30_000)
    with demo_database.unit_of_work() as session:
        reservation = session.get_one(Reservation, dialog.booked.id)
        first_room = reservation.room.number
        assert reservation.status is ReservationStatus.IN_HOUSE and reservation.room.room_type == "Double"
        assert session.scalars(select(GuestDocument.number)).all()[-1] == "P7654321"
    qtbot.waitUntil(lambda: f"Room {first_room}" in card.findChild(QLabel, "detailsLabel").text(), timeout=30_000)

    card.move_room_action.trigger()
    qtbot.waitUntil(lambda: card.findChild(MoveRoomDialog) is not None, timeout=30_000)
    move = card.findChild(MoveRoomDialog)
    move.room_combo.setCurrentIndex(0)
    new_room = move.room_combo.currentData()
    assert new_room != first_room
    with qtbot.waitSignal(move.accepted, timeout=30_000):
        click(qtbot, move, "applyButton")
    qtbot.waitUntil(lambda: f"Room {new_room}" in card.findChild(QLabel, "detailsLabel").text(), timeout=30_000)
    assert card.folio_id == folio_id  # the same card, the same folio
    with demo_database.unit_of_work() as session:
        assert session.get_one(Reservation, dialog.booked.id).room.number == new_room


def test_departure_before_arrival_is_refused_next_to_it(qtbot, dialog, demo_database):
    _fill_new_guest(qtbot, dialog)
    before = _count(demo_database, Reservation)
    dialog.departure_edit.setDate(dialog.arrival_edit.date().addDays(-1))
    assert apply_refused(qtbot, dialog, "departure") == "Departure must be after arrival"
    assert _count(demo_database, Reservation) == before


def test_a_clerk_changing_the_rate_is_told_it_needs_a_manager(qtbot, dialog, demo_database):
    _fill_new_guest(qtbot, dialog)
    before = _count(demo_database, Reservation)
    retype(qtbot, child(dialog, QLineEdit, "rateEdit"), "55")
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: dialog.form_error.isVisible(), timeout=30_000)
    assert dialog.form_error.text() == "A clerk may not change the rate per night: a manager must authorise it"
    assert _count(demo_database, Reservation) == before


def test_a_room_taken_tonight_is_refused(qtbot, dialog, demo_database, desk_context):
    from desk.stays.booking import Booking, NewGuest, book

    today = date.today()
    desk_context.runner.run(book, desk_context.actor, Booking(
        today, today + timedelta(days=1), new_guests=(NewGuest("Olga", "Berg"),), room_number="101"))
    _fill_new_guest(qtbot, dialog)
    dialog.room_type_combo.setCurrentIndex(dialog.room_type_combo.findData("Double"))
    dialog.room_combo.setCurrentIndex(dialog.room_combo.findData("101"))
    message = apply_refused(qtbot, dialog, "room")
    assert message.startswith("Room 101 is taken on the night of")


def test_arrivals_and_departures_of_the_business_date_are_one_click_away(qtbot, desk_context, demo_database):
    from desk.core.money import Money
    from desk.stays.booking import Booking, NewGuest, book
    from desk.stays.reservations import check_in, create_reservation, new_guest
    from ui.main_window import MainWindow

    today = date.today()
    actor = desk_context.actor
    with demo_database.writing() as session:  # the demo's business date is its own fixed day: make it today
        session.add(BusinessDay(business_date=today, opened_by="test"))
    arriving = desk_context.runner.run(book, actor, Booking(
        today, today + timedelta(days=2), new_guests=(NewGuest("Arriving", "Today"),), room_type="Double")).value
    with demo_database.writing() as session:
        guest = new_guest(session, actor, "Leaving", "Today")
        session.flush()
        leaving = create_reservation(session, actor, number="LEAVE-1", guests=[guest],
                                     arrival=today - timedelta(days=1), departure=today,
                                     nightly_rate=Money.of("100", "EUR"), room_number="101")
        check_in(session, actor, leaving.id, today=today - timedelta(days=1))
    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.business_date == today, timeout=30_000)

    def numbers() -> set[str]:
        return {window.model.row_at(row).number for row in range(window.model.rowCount())}

    qtbot.mouseClick(window.arrivals_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: arriving.number in numbers(), timeout=30_000)
    assert "LEAVE-1" not in numbers()
    qtbot.mouseClick(window.departures_button, Qt.MouseButton.LeftButton)
    assert not window.arrivals_button.isChecked()
    qtbot.waitUntil(lambda: numbers() == {"LEAVE-1"}, timeout=30_000)
    window.close()


def test_a_new_guests_birth_date_and_city_tax_exemption_are_kept(qtbot, dialog, demo_database):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCheckBox, QDateEdit

    from desk.people.changes import changes_of

    _fill_new_guest(qtbot, dialog)
    child(dialog, QCheckBox, "birthDateCheck").setChecked(True)
    child(dialog, QDateEdit, "birthDateEdit").setDate(QDate(2019, 5, 4))
    retype(qtbot, child(dialog, QLineEdit, "cityTaxExemptionEdit"), "Disabled person, certificate 4711")
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: dialog.booked is not None, timeout=30_000)
    with demo_database.unit_of_work() as session:
        guest = session.get_one(Reservation, dialog.booked.id).guests[0]
        assert (guest.birth_date, guest.city_tax_exemption) == (date(2019, 5, 4), "Disabled person, certificate 4711")
        assert [c.username for c in changes_of(session, "guest", str(guest.id))] == ["anna"]


def test_a_birth_date_in_the_future_is_refused_next_to_it(qtbot, dialog, demo_database):
    from PySide6.QtWidgets import QCheckBox, QDateEdit

    _fill_new_guest(qtbot, dialog)
    before = _count(demo_database, Reservation)
    child(dialog, QCheckBox, "birthDateCheck").setChecked(True)
    child(dialog, QDateEdit, "birthDateEdit").setDate(dialog.arrival_edit.date().addDays(400))
    assert apply_refused(qtbot, dialog, "birth_date") == "A birth date cannot be in the future"
    assert _count(demo_database, Reservation) == before
