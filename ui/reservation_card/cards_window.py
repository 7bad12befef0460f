"""The window the reservation cards open in: one tab per card, as a browser or an IDE holds documents.

Issue 23: a shown top-level window keeps a backing store of its own (1180x760 at 4 bytes a pixel,
about 3.4 MiB), so 50 cards as 50 windows held 171 MiB of pixels; as tabs of one window only the
card in front is painted. A tab is named by the guest and the room (the card's full title is its
tooltip and the window's title); Ctrl+W or Esc closes the card in front, Ctrl+Tab and
Ctrl+Shift+Tab (or Ctrl+PgDown / Ctrl+PgUp) go to the next and previous card; opening a card that
is already open brings its tab forward. A card whose device is still working refuses to close
until its dialog's Cancel has ended the wait (``ReservationCard.closeEvent``); closing the window
closes every card, or none while one of them waits. A card's dialogs are modal to its tab only
(:mod:`ui.ops.tab_modal`): a clerk waiting on the terminal for one guest can read another's card.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from ui.context import DeskContext

if TYPE_CHECKING:
    from ui.reservation_card.window import ReservationCard

_windows: weakref.WeakKeyDictionary[DeskContext, CardsWindow] = weakref.WeakKeyDictionary()


def cards_window_for(ctx: DeskContext, parent: QWidget | None = None) -> CardsWindow:
    """The desk's one cards window, made when the first card opens (and gone with its last card)."""
    window = _windows.get(ctx)
    if window is None or not shiboken6.isValid(window):
        window = CardsWindow(parent)
        _windows[ctx] = window
    return window


class CardsWindow(QMainWindow):
    """The open reservation cards, one tab each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("cardsWindow")
        self.setWindowTitle(QCoreApplication.translate("CardsWindow", "Cards"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("cardTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        # Many cards scroll the tab bar rather than squeeze every name to "Jo…": a tab's text is
        # kept short by the card itself (first guest, room).
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._current_changed)
        self.setCentralWidget(self.tabs)
        for keys, step in (((QKeySequence.StandardKey.NextChild, "Ctrl+PgDown"), 1),
                           ((QKeySequence.StandardKey.PreviousChild, "Ctrl+PgUp", "Ctrl+Shift+Tab"), -1)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda step=step: self._step(step))
        self.resize(1180, 790)  # a card's 1180x760 and the tab bar

    def cards(self) -> list[ReservationCard]:
        return [self.tabs.widget(index) for index in range(self.tabs.count())]  # type: ignore[misc]

    def add(self, card: ReservationCard) -> None:
        """Show ``card`` in a tab of its own, in front."""
        index = self.tabs.addTab(card, card.tab_text)
        self.tabs.setTabToolTip(index, card.windowTitle())
        card.loaded.connect(self._card_reloaded)  # a guest renamed, a room moved: the tab follows
        card.closed.connect(self._card_closed)
        self.bring_forward(card)

    def bring_forward(self, card: ReservationCard) -> None:
        self.tabs.setCurrentWidget(card)
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        card.postings_view.setFocus()

    def _step(self, step: int) -> None:
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
            current = self.tabs.currentWidget()
            if current is not None:
                current.postings_view.setFocus()  # type: ignore[attr-defined]

    @Slot(int)
    def _close_tab(self, index: int) -> None:
        card = self.tabs.widget(index)
        if card is not None:
            card.close()  # the card may refuse: its device is still working

    @Slot()
    def _card_reloaded(self) -> None:
        card = self.sender()
        index = self.tabs.indexOf(card)  # type: ignore[arg-type]
        if index < 0:
            return
        title = card.windowTitle()  # type: ignore[attr-defined]
        if self.tabs.tabText(index) != card.tab_text:  # type: ignore[attr-defined]
            self.tabs.setTabText(index, card.tab_text)  # type: ignore[attr-defined]
        if self.tabs.tabToolTip(index) != title:
            self.tabs.setTabToolTip(index, title)
        if index == self.tabs.currentIndex():
            self.setWindowTitle(title)

    @Slot()
    def _card_closed(self) -> None:
        card = self.sender()
        index = self.tabs.indexOf(card)  # type: ignore[arg-type]
        if index >= 0:
            self.tabs.removeTab(index)
        if self.tabs.count() == 0:
            self.close()

    @Slot(int)
    def _current_changed(self, index: int) -> None:
        card = self.tabs.widget(index)
        if card is not None:
            self.setWindowTitle(card.windowTitle())

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = next((card for card in self.cards() if card.is_waiting_on_device()), None)
        if waiting is not None:
            self.tabs.setCurrentWidget(waiting)
            waiting.close()  # refuses, and says why in its status bar
            event.ignore()
            return
        for card in self.cards():
            card.close()
        super().closeEvent(event)
