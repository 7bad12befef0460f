"""The reservation card's tables: how they look, and their columns fitted to what they show."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStyle, QTableView, QVBoxLayout

from ui.reservation_card.models import CachedRowsModel

# Rows sampled when fitting columns to their contents: enough to be right, few enough to be fast.
RESIZE_PRECISION = 25
# No column is fitted wider than this many average characters; longer texts are elided.
MAX_COLUMN_CHARS = 45


def make_table(name: str, model: Any, *, multi: bool = False) -> QTableView:
    """A read-only table of whole rows, as every table of the reservation card is."""
    view = QTableView()
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


def fit_columns(view: QTableView, rows: int = RESIZE_PRECISION, *, keep: Collection[int] = (),
                sample: list[tuple[str, ...]] | None = None) -> None:
    """Each column as wide as its header and its texts in the first ``rows`` rows.

    Qt's resizeColumnsToContents asks every role of every sampled cell from Python; measuring the
    texts ourselves is several times faster on a large folio. Columns in ``keep`` are left alone, and
    so is a stretched column: it has the width the others leave.
    """
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    padding = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 8
    widest = metrics.averageCharWidth() * MAX_COLUMN_CHARS
    if sample is None:
        sample = sampled_texts(view, rows)
    for column in range(view.model().columnCount()):
        if column in keep or header.sectionResizeMode(column) is QHeaderView.ResizeMode.Stretch:
            continue
        text_width = max((metrics.horizontalAdvance(texts[column]) for texts in sample), default=0)
        header.resizeSection(column, max(header.sectionSizeHint(column), min(text_width + padding, widest)))


class ColumnFitter:
    """Fits a table's columns to what it shows after every load, except the ones the user resized.

    A width the user dragged is theirs until the window closes; every other column follows the
    data, so an amount that grew a digit is never cut to "EUR 10...".
    """

    def __init__(self, view: QTableView) -> None:
        self.view = view
        self.user_sized: set[int] = set()
        self._fitting = False
        # What the columns were last fitted to: a reload that changed none of it (a payment on a
        # long folio, whose first rows stay the same) measures nothing (issue 23).
        self._fitted_to: tuple[object, ...] | None = None
        view.horizontalHeader().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        header = self.view.horizontalHeader()
        # The stretched last column follows the window, not the user.
        if not self._fitting and column != header.count() - 1 and header.isVisible():
            self.user_sized.add(column)

    def fit(self) -> None:
        sample = sampled_texts(self.view)
        model = self.view.model()
        headers = tuple(model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount()))
        fitted_to = (sample, headers, frozenset(self.user_sized), self.view.font().key())
        if fitted_to == self._fitted_to:
            return
        self._fitting = True
        try:
            fit_columns(self.view, keep=self.user_sized, sample=sample)
        finally:
            self._fitting = False
        self._fitted_to = fitted_to


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
