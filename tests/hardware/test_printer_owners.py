"""PrinterOwners: one worker and one connection per physical printer, shared by leases; the simulator's count."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from hardware.errors import Cancelled, DeviceBusy
from hardware.escpos import printer_from_url
from hardware.escpos.owners import PrinterOwners, wait_for
from hardware.interfaces import ReceiptDocument, Text
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter


@pytest.fixture
def server() -> Iterator[TcpPrinterServer]:
    sim = TcpPrinterServer(SimulatedPrinter(profile="TM-T20II", paper_mm=80), port=0, refuse_second=True).start()
    yield sim
    sim.stop()


def url(server: TcpPrinterServer) -> str:
    return f"tcp://127.0.0.1:{server.port}"


def line(text: str) -> ReceiptDocument:
    return ReceiptDocument((Text(text),), label=text)


def test_leases_on_one_device_share_its_worker_and_connection_each_in_its_own_layout(server: TcpPrinterServer):
    owners = PrinterOwners()
    wide = owners.lease(printer_from_url(url(server), profile="TM-T20II", paper_mm=80), status_timeout=2)
    narrow = owners.lease(printer_from_url(url(server), profile="POS-5890", paper_mm=58), status_timeout=2)
    assert wide.worker is narrow.worker and owners.devices() == {wide.name: 2}
    assert (wide.printer.columns, narrow.printer.columns) == (48, 32)
    futures = []
    for n in range(5):
        futures += [wide.status(), narrow.print_document(line("x" * 40 + f" narrow {n}")), wide.kick_drawer(),
                    wide.print_document(line("y" * 40 + f" wide {n}"))]
    for future in futures:
        future.result(30)
    lines = server.engine.text().splitlines()
    assert server.engine.drawer_kicks == 5
    # The 58 mm lease's lines wrap at 32 characters, the 80 mm one's at 48: each keeps its layout.
    assert lines.count("x" * 32) == 5 and sum(text.startswith("y" * 40 + " wide") for text in lines) == 5
    assert (server.connections, server.peak_connections, server.refused) == (1, 1, 0)
    # The first lease given back keeps the owner for the other; the last one stops it and closes the port.
    assert wide.release(wait=30) and narrow.worker.alive and owners.devices() == {narrow.name: 1}
    assert narrow.status().result(30).ready
    assert narrow.release(wait=30) and not narrow.worker.alive and owners.devices() == {}
    again = owners.lease(printer_from_url(url(server)), status_timeout=2)
    assert again.status().result(30).ready and server.connections == 2 and server.peak_connections == 1
    again.release(wait=30)


def test_a_queued_job_has_its_own_cancel_and_its_own_wait_and_never_reaches_the_printer(server: TcpPrinterServer):
    owners = PrinterOwners()
    lease = owners.lease(printer_from_url(url(server)), status_timeout=5)
    held = threading.Event()
    release = threading.Event()

    def hold(_printer: object, _cancel: threading.Event) -> None:
        held.set()
        release.wait(30)

    blocker = lease.submit(hold, timeout=10, label="hold")
    assert held.wait(30)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        wait_for(lease.print_document(line("never")), queue_timeout=10, cancel=cancel, device=lease.name)
    with pytest.raises(DeviceBusy):
        wait_for(lease.print_document(line("never either")), queue_timeout=0.2, device=lease.name)
    release.set()
    blocker.result(30)
    assert wait_for(lease.status(), queue_timeout=5).ready
    assert server.engine.receipts() == [] and server.connections == 1
    lease.release(wait=30)


def test_a_queue_timeout_never_cancels_a_job_the_worker_has_just_started(server: TcpPrinterServer):
    owners = PrinterOwners()
    lease = owners.lease(printer_from_url(url(server)), status_timeout=5)
    release, started, proceed = threading.Event(), threading.Event(), threading.Event()
    blocker = lease.submit(lambda _printer, _cancel: release.wait(30), timeout=10, label="hold")

    def receipt(printer, cancel: threading.Event):
        started.set()
        proceed.wait(30)
        if cancel.is_set():  # as a printer stops between lines when told to
            raise Cancelled(device=lease.name, bytes_sent=0)
        return printer.print_document(line("fiscal receipt"), cancel)

    future = lease.submit(receipt, timeout=10, label="receipt")
    real_running, real_cancel = future.running, future.cancel
    asked = []

    def running_seen_just_before_the_worker_starts_it() -> bool:
        if not asked:  # the queue wait is over: the worker takes the job between this look and the cancel
            asked.append(True)
            release.set()
            assert started.wait(30)
            return False
        return real_running()

    def cancel_then_let_the_job_go_on() -> bool:
        outcome = real_cancel()
        proceed.set()
        return outcome

    future.running = running_seen_just_before_the_worker_starts_it  # type: ignore[method-assign]
    future.cancel = cancel_then_let_the_job_go_on  # type: ignore[method-assign]
    wait_for(future, queue_timeout=0.01, device=lease.name)
    blocker.result(30)
    assert asked and not future.cancel_event.is_set()
    assert "fiscal receipt" in server.engine.text()
    lease.release(wait=30)


@pytest.mark.parametrize("refuse", [False, True])
def test_the_simulator_serves_one_connection_at_a_time_and_counts_a_second(refuse: bool):
    server = TcpPrinterServer(SimulatedPrinter(), port=0, refuse_second=refuse).start()
    status_query = b"\x10\x04\x01"
    try:
        first = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        first.sendall(status_query)
        assert len(first.recv(1)) == 1
        second = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        second.settimeout(0.5)
        second.sendall(status_query)
        if refuse:
            with pytest.raises((ConnectionResetError, ConnectionAbortedError)):
                assert second.recv(1) == b""  # some stacks say EOF: the connection is gone either way
        else:
            with pytest.raises(TimeoutError):
                second.recv(1)  # waits: the printer is busy with the first
        first.close()
        if not refuse:
            second.settimeout(5)
            assert len(second.recv(1)) == 1  # the first closed: now it is served
        second.close()
        assert server.peak_connections == 2
        assert (server.connections, server.refused) == ((1, 1) if refuse else (2, 0))
    finally:
        server.stop()
