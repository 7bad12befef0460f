"""Move room: an in-house guest to another room for the rest of the stay, on the same folio; and
check-in to a room the clerk chooses rather than the one the desk would give."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desk.stays.booking import RoomChoice, free_rooms, move_room
from desk.stays.reservations import check_in
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, fill_combo, hint_label, new_form
from ui.i18n import current_language
from ui.ops.op import Op


# Texts in the move dialog's own context, named in full, so the check-in dialog below (a subclass,
# whose tr() would look them up under its own class name) shows them translated too.
class MoveRoomDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, reservation_id: int, number: str, rooms: list[RoomChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=QCoreApplication.translate("MoveRoomDialog", "Move to another room"),
                         apply_text=QCoreApplication.translate("MoveRoomDialog", "&Move"))
        self.setObjectName("moveRoomDialog")
        self.reservation_id = reservation_id
        self.content.addWidget(hint_label(QCoreApplication.translate(
            "MoveRoomDialog",
            "Reservation {number} keeps its folio and bills; the room left is marked for cleaning.").format(
            number=number), "moveHint"))
        form = new_form()
        self.content.addLayout(form)
        self.room_combo = QComboBox()
        self.room_combo.setObjectName("roomCombo")
        clean = QCoreApplication.translate("MoveRoomDialog", "{room} · {type}")
        dirty = QCoreApplication.translate("MoveRoomDialog", "{room} · {type} (not cleaned)")
        fill_combo(self.room_combo, [
            ((clean if room.clean else dirty).format(room=room.number, type=room.type_name), room.number)
            for room in rooms])
        self.add_field(form, "room", QCoreApplication.translate("MoveRoomDialog", "&Room:"), self.room_combo)

    def submit(self) -> Op[Any] | None:
        number = self.room_combo.currentData()
        if number is None:
            self.refuse("room", QCoreApplication.translate(
                "MoveRoomDialog", "No room is free for the rest of this stay."))
            return None
        return self.change(move_room, self.reservation_id, number).success(lambda _r: self.finish())


class CheckInToRoomDialog(MoveRoomDialog):
    """The free rooms for the whole stay, clean ones first; Apply checks the guest in to the one chosen."""

    def __init__(self, ctx: DeskContext, reservation_id: int, number: str, rooms: list[RoomChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, reservation_id, number, rooms, parent)
        self.setObjectName("checkInToRoomDialog")
        self.setWindowTitle(self.tr("Check in to a room"))
        self.apply_button.setText(self.tr("Check &in"))
        hint = self.findChild(QLabel, "moveHint")
        if hint is not None:
            hint.setText(self.tr("Reservation {number}: choose the room the guest gets.").format(number=number))

    def submit(self) -> Op[Any] | None:
        number = self.room_combo.currentData()
        if number is None:
            self.refuse("room", self.tr("No room is free for this stay."))
            return None
        return self.change(check_in, self.reservation_id, room_number=number).success(lambda _r: self.finish())


def open_check_in_to_room(ctx: DeskContext, reservation_id: int, number: str,
                          parent: QWidget | None) -> Op[list[RoomChoice]]:
    def show(rooms: list[RoomChoice]) -> None:
        CheckInToRoomDialog(ctx, reservation_id, number, rooms, parent).show()

    return ctx.query(parent, free_rooms, reservation_id, current_language()).success(show).run()


def open_move_room(ctx: DeskContext, reservation_id: int, number: str, parent: QWidget | None) -> Op[list[RoomChoice]]:
    def show(rooms: list[RoomChoice]) -> None:
        MoveRoomDialog(ctx, reservation_id, number, rooms, parent).show()

    return ctx.query(parent, free_rooms, reservation_id, current_language()).success(show).run()
