"""Ops' outcomes and progress brought to the GUI thread; garbage collected there; the running ops.

Workers are plain Python threads that never create, own or release a Qt object: the GUI thread
holds every op and what its ``fn`` refers to until the outcome arrives (:data:`running`), and
once ops exist Python's cyclic garbage collector runs on the GUI thread only.

:func:`running_ops`, :func:`cancel_all` and :func:`wait_all` are for tests and shutdown; at exit
the workers are stopped before Qt is torn down.
"""

from __future__ import annotations

import atexit
import gc
import itertools
import logging
import math
import threading
import time
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot

from ui.ops.pools import all_pools

if TYPE_CHECKING:
    from ui.ops.op import Op

__all__ = [
    "cancel_all",
    "deliver",
    "ensure_dispatcher",
    "new_op_id",
    "require_gui_thread",
    "running",
    "running_ops",
    "wait_all",
]

logger = logging.getLogger(__name__)


# Ops between run() and their delivery, by id; this also keeps them (and everything their fn
# refers to) alive, and owned by the GUI thread, while their fn runs.
running: dict[int, Op[Any]] = {}
_op_ids = itertools.count(1)


def new_op_id() -> int:
    return next(_op_ids)


class _Dispatcher(QObject):
    """Lives on the GUI thread; workers emit an op's id on it and its slots run on the GUI thread.

    Only ints cross threads: outcomes and progress wait on the op's work item, which the GUI
    thread reads. One long-lived dispatcher (rather than one QObject per op) means no QObject is
    ever deleted while a queued call to it is pending or running.
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
    def _on_finished(self, op_id: int) -> None:
        op = running.pop(op_id, None)
        if op is not None:
            op.deliver_outcome()
        _collect_garbage_if_due()

    @Slot(int)
    def _on_progressed(self, op_id: int) -> None:
        op = running.get(op_id)
        if op is not None:
            op.deliver_progress()


_dispatcher_instance: _Dispatcher | None = None
# Held while a worker emits, and by the exit handler to stop emissions before Qt is torn down.
_delivery_lock = threading.Lock()
_delivery_open = True


def deliver(op_id: int, *, progress: bool = False) -> None:
    """From a worker: tell the GUI thread that ``op_id`` ended (or reported progress).

    Nothing is sent once the program is exiting and Qt may already be gone.
    """
    with _delivery_lock:
        dispatcher = _dispatcher_instance
        if _delivery_open and dispatcher is not None and shiboken6.isValid(dispatcher):
            (dispatcher.progressed if progress else dispatcher.finished).emit(op_id)


def require_gui_thread() -> None:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("ui.ops needs a QApplication")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("create and run ops on the GUI thread only")


def ensure_dispatcher() -> None:
    """Create the dispatcher on the GUI thread (and hand garbage collection to it) if need be."""
    global _dispatcher_instance
    if _dispatcher_instance is None or not shiboken6.isValid(_dispatcher_instance):
        with _delivery_lock:
            _dispatcher_instance = _Dispatcher()
        _collect_on_gui_thread(_dispatcher_instance)


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


# --- the running ops --------------------------------------------------------------------------


def running_ops() -> int:
    """How many ops have been started and not yet delivered their outcome."""
    return len(running)


def runs_for(owner: QObject) -> bool:
    """Whether an op of ``owner``, or of a child of it, has not delivered its outcome yet."""
    for op in running.values():
        parent = op.owner
        while parent is not None and shiboken6.isValid(parent):
            if parent is owner:
                return True
            parent = parent.parent()
    return False


def cancel_all() -> None:
    """Ask every running op to stop (at shutdown, before :func:`wait_all`)."""
    for op in list(running.values()):
        op.cancel()


def wait_all(timeout_ms: int = 5000) -> bool:
    """Process events until every running op has delivered its outcome; False on timeout.

    For tests and shutdown. It pumps the GUI event loop, so callbacks run inside it.
    """
    app = QCoreApplication.instance()
    if app is None:
        return not running
    require_gui_thread()
    deadline = time.monotonic() + timeout_ms / 1000
    # Asleep until an event comes (an outcome is a queued call, which wakes the loop) rather than
    # polled every few milliseconds: a poll's sleep was added to every op waited on (issue 23). The
    # timer wakes the loop at the deadline if no outcome does. A coarse timer may fire a few
    # milliseconds early, and a loop that found the deadline not passed then slept with no timer
    # left, for ever: so the timer is precise and re-armed with what remains on every pass.
    wake_up = QTimer()
    wake_up.setSingleShot(True)
    wake_up.setTimerType(Qt.TimerType.PreciseTimer)
    try:
        while running and (remaining := deadline - time.monotonic()) > 0:
            wake_up.start(max(1, math.ceil(remaining * 1000)))
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake_up.stop()
    app.processEvents()
    return not running


EXIT_TIMEOUT_S = 10.0


def _shut_down_at_exit() -> None:
    """Stop the workers before Qt is torn down, so no worker touches Qt after the application.

    Registered with atexit after PySide was imported, so it runs before PySide's own clean-up.
    """
    global _delivery_open
    with _delivery_lock:
        _delivery_open = False
    for op in list(running.values()):
        op.cancel()
    deadline = time.monotonic() + EXIT_TIMEOUT_S
    if all([pool.shut_down(deadline) for pool in all_pools()]):
        gc.enable()  # no worker left to collect on
    else:
        logger.warning("an op was still running at exit; its outcome is dropped")


atexit.register(_shut_down_at_exit)
