"""Rooms and room types (a manager's): each type with its rate, beds and rooms; add a type with its
names in Russian and Bulgarian, or a room of a type."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QSpinBox, QWidget

from desk.hotel.reference import base_currency
from desk.stays.rooms import RoomTypeRow, add_room, add_room_type, room_types
from ui.context import DeskContext
from ui.dialogs.common import Column, DeskDialog, RowsModel, fill_combo, fit_rows, new_form, read_amount, rows_view
from ui.i18n import current_language, money_text
from ui.ops.op import Op


class RoomsDialog(DeskDialog):
    """Apply adds the type when its code is filled in, else the room."""

    def __init__(self, ctx: DeskContext, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Rooms and room types"), apply_text=self.tr("&Add"))
        self.setObjectName("roomsDialog")
        self.setMinimumWidth(720)
        self.currency = currency
        self.model = RowsModel([Column(self.tr("Code")), Column(self.tr("Name")),
                                Column(self.tr("Rate per night"), align_right=True), Column(self.tr("Beds")),
                                Column(self.tr("Rooms"))], self)
        self.view = rows_view(self.model, "roomTypesView", stretch_column=4)
        self.content.addWidget(self.view)

        type_box = QGroupBox(self.tr("New room type"))
        type_form = new_form()
        type_box.setLayout(type_form)
        self.content.addWidget(type_box)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setMaxLength(40)
        self.add_field(type_form, "code", self.tr("C&ode:"), self.code_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.add_field(type_form, "name", self.tr("&Name (English):"), self.name_edit)
        self.ru_edit = QLineEdit()
        self.ru_edit.setObjectName("ruEdit")
        self.add_field(type_form, "ru", self.tr("Name in &Russian:"), self.ru_edit)
        self.bg_edit = QLineEdit()
        self.bg_edit.setObjectName("bgEdit")
        self.add_field(type_form, "bg", self.tr("Name in &Bulgarian:"), self.bg_edit)
        self.rate_edit = QLineEdit()
        self.rate_edit.setObjectName("rateEdit")
        self.add_field(type_form, "nightly_rate", self.tr("Rate per ni&ght ({currency}):").format(
            currency=currency), self.rate_edit)
        self.beds_spin = QSpinBox()
        self.beds_spin.setObjectName("bedsSpin")
        self.beds_spin.setRange(1, 20)
        self.beds_spin.setValue(2)
        self.add_field(type_form, "beds", self.tr("B&eds:"), self.beds_spin)

        room_box = QGroupBox(self.tr("New room"))
        room_form = new_form()
        room_box.setLayout(room_form)
        self.content.addWidget(room_box)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("numberEdit")
        self.number_edit.setMaxLength(10)
        self.add_field(room_form, "room", self.tr("Room n&umber:"), self.number_edit)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("typeCombo")
        self.add_field(room_form, "room_type", self.tr("&Type:"), self.type_combo)
        self.floor_spin = QSpinBox()
        self.floor_spin.setObjectName("floorSpin")
        self.floor_spin.setRange(-5, 200)
        self.floor_spin.setValue(1)
        self.add_field(room_form, "floor", self.tr("&Floor:"), self.floor_spin)

    def reload(self) -> Op[list[RoomTypeRow]]:
        return self.ctx.query(self, room_types, current_language()).success(self._show).run()

    def _show(self, rows: list[RoomTypeRow]) -> None:
        self.model.set_rows([(row.code, row.name, money_text(row.rate), str(row.beds), ", ".join(row.rooms))
                             for row in rows])
        fit_rows(self.view, len(rows))  # every type in sight, not the first four
        current = self.type_combo.currentData()
        fill_combo(self.type_combo, [(f"{row.code} · {row.name}", row.code) for row in rows], current)

    def submit(self) -> Op[Any] | None:
        if self.code_edit.text().strip():
            rate = self.read("nightly_rate", read_amount, self.rate_edit.text(), self.currency, allow_zero=True)
            if rate is None:
                return None
            names = {"ru": self.ru_edit.text(), "bg": self.bg_edit.text()}
            return self.change(add_room_type, self.code_edit.text(), self.name_edit.text(), rate,
                               self.beds_spin.value(), names).success(lambda _type: self._added(type_added=True))
        if not self.number_edit.text().strip():
            self.refuse("room", self.tr("Fill in a new room type's code, or a new room's number."))
            return None
        return self.change(add_room, self.number_edit.text(), self.type_combo.currentData(),
                           self.floor_spin.value()).success(lambda _room: self._added(type_added=False))

    def _added(self, *, type_added: bool) -> None:
        edits = (self.code_edit, self.name_edit, self.ru_edit, self.bg_edit, self.rate_edit) if type_added \
            else (self.number_edit,)
        for edit in edits:
            edit.clear()
        self.reload()


def open_rooms(ctx: DeskContext, parent: QWidget | None) -> Op[str]:
    def show(currency: str) -> None:
        dialog = RoomsDialog(ctx, currency, parent)
        dialog.reload()
        dialog.show()

    return ctx.query(parent, base_currency).success(show).run()
