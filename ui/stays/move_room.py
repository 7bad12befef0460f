"""Move room: an in-house guest to another room for the rest of the stay, on the same folio."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from desk.stays.booking import RoomChoice, free_rooms, move_room
from ui.context import DeskContext
from ui.dialogs.common import DeskDialog, fill_combo, hint_label, new_form
from ui.ops.op import Op


class MoveRoomDialog(DeskDialog):
    def __init__(self, ctx: DeskContext, reservation_id: int, number: str, rooms: list[RoomChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Move to another room"), apply_text=self.tr("&Move"))
        self.setObjectName("moveRoomDialog")
        self.reservation_id = reservation_id
        self.content.addWidget(hint_label(self.tr(
            "Reservation {number} keeps its folio and bills; the room left is marked for cleaning.").format(
            number=number), "moveHint"))
        form = new_form()
        self.content.addLayout(form)
        self.room_combo = QComboBox()
        self.room_combo.setObjectName("roomCombo")
        fill_combo(self.room_combo, [
            (self.tr("{room} · {type}").format(room=room.number, type=room.room_type) if room.clean
             else self.tr("{room} · {type} (not cleaned)").format(room=room.number, type=room.room_type), room.number)
            for room in rooms])
        self.add_field(form, "room", self.tr("&Room:"), self.room_combo)

    def submit(self) -> Op[Any] | None:
        number = self.room_combo.currentData()
        if number is None:
            self.refuse("room", self.tr("No room is free for the rest of this stay."))
            return None
        return self.change(move_room, self.reservation_id, number).success(lambda _r: self.finish())


def open_move_room(ctx: DeskContext, reservation_id: int, number: str, parent: QWidget | None) -> Op[list[RoomChoice]]:
    def show(rooms: list[RoomChoice]) -> None:
        MoveRoomDialog(ctx, reservation_id, number, rooms, parent).show()

    return ctx.query(parent, free_rooms, reservation_id).success(show).run()
