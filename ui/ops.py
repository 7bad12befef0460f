"""Run database and device calls off the GUI thread: the one way the GUI does blocking work.

Every call that may block (a database query, a use case, a card terminal, a printer) goes
through :class:`Op`::

    Op(self, lambda: payments.list_for_folio(session, folio_id)) \\
        .success(self._show_payments) \\
        .busy(self.refresh_button) \\
        .run()

A function that takes one argument receives a :class:`TaskState` to report progress and to
check for cancellation (cooperatively: no thread is ever killed)::

    def wait_for_card(state: TaskState) -> Authorisation:
        for left in range(30, 0, -1):
            state.report(None, f"Present the card ({left} s)")
            state.raise_if_cancelled()
            ...

    Op(self, wait_for_card, pool=terminal_pool).with_progress_dialog("Card payment").run()

.. warning::
   ``fn`` runs on a worker thread. **Never touch a widget inside it** (no reading a line edit,
   no setting a label, no QPixmap): read the values you need before creating the Op, pass plain
   values in, and update widgets only in the ``success``/``failure``/``progress`` callbacks,
   which always run on the GUI thread.

Database work runs on :func:`database_pool`, which has exactly one thread, so use cases never
run concurrently against the session (as in Anki's collection ops). Devices get pools of their
own through :func:`named_pool`.

If the parent is destroyed before the op finishes, no callback is called; a failure is then
still logged. An op whose ``fn`` completed despite a cancel request reports ``success``: the work
was done (a card may have been charged) and the GUI must know.
"""

from __future__ import annotations

import inspect
import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import QMessageBox, QProgressBar, QProgressDialog, QPushButton, QWidget

from ui.desk_text import error_text

__all__ = [
    "Cancelled",
    "Op",
    "TaskState",
    "cancel_all",
    "database_pool",
    "named_pool",
    "running_ops",
    "show_error",
    "wait_all",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

# How long an op must run before its progress dialog appears, so fast ops do not flash it.
PROGRESS_DIALOG_DELAY_MS = 300

_PROGRESS_STEPS = 1000


class Cancelled(Exception):
    """The operation stopped because cancellation was requested."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or QCoreApplication.translate("Op", "The operation was cancelled."))


class TaskState:
    """What a running ``fn`` may use: report progress, and notice a cancel request.

    Safe to call from the worker thread; progress reaches the GUI thread by a queued signal.
    """

    def __init__(self, report: Callable[[float | None, str], None]) -> None:
        self._cancel = threading.Event()
        self._report = report

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def request_cancel(self) -> None:
        self._cancel.set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested; call it at safe points."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, fraction: float | None, text: str = "") -> None:
        """Send progress: ``fraction`` in 0..1, or None when the end is unknown; ``text`` for the user."""
        if fraction is not None:
            fraction = min(1.0, max(0.0, float(fraction)))
        self._report(fraction, text)


# --- thread pools -----------------------------------------------------------------------------

_pools: dict[str, QThreadPool] = {}
_pools_lock = threading.Lock()


def named_pool(name: str, max_threads: int = 1) -> QThreadPool:
    """The thread pool called ``name``, created on first use with ``max_threads`` threads.

    Its threads never expire: a database connection or a device handle may be tied to the
    thread that opened it, so the same thread must keep serving the pool.
    """
    with _pools_lock:
        pool = _pools.get(name)
        if pool is None:
            pool = QThreadPool()
            pool.setObjectName(name)
            pool.setMaxThreadCount(max_threads)
            pool.setExpiryTimeout(-1)
            _pools[name] = pool
        return pool


def database_pool() -> QThreadPool:
    """The pool every database op runs on: one thread, so database work is serialised."""
    return named_pool("database", 1)


# --- delivery to the GUI thread ---------------------------------------------------------------


class _Dispatcher(QObject):
    """Lives on the GUI thread; workers emit on it and its slots run queued on the GUI thread.

    One long-lived dispatcher (rather than one QObject per op) means no QObject is ever
    deleted while a queued call to it is pending or running.
    """

    finished = Signal(object, bool, object)  # op, ok, result or exception
    progressed = Signal(object, object, str)  # op, fraction or None, text

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ui.ops dispatcher")
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)

    @Slot(object, bool, object)
    def _on_finished(self, op: Op[Any], ok: bool, value: Any) -> None:
        op._finish(ok, value)

    @Slot(object, object, str)
    def _on_progressed(self, op: Op[Any], fraction: float | None, text: str) -> None:
        op._progress(fraction, text)


_dispatcher_instance: _Dispatcher | None = None


def _require_gui_thread() -> None:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("ui.ops needs a QApplication")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("create and run ops on the GUI thread only")


def _dispatcher() -> _Dispatcher:
    global _dispatcher_instance
    if _dispatcher_instance is None or not shiboken6.isValid(_dispatcher_instance):
        _dispatcher_instance = _Dispatcher()
    return _dispatcher_instance


# --- running ops ------------------------------------------------------------------------------

# Ops between run() and their delivery; this also keeps them alive while their fn runs.
_running: set[Op[Any]] = set()


def running_ops() -> int:
    """How many ops have been started and not yet delivered their outcome."""
    return len(_running)


def cancel_all() -> None:
    """Ask every running op to stop (at shutdown, before :func:`wait_all`)."""
    for op in list(_running):
        op.cancel()


def wait_all(timeout_ms: int = 5000) -> bool:
    """Process events until every running op has delivered its outcome; False on timeout.

    For tests and shutdown. It pumps the GUI event loop, so callbacks run inside it.
    """
    app = QCoreApplication.instance()
    if app is None:
        return not _running
    _require_gui_thread()
    deadline = time.monotonic() + timeout_ms / 1000
    while _running and time.monotonic() < deadline:
        app.processEvents()
        if _running:
            QThread.msleep(2)
    app.processEvents()
    return not _running


# --- busy indication --------------------------------------------------------------------------


@dataclass
class _Hold:
    """Counts the ops keeping one widget busy, and what to restore when the last one ends."""

    count: int
    restore: Callable[[], None]


_holds: dict[QWidget, _Hold] = {}


def _acquire(widget: QWidget, make_busy: Callable[[], Callable[[], None]]) -> None:
    # Counted so that two ops on one widget do not re-enable it while the second still runs.
    hold = _holds.get(widget)
    if hold is None:
        _holds[widget] = _Hold(1, make_busy())
    else:
        hold.count += 1


def _release(widget: QWidget) -> None:
    hold = _holds.get(widget)
    if hold is None:
        return
    hold.count -= 1
    if hold.count == 0:
        del _holds[widget]
        if shiboken6.isValid(widget):
            hold.restore()


def _disable(widget: QWidget) -> Callable[[], None]:
    # A widget disabled before the op (e.g. by validation) must stay disabled after it.
    was_enabled = not widget.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
    widget.setEnabled(False)
    return lambda: widget.setEnabled(True) if was_enabled else None


def _wait_cursor(window: QWidget) -> Callable[[], None]:
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


def show_error(parent: QObject | None, exc: BaseException) -> QMessageBox:
    """Show ``exc`` to the user in a non-blocking message box over ``parent``'s window.

    The box opens window-modal without a nested event loop, so it is safe from any callback.
    Unexpected (non-domain) errors carry their traceback under "Show Details".
    """
    window = parent.window() if isinstance(parent, QWidget) and shiboken6.isValid(parent) else None
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


# --- the op -----------------------------------------------------------------------------------


def _takes_state(fn: Callable[..., Any]) -> bool:
    """True if ``fn`` takes one required positional argument (the TaskState), False if none."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # some builtins have no signature: call them bare
        return False
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    required = [
        p for p in signature.parameters.values()
        if p.kind in positional and p.default is inspect.Parameter.empty
    ]
    if len(required) > 1:
        raise TypeError(f"an op function takes no argument or one TaskState, not {len(required)}")
    return len(required) == 1


class _ProgressDialog(QProgressDialog):
    """A progress dialog that stays open until its op ends; Cancel or Esc asks it to stop."""

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

    def reject(self) -> None:
        # Esc must not just hide the dialog while the work goes on.
        if self.cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()


@dataclass
class _DialogSpec:
    title: str
    cancellable: bool


class Op(Generic[T]):
    """One piece of blocking work: ``fn`` runs on a worker thread, callbacks on the GUI thread.

    ``fn`` takes no argument, or one :class:`TaskState`. Configure fluently, then ``run()``.
    ``parent`` is the widget (or QObject) the op belongs to: if it is destroyed first, the
    callbacks are skipped. ``pool`` defaults to :func:`database_pool`.
    """

    def __init__(
        self,
        parent: QObject | None,
        fn: Callable[[], T] | Callable[[TaskState], T],
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        _require_gui_thread()
        self._parent = parent
        self._fn = fn
        self._pass_state = _takes_state(fn)
        self._pool = pool if pool is not None else database_pool()
        self._dispatch = _dispatcher()
        self._state = TaskState(self._emit_progress)
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[BaseException], Any] | None = None
        self._on_progress: Callable[[float | None, str], Any] | None = None
        self._busy_widgets: list[QWidget] = []
        self._cursor_window: QWidget | None = None
        self._dialog_spec: _DialogSpec | None = None
        self._dialog: _ProgressDialog | None = None
        self._started = False
        self._finished = False

    def __repr__(self) -> str:
        name = getattr(self._fn, "__qualname__", repr(self._fn))
        return f"<Op {name} on {self._pool.objectName() or 'pool'}>"

    # fluent configuration

    def success(self, callback: Callable[[T], Any]) -> Op[T]:
        """Call ``callback(result)`` on the GUI thread when ``fn`` returns."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], Any]) -> Op[T]:
        """Call ``callback(exc)`` on the GUI thread when ``fn`` raises (including Cancelled).

        Without one, the error is logged and shown in a message box; a cancellation is logged only.
        """
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[float | None, str], Any]) -> Op[T]:
        """Call ``callback(fraction, text)`` on the GUI thread for each ``state.report``."""
        self._on_progress = callback
        return self

    def busy(self, *widgets: QWidget) -> Op[T]:
        """Disable ``widgets`` while the op runs (the parent window gets a wait cursor anyway)."""
        self._busy_widgets.extend(widgets)
        return self

    def with_progress_dialog(self, title: str, cancellable: bool = True) -> Op[T]:
        """Show a window-modal progress dialog if the op lasts over ~300 ms.

        It follows ``state.report`` (bar and text); its Cancel calls :meth:`cancel`, and it
        stays open until ``fn`` has actually stopped.
        """
        self._dialog_spec = _DialogSpec(title, cancellable)
        return self

    # control

    def run(self) -> Op[T]:
        """Start ``fn`` on the pool; the op can run only once."""
        _require_gui_thread()
        if self._started:
            raise RuntimeError(f"{self!r} has already been run")
        self._started = True
        _running.add(self)
        self._mark_busy()
        if self._dialog_spec is not None:
            self._open_dialog(self._dialog_spec)
        self._pool.start(self._work)
        return self

    def cancel(self) -> None:
        """Ask ``fn`` to stop at its next ``raise_if_cancelled``; an op still queued never starts."""
        self._state.request_cancel()

    @property
    def cancel_requested(self) -> bool:
        return self._state.cancel_requested

    @property
    def is_running(self) -> bool:
        return self._started and not self._finished

    # worker thread

    def _work(self) -> None:
        try:
            self._state.raise_if_cancelled()
            result = self._fn(self._state) if self._pass_state else self._fn()  # type: ignore[call-arg]
        except BaseException as exc:  # every outcome must reach the GUI thread
            self._dispatch.finished.emit(self, False, exc)
        else:
            self._dispatch.finished.emit(self, True, result)

    def _emit_progress(self, fraction: float | None, text: str) -> None:
        self._dispatch.progressed.emit(self, fraction, text)

    # GUI thread

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _progress(self, fraction: float | None, text: str) -> None:
        if self._finished or not self._parent_alive():
            return
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._update_dialog(fraction, text)
        if self._on_progress is not None:
            self._on_progress(fraction, text)

    def _finish(self, ok: bool, value: Any) -> None:
        self._finished = True
        _running.discard(self)
        # Restore the widgets first, so a callback may disable them again.
        self._unmark_busy()
        self._close_dialog()
        if not self._parent_alive():
            if not ok and not isinstance(value, Cancelled):
                logger.error("%r failed after its parent was destroyed", self, exc_info=value)
            else:
                logger.debug("%r finished after its parent was destroyed", self)
            return
        if ok:
            if self._on_success is not None:
                self._on_success(value)
        elif self._on_failure is not None:
            logger.debug("%r failed", self, exc_info=value)
            self._on_failure(value)
        else:
            self._default_failure(value)

    def _default_failure(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            logger.info("%r cancelled", self)
            return
        logger.error("%r failed", self, exc_info=exc)
        show_error(self._parent, exc)

    def _mark_busy(self) -> None:
        for widget in self._busy_widgets:
            _acquire(widget, partial(_disable, widget))
        if isinstance(self._parent, QWidget):
            self._cursor_window = self._parent.window()
            window = self._cursor_window
            _acquire(window, partial(_wait_cursor, window))

    def _unmark_busy(self) -> None:
        for widget in self._busy_widgets:
            _release(widget)
        if self._cursor_window is not None:
            _release(self._cursor_window)
            self._cursor_window = None

    def _open_dialog(self, spec: _DialogSpec) -> None:
        window = self._parent.window() if isinstance(self._parent, QWidget) else None
        dialog = _ProgressDialog(window, spec.title, spec.cancellable)
        dialog.canceled.connect(self._on_dialog_cancel)
        # Shown late so fast ops do not flash it; the timer dies with the dialog.
        timer = QTimer(dialog)
        timer.setSingleShot(True)
        timer.timeout.connect(dialog.show)
        timer.start(PROGRESS_DIALOG_DELAY_MS)
        self._dialog = dialog

    def _on_dialog_cancel(self) -> None:
        self.cancel()
        dialog = self._dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.setLabelText(QCoreApplication.translate("Op", "Cancelling…"))
            if dialog.cancel_button is not None:
                dialog.cancel_button.setEnabled(False)

    def _update_dialog(self, fraction: float | None, text: str) -> None:
        assert self._dialog is not None
        bar = self._dialog.progress_bar
        if fraction is None:
            bar.setRange(0, 0)
        else:
            bar.setRange(0, _PROGRESS_STEPS)
            bar.setValue(round(fraction * _PROGRESS_STEPS))
        if text and not self.cancel_requested:
            self._dialog.setLabelText(text)

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.hide()
            dialog.deleteLater()
