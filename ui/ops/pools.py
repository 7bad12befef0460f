"""The worker threads ops run on: a task's state, the pools, and the named pools the program uses.

Database work runs on :func:`database_pool`, which has exactly one thread, so use cases never
run concurrently against the session (as in Anki's collection ops). Devices get pools of their
own through :func:`named_pool`.

Why plain Python threads and not QThreadPool: a worker must never create, own or destroy a Qt
object, and must never drop the last reference to anything the GUI made (an op's closures
capture widgets and the context). QThreadPool.start(callable) hands the callable to a C++
runnable that releases it on the worker whenever the pool is done with it; our own loop below
decides exactly when the worker lets go (see WorkerPool._serve).
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

__all__ = ["Cancelled", "TaskState", "WorkItem", "WorkerPool", "all_pools", "database_pool", "named_pool"]


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


@dataclass(eq=False)
class WorkItem:
    """What a worker sees of an op: the function, its state, and where the outcome goes.

    Deliberately no widgets: those stay on the Op, which only the GUI thread holds. ``delivered``
    is called on the worker with the item's id once the outcome is set (and the worker has let go
    of the item); it must not refer to anything the GUI made.
    """

    id: int
    fn: Callable[..., Any]
    pass_state: bool
    state: TaskState
    progress: deque[tuple[float | None, str]]
    delivered: Callable[[int], None]
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
        self._items: queue.SimpleQueue[WorkItem | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._idle = 0  # threads waiting for an item
        self._queued = 0  # items waiting for a thread
        self._closed = False

    def __repr__(self) -> str:
        return f"<WorkerPool {self.name!r} of {self.max_threads}>"

    def submit(self, item: WorkItem) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError(f"{self!r} is shut down")
            self._items.put(item)
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
            self._items.put(None)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in threads)

    def _serve(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
            item = self._items.get()
            with self._lock:
                self._idle -= 1
                if item is None:
                    return
                self._queued -= 1
            item_id, delivered = item.id, item.delivered
            if self._closed:  # the program is exiting: queued work is dropped, not run
                del item
                continue
            _execute(item)
            # The GUI thread holds the item until it hears of it, so dropping ours first means
            # everything fn touched is released there, never here.
            del item
            delivered(item_id)


def _execute(item: WorkItem) -> None:
    try:
        item.state.raise_if_cancelled()
        value = item.fn(item.state) if item.pass_state else item.fn()
    except BaseException as exc:  # every outcome must reach the GUI thread
        item.outcome = (False, exc)
    else:
        item.outcome = (True, value)


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


def all_pools() -> list[WorkerPool]:
    """Every pool made so far (to shut them down at exit)."""
    with _pools_lock:
        return list(_pools.values())
