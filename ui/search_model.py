"""The main window's results: found folios as a table model (no view needed to test it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desk.stays.models import ReservationStatus
from desk.stays.search import FolioKind, FolioRow
from ui.i18n import format_date, format_money

_Index = QModelIndex | QPersistentModelIndex

# Sort keys put empty cells last in ascending order, whatever the column holds.
_EMPTY_LAST = 1


def _room_key(room: str) -> tuple[int, int, str]:
    """Rooms in natural order: 9 before 10, 12A after 12."""
    match = re.match(r"(\d+)(.*)", room)
    if match is None:
        return (_EMPTY_LAST if not room else 0, 0, room)
    return (0, int(match.group(1)), match.group(2))


class FolioTableModel(QAbstractTableModel):
    """Folios found by :func:`desk.stays.search.search_folios`, one per row."""

    COL_ROOM = 0
    COL_NAME = 1
    COL_NUMBER = 2
    COL_ARRIVAL = 3
    COL_DEPARTURE = 4
    COL_STATUS = 5
    COL_COMPANY = 6
    COL_BALANCE = 7
    COL_KIND = 8
    COLUMN_COUNT = 9

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the FolioRow itself

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FolioRow] = []
        self._found: list[FolioRow] = []  # in the search's order, for sort(-1)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- contents -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[FolioRow]) -> None:
        """Show ``rows`` instead of the current ones, in the order the user last sorted by."""
        self.beginResetModel()
        self._found = list(rows)
        self._rows = self._sorted(self._found)
        self.endResetModel()

    def rows(self) -> list[FolioRow]:
        return list(self._rows)

    def row_at(self, row: int) -> FolioRow:
        return self._rows[row]

    def row_of(self, key: tuple[FolioKind, int | None]) -> int:
        """The row showing the folio with this :attr:`FolioRow.key`, or -1."""
        for number, folio in enumerate(self._rows):
            if folio.key == key:
                return number
        return -1

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers().get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        folio = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(folio, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_NAME and len(folio.guests) > 1:
                return "\n".join(folio.guests)
            return self._display(folio, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.COL_BALANCE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == self.SORT_ROLE:
            return self._sort_key(folio, column)
        if role == self.ROW_ROLE:
            return folio
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: the order the search returned); kept for later results."""
        self._sort_column = column
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        # Persistent indexes (the view's selection and current cell) follow their rows.
        persistent = self.persistentIndexList()
        followed = [(self._rows[index.row()], index.column()) for index in persistent]
        self._rows = self._sorted(self._found)
        position = {id(folio): row for row, folio in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(position[id(folio)], column) for folio, column in followed]
        )
        self.layoutChanged.emit()

    # --- helpers --------------------------------------------------------------------------------

    def _headers(self) -> dict[int, str]:
        return {
            self.COL_ROOM: self.tr("Room"),
            self.COL_NAME: self.tr("Guests / name"),
            self.COL_NUMBER: self.tr("Number"),
            self.COL_ARRIVAL: self.tr("Arrival"),
            self.COL_DEPARTURE: self.tr("Departure"),
            self.COL_STATUS: self.tr("Status"),
            self.COL_COMPANY: self.tr("Company"),
            self.COL_BALANCE: self.tr("Balance"),
            self.COL_KIND: self.tr("Type"),
        }

    def status_text(self, status: ReservationStatus | None) -> str:
        if status is None:
            return ""
        return {
            ReservationStatus.CONFIRMED: self.tr("Confirmed"),
            ReservationStatus.IN_HOUSE: self.tr("In house"),
            ReservationStatus.CHECKED_OUT: self.tr("Checked out"),
            ReservationStatus.CANCELLED: self.tr("Cancelled"),
            ReservationStatus.NO_SHOW: self.tr("No-show"),
        }[status]

    def kind_text(self, kind: FolioKind) -> str:
        return {
            FolioKind.RESERVATION: self.tr("Reservation"),
            FolioKind.COMPANY: self.tr("Company"),
            FolioKind.EVENT: self.tr("Event"),
            FolioKind.WALK_IN: self.tr("Walk-in client"),
        }[kind]

    def _display(self, folio: FolioRow, column: int) -> str:
        if column == self.COL_ROOM:
            return folio.room
        if column == self.COL_NAME:
            return folio.name
        if column == self.COL_NUMBER:
            return folio.number
        if column == self.COL_ARRIVAL:
            return format_date(folio.arrival) if folio.arrival else ""
        if column == self.COL_DEPARTURE:
            return format_date(folio.departure) if folio.departure else ""
        if column == self.COL_STATUS:
            return self.status_text(folio.status)
        if column == self.COL_COMPANY:
            return folio.company
        if column == self.COL_BALANCE:
            balance = folio.balance
            return format_money(balance.amount, balance.currency) if balance is not None else ""
        if column == self.COL_KIND:
            return self.kind_text(folio.kind)
        return ""

    def _sort_key(self, folio: FolioRow, column: int) -> tuple[Any, ...]:
        """A key comparable with every other row's key of the same column."""
        if column == self.COL_ROOM:
            return _room_key(folio.room)
        if column in (self.COL_ARRIVAL, self.COL_DEPARTURE):
            day = folio.arrival if column == self.COL_ARRIVAL else folio.departure
            return (0, day) if day is not None else (_EMPTY_LAST, date.min)
        if column == self.COL_BALANCE:
            balance = folio.balance
            return (0, balance.amount) if balance is not None else (_EMPTY_LAST, Decimal(0))
        text = self._display(folio, column)
        return (0 if text else _EMPTY_LAST, text.casefold())

    def _sorted(self, rows: list[FolioRow]) -> list[FolioRow]:
        if not 0 <= self._sort_column < self.COLUMN_COUNT:
            return list(rows)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # Empty cells stay last in both directions; ties keep the search's order (stable sort).
        filled = [r for r in rows if self._sort_key(r, self._sort_column)[0] == 0]
        empty = [r for r in rows if self._sort_key(r, self._sort_column)[0] != 0]
        filled.sort(key=lambda r: self._sort_key(r, self._sort_column), reverse=descending)
        return filled + empty
