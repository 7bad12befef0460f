"""What the clerk sees of an op: busy widgets, the wait cursor, the progress dialog, the error box.

All of it runs on the GUI thread, from :class:`ui.ops.op.Op`'s start and delivery.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import QMessageBox, QProgressBar, QProgressDialog, QPushButton, QWidget

from ui.ops.pools import Cancelled

__all__ = [
    "PROGRESS_DIALOG_DELAY_MS",
    "ProgressDialog",
    "disable",
    "hold_busy",
    "release_busy",
    "show_error",
    "wait_cursor",
]

# How long an op must run before its progress dialog appears, so fast ops do not flash it.
PROGRESS_DIALOG_DELAY_MS = 300

_PROGRESS_STEPS = 1000


# --- busy indication --------------------------------------------------------------------------


@dataclass
class _Hold:
    """Counts the ops keeping one widget busy, and what to restore when the last one ends."""

    count: int
    restore: Callable[[], None]


_holds: dict[QWidget, _Hold] = {}


def hold_busy(widget: QWidget, make_busy: Callable[[], Callable[[], None]]) -> None:
    """One more op keeps ``widget`` busy; the first calls ``make_busy``, which returns the undo."""
    # Counted so that two ops on one widget do not re-enable it while the second still runs.
    hold = _holds.get(widget)
    if hold is None:
        _holds[widget] = _Hold(1, make_busy())
    else:
        hold.count += 1


def release_busy(widget: QWidget) -> None:
    """One op less keeps ``widget`` busy; the last one restores it (if it still exists)."""
    hold = _holds.get(widget)
    if hold is None:
        return
    hold.count -= 1
    if hold.count == 0:
        del _holds[widget]
        if shiboken6.isValid(widget):
            hold.restore()


def disable(widget: QWidget) -> Callable[[], None]:
    """Disable ``widget``; the returned function enables it again, unless it was disabled before."""
    # A widget disabled before the op (e.g. by validation) must stay disabled after it.
    was_enabled = not widget.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
    widget.setEnabled(False)
    return lambda: widget.setEnabled(True) if was_enabled else None


def wait_cursor(window: QWidget) -> Callable[[], None]:
    """Show the wait cursor over ``window``; the returned function restores its cursor."""
    saved = QCursor(window.cursor()) if window.testAttribute(Qt.WidgetAttribute.WA_SetCursor) else None
    window.setCursor(Qt.CursorShape.WaitCursor)

    def restore() -> None:
        if saved is None:
            window.unsetCursor()
        else:
            window.setCursor(saved)

    return restore


# --- errors -----------------------------------------------------------------------------------

_open_boxes: set[QMessageBox] = set()


def _is_domain_error(exc: BaseException) -> bool:
    # Domain and hardware errors carry messages written for the clerk; anything else is a bug.
    return type(exc).__module__.split(".")[0] in {"desk", "hardware"}


DIALOG_HOST = "dialogHost"


def dialog_parent(widget: QObject | None) -> QWidget | None:
    """What a dialog about ``widget`` opens over: its window, or the page of a window of tabs that
    says it hosts its own dialogs (a reservation card in the cards window, property ``dialogHost``),
    so a card's message goes with its card and not over whichever card is in front."""
    if not isinstance(widget, QWidget) or not shiboken6.isValid(widget):
        return None
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        if current.property(DIALOG_HOST):
            return current
        current = current.parentWidget()
    return current


def show_error(parent: QObject | None, exc: BaseException) -> QMessageBox:
    """Show ``exc`` to the user in a non-blocking message box over ``parent``'s window.

    The box opens window-modal without a nested event loop, so it is safe from any callback.
    Unexpected (non-domain) errors carry their traceback under "Show Details".
    """
    # The desk's texts load the ledger's tables: not before the sign-in window is up (issue 23).
    from ui.desk_text import error_text

    window = dialog_parent(parent)
    text = error_text(exc) or QCoreApplication.translate("Op", "The operation failed.")
    title = QCoreApplication.translate("Op", "Error")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("opErrorBox")
    if not _is_domain_error(exc) and not isinstance(exc, Cancelled):
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # A parentless box belongs to Python: keep it referenced until the user closes it
    # (and forget boxes that died with their window without being closed).
    _open_boxes.difference_update([b for b in _open_boxes if not shiboken6.isValid(b)])
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


# --- the progress dialog ----------------------------------------------------------------------


class ProgressDialog(QProgressDialog):
    """A progress dialog that stays open until its op ends; Cancel or Esc asks it to stop.

    Shown only once the op has lasted :data:`PROGRESS_DIALOG_DELAY_MS`, so fast ops do not flash it.
    """

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        super().__init__(parent)
        self.setObjectName("opProgressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # Our own bar: QProgressDialog.setValue would pump the event loop from inside our slot.
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 0)
        self.setBar(self.progress_bar)
        self.cancellable = cancellable
        self.cancel_button: QPushButton | None = None
        if cancellable:
            self.cancel_button = QPushButton(QCoreApplication.translate("Op", "Cancel"), self)
            self.setCancelButton(self.cancel_button)
        else:
            self.setCancelButton(None)
        self.setLabelText(QCoreApplication.translate("Op", "Please wait…"))
        # Shown late; the timer dies with the dialog.
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(self.show)
        timer.start(PROGRESS_DIALOG_DELAY_MS)

    def show_progress(self, fraction: float | None, text: str, *, keep_text: bool = False) -> None:
        """The bar at ``fraction`` (None: busy, end unknown), and ``text`` unless ``keep_text``."""
        bar = self.progress_bar
        if fraction is None:
            bar.setRange(0, 0)
        else:
            bar.setRange(0, _PROGRESS_STEPS)
            bar.setValue(round(fraction * _PROGRESS_STEPS))
        if text and not keep_text:
            self.setLabelText(text)

    def show_cancelling(self) -> None:
        self.setLabelText(QCoreApplication.translate("Op", "Cancelling…"))
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        # Esc must not just hide the dialog while the work goes on.
        if self.cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()
