"""One thread owns one device: calls queue up, each with a timeout and a cancel event.

Nothing else touches the device's port, so two windows can never interleave their bytes. A call
is a function `fn(cancel: threading.Event) -> T`; it should look at `cancel` between steps (and
the transports bound every single wait anyway). The caller gets a `concurrent.futures.Future`.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass
from typing import Any, TypeVar

from hardware.errors import DeviceError, DeviceTimeout

log = logging.getLogger(__name__)

T = TypeVar("T")

# What a device's own thread runs: it is handed the event that asks it to stop.
DeviceWork = Callable[[threading.Event], T]


class WorkerStopped(DeviceError):
    code = "device.worker_stopped"
    default_text = "The device worker has stopped; nothing more can be sent to this device."


class DeviceFuture(Future[T]):
    """A Future that can also ask a running call to stop (the call sees its cancel event)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.cancel_event = threading.Event()

    def request_cancel(self) -> bool:
        """Cancel if still queued (True); if running, set its cancel event and let it stop itself."""
        self.cancel_event.set()
        return self.cancel()


@dataclass
class _Job:
    fn: Callable[[threading.Event], Any]
    future: DeviceFuture[Any]
    timeout: float


_STOP = object()


class DeviceWorker:
    """A thread and a queue for one device.

    `on_stop` runs in the worker thread after the last call (close the port there, so the thread
    that used the port is the one that closes it).
    """

    def __init__(
        self,
        name: str,
        *,
        default_timeout: float = 30.0,
        on_stop: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.default_timeout = default_timeout
        self._on_stop = on_stop
        self._queue: queue.Queue[Any] = queue.Queue()
        self._stopping = threading.Event()
        self._current: _Job | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"device-{name}", daemon=True)
        self._thread.start()

    # -- caller side -----------------------------------------------------------------------------

    def submit(self, fn: DeviceWork[T], *, timeout: float | None = None, label: str = "") -> DeviceFuture[T]:
        """Queue `fn`; its Future fails with `DeviceTimeout` if it has not finished `timeout`
        seconds after it started (the call's cancel event is set at that moment too)."""
        limit = self.default_timeout if timeout is None else timeout
        if not limit > 0:
            raise ValueError("timeout must be positive")
        future: DeviceFuture[T] = DeviceFuture(label or getattr(fn, "__name__", "call"))
        with self._lock:
            if self._stopping.is_set():
                future.set_exception(WorkerStopped(device=self.name))
                return future
            self._queue.put(_Job(fn, future, limit))
        return future

    def call(self, fn: DeviceWork[T], *, timeout: float | None = None, label: str = "") -> T:
        """Submit and wait (for scripts and tests; a GUI thread must use `submit`)."""
        return self.submit(fn, timeout=timeout, label=label).result()

    def cancel_current(self) -> None:
        job = self._current
        if job is not None:
            job.future.cancel_event.set()

    def shutdown(self, *, wait: float = 10.0) -> bool:
        """Stop taking calls, cancel the queued ones, ask the running one to stop, close the device.

        Returns True when the thread ended within `wait` seconds.
        """
        with self._lock:
            if not self._stopping.is_set():
                self._stopping.set()
                self._queue.put(_STOP)
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, _Job):
                item.future.request_cancel()
        self._queue.put(_STOP)
        self.cancel_current()
        self._thread.join(wait)
        return not self._thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    # -- worker side ------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                self._run_job(item)
        finally:
            # Calls that slipped in after the stop marker are failed, not left hanging.
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(item, _Job) and item.future.set_running_or_notify_cancel():
                    item.future.set_exception(WorkerStopped(device=self.name))
            if self._on_stop is not None:
                try:
                    self._on_stop()
                except Exception:
                    log.exception("closing device %s failed", self.name)

    def _run_job(self, job: _Job) -> None:
        future = job.future
        if not future.set_running_or_notify_cancel():
            return
        if self._stopping.is_set():
            future.cancel_event.set()
        self._current = job
        timer = threading.Timer(job.timeout, self._expire, args=(job,))
        timer.daemon = True
        timer.start()
        try:
            result = job.fn(future.cancel_event)
        except BaseException as exc:
            try:
                future.set_exception(exc)
            except InvalidStateError:
                # Already failed with DeviceTimeout; keep a trace of what the late call said.
                log.warning("device %s: %s ended after its timeout with %r", self.name, future.label, exc)
        else:
            with contextlib.suppress(InvalidStateError):
                future.set_result(result)
        finally:
            timer.cancel()
            self._current = None

    def _expire(self, job: _Job) -> None:
        job.future.cancel_event.set()
        if not job.future.done():
            # The call may finish in the same instant; then its own outcome stands.
            with contextlib.suppress(InvalidStateError):
                job.future.set_exception(
                    DeviceTimeout(
                        f"{job.future.label} did not finish within {job.timeout:g} s; its outcome is unknown.",
                        device=self.name,
                        outcome_unknown=True,
                    )
                )
