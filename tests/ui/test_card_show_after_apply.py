"""What the card does on the GUI thread after an Apply (issue 23): only what the payment changed.

The column fitter follows its model's changes: a table none of whose fitted rows changed is neither
read nor measured, rows added after those fitted are the only ones measured (a column still grows for
a wider one, and shrinks when its widest row goes), and the clerk's place is kept without being sent
to Qt again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTableView

import ui.reservation_card.breakdown as breakdown
import ui.reservation_card.tables as tables
from desk.ledger.payments import Tender, take_payment
from tests.helpers import eur
from ui.context import DeskContext
from ui.ops import delivery
from ui.reservation_card.base import BILLS_TAB
from ui.reservation_card.models import CachedRowsModel
from ui.reservation_card.tables import RESIZE_PRECISION, ColumnFitter, make_table
from ui.reservation_card.window import ReservationCard


class _Words(CachedRowsModel[tuple[int, str, str]]):
    """Rows of (id, a word, another word): texts that can be made as wide as a test needs."""

    def headers(self) -> list[str]:
        return ["A", "B"]

    def _row_id(self, row: tuple[int, str, str]) -> int:
        return row[0]

    def _format(self, row: tuple[int, str, str]) -> tuple[str, ...]:
        self.formatted += 1
        return row[1], row[2]

    formatted = 0

    def show(self, rows: list[tuple[int, str, str]]) -> None:
        self._replace_rows(rows)


class _Fitted:
    """A table of words and its fitter, fitted once, with the rows whose texts were read counted."""

    def __init__(self, qtbot, rows: list[tuple[int, str, str]]) -> None:
        self.model = _Words()
        self.model.show(rows)
        self.view = make_table("wordsView", self.model)
        self.view.resize(900, 300)
        qtbot.addWidget(self.view)
        self.view.show()
        self.fitter = ColumnFitter(self.view)
        self.fitter.fit()
        self.read: list[int] = []
        texts = self.model.texts

        def counted(row: int) -> tuple[str, ...]:
            self.read.append(row)
            return texts(row)

        self.model.texts = counted  # type: ignore[method-assign, assignment]

    def text_width(self, text: str) -> int:
        return self.view.fontMetrics().horizontalAdvance(text)


def _rows(count: int, start: int = 0) -> list[tuple[int, str, str]]:
    return [(number, f"w{number}", "x") for number in range(start, start + count)]


def test_a_table_whose_rows_did_not_change_is_neither_read_nor_measured(qtbot):
    fitted = _Fitted(qtbot, _rows(5))
    measured = fitted.fitter.measured_rows
    fitted.model.show(_rows(5))  # the same rows again, as a reload that changed nothing shows them
    fitted.fitter.fit()
    assert fitted.read == [] and fitted.fitter.measured_rows == measured


def test_rows_added_below_those_fitted_to_are_not_read(qtbot):
    fitted = _Fitted(qtbot, _rows(RESIZE_PRECISION + 5))
    widths = [fitted.view.columnWidth(column) for column in (0, 1)]
    fitted.model.show([*_rows(RESIZE_PRECISION + 5), (999, "a very long service nobody sees up here", "x")])
    fitted.fitter.fit()
    assert fitted.read == []
    assert [fitted.view.columnWidth(column) for column in (0, 1)] == widths


def test_a_wider_row_added_is_the_only_one_measured_and_its_column_grows(qtbot):
    fitted = _Fitted(qtbot, _rows(3))
    wide = "Минибар: вода без газа"
    fitted.model.show([*_rows(3), (3, wide, "x")])
    fitted.fitter.fit()
    assert fitted.read == [3]
    assert fitted.view.columnWidth(0) >= fitted.text_width(wide)


def test_a_column_shrinks_back_when_its_widest_row_goes(qtbot):
    wide = "Минибар: вода без газа"
    fitted = _Fitted(qtbot, [*_rows(3), (3, wide, "x")])
    wide_width = fitted.view.columnWidth(0)
    fitted.model.show(_rows(3))
    fitted.fitter.fit()
    assert fitted.view.columnWidth(0) < wide_width
    assert fitted.view.columnWidth(0) >= fitted.text_width("w2")


def test_a_changed_row_among_those_fitted_measures_them_again(qtbot):
    fitted = _Fitted(qtbot, _rows(4))
    wide = "Конференц-зал «Большой»"
    fitted.model.show([*_rows(2), (2, wide, "x"), (3, "w3", "x")])
    fitted.fitter.fit()
    assert sorted(set(fitted.read)) == [0, 1, 2, 3]
    assert fitted.view.columnWidth(0) >= fitted.text_width(wide)


def test_a_width_the_clerk_dragged_stays_when_a_wider_row_comes(qtbot):
    fitted = _Fitted(qtbot, _rows(3))
    fitted.view.horizontalHeader().resizeSection(0, 40)  # the clerk's drag
    fitted.model.show([*_rows(3), (3, "Минибар: вода без газа", "x")])
    fitted.fitter.fit()
    assert fitted.view.columnWidth(0) == 40


# --- the card after a payment ------------------------------------------------------------------


def _apply(qtbot, cashier_ctx: DeskContext, cashier_card: ReservationCard, bill_id: int) -> None:
    with qtbot.waitSignal(cashier_card.loaded, timeout=30_000):
        cashier_ctx.change(None, take_payment, bill_id, Tender("cash", eur("1.00"))).run()
    assert delivery.wait_all(30_000)


def test_a_payment_leaves_the_postings_table_and_the_clerk_s_place_alone(qtbot, cashier_ctx, cashier_card, monkeypatch):
    view = cashier_card.postings_view
    cashier_card.select_postings([cashier_card.postings_model.id_at(1), cashier_card.postings_model.id_at(2)])
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    place = (cashier_card.selected_posting_ids(), view.currentIndex().row(), view.verticalScrollBar().value())
    widths = [view.columnWidth(column) for column in range(cashier_card.postings_model.columnCount())]
    payments_before = cashier_card.payments_model.rowCount()
    postings_fitter = next(fitter for fitter in cashier_card._fitters if fitter.view is view)
    measured = postings_fitter.measured_rows
    sampled: list[QObject] = []
    sampled_texts = tables.sampled_texts

    def counted_sample(table: QTableView, *args: object, **kwargs: object) -> list[tuple[str, ...]]:
        sampled.append(table)
        return sampled_texts(table, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "sampled_texts", counted_sample)
    built: list[object] = []  # the selections the card builds to send to Qt
    selection = breakdown.QItemSelection

    def counted_selection(*args: object) -> object:
        built.append(args)
        return selection(*args)

    monkeypatch.setattr(breakdown, "QItemSelection", counted_selection)

    _apply(qtbot, cashier_ctx, cashier_card, cashier_card.view.bills[0].bill.id)

    assert cashier_card.payments_model.rowCount() == payments_before + 1  # the payment is shown
    assert view not in sampled and postings_fitter.measured_rows == measured  # the postings: not read again
    assert [view.columnWidth(column) for column in range(cashier_card.postings_model.columnCount())] == widths
    assert (cashier_card.selected_posting_ids(), view.currentIndex().row(), view.verticalScrollBar().value()) == place
    assert built == []  # the place had not moved: nothing sent to Qt again


def test_a_payment_on_the_bills_tab_keeps_the_bill_and_its_new_payment_fits(qtbot, cashier_ctx, cashier_card):
    cashier_card.tabs.setCurrentIndex(BILLS_TAB)
    bill_id = cashier_card.view.bills[0].bill.id
    cashier_card.select_bill(bill_id)
    qtbot.waitUntil(lambda: cashier_card.payments_model.bill_id == bill_id, timeout=5_000)
    rows = cashier_card.payments_model.rowCount()

    _apply(qtbot, cashier_ctx, cashier_card, bill_id)

    assert cashier_card.tabs.currentIndex() == BILLS_TAB and cashier_card.current_bill_id() == bill_id
    assert cashier_card.payments_model.rowCount() == rows + 1
    view, model = cashier_card.payments_view, cashier_card.payments_model
    metrics = view.fontMetrics()
    last = view.horizontalHeader().count() - 1
    for column in range(last):  # the stretched last column takes what is left
        widest = max(metrics.horizontalAdvance(model.texts(row)[column])
                     for row in range(min(RESIZE_PRECISION, model.rowCount())))
        assert view.columnWidth(column) >= min(widest, metrics.averageCharWidth() * tables.MAX_COLUMN_CHARS)
