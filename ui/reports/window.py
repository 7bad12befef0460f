"""One window for every report: choose the report and its days, read it in sortable, filterable
tables (one tab per section), export it as PDF or CSV in the hotel's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.core.money import Money, minor_units
from desk.people.rights import Right
from desk.reports import documents_folder
from desk.reports.tables import Cell, Report, Section, Word, export_report, make_report, report_names
from ui.context import DeskContext
from ui.desk_text import translate_message
from ui.dialogs.date_range import DateRange
from ui.i18n import current_language, format_date, format_datetime, money_text
from ui.reports.chart import ChartWidget

CONTEXT = "DeskError"  # the reports' words are desk templates, collected into ui/desk_messages.py
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def desk_word(english: str) -> str:
    return translate_message(CONTEXT, english, {})


def cell_display(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Word):
        return desk_word(value)
    if isinstance(value, Money):
        return money_text(value)
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _sort_key(value: Cell) -> object:
    # Amounts sort by their minor units (exact), moments by their ISO text; an empty cell first.
    if value is None:
        return ""
    if isinstance(value, Money):
        return int(value.amount.scaleb(minor_units(value.currency)))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | str):
        return value
    return str(value)


class SectionModel(QAbstractTableModel):
    """One section of a report, its cells shown in the clerk's language and sorted by their values."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.section.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.section.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.section.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_display(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() < self.section.numeric_from:
            return cell_display(value)  # the whole text of a cell shortened to fit the window
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.section.numeric_from:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return desk_word(self.section.columns[section])
        return None


MIN_TEXT_COLUMN = 48  # pixels: a few letters and the "…"


def shared_widths(wanted: list[int], room: int) -> dict[int, int]:
    """Widths for columns that want ``wanted`` within ``room``: a column that needs less than an equal
    share keeps its need, and the others split the rest equally (never below MIN_TEXT_COLUMN)."""
    widths: dict[int, int] = {}
    left = sorted(range(len(wanted)), key=lambda column: wanted[column])
    while left:
        share = max(MIN_TEXT_COLUMN, room // len(left))
        column = left[0]
        if wanted[column] > share:
            widths.update({c: share for c in left})
            break
        widths[column] = wanted[column]
        room -= wanted[column]
        left.pop(0)
    return widths


class SectionTable(QTableView):
    """A section's table: sorts on a header click, keeps only rows that contain the filter text."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = SectionModel(section, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the report lists them until a header is clicked
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().hide()
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column in the window's width, without a horizontal scroll: amounts and counts keep the
        width their contents need, and the text columns (names, rooms, dates) share what is left,
        shortened with "…" and read whole in their tooltip."""
        count = self.source.columnCount()
        if not count:
            return
        self.resizeColumnsToContents()
        wanted = [self.columnWidth(column) for column in range(count)]
        room = self.viewport().width()
        if sum(wanted) <= room:
            return
        text_columns = list(range(min(self.source.section.numeric_from, count)))
        numbers = sum(width for column, width in enumerate(wanted) if column not in text_columns)
        for column, width in shared_widths([wanted[c] for c in text_columns], room - numbers).items():
            self.setColumnWidth(text_columns[column], width)

    def shown_rows(self) -> list[list[str]]:
        model = self.proxy
        return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


class ReportsWindow(QDialog):
    report_shown = Signal()
    exported = Signal(Path)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, name: str = "cashier") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: Report | None = None
        self.tables: list[SectionTable] = []
        self.charts: list[ChartWidget] = []
        self.setWindowTitle(self.tr("Reports"))
        self.resize(1180, 640)

        self.report_combo = QComboBox()
        for key, title in report_names().items():
            if key == "cashier" or ctx.actor.may(Right.READ_HOTEL_REPORTS):
                self.report_combo.addItem(desk_word(title), key)
        self.report_combo.setCurrentIndex(max(0, self.report_combo.findData(name)))
        self.dates = DateRange(dt.date.today(), dt.date.today())
        self.workstation_edit = QLineEdit()
        self.workstation_edit.setPlaceholderText(self.tr("every workstation"))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Report:")))
        choose.addWidget(self.report_combo)
        choose.addWidget(self.dates)
        choose.addWidget(QLabel(self.tr("Workstation:")))
        choose.addWidget(self.workstation_edit)
        choose.addWidget(self.show_button)

        self.heading_label = QLabel()
        self.heading_label.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.tabs = QTabWidget()

        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        close_button = QPushButton(self.tr("Close"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        close_button.clicked.connect(self.close)
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def choose(self, name: str, first: dt.date, last: dt.date, workstation: str = "") -> None:
        self.report_combo.setCurrentIndex(self.report_combo.findData(name))
        self.dates.set_days(first, last)
        self.workstation_edit.setText(workstation)

    def load(self) -> None:
        first, last = self.dates.first(), self.dates.last()
        assert first is not None and last is not None  # both dates always count here
        self.show_button.setEnabled(False)
        self.ctx.query(self, make_report, self.ctx.actor, self.report_combo.currentData(), first, last,
                       self.workstation_edit.text().strip() or None, current_language()
                       ).success(self._show).failure(lambda _exc: self.show_button.setEnabled(True)).run()

    def _show(self, report: Report) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        filters = " · ".join(f"{desk_word(what)}: {cell_display(value)}" for what, value in report.filters)
        self.heading_label.setText(self.tr("<b>%1</b> · %2<br>%3<br>Made %4 by %5").replace("%1", desk_word(
            report.title)).replace("%2", report.hotel_name).replace("%3", filters).replace(
            "%4", format_datetime(report.made_at)).replace("%5", report.made_by))
        self.tabs.clear()
        self.tables = []
        for section in report.sections:
            table = SectionTable(section)
            table.proxy.setFilterFixedString(self.filter_edit.text())
            self.tables.append(table)
            self.tabs.addTab(table, f"{desk_word(section.title)} ({len(section.rows)})")
        self.charts = []
        for chart in report.charts:
            widget = ChartWidget(chart)
            self.charts.append(widget)
            self.tabs.addTab(widget, translate_message(CONTEXT, chart.title, {"currency": chart.currency}))
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(True)
        self.report_shown.emit()

    def _filter(self, text: str) -> None:
        for table in self.tables:
            table.proxy.setFilterFixedString(text)

    def _ask_export(self, kind: str) -> None:
        if self.report is None:
            return
        suggested = documents_folder(self.tr("Front desk")) / f"{self.report.name}-{self.report.filters[0][1]}.{kind}"
        wanted = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("CSV files (*.csv)")
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Export the report"), str(suggested), wanted)
        if path:
            self.export(Path(path), kind)

    def export(self, path: Path, kind: str) -> None:
        assert self.report is not None
        self.ctx.query(self, export_report, self.report, path, kind).success(self.exported.emit).run()
