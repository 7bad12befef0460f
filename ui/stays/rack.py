"""The room rack: every room down the side, the next fourteen nights across, and a bar for each stay
that holds a room (who, from when to when). A double click opens the stay's card; Mark clean tells
the desk housekeeping has done a room."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.stays.booking import Rack, RackRoom, RackStay, mark_room, room_rack
from desk.stays.models import ReservationStatus
from ui.context import DeskContext
from ui.i18n import current_language, format_date
from ui.ops.op import Op

# Light fills that keep black text readable: in house, expected, gone.
STATUS_COLOURS = {
    ReservationStatus.IN_HOUSE: "#c8e6c9",
    ReservationStatus.CONFIRMED: "#bbdefb",
    ReservationStatus.CHECKED_OUT: "#e0e0e0",
}


class RackModel(QAbstractTableModel):
    """Rooms × nights; column 0 is the room, column 1 the rack's first night."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rack: Rack | None = None

    def set_rack(self, rack: Rack) -> None:
        self.beginResetModel()
        self.rack = rack
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.rack is None else len(self.rack.rooms)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.rack is None else self.rack.days + 1

    def room(self, row: int) -> RackRoom:
        assert self.rack is not None
        return self.rack.rooms[row]

    def stay_at(self, row: int, column: int) -> RackStay | None:
        if self.rack is None or column < 1:
            return None
        night = self.rack.first_day + timedelta(days=column - 1)
        return next((stay for stay in self.room(row).stays if stay.arrival <= night < stay.departure), None)

    def bars(self) -> list[tuple[int, int, int]]:
        """(row, first column, columns) of each stay's bar, cut to the rack's nights."""
        if self.rack is None:
            return []
        found = []
        for row, room in enumerate(self.rack.rooms):
            for stay in room.stays:
                first = max((stay.arrival - self.rack.first_day).days, 0) + 1
                last = min((stay.departure - self.rack.first_day).days, self.rack.days)
                if last >= first:
                    found.append((row, first, last - first + 1))
        return found

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.rack is None:
            return None
        room = self.room(index.row())
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole and room.unassigned:
                return self.tr("{type} · no room yet").format(type=room.room_type)
            if role == Qt.ItemDataRole.DisplayRole:
                text = self.tr("{room} · {type}").format(room=room.number, type=room.room_type)
                return text if room.clean else self.tr("{room} (not cleaned)").format(room=text)
            if role == Qt.ItemDataRole.ForegroundRole and not room.clean:
                return QBrush(QColor("#b71c1c"))
            return None
        stay = self.stay_at(index.row(), index.column())
        if stay is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{guest} · {number}").format(guest=stay.guest, number=stay.number)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{guest} · {number} · {arrival} – {departure}").format(
                guest=stay.guest, number=stay.number, arrival=format_date(stay.arrival),
                departure=format_date(stay.departure))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLOURS.get(stay.status, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or self.rack is None:
            return None
        if section == 0:
            return self.tr("Room")
        return format_date(self.rack.first_day + timedelta(days=section - 1))


class RoomRackWindow(QMainWindow):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None,
                 open_card: Callable[[int], object] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_card = open_card
        self.setObjectName("roomRackWindow")
        self.setWindowTitle(self.tr("Room rack"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = RackModel(self)
        self.table = QTableView()
        self.table.setObjectName("rackTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(96)
        self.table.doubleClicked.connect(self._double_clicked)
        self.clean_button = QPushButton(self.tr("Mark &clean"))
        self.clean_button.setObjectName("cleanButton")
        self.clean_button.clicked.connect(lambda: self.mark(clean=True))
        self.dirty_button = QPushButton(self.tr("Mark &dirty"))
        self.dirty_button.setObjectName("dirtyButton")
        self.dirty_button.clicked.connect(lambda: self.mark(clean=False))
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.clicked.connect(self.reload)
        self.legend = QLabel(self.tr("Green: in house · blue: expected · grey: checked out"))
        self.legend.setObjectName("legendLabel")
        buttons = QHBoxLayout()
        for button in (self.clean_button, self.dirty_button, self.reload_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.legend)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)
        self.resize(1280, 640)
        ctx.ledger_changed.connect(self.reload)

    def reload(self) -> Op[Rack]:
        return self.ctx.query(self, room_rack, current_language()).success(self._show).run()

    def _show(self, rack: Rack) -> None:
        self.table.clearSpans()
        self.model.set_rack(rack)
        for row, column, columns in self.model.bars():
            if columns > 1:
                self.table.setSpan(row, column, 1, columns)
        self.table.resizeColumnToContents(0)

    def selected_room(self) -> str | None:
        index = self.table.currentIndex()
        return (self.model.room(index.row()).number or None) if index.isValid() else None

    def mark(self, *, clean: bool) -> None:
        number = self.selected_room()
        if number is not None:
            self.ctx.change(self, mark_room, number, clean=clean).success(lambda _room: self.reload()).run()

    def _double_clicked(self, index: QModelIndex) -> None:
        stay = self.model.stay_at(index.row(), index.column())
        if stay is not None and stay.folio_id is not None and self.open_card is not None:
            self.open_card(stay.folio_id)


def open_room_rack(ctx: DeskContext, parent: QWidget | None, open_card: Callable[[int], object] | None = None
                   ) -> RoomRackWindow:
    window = RoomRackWindow(ctx, parent, open_card)
    window.reload()
    window.show()
    return window
