"""The main window on the demo hotel, driven as a clerk would; and its results model on its own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

import ui.main_window
from desk.core.money import Money
from desk.hotel.models import Room
from desk.ledger.folios import load_folio
from desk.ledger.models import Folio
from desk.ledger.payments import Tender, take_payment
from desk.stays.models import Company, Guest, Reservation, ReservationGuest, ReservationStatus
from desk.stays.search import FolioKind, FolioRow, search_folios
from tests.ui.conftest import DEMO_TODAY
from ui.i18n import format_date, format_money
from ui.main_window import MainWindow
from ui.ops import delivery
from ui.search_model import FolioTableModel

# --- the model, without a view -------------------------------------------------------------------


def row(number: str, room: str = "", balance: str | None = None, arrival: date | None = None,
        status: ReservationStatus | None = ReservationStatus.IN_HOUSE, folio_id: int = 1) -> FolioRow:
    return FolioRow(
        kind=FolioKind.RESERVATION, folio_id=folio_id, owner_id=folio_id, name=f"Guest {number}",
        reservation_id=folio_id, number=number, status=status, room=room, guests=(f"Guest {number}",),
        arrival=arrival, departure=None, company="",
        balance=Money.of(balance, "EUR") if balance is not None else None,
    )


ROWS = [
    row("R3", room="12", balance="-5.00", arrival=date(2026, 11, 20), folio_id=3),
    row("R1", room="9", balance="100.50", arrival=date(2026, 11, 22), status=ReservationStatus.CHECKED_OUT,
        folio_id=1),
    row("R2", room="", balance=None, arrival=None, status=ReservationStatus.CONFIRMED, folio_id=2),
    row("R4", room="101", balance="7.25", arrival=date(2026, 11, 21), status=ReservationStatus.CANCELLED,
        folio_id=4),
]


@pytest.fixture
def model(qtbot) -> FolioTableModel:
    model = FolioTableModel()
    model.set_rows(ROWS)
    return model


def cell(model: FolioTableModel, row_number: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row_number, column), role)


def column_texts(model: FolioTableModel, column: int) -> list[object]:
    return [cell(model, r, column) for r in range(model.rowCount())]


def test_model_headers_and_shape(model: FolioTableModel) -> None:
    assert model.rowCount() == 4
    assert model.columnCount() == FolioTableModel.COLUMN_COUNT
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Room", "Guests / name", "Number", "Arrival", "Departure", "Status", "Company", "Balance",
                       "Type"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_model_shows_translated_status_money_and_dates(model: FolioTableModel) -> None:
    assert column_texts(model, FolioTableModel.COL_STATUS) == ["In house", "Checked out", "Confirmed", "Cancelled"]
    assert cell(model, 0, FolioTableModel.COL_BALANCE) == format_money(Decimal("-5.00"), "EUR")
    assert cell(model, 2, FolioTableModel.COL_BALANCE) == ""
    assert cell(model, 0, FolioTableModel.COL_ARRIVAL) == format_date(date(2026, 11, 20))
    assert cell(model, 2, FolioTableModel.COL_ARRIVAL) == ""
    assert cell(model, 0, FolioTableModel.COL_KIND) == "Reservation"
    alignment = int(cell(model, 0, FolioTableModel.COL_BALANCE, Qt.ItemDataRole.TextAlignmentRole))  # type: ignore[arg-type]
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
    assert cell(model, 0, 0, FolioTableModel.ROW_ROLE) == ROWS[0]
    assert model.data(QModelIndex()) is None


def test_model_reset_when_results_arrive(model: FolioTableModel, qtbot) -> None:
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=30_000):
        model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
    model.set_rows([])
    assert model.rowCount() == 0


def test_model_sorts_by_its_sort_role(model: FolioTableModel) -> None:
    model.sort(FolioTableModel.COL_ROOM)
    # Natural order (9 before 12 before 101); the stay without a room last.
    assert column_texts(model, FolioTableModel.COL_ROOM) == ["9", "12", "101", ""]
    model.sort(FolioTableModel.COL_BALANCE, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, FolioTableModel.COL_NUMBER) == ["R1", "R4", "R3", "R2"]
    keys = [cell(model, r, FolioTableModel.COL_BALANCE, FolioTableModel.SORT_ROLE) for r in range(4)]
    assert keys[0] > keys[1] > keys[2]  # type: ignore[operator]
    model.sort(FolioTableModel.COL_ARRIVAL)
    assert column_texts(model, FolioTableModel.COL_NUMBER) == ["R3", "R4", "R1", "R2"]
    # New results come in the order the clerk chose.
    model.set_rows(list(reversed(ROWS)))
    assert column_texts(model, FolioTableModel.COL_NUMBER) == ["R3", "R4", "R1", "R2"]
    model.sort(-1)
    assert column_texts(model, FolioTableModel.COL_NUMBER) == ["R4", "R2", "R1", "R3"]


def test_model_finds_rows_by_key(model: FolioTableModel) -> None:
    assert model.row_of((FolioKind.RESERVATION, 2)) == 2
    assert model.row_of((FolioKind.COMPANY, 2)) == -1
    model.sort(FolioTableModel.COL_NUMBER)
    assert model.row_of((FolioKind.RESERVATION, 2)) == 1


# --- the window on the demo hotel ----------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch) -> list[int]:
    """Folio ids the window asked to open, instead of opening card windows."""
    calls: list[int] = []
    monkeypatch.setattr(ui.main_window, "open_reservation_card",
                        lambda ctx, folio_id, parent=None: calls.append(folio_id))
    return calls


@pytest.fixture
def window(qtbot, desk_context) -> Iterator[MainWindow]:
    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=30_000)
    yield window


def query(desk_context, fn, *args):
    with desk_context.database.unit_of_work() as session:
        return fn(session, *args)


def shown_numbers(window: MainWindow) -> list[str]:
    return [r.number for r in window.model.rows() if r.kind is FolioKind.RESERVATION]


def type_text(widget: QWidget, text: str) -> None:
    """Key presses for ``text``; QTest's own only knows ASCII, and guests' names are not."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_search(qtbot, window: MainWindow, text: str) -> None:
    window.search_edit.clear()
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        type_text(window.search_edit, text)


def in_house(session):
    return session.execute(
        select(Reservation.number, Room.number, Folio.id)
        .join(Room, Room.id == Reservation.room_id)
        .join(Folio, Folio.reservation_id == Reservation.id)
        .where(Reservation.status == ReservationStatus.IN_HOUSE)
        .order_by(Reservation.number)
    ).all()


def test_opens_on_the_in_house_stays(window: MainWindow, desk_context) -> None:
    stays = query(desk_context, in_house)
    assert sorted(shown_numbers(window)) == sorted(number for number, _room, _folio in stays)
    statuses = {window.model.data(window.model.index(r, FolioTableModel.COL_STATUS))
                for r in range(window.model.rowCount()) if window.model.row_at(r).kind is FolioKind.RESERVATION}
    assert statuses == {"In house"}
    assert window.in_house_check.isChecked()
    assert window.result_label.text() == f"{window.model.rowCount()} found"


def test_typing_a_room_number_shows_that_stay(qtbot, window: MainWindow, desk_context, opened) -> None:
    number, room, folio_id = query(desk_context, in_house)[0]
    type_search(qtbot, window, room)
    assert shown_numbers(window) == [number]
    index = window.model.index(0, FolioTableModel.COL_ROOM)
    assert window.model.data(index) == room
    # One stay found: Enter in the search line opens its card at once.
    window.activateWindow()
    window.search_edit.setFocus()
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        QTest.keyClick(window.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened == [folio_id], timeout=30_000)


def test_enter_with_several_found_moves_to_the_results_and_enter_there_opens(qtbot, window: MainWindow,
                                                                               opened) -> None:
    type_search(qtbot, window, "R100")
    assert window.model.rowCount() > 1
    window.activateWindow()
    window.search_edit.setFocus()
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        QTest.keyClick(window.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.table.hasFocus(), timeout=30_000)
    assert opened == []
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    assert opened == [window.model.row_at(0).folio_id]


def test_typing_a_cyrillic_last_name(qtbot, window: MainWindow, desk_context) -> None:
    def cyrillic_in_house(session):
        return session.execute(
            select(Guest.last_name, Reservation.number)
            .join(ReservationGuest, ReservationGuest.guest_id == Guest.id)
            .join(Reservation, Reservation.id == ReservationGuest.reservation_id)
            .where(Reservation.status == ReservationStatus.IN_HOUSE)
        ).all()

    found = [(last, number) for last, number in query(desk_context, cyrillic_in_house) if "а" <= last[0].lower() <= "я"]
    assert found, "the demo hotel has in-house guests with Cyrillic names"
    last_name = found[0][0]
    prefix = last_name[:4].lower()
    type_search(qtbot, window, prefix)
    expected = {number for last, number in found if last.lower().startswith(prefix)}
    assert set(shown_numbers(window)) == expected
    names = [window.model.data(window.model.index(r, FolioTableModel.COL_NAME)) for r in range(window.model.rowCount())]
    assert all(last_name in name or prefix in name.lower() for name in names)


def test_unchecking_in_house_shows_checked_out_stays(qtbot, window: MainWindow) -> None:
    assert "Checked out" not in {r.status for r in window.model.rows()}
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        qtbot.mouseClick(window.in_house_check, Qt.MouseButton.LeftButton)
    assert not window.in_house_check.isChecked()
    statuses = {window.model.data(window.model.index(r, FolioTableModel.COL_STATUS))
                for r in range(window.model.rowCount())}
    assert {"Checked out", "Confirmed", "In house", "Cancelled"} <= statuses


def test_arrival_filter(qtbot, window: MainWindow, desk_context) -> None:
    def arrivals(session, day):
        return set(session.scalars(select(Reservation.number).where(Reservation.arrival == day)))

    expected = query(desk_context, arrivals, DEMO_TODAY)
    assert expected
    window.arrival_edit.setDate(QDate(DEMO_TODAY.year, DEMO_TODAY.month, DEMO_TODAY.day))
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        window.arrival_check.setChecked(True)
    # Looking for arrivals leaves "in house only", which would hide everyone still to check in.
    assert not window.in_house_check.isChecked()
    assert set(shown_numbers(window)) == expected


def test_double_click_opens_the_card(qtbot, window: MainWindow, opened) -> None:
    target = window.model.row_at(1)
    rect = window.table.visualRect(window.model.index(1, FolioTableModel.COL_NAME))
    # A double click starts with a click (QTest's double click alone has no press before it).
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [target.folio_id]


def test_a_company_without_an_account_gets_one_when_opened(qtbot, window: MainWindow, desk_context,
                                                           opened) -> None:
    def without_account(session):
        return session.execute(
            select(Company.id, Company.name).outerjoin(Folio, Folio.company_id == Company.id).where(Folio.id.is_(None))
        ).first()

    company_id, name = query(desk_context, without_account)
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        window.kind_combo.setCurrentIndex(window.kind_combo.findText("Companies"))
    type_search(qtbot, window, name[:5])
    assert [(r.kind, r.name, r.folio_id) for r in window.model.rows()] == [(FolioKind.COMPANY, name, None)]
    window.select_row(0)
    window.open_current()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=30_000)
    folio_id = query(desk_context, lambda s: s.scalar(select(Folio.id).where(Folio.company_id == company_id)))
    assert opened == [folio_id]
    # The refresh that follows the new account shows it with its folio.
    qtbot.waitUntil(lambda: window.model.row_at(0).folio_id == folio_id, timeout=30_000)


def test_ledger_change_refreshes_and_keeps_the_selection(qtbot, window: MainWindow, desk_context) -> None:
    indebted = [r for r in window.model.rows() if r.balance is not None and r.balance.is_positive
                and r.kind is FolioKind.RESERVATION]
    target = indebted[-1]
    window.select_row(window.model.row_of(target.key))
    bill_id = query(desk_context, load_folio, target.folio_id).bills[0].bill.id
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        desk_context.change(window, take_payment, bill_id, Tender("cash", Money.of("1.00", "EUR"))).run()
    assert window.selected_row() is not None
    assert window.selected_row().folio_id == target.folio_id
    shown = window.model.row_at(window.model.row_of(target.key)).balance
    assert shown == target.balance - Money.of("1.00", "EUR")
    assert shown == query(desk_context, load_folio, target.folio_id).balance


def test_an_older_search_never_replaces_a_newer_one(qtbot, window: MainWindow, monkeypatch) -> None:
    entered, release = threading.Event(), threading.Event()
    real_search = search_folios

    def slow_for_old_text(session, folio_query):
        if folio_query.text == "old":
            entered.set()
            release.wait(30)
        return real_search(session, folio_query)

    monkeypatch.setattr(ui.main_window, "search_folios", slow_for_old_text)
    shown: list[list[FolioRow]] = []
    window.model.modelReset.connect(lambda: shown.append(window.model.rows()))
    window.search_edit.setText("old")
    window.search_now()
    assert entered.wait(30), "the old search is under way (too late to cancel it)"
    window.search_edit.setText("")
    window.search_now()
    release.set()
    assert delivery.wait_all(30_000)
    assert len(shown) == 1 and shown[0], "only the newest search's results are shown"
    assert window.result_label.text() == f"{len(shown[0])} found"


def test_typing_searches_once_after_a_pause(qtbot, window: MainWindow, monkeypatch) -> None:
    texts: list[str] = []
    real_search = search_folios

    def counting(session, folio_query):
        texts.append(folio_query.text)
        return real_search(session, folio_query)

    monkeypatch.setattr(ui.main_window, "search_folios", counting)
    with qtbot.waitSignal(window.search_finished, timeout=30_000):
        for char in "R100":
            # A quick typist: each key lands before the event loop runs again, so the pause timer
            # restarts on every key. A real 40 ms wait instead fired the search early whenever a
            # busy machine held the process past the 250 ms pause between two keys.
            qtbot.keyClicks(window.search_edit, char)
            assert texts == []
        assert texts == []
    assert texts == ["R100"]


def test_status_bar(window: MainWindow, desk_context, qtbot) -> None:
    qtbot.waitUntil(lambda: "Anna Petrova" in window.cashier_label.text(), timeout=30_000)
    assert window.workstation_label.text() == "TEST-1"
    assert window.workstation_label.toolTip() == "Workstation: TEST-1"
    qtbot.waitUntil(lambda: window.shift_label.text().startswith("Shift 1 · since "), timeout=30_000)
    assert window.shift_label.toolTip().startswith("Shift 1, opened by Ivan Georgiev on ")
    assert window.drawer_label.text() == "Drawer: " + format_money(Decimal("0.00"), "EUR")
    # The demo registers have no printer address until a manager sets one in Devices.
    qtbot.waitUntil(lambda: window.devices_label.text() == "FP-1: no printer · FP-2: no printer", timeout=30_000)
    assert window.database_label.isHidden()  # online is no news
    desk_context.database_online.emit(False)
    assert window.database_label.text() == "Database offline" and window.database_label.isVisible()


def test_keyboard(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30_000)
    window.table.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus, timeout=30_000)
    QTest.keyClick(window.search_edit, Qt.Key.Key_Down)
    assert window.table.hasFocus()
    assert window.selected_row() == window.model.row_at(0)
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
