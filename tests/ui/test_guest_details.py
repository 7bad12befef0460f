"""From the card's Guests menu: a guest's birth date changed to a child's, refused in the future, and
the next night the audit charges posts no city tax for them."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from desk.core.money import Money
from desk.hotel.reference import base_currency
from desk.ledger.folios import folio_of_reservation
from desk.ledger.models import Posting
from desk.people.models import Role
from desk.stays.booking import Booking, NewGuest, book
from desk.stays.models import BusinessDay, Guest, Reservation
from desk.stays.night_audit import charge_night, set_city_tax
from desk.stays.reservations import check_in
from tests.actors import signed_in
from tests.ui.test_dialogs_common import apply_accepted, apply_refused
from ui.reservation_card.window import ReservationCard, open_reservation_card
from ui.stays.guest_details import GuestDialog


@pytest.fixture(autouse=True)
def business_date_today(demo_database, today):
    with demo_database.writing() as session:
        session.add(BusinessDay(business_date=today, opened_by="test"))


def _city_tax_postings(database, reservation_id: int) -> int:
    with database.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Posting).where(
            Posting.external_ref.like(f"city_tax%:{reservation_id}:%")))


def test_a_guest_made_a_child_on_the_card_pays_no_city_tax_the_next_night(qtbot, desk_context, demo_database, today):
    runner, clerk = desk_context.runner, desk_context.actor
    manager = signed_in(demo_database, Role.MANAGER)
    currency = runner.read(base_currency)
    runner.run(set_city_tax, manager, "CITYTAX", Money.of("1.50", currency), today - timedelta(days=30),
               child_age_under=12)
    reservation = runner.run(book, clerk, Booking(today, today + timedelta(days=3), new_guests=(
        NewGuest("Konstantin", "Aleksandrov-Vasilev"),), room_number="101")).value
    runner.run(check_in, clerk, reservation.id)
    runner.run(charge_night, manager, reservation.id, today)
    assert _city_tax_postings(demo_database, reservation.id) == 1  # an adult pays it

    with demo_database.unit_of_work() as session:
        folio = folio_of_reservation(session, reservation.id)
        guest_id = session.get_one(Reservation, reservation.id).guests[0].id
    card: ReservationCard = open_reservation_card(desk_context, folio)
    try:
        qtbot.waitUntil(lambda: card.is_loaded and card.isVisible(), timeout=30_000)
        card.guests_menu.findChild(type(card.reload_action), f"guestAction{guest_id}").trigger()
        qtbot.waitUntil(lambda: card.findChild(GuestDialog) is not None, timeout=30_000)
        dialog = card.findChild(GuestDialog)
        dialog.birth_date_check.setChecked(True)
        dialog.birth_date_edit.setDate(QDate.currentDate().addDays(1))
        assert apply_refused(qtbot, dialog, "birth_date") == "A birth date cannot be in the future"
        with demo_database.unit_of_work() as session:
            assert session.get_one(Guest, guest_id).birth_date is None
        dialog.birth_date_edit.setDate(QDate(today.year - 7, 6, 1))
        dialog.first_name_edit.setText("Kostadin")
        apply_accepted(qtbot, dialog)
        qtbot.waitUntil(lambda: card.owner_label.text().startswith("Kostadin "), timeout=30_000)
    finally:
        if shiboken6.isValid(card):
            card.close()
    runner.run(charge_night, manager, reservation.id, today + timedelta(days=1))
    assert _city_tax_postings(demo_database, reservation.id) == 1


def test_a_document_is_corrected_and_another_removed_in_the_guest_window(qtbot, desk_context, demo_database, today):
    from desk.stays.booking import DocumentEntry
    from desk.stays.guest_details import edit_guest, guest_details
    from desk.stays.models import DocumentKind

    runner, clerk = desk_context.runner, desk_context.actor
    reservation = runner.run(book, clerk, Booking(today, today + timedelta(days=2), new_guests=(
        NewGuest("Konstantin", "Aleksandrov-Vasilev"),), room_number="101")).value
    with demo_database.unit_of_work() as session:
        guest_id = session.get_one(Reservation, reservation.id).guests[0].id
    for entry in (DocumentEntry(DocumentKind.PASSPORT, "BG1243567", "BG"),
                  DocumentEntry(DocumentKind.ID_CARD, "64500", "BG")):
        runner.run(edit_guest, clerk, guest_id, "Konstantin", "Aleksandrov-Vasilev", new_document=entry)
    details = runner.read(guest_details, guest_id)
    dialog = GuestDialog(desk_context, details)  # deletes itself once saved
    try:
        dialog.show()
        assert dialog.documents_list.count() == 2 and not dialog.remove_document_button.isEnabled()
        dialog.documents_list.setCurrentRow(1)  # the wrong guest's card: removed
        assert dialog.document_edit.text() == "64500"
        qtbot.mouseClick(dialog.remove_document_button, Qt.MouseButton.LeftButton)
        assert dialog.documents_list.count() == 1 and dialog.document_edit.text() == ""
        dialog.documents_list.setCurrentRow(0)  # the passport, mistyped: corrected in its fields
        assert dialog.document_kind_label.text() == "Correct the doc&ument:"
        dialog.document_edit.setText("BG1234567")
        apply_accepted(qtbot, dialog)
    finally:
        if shiboken6.isValid(dialog):
            dialog.close()
    after = runner.read(guest_details, guest_id)
    assert after.documents == (DocumentEntry(DocumentKind.PASSPORT, "BG1234567", "BG"),)
    assert after.documents[0].id == details.documents[0].id
