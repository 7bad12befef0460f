"""The window the reservation cards open in: one tab per card, as a browser or an IDE holds documents.

Issue 23: a shown top-level window keeps a backing store of its own (1180x760 at 4 bytes a pixel,
about 3.4 MiB), so 50 cards as 50 windows held 171 MiB of pixels; as tabs of one window only the
card in front is painted. A tab is named by the guest and the room (the card's full title is its
tooltip and the window's title); Ctrl+W or Esc closes the card in front, Ctrl+Tab and
Ctrl+Shift+Tab (or Ctrl+PgDown / Ctrl+PgUp) go to the next and previous card; opening a card that
is already open brings its tab forward. A card whose device is still working, or that has a dialog
open, refuses to close (``ReservationCard.closeEvent``: the wait must end by its dialog's Cancel, an
open dialog comes forward to be finished or cancelled); closing the window closes every card, or
none while one of them refuses. A card's dialogs are modal to its tab only (:mod:`ui.ops.tab_modal`):
a clerk waiting on the terminal for one guest can read another's card.

A card left behind gives its widgets back (issue 23: 50 cards held 241 MiB, a card's widgets about
1.3 MiB): beyond the :attr:`CardsWindow.keep_recent` cards shown last, or not shown for
:attr:`CardsWindow.rest_after_s`, its tab holds a :class:`RestingCard` (the card's data and where the
clerk was: tab, bill, rows, payment, scroll) and the card is built again from it, as it was left,
when its tab comes forward. A card with an open dialog, a device wait or work still running is left
as it is: its dialog and its work belong to its widgets.
"""

from __future__ import annotations

import linecache
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from ui.context import DeskContext
from ui.reservation_card.steady_tabs import steady_layout

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


def forget_imported_sources() -> None:
    """Drop the source lines Python's linecache holds: shiboken6's import hook reads the source of
    every module imported after PySide6 (``inspect.getsource``, to see whether it switches PySide's
    ``__feature__`` options on) and linecache keeps it, some 430,000 lines of 1,000 modules, about
    35 MiB of strings nothing reads again (issue 23). A traceback reads its files again if it needs them;
    the memory freed is what the cards are then built in."""
    linecache.clearcache()


class RestingCard(QWidget):
    """A card's tab while the card rests: no widgets, only what builds the card again as it was."""

    closed = Signal()

    def __init__(self, ctx: DeskContext, folio_id: int, state: Any,
                 wake: Callable[[RestingCard], QWidget], forget: Callable[[RestingCard], None]) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("restingCard")
        self.ctx = ctx
        self.folio_id = folio_id
        self.state = state
        self._wake = wake
        self._forget = forget

    def wake(self) -> QWidget:
        """The card, built again from what was kept (not yet shown)."""
        return self._wake(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._forget(self)
        super().closeEvent(event)
        self.closed.emit()


class CardsWindow(QMainWindow):
    """The open reservation cards, one tab each."""

    keep_recent = 5  # cards shown last that keep their widgets, the one in front included
    rest_after_s = 10 * 60.0  # a card not shown for this long gives its widgets back
    clock: Callable[[], float] = staticmethod(time.monotonic)

    @staticmethod
    def instances() -> list[CardsWindow]:
        return [window for window in _windows.values() if shiboken6.isValid(window)]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("cardsWindow")
        self.setWindowTitle(QCoreApplication.translate("CardsWindow", "Cards"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("cardTabs")
        steady_layout(self.tabs)
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
        self._swapping = False
        self._closing = False
        self._front: int | None = None  # the folio of the card in front
        self._shown_at: dict[int, float] = {}  # folio -> when its card was last in front
        self._resting_timer = QTimer(self)
        self._resting_timer.setInterval(60_000)
        self._resting_timer.timeout.connect(self.rest_idle_tabs)
        self._resting_timer.start()
        forget_imported_sources()

    def pages(self) -> list[QWidget]:
        """Every tab's page: a card, or a resting card."""
        return [page for index in range(self.tabs.count()) if (page := self.tabs.widget(index)) is not None]

    def cards(self) -> list[ReservationCard]:
        """The cards that have their widgets."""
        return [page for page in self.pages() if not isinstance(page, RestingCard)]  # type: ignore[misc]

    def add(self, card: ReservationCard) -> None:
        """Show ``card`` in a tab of its own, in front."""
        index = self.tabs.addTab(card, card.tab_text)
        self.tabs.setTabToolTip(index, card.windowTitle())
        self._follow(card)
        self.bring_forward(card)

    def _follow(self, page: QWidget) -> None:
        if not isinstance(page, RestingCard):
            page.loaded.connect(self._card_reloaded)  # type: ignore[attr-defined]  # a guest renamed: the tab follows
        page.closed.connect(self._card_closed)  # type: ignore[attr-defined]

    def bring_forward(self, card: QWidget) -> None:
        self.tabs.setCurrentWidget(card)  # a resting card is built again here
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        front = self.tabs.currentWidget()
        if front is not None:
            front.postings_view.setFocus()  # type: ignore[attr-defined]

    @Slot()
    def rest_idle_tabs(self) -> None:
        """Cards beyond the most recent ones, or not shown for a while, give their widgets back."""
        now = self.clock()
        behind = sorted((page for page in self.cards() if page is not self.tabs.currentWidget()),
                        key=lambda page: self._shown_at.get(page.folio_id, now), reverse=True)
        for rank, card in enumerate(behind, start=1):  # the card in front is the first of the recent
            idle = now - self._shown_at.get(card.folio_id, now) >= self.rest_after_s
            if (rank >= self.keep_recent or idle) and card.can_rest():
                self._swap(card, card.rest())
                forget_imported_sources()  # modules imported since (a dialog's) filled it again

    def _swap(self, old: QWidget, new: QWidget) -> None:
        """``new`` in ``old``'s tab, in its place and in front if ``old`` was; ``old`` deleted."""
        index = self.tabs.indexOf(old)
        in_front = self.tabs.currentIndex() == index
        self._swapping = True
        try:
            self.tabs.insertTab(index, new, self.tabs.tabText(index))
            self.tabs.setTabToolTip(index, self.tabs.tabToolTip(index + 1))
            if in_front:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        finally:
            self._swapping = False
        self._follow(new)
        old.deleteLater()

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
            self._shown_at.pop(card.folio_id, None)  # type: ignore[attr-defined]
            self.tabs.removeTab(index)
        if self.tabs.count() == 0:
            self.close()

    @Slot(int)
    def _current_changed(self, index: int) -> None:
        if self._swapping or self._closing:
            return
        now = self.clock()
        if self._front is not None:
            self._shown_at[self._front] = now  # the card left behind was seen until now
        page = self.tabs.widget(index)
        if page is None:
            self._front = None
            return
        if isinstance(page, RestingCard):
            woken = page.wake()
            self._swap(page, woken)
            page = woken
        self._front = page.folio_id  # type: ignore[attr-defined]
        self._shown_at[self._front] = now
        self.setWindowTitle(page.windowTitle())
        QTimer.singleShot(0, self, self.rest_idle_tabs)

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = next((card for card in self.cards() if card.keeps_open()), None)
        if waiting is not None:
            self.tabs.setCurrentWidget(waiting)
            waiting.close()  # refuses, says why in its status bar, and brings its dialog forward
            event.ignore()
            return
        self._closing = True  # the tabs closing one by one bring no resting card back to life
        try:
            for page in self.pages():
                page.close()
        finally:
            self._closing = False
        super().closeEvent(event)
