"""The room rack: who is in which room over the next nights, a double click to the stay's card, and
housekeeping's clean mark."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desk.ledger.folios import folio_of_reservation
from desk.stays.booking import Booking, NewGuest, book, walk_in
from desk.stays.models import BusinessDay
from desk.stays.reservations import check_out
from ui.stays.rack import RackModel, RoomRackWindow


@pytest.fixture(autouse=True)
def business_date_today(demo_database, today):
    """These stays arrive on the calendar's today: make it the demo's business date, which is fixed."""
    with demo_database.writing() as session:
        session.add(BusinessDay(business_date=today, opened_by="test"))


def _row_of(model: RackModel, number: str) -> int:
    return next(row for row in range(model.rowCount()) if model.room(row).number == number)


def test_the_rack_shows_the_stay_and_opens_its_card(qtbot, desk_context, demo_database, today):
    stay = desk_context.runner.run(walk_in, desk_context.actor, Booking(
        today, today + timedelta(days=3), new_guests=(NewGuest("Aleksandra", "Vasilyeva-Petrovskaya"),),
        room_number="101")).value
    opened: list[int] = []
    window = RoomRackWindow(desk_context, open_card=opened.append)
    qtbot.addWidget(window)
    window.show()
    window.reload()
    qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=30_000)
    row = _row_of(window.model, "101")
    cell = window.model.index(row, 1)
    assert window.model.data(cell) == f"Aleksandra Vasilyeva-Petrovskaya · {stay.number}"
    assert window.table.columnSpan(row, 1) == 3  # three nights, one bar
    assert window.model.data(window.model.index(row, 4)) is None  # the night after it leaves
    rect = window.table.visualRect(cell)
    # A double click is a press and release, then a double-click event, as the window system sends them.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with demo_database.unit_of_work() as session:
        assert opened == [folio_of_reservation(session, stay.id)]

    desk_context.runner.run(check_out, desk_context.actor, stay.id)
    window.reload()
    qtbot.waitUntil(lambda: "not cleaned" in window.model.data(window.model.index(row, 0)), timeout=30_000)
    window.table.setCurrentIndex(window.model.index(row, 0))
    qtbot.mouseClick(window.clean_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.data(window.model.index(row, 0)) == "101 · Double", timeout=30_000)
    window.close()


def test_a_stay_booked_by_type_only_shows_below_the_rooms(qtbot, desk_context, today):
    stays = [desk_context.runner.run(book, desk_context.actor, Booking(
        today + timedelta(days=k), today + timedelta(days=k + 2), new_guests=(NewGuest("Lena", f"Marx{k}"),),
        room_type="Double")).value for k in range(3)]
    window = RoomRackWindow(desk_context)
    qtbot.addWidget(window)
    window.reload()
    qtbot.waitUntil(lambda: window.model.rowCount() > 40, timeout=30_000)
    model = window.model
    # The first and third share a row (no night in common); the second, overlapping both, gets its own.
    assert model.rowCount() == 42
    assert [model.data(model.index(row, 0)) for row in (40, 41)] == ["Double · no room yet"] * 2
    assert model.data(model.index(40, 1)) == f"Lena Marx0 · {stays[0].number}"
    assert model.data(model.index(40, 3)) == f"Lena Marx2 · {stays[2].number}"
    assert model.data(model.index(41, 2)) == f"Lena Marx1 · {stays[1].number}"
    window.table.setCurrentIndex(model.index(40, 0))
    assert window.selected_room() is None  # nothing to mark clean there
    window.close()
