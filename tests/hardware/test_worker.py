"""DeviceWorker: one thread, calls in order, a timeout and a cancel event on each, clean stop."""

from __future__ import annotations

import threading

import pytest

from hardware.errors import Cancelled, DeviceTimeout, PaperOut
from hardware.worker import DeviceWorker, WorkerStopped


@pytest.fixture
def worker():
    w = DeviceWorker("test", default_timeout=5)
    yield w
    w.shutdown()


def test_calls_run_in_order_on_one_thread(worker):
    seen: list[tuple[int, str]] = []

    def job(n):
        def fn(cancel):
            seen.append((n, threading.current_thread().name))
            return n * 10
        return fn

    futures = [worker.submit(job(n)) for n in range(20)]
    assert [f.result(30) for f in futures] == [n * 10 for n in range(20)]
    assert [n for n, _ in seen] == list(range(20))
    assert {name for _, name in seen} == {"device-test"}


def test_device_error_reaches_the_caller(worker):
    def fn(cancel):
        raise PaperOut(device="printer", bytes_sent=3)

    with pytest.raises(PaperOut) as info:
        worker.call(fn)
    assert info.value.params["bytes_sent"] == 3


def test_timeout_fails_the_future_and_sets_the_cancel_event(worker):
    released = threading.Event()

    def stuck(cancel):
        cancel.wait(30)
        released.set()
        return "late"

    future = worker.submit(stuck, timeout=0.1, label="print receipt")
    with pytest.raises(DeviceTimeout) as info:
        future.result(30)
    assert info.value.params["outcome_unknown"] is True
    assert "print receipt" in str(info.value)
    assert released.wait(30)
    # The worker is free again afterwards.
    assert worker.call(lambda cancel: "next") == "next"


def test_cancel_queued_and_running_calls(worker):
    started = threading.Event()

    def running(cancel):
        started.set()
        if cancel.wait(30):
            raise Cancelled(device="printer")
        return "not cancelled"

    first = worker.submit(running)
    queued = worker.submit(lambda cancel: "should not run")
    assert started.wait(30)
    assert queued.request_cancel() is True
    assert queued.cancelled()
    assert first.request_cancel() is False  # running: asked to stop, stops itself
    with pytest.raises(Cancelled):
        first.result(30)


def test_shutdown_cancels_pending_and_closes_in_the_worker_thread():
    closed_on: list[str] = []
    w = DeviceWorker("dev", on_stop=lambda: closed_on.append(threading.current_thread().name))
    gate = threading.Event()
    started = threading.Event()

    def blocking(cancel):
        started.set()
        cancel.wait(30)
        gate.set()
        return "stopped"

    running = w.submit(blocking)
    pending = w.submit(lambda cancel: "never")
    assert started.wait(30)
    assert w.shutdown(wait=30)
    assert gate.is_set()
    assert running.result(1) == "stopped"
    assert pending.cancelled()
    assert closed_on == ["device-dev"]
    late = w.submit(lambda cancel: 1)
    with pytest.raises(WorkerStopped):
        late.result(1)


def test_timeout_must_be_positive(worker):
    with pytest.raises(ValueError):
        worker.submit(lambda cancel: 1, timeout=0)
