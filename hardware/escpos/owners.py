"""One owner per physical printer in a process: one worker thread and one connection, shared.

A network printer on port 9100 takes one connection at a time, so two parts of a program that
each keep their own (a device hub asking for statuses, a fiscal register printing receipts)
starve each other: the second connection waits until it times out. :class:`PrinterOwners` hands
out leases instead. Every lease on the same device (the same transport name, e.g.
``tcp 192.168.1.50:9100``) queues its jobs on that device's one worker, over its one connection;
each lease keeps its own layout (profile, paper) and its own timeouts, and every job its own
timeout and cancel. The owner stops, closing the port on its own thread, when its last lease is
released.
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from hardware.errors import Cancelled, DeviceBusy
from hardware.escpos.printer import EscposPrinter
from hardware.interfaces import PrinterStatus, PrintResult, ReceiptDocument, ReceiptPrinter
from hardware.worker import DeviceFuture, DeviceWorker, WorkerStopped

log = logging.getLogger(__name__)

T = TypeVar("T")

PrinterJob = Callable[[ReceiptPrinter, threading.Event], T]

# How often a caller waiting on a queued job looks at its own cancel event.
_CANCEL_POLL = 0.05


class _Owner:
    def __init__(self, printer: ReceiptPrinter) -> None:
        self.printer = printer
        self.leases = 0
        # The first printer's transport is the connection every lease shares; it is closed here.
        self.worker = DeviceWorker(printer.name, on_stop=printer.close)


class PrinterLease:
    """One user's hold on a printer's owner: its jobs go on the owner's queue, in its own layout.

    Future-returning calls for windows and hubs (:meth:`status`, :meth:`print_document`, ...), and
    :meth:`blocking` for code that wants a plain :class:`ReceiptPrinter`.
    """

    def __init__(self, owners: PrinterOwners, owner: _Owner, printer: ReceiptPrinter, *,
                 job_timeout: float, status_timeout: float) -> None:
        self._owners = owners
        self._owner = owner
        self.printer = printer
        self.job_timeout = job_timeout
        self.status_timeout = status_timeout
        self._released = False

    @property
    def name(self) -> str:
        return self.printer.name

    @property
    def released(self) -> bool:
        return self._released

    @property
    def worker(self) -> DeviceWorker:
        return self._owner.worker

    def submit(self, job: PrinterJob[T], *, timeout: float, label: str) -> DeviceFuture[T]:
        if self._released:
            future: DeviceFuture[T] = DeviceFuture(label)
            future.set_exception(WorkerStopped(device=self.name))
            return future
        printer = self.printer
        return self._owner.worker.submit(lambda cancel: job(printer, cancel), timeout=timeout, label=label)

    def print_document(self, document: ReceiptDocument) -> DeviceFuture[PrintResult]:
        label = f"print {document.label}" if document.label else "print"
        return self.submit(lambda printer, cancel: printer.print_document(document, cancel),
                           timeout=self.job_timeout, label=label)

    def status(self) -> DeviceFuture[PrinterStatus]:
        return self.submit(lambda printer, cancel: printer.status(cancel), timeout=self.status_timeout,
                           label="status")

    def kick_drawer(self) -> DeviceFuture[None]:
        return self.submit(lambda printer, cancel: printer.kick_drawer(cancel), timeout=self.status_timeout,
                           label="open drawer")

    def drawer_open(self) -> DeviceFuture[bool | None]:
        return self.submit(lambda printer, cancel: printer.drawer_open(cancel), timeout=self.status_timeout,
                           label="drawer state")

    def blocking(self, *, queue_timeout: float | None = None) -> SharedPrinter:
        """A :class:`ReceiptPrinter` whose every call is a job on this lease, waited for."""
        return SharedPrinter(self, queue_timeout=self.job_timeout if queue_timeout is None else queue_timeout)

    def release(self, *, wait: float = 10.0) -> bool:
        """Give the printer back; the last lease stops the owner. True when nothing is left running."""
        if self._released:
            return True
        self._released = True
        return self._owners._release(self._owner, wait)


def wait_for(future: DeviceFuture[T], *, queue_timeout: float, cancel: threading.Event | None = None,
              device: str = "") -> T:
    """The job's result, waiting its turn behind the other leases' jobs for at most ``queue_timeout``.

    Once it runs, the worker bounds it with its own timeout. ``cancel`` drops a queued job
    (``Cancelled``) and asks a running one to stop. A job still queued after ``queue_timeout``
    is dropped and ``DeviceBusy`` raised: nothing of it reached the printer.
    """
    queued_until = time.monotonic() + queue_timeout
    cancel_sent = False
    while True:
        # done(), not wait()'s answer: a future cancelled here counts as done for wait() only once
        # the worker reaches it.
        concurrent.futures.wait([future], timeout=_CANCEL_POLL)
        if future.done():
            break
        if cancel is not None and cancel.is_set() and not cancel_sent:
            cancel_sent = True
            future.request_cancel()
        elif not future.running() and time.monotonic() > queued_until and future.cancel():
            # cancel() first: if the worker started the job meanwhile it fails, and the job (a
            # fiscal receipt perhaps) must then run to its end, not see a cancel event mid-print.
            future.cancel_event.set()
            raise DeviceBusy(f"The printer was busy with other jobs for {queue_timeout:g} s; "
                             f"{future.label} was not sent.", device=device, bytes_sent=0)
    if future.cancelled():
        raise Cancelled(device=device, bytes_sent=0)
    return future.result()


class SharedPrinter:
    """The :class:`ReceiptPrinter` face of a lease (a fiscal register prints through it).

    Every call is queued on the printer's owner and waited for here, so it never interleaves with
    another lease's job; ``close`` closes nothing (the connection is the owner's: release the lease).
    """

    def __init__(self, lease: PrinterLease, *, queue_timeout: float) -> None:
        self.lease = lease
        self.queue_timeout = queue_timeout

    @property
    def name(self) -> str:
        return self.lease.name

    @property
    def columns(self) -> int:
        return self.lease.printer.columns

    def _run(self, future: DeviceFuture[T], cancel: threading.Event | None) -> T:
        return wait_for(future, queue_timeout=self.queue_timeout, cancel=cancel, device=self.name)

    def status(self, cancel: threading.Event | None = None) -> PrinterStatus:
        return self._run(self.lease.status(), cancel)

    def print_document(self, document: ReceiptDocument, cancel: threading.Event | None = None) -> PrintResult:
        return self._run(self.lease.print_document(document), cancel)

    def kick_drawer(self, cancel: threading.Event | None = None) -> None:
        self._run(self.lease.kick_drawer(), cancel)

    def drawer_open(self, cancel: threading.Event | None = None) -> bool | None:
        return self._run(self.lease.drawer_open(), cancel)

    def close(self) -> None:
        return None


class PrinterOwners:
    """The printers' owners of one process, by device; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owners: dict[str, _Owner] = {}

    def lease(self, printer: ReceiptPrinter, *, job_timeout: float = 60.0,
              status_timeout: float = 10.0) -> PrinterLease:
        """A lease on ``printer``'s device (built, not opened); its owner is made on first lease.

        A later lease's printer is moved onto the owner's connection, keeping its own layout; a
        printer that cannot be moved (not ESC/POS) uses the owner's printer as it is.
        """
        with self._lock:
            owner = self._owners.get(printer.name)
            if owner is None or not owner.worker.alive:
                owner = self._owners[printer.name] = _Owner(printer)
                shared = printer
            else:
                shared = _on_connection_of(printer, owner.printer)
            owner.leases += 1
        return PrinterLease(self, owner, shared, job_timeout=job_timeout, status_timeout=status_timeout)

    def _release(self, owner: _Owner, wait: float) -> bool:
        with self._lock:
            owner.leases -= 1
            if owner.leases > 0:
                return True
            if self._owners.get(owner.printer.name) is owner:
                del self._owners[owner.printer.name]
        stopped = owner.worker.shutdown(wait=wait)
        if not stopped:
            log.warning("printer %s did not stop in time", owner.printer.name)
        return stopped

    def devices(self) -> dict[str, int]:
        """Each owned device's name and how many leases hold it."""
        with self._lock:
            return {name: owner.leases for name, owner in self._owners.items()}

    def close(self, *, wait: float = 10.0) -> None:
        """Stop every owner (at program exit), whoever still holds a lease."""
        with self._lock:
            owners = list(self._owners.values())
            self._owners.clear()
        for owner in owners:
            owner.worker.shutdown(wait=wait)


def _on_connection_of(printer: ReceiptPrinter, owner_printer: ReceiptPrinter) -> ReceiptPrinter:
    if isinstance(printer, EscposPrinter) and isinstance(owner_printer, EscposPrinter):
        return printer.on_transport(owner_printer.transport)
    return owner_printer

