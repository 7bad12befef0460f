"""One window for every report: choose the report and its days, read it in sortable, filterable
tables (one tab per section), export it as PDF or CSV in the hotel's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()

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
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today)
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
        self.workstation_edit = QLineEdit()
        self.workstation_edit.setPlaceholderText(self.tr("every workstation"))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        choose = QHBoxLayout()
        for label, widget in ((self.tr("Report:"), self.report_combo), (self.tr("From:"), self.from_edit),
                              (self.tr("To:"), self.to_edit), (self.tr("Workstation:"), self.workstation_edit)):
            choose.addWidget(QLabel(label))
            choose.addWidget(widget)
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
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self.workstation_edit.setText(workstation)

    def load(self) -> None:
        first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(first, dt.date) and isinstance(last, dt.date)
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
