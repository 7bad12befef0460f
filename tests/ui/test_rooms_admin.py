"""Rooms and room types: a manager adds a type (with its Russian and Bulgarian names) and a room of
it; a clerk's attempt is refused by desk with the right named."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from desk.hotel.models import Room, RoomType
from desk.people.models import Role
from tests.ui.test_dialogs_common import child, click, retype
from ui.stays.rooms_admin import RoomsDialog


def _dialog(qtbot, ctx) -> RoomsDialog:
    dialog = RoomsDialog(ctx, "EUR")
    dialog.reload()
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 4, timeout=30_000)
    return dialog


def test_a_manager_adds_a_type_and_a_room(qtbot, context_of, demo_database):
    dialog = _dialog(qtbot, context_of(Role.MANAGER))
    retype(qtbot, child(dialog, QLineEdit, "codeEdit"), "FAM")
    retype(qtbot, child(dialog, QLineEdit, "nameEdit"), "Family suite")
    child(dialog, QLineEdit, "ruEdit").setText("Семейный люкс")  # QTest types Latin letters only
    retype(qtbot, child(dialog, QLineEdit, "rateEdit"), "240")
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: dialog.type_combo.findData("FAM") >= 0, timeout=30_000)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("FAM"))
    retype(qtbot, child(dialog, QLineEdit, "numberEdit"), "501")
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(lambda: any("501" in dialog.model.data(dialog.model.index(row, 4))
                                for row in range(dialog.model.rowCount())), timeout=30_000)
    last = dialog.view.visualRect(dialog.model.index(dialog.model.rowCount() - 1, 0))
    assert last.bottom() < dialog.view.viewport().height()  # all five types in sight, none scrolled off
    with demo_database.unit_of_work() as session:
        assert session.get_one(RoomType, "FAM").name == "Family suite"
        assert session.scalars(select(Room.room_type).where(Room.number == "501")).one() == "FAM"
    dialog.close()


def test_a_clerk_is_refused(qtbot, context_of, demo_database):
    dialog = _dialog(qtbot, context_of(Role.CLERK))
    retype(qtbot, child(dialog, QLineEdit, "codeEdit"), "FAM")
    retype(qtbot, child(dialog, QLineEdit, "nameEdit"), "Family suite")
    retype(qtbot, child(dialog, QLineEdit, "rateEdit"), "240")
    click(qtbot, dialog, "applyButton")
    qtbot.waitUntil(dialog.form_error.isVisible, timeout=30_000)
    assert dialog.form_error.text() == "A clerk may not manage rooms and room types: a manager must authorise it"
    with demo_database.unit_of_work() as session:
        assert session.get(RoomType, "FAM") is None
    dialog.close()
