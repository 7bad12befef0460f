"""PrinterQueue: one worker owns the printer; callers get Futures and never touch the port."""

from __future__ import annotations

import threading

import pytest

from hardware.errors import Cancelled
from hardware.escpos.queue import PrinterQueue
from hardware.interfaces import ReceiptDocument, Text
from tests.hardware.printer_rigs import printer_rig


def doc(n: int) -> ReceiptDocument:
    return ReceiptDocument((Text(f"Документ {n}"),), label=f"doc {n}")


def test_jobs_print_in_order_from_many_threads_and_close_releases_the_port():
    with printer_rig("tcp") as rig:
        queue = PrinterQueue(rig.printer)
        futures = []
        lock = threading.Lock()

        def submit(n: int) -> None:
            with lock:
                futures.append((n, queue.print_document(doc(n))))

        threads = [threading.Thread(target=submit, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for _, future in futures:
            future.result(30)
        printed = [line for line in rig.engine.text().splitlines() if line.startswith("Документ")]
        assert printed == [f"Документ {n}" for n, _ in futures]
        assert queue.kick_drawer().result(30) is None
        assert queue.drawer_open().result(30) is True
        assert queue.close()
        assert not rig.printer.transport.is_open


def test_a_cancelled_job_prints_nothing():
    with printer_rig("usb") as rig:
        queue = PrinterQueue(rig.printer)
        gate = threading.Event()
        blocker = queue.worker.submit(lambda cancel: gate.wait(30))
        waiting = queue.print_document(doc(1))
        assert waiting.request_cancel()
        gate.set()
        blocker.result(30)
        assert waiting.cancelled()
        # A job whose cancel event is set before it starts raises Cancelled and sends nothing.
        cancel = threading.Event()
        cancel.set()
        with pytest.raises(Cancelled):
            rig.printer.print_document(doc(2), cancel)
        assert rig.engine.received == 0
        queue.close()
