"""Render the New reservation window, the room rack, Move room, New folio and Rooms of the demo hotel
to PNG (en, ru), with long names: a guest's double-barrelled name, a long room type, a company with a
long name.

    QT_QPA_PLATFORM=offscreen python -m tools.screenshots_stays
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_demo
from desk.people.auth import sign_in, trusted_actor
from desk.people.models import Role
from desk.stays.booking import Booking, NewGuest, book, booking_choices, free_rooms, walk_in
from desk.stays.business_day import business_date
from desk.stays.rooms import add_room, add_room_type
from tools.screenshots import save_in_each_language, settle, wait_until
from ui.context import DeskContext
from ui.stays.move_room import MoveRoomDialog
from ui.stays.new_folio import NewFolioDialog
from ui.stays.new_reservation import NewReservationDialog
from ui.stays.rack import RoomRackWindow
from ui.stays.rooms_admin import RoomsDialog


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/demo.sqlite3")
        today = date.today()
        with database.unit_of_work() as session:
            seed_demo(session, today=today - timedelta(days=3))
        with database.unit_of_work() as session:
            clerk = sign_in(session, "anna", "anna", "FRONT-1")
            today = business_date(session)  # the demo's day is not the calendar's
        runner = Runner(database)
        manager = trusted_actor("maria", "FRONT-1", Role.MANAGER)
        runner.run(add_room_type, manager, "FAM", "Family suite with a terrace and a view of Vitosha",
                   Money.of("240.00", "EUR"), 4,
                   {"ru": "Семейный люкс с террасой и видом на Витошу", "bg": "Семеен апартамент с тераса"})
        runner.run(add_room, manager, "501", "FAM", 5)
        guests = [("Aleksandra", "Vasilyeva-Petrovskaya"), ("Konstantin", "Konstantinopolsky"),
                  ("Maximilian", "von Hohenzollern-Sigmaringen")]
        for k, (first, last) in enumerate(guests):
            booking = Booking(today + timedelta(days=k), today + timedelta(days=k + 3 + k),
                              new_guests=(NewGuest(first, last),), room_type="Double")
            runner.run(walk_in if k == 0 else book, clerk, booking)
        moved = runner.run(walk_in, clerk, Booking(today, today + timedelta(days=5),
                                            new_guests=(NewGuest("Светлана", "Смирнова-Задунайская"),),
                                            room_number="501")).value
        ctx = DeskContext(database, clerk)
        choices = runner.read(booking_choices, "en")

        def new_reservation(language: str) -> QWidget:
            dialog = NewReservationDialog(ctx, runner.read(booking_choices, language) if language != "en" else choices)
            dialog.first_name_edit.setText("Maximilian")
            dialog.last_name_edit.setText("von Hohenzollern-Sigmaringen")
            dialog.document_edit.setText("C01X00T47")
            dialog.country_edit.setText("DE")
            dialog.birth_date_check.setChecked(True)
            dialog.exemption_edit.setText("Disabled person, certificate No. 4711/2024")
            dialog.room_type_combo.setCurrentIndex(dialog.room_type_combo.findData("FAM"))
            dialog.departure_edit.setDate(dialog.arrival_edit.date().addDays(4))
            dialog.company_combo.setCurrentIndex(1)
            dialog.show()
            return dialog

        def rack(_language: str) -> QWidget:
            window = RoomRackWindow(ctx)
            window.reload()
            wait_until(lambda: window.model.rowCount() > 0)
            window.resize(1400, 1400)  # every room and the stays booked by type only below them
            window.show()
            settle(300)
            return window

        def move_room(_language: str) -> QWidget:
            dialog = MoveRoomDialog(ctx, moved.id, moved.number, runner.read(free_rooms, moved.id))
            dialog.show()
            return dialog

        def new_folio(language: str) -> QWidget:
            dialog = NewFolioDialog(ctx, runner.read(booking_choices, language))
            dialog.show()
            return dialog

        def rooms(_language: str) -> QWidget:
            dialog = RoomsDialog(ctx, choices.currency)
            dialog.reload()
            wait_until(lambda: dialog.model.rowCount() > 0)
            dialog.show()
            settle(300)
            return dialog

        save_in_each_language(app, "stays_new_reservation", new_reservation)
        save_in_each_language(app, "stays_move_room", move_room)
        save_in_each_language(app, "stays_new_folio", new_folio)
        save_in_each_language(app, "stays_rooms", rooms)
        save_in_each_language(app, "stays_room_rack", rack)
        ctx.close()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
