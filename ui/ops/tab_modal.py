"""Dialogs modal to one tab of a window, as a browser's are to their tab.

A page of a window of tabs (a reservation card in the cards window) that hosts its own dialogs
(:func:`host_dialogs`) has every dialog opened over it, and over those dialogs in turn, made
*tab-modal*: Qt's window modality would block the whole window, every other card with it, so the
dialog is shown non-modal instead while its owner (the page, or the dialog it was opened from)
refuses input; it is shown only while its owner is (hidden when the clerk brings another tab
forward, shown again, as it was left, on return), and its work goes on meanwhile. One mechanism
for every dialog, however it is opened (``open()``, ``show()``, a progress dialog's timer): it
watches Qt's own polish, show and hide events, so no dialog has to know it lives in a tab.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from ui.ops.feedback import DIALOG_HOST, disable

__all__ = ["host_dialogs", "is_open"]


class _TabModality(QObject):
    """Watches the hosting pages and their dialogs (one filter for all of them)."""

    def __init__(self) -> None:
        super().__init__()
        # Keyed by the C++ object: a widget met during its construction may come wrapped anew later.
        self._owners: set[int] = set()  # pages and dialogs whose dialogs are tab-modal
        self._open: dict[int, tuple[QDialog, QWidget]] = {}  # an open dialog -> it, the owner it blocks
        self._set_aside: set[int] = set()  # open, hidden because their owner is
        self._moving: set[int] = set()  # shown or hidden by us, not by their own code
        # An owner blocked by its open dialogs: how many, and how to give it back its input. Kept
        # apart from the ops' busy holds, which keep the wait cursor on the same widget.
        self._blocked: dict[int, tuple[int, Callable[[], None]]] = {}

    def watch(self, owner: QWidget) -> None:
        key = _key(owner)
        if key in self._owners:
            return
        self._owners.add(key)
        owner.installEventFilter(self)
        owner.destroyed.connect(lambda: self._gone(key))
        for dialog in owner.findChildren(QDialog, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if dialog.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):  # its ChildPolished went unheard
                self._adopt(dialog)

    def _gone(self, owner_key: int) -> None:
        self._owners.discard(owner_key)
        self._blocked.pop(owner_key, None)

    def is_open(self, dialog: QDialog) -> bool:
        return _key(dialog) in self._open

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            # Polished once, before its first show: the moment to know a new dialog of this owner.
            if isinstance(child, QDialog) and child.isWindow() and child.parentWidget() is watched:
                self._adopt(child)
        elif kind in (QEvent.Type.Show, QEvent.Type.Hide) and not event.spontaneous():
            # Spontaneous ones come from the window system (minimised): the window's business.
            assert isinstance(watched, QWidget)
            shown = kind == QEvent.Type.Show
            key = _key(watched)
            owner = watched.parentWidget()
            if (isinstance(watched, QDialog) and key not in self._moving and owner is not None
                    and _key(owner) in self._owners):
                if shown:
                    self._opened(watched, owner)
                else:
                    self._closed(watched)
            # A page's dialogs go and come with it; a dialog's with it only when set aside with its
            # tab: a dialog's own close leaves a message it opened (a slip that did not print) up.
            if key in self._owners and (not isinstance(watched, QDialog) or key in self._moving):
                QTimer.singleShot(0, self, lambda owner=watched, shown=shown: self._follow(owner, shown))
        return False

    def _adopt(self, dialog: QDialog) -> None:
        self.watch(dialog)  # a dialog opened over this one is modal to it alone
        key = _key(dialog)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.destroyed.connect(lambda: self._forget(key))

    def _opened(self, dialog: QDialog, owner: QWidget) -> None:
        # Called from the dialog's Show event, before its window is mapped: the modality set here
        # is the one its window gets (open() has just asked for window-modal).
        key = _key(dialog)
        if dialog.windowModality() != Qt.WindowModality.NonModal:
            self._moving.add(key)  # a message box is hidden by Qt to change it: not a close
            try:
                dialog.setWindowModality(Qt.WindowModality.NonModal)
            finally:
                self._moving.discard(key)
            if not dialog.isVisible():
                QTimer.singleShot(0, dialog, dialog.show)
        if key not in self._open:
            self._open[key] = (dialog, owner)
            self._block(owner)
        # A window's own enabled state can stand against its disabled owner's.
        dialog.setEnabled(True)
        if self._hidden_with_its_tab(owner):  # opened by work that ended while its tab was behind
            QTimer.singleShot(0, self, lambda: self._follow(owner, False))

    def _hidden_with_its_tab(self, owner: QWidget) -> bool:
        return _key(owner) in self._set_aside if isinstance(owner, QDialog) else not owner.isVisible()

    def _closed(self, dialog: QDialog) -> None:
        if shiboken6.isValid(dialog):
            self._forget(_key(dialog))

    def _forget(self, key: int) -> None:
        # Also called as the dialog dies: no call on it, only its owner is released.
        entry = self._open.pop(key, None)
        self._set_aside.discard(key)
        self._moving.discard(key)
        if entry is not None:
            self._unblock(entry[1])

    def _block(self, owner: QWidget) -> None:
        key = _key(owner)
        count, restore = self._blocked.get(key, (0, None))
        self._blocked[key] = (count + 1, restore if restore is not None else disable(owner))

    def _unblock(self, owner: QWidget) -> None:
        if not shiboken6.isValid(owner):
            return  # its key may be another widget's by now: its count went with it
        key = _key(owner)
        count, restore = self._blocked.pop(key, (0, lambda: None))
        if count > 1:
            self._blocked[key] = (count - 1, restore)
        else:
            restore()

    def _follow(self, owner: QWidget, shown: bool) -> None:
        """The owner's open dialogs appear and disappear with it (a tab brought forward or left)."""
        if not shiboken6.isValid(owner) or owner.isVisible() != shown:
            return  # a later switch decides
        owner_key = _key(owner)
        for key, (dialog, blocked) in list(self._open.items()):
            if (not shiboken6.isValid(dialog) or not shiboken6.isValid(blocked) or _key(blocked) != owner_key
                    or (key in self._set_aside) != shown):
                continue
            self._moving.add(key)
            try:
                if shown:
                    self._set_aside.discard(key)
                    dialog.show()
                    dialog.raise_()
                    dialog.activateWindow()
                else:
                    self._set_aside.add(key)
                    dialog.hide()
            finally:
                self._moving.discard(key)


def _key(widget: QObject) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


_modality: _TabModality | None = None


def _the_modality() -> _TabModality:
    global _modality
    if _modality is None or not shiboken6.isValid(_modality):
        _modality = _TabModality()
    return _modality


def host_dialogs(page: QWidget) -> None:
    """``page`` (a tab of a window of tabs) hosts its own dialogs: messages and waits about it open
    over it (:func:`ui.ops.feedback.dialog_parent`), and every dialog over it is modal to it alone."""
    page.setProperty(DIALOG_HOST, True)
    _the_modality().watch(page)


def is_open(dialog: QDialog) -> bool:
    """``dialog`` of a hosting page is open, shown or set aside with its tab."""
    return dialog.isVisible() or (_modality is not None and _modality.is_open(dialog))
