"""The Future-returning face of a receipt printer: its own worker thread, jobs in a queue.

A window or a workflow calls these and never waits on the device; each call's cancel event
reaches the driver (a job not yet started is dropped; a started one finishes whole).
"""

from __future__ import annotations

from hardware.interfaces import PrinterStatus, PrintResult, ReceiptDocument, ReceiptPrinter
from hardware.worker import DeviceFuture, DeviceWorker


class PrinterQueue:
    def __init__(self, printer: ReceiptPrinter, *, job_timeout: float = 60.0, status_timeout: float = 10.0) -> None:
        self.printer = printer
        self.job_timeout = job_timeout
        self.status_timeout = status_timeout
        self.worker = DeviceWorker(printer.name, default_timeout=job_timeout, on_stop=printer.close)

    @property
    def name(self) -> str:
        return self.printer.name

    def print_document(self, document: ReceiptDocument) -> DeviceFuture[PrintResult]:
        label = f"print {document.label}" if document.label else "print"
        return self.worker.submit(
            lambda cancel: self.printer.print_document(document, cancel), timeout=self.job_timeout, label=label
        )

    def status(self) -> DeviceFuture[PrinterStatus]:
        return self.worker.submit(self.printer.status, timeout=self.status_timeout, label="status")

    def kick_drawer(self) -> DeviceFuture[None]:
        return self.worker.submit(self.printer.kick_drawer, timeout=self.status_timeout, label="open drawer")

    def drawer_open(self) -> DeviceFuture[bool | None]:
        return self.worker.submit(self.printer.drawer_open, timeout=self.status_timeout, label="drawer state")

    def close(self, wait: float = 10.0) -> bool:
        """Stop the worker (queued jobs are cancelled) and close the port on the worker thread."""
        return self.worker.shutdown(wait=wait)
