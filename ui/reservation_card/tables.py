"""The reservation card's tables: how they look, and their columns fitted to what they show."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStyle, QTableView, QVBoxLayout, QWidget

from ui.reservation_card.models import CachedRowsModel

# Rows sampled when fitting columns to their contents: enough to be right, few enough to be fast.
RESIZE_PRECISION = 25
# No column is fitted wider than this many average characters; longer texts are elided.
MAX_COLUMN_CHARS = 45


class CardTable(QTableView):
    """A table that does not repaint the rows it shows for rows added below them.

    Qt lays a table out again after any row is inserted and then repaints its whole viewport, every
    cell's every role asked of the Python model (about 800 calls for a screenful): on a long folio
    the rows a reload adds are far below what the clerk sees, and that repaint was most of the GUI
    thread's time from Apply to the card showing the payment (issue 23). When every row inserted
    since the last layout went below the last row shown, or after the last row where the table has
    room, only the scroll bars and headers are updated and the new rows painted; anything else that
    asks for a layout (a reset, rows removed or moved, a new font) gets Qt's own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Whether the rows inserted since the last layout all went below the rows shown; None: none.
        self._only_below: bool | None = None
        self._first_shown_new_row: int | None = None  # the first of them in sight, to be painted

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        model.rowsInserted.connect(self._rows_inserted)
        for signal in (model.modelReset, model.layoutChanged, model.rowsRemoved, model.rowsMoved,
                       model.columnsInserted, model.columnsRemoved, model.columnsMoved):
            signal.connect(self._laid_out_anew)

    def _rows_inserted(self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        # The rows before ``first`` are where they were: the header still places them.
        bottom = self.rowAt(self.viewport().height() - 1)
        appended = last == self.model().rowCount() - 1
        in_sight = bottom < 0 and appended  # the table had room below its last row
        below = not parent.isValid() and (in_sight or (bottom >= 0 and first > bottom))
        self._only_below = below if self._only_below is None else self._only_below and below
        if in_sight:
            earlier = self._first_shown_new_row
            self._first_shown_new_row = first if earlier is None else min(first, earlier)

    def _laid_out_anew(self, *_args: object) -> None:
        self._only_below = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange):
            self._only_below = False
        super().changeEvent(event)

    def doItemsLayout(self) -> None:
        only_below, self._only_below = self._only_below, None
        first_shown, self._first_shown_new_row = self._first_shown_new_row, None
        if only_below:
            self.updateGeometries()
            if first_shown is not None:
                top = self.rowViewportPosition(first_shown)
                viewport = self.viewport()
                viewport.update(0, top, viewport.width(), viewport.height() - top)
            return
        super().doItemsLayout()


def make_table(name: str, model: Any, *, multi: bool = False) -> CardTable:
    """A read-only table of whole rows, as every table of the reservation card is."""
    view = CardTable()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(RESIZE_PRECISION)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return view


def sampled_texts(view: QTableView, rows: int = RESIZE_PRECISION) -> list[tuple[str, ...]]:
    """The texts columns are fitted to: those of the first ``rows`` rows."""
    model = view.model()
    assert isinstance(model, CachedRowsModel), "the card's tables show its row models"
    return [model.texts(row) for row in range(min(rows, model.rowCount()))]


def text_widths(view: QTableView, sample: list[tuple[str, ...]]) -> list[int]:
    """Each column's widest text in ``sample``, in pixels."""
    metrics = view.fontMetrics()
    return [max((metrics.horizontalAdvance(texts[column]) for texts in sample), default=0)
            for column in range(view.model().columnCount())]


def fit_columns(view: QTableView, rows: int = RESIZE_PRECISION, *, keep: Collection[int] = (),
                sample: list[tuple[str, ...]] | None = None, widths: list[int] | None = None) -> list[int]:
    """Each column as wide as its header and its texts in the first ``rows`` rows (or ``widths``,
    their texts' widths measured before); the texts' widths.

    Qt's resizeColumnsToContents asks every role of every sampled cell from Python; measuring the
    texts ourselves is several times faster on a large folio. Columns in ``keep`` are left alone, and
    so is a stretched column: it has the width the others leave.
    """
    header = view.horizontalHeader()
    padding = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 8
    widest = view.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
    if widths is None:
        widths = text_widths(view, sample if sample is not None else sampled_texts(view, rows))
    for column, text_width in enumerate(widths):
        if column in keep or header.sectionResizeMode(column) is QHeaderView.ResizeMode.Stretch:
            continue
        header.resizeSection(column, max(header.sectionSizeHint(column), min(text_width + padding, widest)))
    return widths


class ColumnFitter:
    """Fits a table's columns to what it shows after every load, except the ones the user resized.

    A width the user dragged is theirs until the window closes; every other column follows the
    data, so an amount that grew a digit is never cut to "EUR 10...".

    The fitter follows its model's change signals: a reload that touched no row of those fitted to
    (a payment on a long folio, whose postings are all below them, or none at all) reads and
    measures nothing; rows only added after them are the only ones measured (issue 23).
    """

    def __init__(self, view: QTableView) -> None:
        self.view = view
        self.user_sized: set[int] = set()
        self._fitting = False
        # The headers, user-sized columns and font the columns were last fitted with; None: never fitted.
        self._fitted_for: tuple[object, ...] | None = None
        self._sampled = 0  # how many rows' texts the columns were fitted to
        self._widths: list[int] = []  # the widest text of each column in them
        # The first row whose texts may differ from those fitted to (a row changed, inserted or
        # removed there, or everything after a reset); None: no row changed since.
        self._changed_from: int | None = 0
        self.measured_rows = 0  # rows whose texts were measured, in all (tests read it)
        view.horizontalHeader().sectionResized.connect(self._resized)
        model = view.model()
        model.rowsInserted.connect(self._rows_changed)
        model.rowsRemoved.connect(self._rows_changed)
        model.dataChanged.connect(self._data_changed)
        for signal in (model.modelReset, model.layoutChanged, model.rowsMoved):
            signal.connect(self._all_changed)

    def _rows_changed(self, _parent: QModelIndex | QPersistentModelIndex, first: int, _last: int) -> None:
        self._note_change(first)

    def _data_changed(self, top_left: QModelIndex | QPersistentModelIndex, *_args: object) -> None:
        self._note_change(top_left.row())

    def _all_changed(self, *_args: object) -> None:
        self._note_change(0)

    def _note_change(self, row: int) -> None:
        earlier = self._changed_from
        self._changed_from = row if earlier is None else min(row, earlier)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        header = self.view.horizontalHeader()
        # The stretched last column follows the window, not the user.
        if not self._fitting and column != header.count() - 1 and header.isVisible():
            self.user_sized.add(column)

    def fit(self) -> None:
        model = self.view.model()
        assert isinstance(model, CachedRowsModel), "the card's tables show its row models"
        fitted_for = (tuple(model.header_texts()), frozenset(self.user_sized), self.view.font())
        rows = min(RESIZE_PRECISION, model.rowCount())
        changed_from, self._changed_from = self._changed_from, None
        same_rows = changed_from is None or changed_from >= self._sampled
        if fitted_for == self._fitted_for and same_rows and rows == self._sampled:
            return  # nothing the columns were fitted to changed
        if fitted_for == self._fitted_for and same_rows and rows > self._sampled:
            # Rows only added after those fitted to (a payment on a short bill): only theirs measured.
            added = text_widths(self.view, [model.texts(row) for row in range(self._sampled, rows)])
            self.measured_rows += rows - self._sampled
            widths = [max(old, new) for old, new in zip(self._widths, added, strict=True)]
        else:
            widths = text_widths(self.view, sampled_texts(self.view, rows))
            self.measured_rows += rows
        self._sampled = rows
        if fitted_for == self._fitted_for and widths == self._widths:
            return  # the widest texts are as wide as before: no column to touch
        self._fitting = True
        try:
            self._widths = fit_columns(self.view, keep=self.user_sized, widths=widths)
        finally:
            self._fitting = False
        self._fitted_for = fitted_for


def with_empty_text(view: QTableView, text: str, name: str) -> QLabel:
    """A message shown inside an empty table (its headers still say what it will hold)."""
    label = QLabel(text, view.viewport())
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)
    layout = QVBoxLayout(view.viewport())
    layout.addWidget(label)
    model = view.model()

    def update() -> None:
        label.setVisible(model.rowCount() == 0)

    model.modelReset.connect(update)
    model.rowsInserted.connect(update)
    model.rowsRemoved.connect(update)
    update()
    return label
