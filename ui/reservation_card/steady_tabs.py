"""Tabs that are laid out again only when their layout can change, not at every text a card shows.

Issue 23: a label of a card showing a new balance asks its layouts again, up to the tab widget the
card is a page of, and a ``QTabWidget`` answers every such request by placing its tab bar and pages
again *and repainting itself whole*: the whole cards window (every label, button and table of the
card in front, the tab bar, the menu) was painted two or three times per Apply, about 15 ms each,
where only the labels that changed needed it. The request is let through when what the tab
widget's layout is made of changed (its size, its tabs, what its tab bar, corner widgets and pages
ask for); otherwise the pages lay themselves out (their own layouts are untouched) and Qt repaints
only what changed in them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStackedWidget, QTabWidget

__all__ = ["steady_layout"]


class _SteadyLayout(QObject):
    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.stack = tabs.findChild(QStackedWidget)
        self.laid_out_for: tuple[object, ...] | None = None
        self.let_through = 0  # requests laid out (tests read both counts)
        self.kept_back = 0  # requests that would have changed nothing

    def _inputs(self) -> tuple[object, ...]:
        bar, stack = self.tabs.tabBar(), self.stack
        # The tab widget places its corner widgets too (the breakdown's Action button): one that
        # asks for more room must get it.
        corners = tuple(None if corner is None else (corner.isVisibleTo(self.tabs), corner.sizeHint(),
                                                     corner.minimumSizeHint())
                        for corner in (self.tabs.cornerWidget(Qt.Corner.TopLeftCorner),
                                       self.tabs.cornerWidget(Qt.Corner.TopRightCorner)))
        return (self.tabs.size(), self.tabs.count(), self.tabs.currentIndex(), bar.isVisibleTo(self.tabs),
                bar.sizeHint(), bar.minimumSizeHint(), corners,
                None if stack is None else (stack.sizeHint(), stack.minimumSizeHint(), stack.maximumSize()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is not QEvent.Type.LayoutRequest or watched is not self.tabs:
            return False
        inputs = self._inputs()
        if inputs == self.laid_out_for:
            self.kept_back += 1
            return True
        self.laid_out_for = inputs
        self.let_through += 1
        return False


def steady_layout(tabs: QTabWidget) -> None:
    """Lay ``tabs`` out (and repaint it whole) only when a request can change its layout."""
    tabs.installEventFilter(_SteadyLayout(tabs))
