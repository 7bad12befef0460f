"""The op: one piece of blocking work, ``fn`` on a worker thread and its callbacks on the GUI thread.

See :mod:`ui.ops` for how to use it. If the parent is destroyed before the op finishes, no
callback is called; a failure is then still logged. An op whose ``fn`` completed despite a cancel
request reports ``success``: the work was done (a card may have been charged) and the GUI must know.
"""

from __future__ import annotations

import inspect
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ui.ops import delivery
from ui.ops.feedback import ProgressDialog, dialog_parent, disable, hold_busy, release_busy, show_error, wait_cursor
from ui.ops.pools import Cancelled, TaskState, WorkerPool, WorkItem, database_pool

__all__ = ["Op"]

logger = logging.getLogger(__name__)

T = TypeVar("T")


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
        delivery.require_gui_thread()
        delivery.ensure_dispatcher()
        self._parent = parent
        self._pool = pool if pool is not None else database_pool()
        op_id = delivery.new_op_id()
        progress: deque[tuple[float | None, str]] = deque()

        def report(fraction: float | None, text: str) -> None:
            # Runs on the worker: plain values into the work item, only the id across threads.
            progress.append((fraction, text))
            delivery.deliver(op_id, progress=True)

        state = TaskState(report)
        self._work = WorkItem(op_id, fn, _takes_state(fn), state, progress, delivery.deliver)
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[BaseException], Any] | None = None
        self._on_progress: Callable[[float | None, str], Any] | None = None
        self._on_released: list[Callable[[], Any]] = []
        self._busy_widgets: list[QWidget] = []
        self._cursor_window: QWidget | None = None
        self._dialog_spec: _DialogSpec | None = None
        self._dialog: ProgressDialog | None = None
        self._stop_waiting: Callable[[], Any] | None = None
        self._waiting_text = ""  # the progress dialog's words until fn reports its own
        self._stopped_waiting = False
        self._started = False
        self._finished = False

    def __repr__(self) -> str:
        fn = self._work.fn
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

    def released(self, callback: Callable[[], Any]) -> Op[T]:
        """Call ``callback()`` on the GUI thread once ``fn`` has ended and the op has given its widgets
        back, before ``success``/``failure``; also when the parent has been destroyed. Each callback
        given is called, in the order given: ``ctx.change`` tells the windows of its change with one."""
        self._on_released.append(callback)
        return self

    def busy(self, *widgets: QWidget) -> Op[T]:
        """Disable ``widgets`` while the op runs (the parent window gets a wait cursor anyway)."""
        self._busy_widgets.extend(widgets)
        return self

    def with_progress_dialog(self, title: str, cancellable: bool = True) -> Op[T]:
        """Show a window-modal progress dialog if the op lasts over ~300 ms (modal to its tab only
        over a reservation card, :mod:`ui.ops.tab_modal`).

        It follows ``state.report`` (bar and text); its Cancel calls :meth:`cancel`, and it
        stays open until ``fn`` has actually stopped.
        """
        self._dialog_spec = _DialogSpec(title, cancellable)
        return self

    def cancel_stops_waiting(self, stopped_waiting: Callable[[], Any], text: str) -> Op[T]:
        """For work that must run to its end once begun (a fiscal document half printed is worse than one
        printed late): the progress dialog's Cancel does not ask ``fn`` to stop; it closes the dialog, gives
        the widgets back and calls ``stopped_waiting`` at once. ``fn`` runs on, and ``success``/``failure``
        still get its outcome when it ends (if the parent is alive: keep it so). ``text`` is what the dialog
        says meanwhile, so the clerk knows what Cancel will do before pressing it."""
        self._stop_waiting = stopped_waiting
        self._waiting_text = text
        return self

    # control

    def run(self) -> Op[T]:
        """Start ``fn`` on the pool; the op can run only once."""
        delivery.require_gui_thread()
        if self._started:
            raise RuntimeError(f"{self!r} has already been run")
        self._started = True
        delivery.running[self._work.id] = self
        self._mark_busy()
        if self._dialog_spec is not None:
            self._open_dialog(self._dialog_spec)
        try:
            self._pool.submit(self._work)
        except BaseException:
            del delivery.running[self._work.id]
            self._unmark_busy()
            self._close_dialog()
            raise
        return self

    def cancel(self) -> None:
        """Ask ``fn`` to stop at its next ``raise_if_cancelled``; an op still queued never starts."""
        self._work.state.request_cancel()

    @property
    def cancel_requested(self) -> bool:
        return self._work.state.cancel_requested

    @property
    def owner(self) -> QObject | None:
        """The widget (or QObject) the op belongs to."""
        return self._parent

    @property
    def is_running(self) -> bool:
        return self._started and not self._finished

    # GUI thread

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def deliver_progress(self) -> None:
        """On the GUI thread: pass on the progress reported so far."""
        progress = self._work.progress
        while progress and not self._finished:
            self._progress(*progress.popleft())

    def _progress(self, fraction: float | None, text: str) -> None:
        if self._finished or not self._parent_alive():
            return
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.show_progress(fraction, text, keep_text=self.cancel_requested)
        if self._on_progress is not None:
            self._on_progress(fraction, text)

    def deliver_outcome(self) -> None:
        """On the GUI thread, once ``fn`` has ended: the callbacks, with its outcome."""
        # Reports made before the end come first, as they would have in a queue.
        self.deliver_progress()
        assert self._work.outcome is not None, "an op is delivered only once it has an outcome"
        ok, value = self._work.outcome
        self._finished = True
        # Restore the widgets first, so a callback may disable them again.
        self._unmark_busy()
        self._close_dialog()
        for released in self._on_released:
            released()
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
            hold_busy(widget, partial(disable, widget))
        if isinstance(self._parent, QWidget):
            # Over a card's tab only, not over the other cards of its window.
            self._cursor_window = window = dialog_parent(self._parent)
            if window is not None:
                hold_busy(window, partial(wait_cursor, window))

    def _unmark_busy(self) -> None:
        widgets, self._busy_widgets = self._busy_widgets, []  # released once, whether the op ended or was let go
        for widget in widgets:
            release_busy(widget)
        if self._cursor_window is not None:
            release_busy(self._cursor_window)
            self._cursor_window = None

    def _open_dialog(self, spec: _DialogSpec) -> None:
        dialog = ProgressDialog(dialog_parent(self._parent), spec.title, spec.cancellable)
        if self._waiting_text:
            dialog.setLabelText(self._waiting_text)
        dialog.canceled.connect(self._on_dialog_cancel)
        self._dialog = dialog

    def _on_dialog_cancel(self) -> None:
        if self._stop_waiting is not None:
            self._stop_the_waiting(self._stop_waiting)
            return
        self.cancel()
        dialog = self._dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.show_cancelling()

    def _stop_the_waiting(self, stopped_waiting: Callable[[], Any]) -> None:
        if self._stopped_waiting or self._finished:
            return
        self._stopped_waiting = True
        logger.info("%r: the window stopped waiting for it; it runs on", self)
        self._unmark_busy()
        self._close_dialog()
        if self._parent_alive():
            stopped_waiting()

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.hide()
            dialog.deleteLater()
