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
own through :func:`named_pool`. Workers are plain Python threads that never create, own or
release a Qt object: the GUI thread holds every op and what its ``fn`` refers to until the
outcome arrives, and once ops exist Python's cyclic garbage collector runs on the GUI thread only.

If the parent is destroyed before the op finishes, no callback is called; a failure is then
still logged. An op whose ``fn`` completed despite a cancel request reports ``success``: the work
was done (a card may have been charged) and the GUI must know.
"""

from __future__ import annotations

import atexit
import gc
import inspect
import itertools
import logging
import queue
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import QMessageBox, QProgressBar, QProgressDialog, QPushButton, QWidget

from ui.desk_text import error_text

__all__ = [
    "Cancelled",
    "Op",
    "TaskState",
    "WorkerPool",
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

    @property
    def cancel_event(self) -> threading.Event:
        """Set when cancellation is requested: for blocking calls that watch an Event themselves."""
        return self._cancel

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested; call it at safe points."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, fraction: float | None, text: str = "") -> None:
        """Send progress: ``fraction`` in 0..1, or None when the end is unknown; ``text`` for the user."""
        if fraction is not None:
            fraction = min(1.0, max(0.0, float(fraction)))
        self._report(fraction, text)


# --- worker pools -----------------------------------------------------------------------------
#
# Why plain Python threads and not QThreadPool: a worker must never create, own or destroy a Qt
# object, and must never drop the last reference to anything the GUI made (an op's closures
# capture widgets and the context). QThreadPool.start(callable) hands the callable to a C++
# runnable that releases it on the worker whenever the pool is done with it; our own loop below
# decides exactly when the worker lets go (see WorkerPool._serve).


@dataclass(eq=False)
class _Job:
    """What a worker sees of an op: the function, its state, and where the outcome goes.

    Deliberately no widgets: those stay on the Op, which only the GUI thread holds.
    """

    id: int
    fn: Callable[..., Any]
    pass_state: bool
    state: TaskState
    progress: deque[tuple[float | None, str]]
    outcome: tuple[bool, Any] | None = None


class WorkerPool:
    """Threads, started on demand up to ``max_threads``, that run ops in submission order.

    Its threads never expire: a database connection or a device handle may be tied to the
    thread that opened it, so the same thread must keep serving the pool.
    """

    def __init__(self, name: str, max_threads: int = 1) -> None:
        if max_threads < 1:
            raise ValueError("a pool needs at least one thread")
        self.name = name
        self.max_threads = max_threads
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._idle = 0  # threads waiting for a job
        self._queued = 0  # jobs waiting for a thread
        self._closed = False

    def __repr__(self) -> str:
        return f"<WorkerPool {self.name!r} of {self.max_threads}>"

    def submit(self, job: _Job) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError(f"{self!r} is shut down")
            self._jobs.put(job)
            self._queued += 1
            if self._queued > self._idle and len(self._threads) < self.max_threads:
                thread = threading.Thread(
                    target=self._serve, name=f"ops-{self.name}-{len(self._threads) + 1}", daemon=True)
                self._threads.append(thread)
                thread.start()

    def shut_down(self, deadline: float) -> bool:
        """Stop taking work and let the threads end; False if one still runs at ``deadline``."""
        with self._lock:
            self._closed = True
            threads = list(self._threads)
        for _ in threads:
            self._jobs.put(None)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in threads)

    def _serve(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
            job = self._jobs.get()
            with self._lock:
                self._idle -= 1
                if job is None:
                    return
                self._queued -= 1
            job_id = job.id
            if self._closed:  # the program is exiting: queued work is dropped, not run
                del job
                continue
            _execute(job)
            # The GUI thread holds the job until it hears of it, so dropping ours first means
            # everything fn touched is released there, never here.
            del job
            _deliver(job_id)


def _execute(job: _Job) -> None:
    try:
        job.state.raise_if_cancelled()
        value = job.fn(job.state) if job.pass_state else job.fn()
    except BaseException as exc:  # every outcome must reach the GUI thread
        job.outcome = (False, exc)
    else:
        job.outcome = (True, value)


_pools: dict[str, WorkerPool] = {}
_pools_lock = threading.Lock()


def named_pool(name: str, max_threads: int = 1) -> WorkerPool:
    """The worker pool called ``name``, created on first use with ``max_threads`` threads."""
    with _pools_lock:
        pool = _pools.get(name)
        if pool is None:
            pool = _pools[name] = WorkerPool(name, max_threads)
        return pool


def database_pool() -> WorkerPool:
    """The pool every database op runs on: one thread, so database work is serialised."""
    return named_pool("database", 1)


# --- delivery to the GUI thread ---------------------------------------------------------------


class _Dispatcher(QObject):
    """Lives on the GUI thread; workers emit a job id on it and its slots run on the GUI thread.

    Only ints cross threads: outcomes and progress wait on the job, which the GUI thread reads.
    One long-lived dispatcher (rather than one QObject per op) means no QObject is ever
    deleted while a queued call to it is pending or running.
    """

    finished = Signal(int)
    progressed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ui.ops dispatcher")
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self.collector = QTimer(self)
        self.collector.setInterval(GC_INTERVAL_MS)
        self.collector.timeout.connect(_collect_garbage_if_due)

    @Slot(int)
    def _on_finished(self, job_id: int) -> None:
        op = _running.pop(job_id, None)
        if op is not None:
            op._finish()
        _collect_garbage_if_due()

    @Slot(int)
    def _on_progressed(self, job_id: int) -> None:
        op = _running.get(job_id)
        if op is not None:
            op._drain_progress()


_dispatcher_instance: _Dispatcher | None = None
# Held while a worker emits, and by the exit handler to stop emissions before Qt is torn down.
_delivery_lock = threading.Lock()
_delivery_open = True


def _deliver(job_id: int, *, progress: bool = False) -> None:
    """From a worker: tell the GUI thread that ``job_id`` ended (or reported progress).

    Nothing is sent once the program is exiting and Qt may already be gone.
    """
    with _delivery_lock:
        dispatcher = _dispatcher_instance
        if _delivery_open and dispatcher is not None and shiboken6.isValid(dispatcher):
            (dispatcher.progressed if progress else dispatcher.finished).emit(job_id)


def _require_gui_thread() -> None:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("ui.ops needs a QApplication")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("create and run ops on the GUI thread only")


def _dispatcher() -> _Dispatcher:
    global _dispatcher_instance
    if _dispatcher_instance is None or not shiboken6.isValid(_dispatcher_instance):
        with _delivery_lock:
            _dispatcher_instance = _Dispatcher()
        _collect_on_gui_thread(_dispatcher_instance)
    return _dispatcher_instance


# --- garbage collection on the GUI thread -----------------------------------------------------
#
# Python's cyclic collector runs on whichever thread happens to allocate, and database work
# allocates a lot. GUI objects end up in reference cycles all the time (a window and the
# lambdas connected to it, an op and its callbacks), so a collection on a worker destroyed
# widgets, timers and event loops there: Qt objects must be destroyed on their own thread, and
# shiboken's deferral of widget deletion to the GUI thread raced Qt's own deleteLater (a double
# delete, seen as a segfault "Garbage-collecting" on the GUI thread). So once ops exist, the
# automatic collector is off and the GUI thread collects, with the thresholds Python would use.

GC_INTERVAL_MS = 500


def _collect_on_gui_thread(dispatcher: _Dispatcher) -> None:
    gc.disable()
    dispatcher.collector.start()


def _collect_garbage_if_due() -> None:
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[0] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


# --- running ops ------------------------------------------------------------------------------

# Ops between run() and their delivery, by job id; this also keeps them (and everything their
# fn refers to) alive, and owned by the GUI thread, while their fn runs.
_running: dict[int, Op[Any]] = {}
_job_ids = itertools.count(1)


def running_ops() -> int:
    """How many ops have been started and not yet delivered their outcome."""
    return len(_running)


def cancel_all() -> None:
    """Ask every running op to stop (at shutdown, before :func:`wait_all`)."""
    for op in list(_running.values()):
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


EXIT_TIMEOUT_S = 10.0


def _shut_down_at_exit() -> None:
    """Stop the workers before Qt is torn down, so no worker touches Qt after the application.

    Registered with atexit after PySide was imported, so it runs before PySide's own clean-up.
    """
    global _delivery_open
    with _delivery_lock:
        _delivery_open = False
    for op in list(_running.values()):
        op.cancel()
    deadline = time.monotonic() + EXIT_TIMEOUT_S
    with _pools_lock:
        pools = list(_pools.values())
    if all([pool.shut_down(deadline) for pool in pools]):
        gc.enable()  # no worker left to collect on
    else:
        logger.warning("an op was still running at exit; its outcome is dropped")


atexit.register(_shut_down_at_exit)


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
        pool: WorkerPool | None = None,
    ) -> None:
        _require_gui_thread()
        _dispatcher()
        self._parent = parent
        self._pool = pool if pool is not None else database_pool()
        job_id = next(_job_ids)
        progress: deque[tuple[float | None, str]] = deque()

        def report(fraction: float | None, text: str) -> None:
            # Runs on the worker: plain values into the job, only the id across threads.
            progress.append((fraction, text))
            _deliver(job_id, progress=True)

        state = TaskState(report)
        self._job = _Job(job_id, fn, _takes_state(fn), state, progress)
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
        fn = self._job.fn
        name = getattr(fn, "__qualname__", repr(fn))
        return f"<Op {name} on {self._pool.name}>"

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
        _running[self._job.id] = self
        self._mark_busy()
        if self._dialog_spec is not None:
            self._open_dialog(self._dialog_spec)
        try:
            self._pool.submit(self._job)
        except BaseException:
            del _running[self._job.id]
            self._unmark_busy()
            self._close_dialog()
            raise
        return self

    def cancel(self) -> None:
        """Ask ``fn`` to stop at its next ``raise_if_cancelled``; an op still queued never starts."""
        self._job.state.request_cancel()

    @property
    def cancel_requested(self) -> bool:
        return self._job.state.cancel_requested

    @property
    def is_running(self) -> bool:
        return self._started and not self._finished

    # GUI thread

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _drain_progress(self) -> None:
        progress = self._job.progress
        while progress and not self._finished:
            self._progress(*progress.popleft())

    def _progress(self, fraction: float | None, text: str) -> None:
        if self._finished or not self._parent_alive():
            return
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._update_dialog(fraction, text)
        if self._on_progress is not None:
            self._on_progress(fraction, text)

    def _finish(self) -> None:
        # Reports made before the end come first, as they would have in a queue.
        self._drain_progress()
        assert self._job.outcome is not None, "a job is delivered only once it has an outcome"
        ok, value = self._job.outcome
        self._finished = True
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
