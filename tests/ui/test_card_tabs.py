"""Reservation cards as tabs of one cards window: named by guest and room, one tab per folio,
closed by Ctrl+W, the tab's button or Esc, switched by Ctrl+Tab, kept open while a device waits."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from tests.ui.conftest import folio_id_of
from ui.dialogs.common import DeskDialog
from ui.reservation_card.cards_window import CardsWindow
from ui.reservation_card.window import ReservationCard, open_reservation_card

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def open_card(desk_context, card_opener):
    return lambda folio_id: card_opener(desk_context, folio_id)


def cards_window(card: ReservationCard) -> CardsWindow:
    window = card.window()
    assert isinstance(window, CardsWindow)
    return window


def test_cards_open_as_tabs_of_one_window_named_by_guest_and_room(qtbot, open_card, desk_context, demo_database):
    first = open_card(folio_id_of(demo_database, "R10016"))
    second = open_card(folio_id_of(demo_database, "R10012"))
    window = cards_window(first)
    assert cards_window(second) is window and window.isWindow() and not first.isWindow()
    tabs = window.findChild(QTabWidget, "cardTabs")
    assert tabs.count() == 2 and tabs.currentWidget() is second
    assert not first.isVisible()  # a tab behind another is not painted, so keeps no pixels of its own

    # Each tab says whose card it is and the room, the full title in its tooltip and the window's.
    for index, card in enumerate((first, second)):
        reservation = card.card.folio.folio.reservation
        text = tabs.tabText(index)
        assert reservation.guests[0].full_name in text and reservation.room.number in text
        assert tabs.tabToolTip(index) == card.windowTitle()
    assert window.windowTitle() == second.windowTitle()

    # Opening a card already open brings its tab forward: no second tab, no second load.
    assert open_reservation_card(desk_context, first.folio_id) is first
    assert tabs.currentWidget() is first and tabs.count() == 2
    assert window.windowTitle() == first.windowTitle()


def test_keyboard_switches_and_closes_tabs_and_the_last_closes_the_window(qtbot, open_card, demo_database):
    first = open_card(folio_id_of(demo_database, "R10016"))
    second = open_card(folio_id_of(demo_database, "R10012"))
    window = cards_window(first)
    tabs = window.findChild(QTabWidget, "cardTabs")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)

    qtbot.keyClick(second.postings_view, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is first
    qtbot.keyClick(first.postings_view, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.currentWidget() is second

    qtbot.keyClick(second.postings_view, Qt.Key.Key_W, CTRL)  # closes the card in front only
    qtbot.waitUntil(lambda: not shiboken6.isValid(second), timeout=5_000)
    assert tabs.count() == 1 and tabs.currentWidget() is first and first.isVisible()

    tabs.tabCloseRequested.emit(0)  # the tab's close button
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5_000)
    assert not shiboken6.isValid(first)


class WaitingDialog(DeskDialog):
    """A card's dialog whose device is still working: its op runs until ``released`` is set."""

    def __init__(self, ctx, parent, released: threading.Event) -> None:
        super().__init__(ctx, parent, title="Waiting", apply_text="Start")
        self.released = released

    def submit(self):
        return self.ctx.device_op(self, lambda: self.released.wait(10)).success(lambda _done: self.accept())


def test_a_card_whose_device_is_working_is_not_closed_until_the_wait_ends(qtbot, open_card, desk_context,
                                                                           demo_database):
    first = open_card(folio_id_of(demo_database, "R10016"))
    busy = open_card(folio_id_of(demo_database, "R10012"))
    window = cards_window(busy)
    released = threading.Event()
    dialog = WaitingDialog(desk_context, busy, released)
    busy.last_dialog = dialog
    dialog.open()
    dialog.apply()
    try:
        assert dialog.is_busy
        assert not busy.close()  # Esc / Ctrl+W / the tab's button: refused, said in the card
        assert shiboken6.isValid(busy) and "Cancel" in busy.statusBar().currentMessage()
        tabs = window.findChild(QTabWidget, "cardTabs")
        tabs.setCurrentWidget(first)
        assert not window.close()  # the window's own close: the busy card comes forward instead
        assert shiboken6.isValid(window) and tabs.currentWidget() is busy and tabs.count() == 2
    finally:
        released.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10_000)
    assert busy.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(busy), timeout=5_000)
    QApplication.processEvents()
    assert tabs.count() == 1
