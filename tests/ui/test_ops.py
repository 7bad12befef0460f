"""ui.ops: work off the GUI thread, results back on it, busy state, progress, cancel."""

from __future__ import annotations

import gc
import logging
import os
import subprocess
import sys
import textwrap
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread
from PySide6.QtWidgets import QMessageBox, QPushButton, QVBoxLayout, QWidget

from ui.ops import delivery, feedback, pools
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState

ROOT = Path(__file__).resolve().parents[2]
GATE_TIMEOUT = 30  # seconds a worker waits for the test to open its gate; never reached when green


@pytest.fixture(autouse=True)
def no_op_left_behind() -> Iterator[None]:
    yield
    assert delivery.wait_all(30_000), f"{delivery.running_ops()} op(s) still running after the test"


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    widget.setLayout(QVBoxLayout())
    qtbot.addWidget(widget)
    return widget


def gui_thread() -> QThread:
    return QCoreApplication.instance().thread()


def test_success_runs_fn_on_a_worker_and_callback_on_the_gui_thread(qtbot, window):
    seen: dict[str, object] = {}

    def fn() -> int:
        seen["fn_thread"] = QThread.currentThread()
        return 42

    def on_success(result: int) -> None:
        seen["result"] = result
        seen["callback_thread"] = QThread.currentThread()

    Op(window, fn).success(on_success).run()

    qtbot.waitUntil(lambda: "result" in seen, timeout=30_000)
    assert seen["result"] == 42
    assert seen["callback_thread"] is gui_thread()
    assert seen["fn_thread"] is not gui_thread()


def test_failure_callback_receives_the_exception(qtbot, window):
    error = ValueError("room 101 has no guests")
    failures: list[BaseException] = []
    successes: list[object] = []

    def fn() -> None:
        raise error

    Op(window, fn).success(successes.append).failure(failures.append).run()

    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    assert failures == [error]
    assert successes == []


def test_without_failure_callback_the_error_is_shown_and_logged(qtbot, window, caplog):
    def fn() -> None:
        raise RuntimeError("The printer is out of paper")

    with caplog.at_level(logging.ERROR, logger="ui.ops"):
        Op(window, fn).run()
        qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=30_000)

    box = window.findChild(QMessageBox, "opErrorBox")
    assert box.text() == "The printer is out of paper"
    assert box.icon() == QMessageBox.Icon.Critical
    assert "RuntimeError" in box.detailedText()  # not a domain error: traceback for support
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    box.close()


def test_domain_errors_show_their_message_without_traceback(qtbot, window):
    errors = pytest.importorskip("desk.core.errors")

    def fn() -> None:
        raise errors.NotFound("No guest stays in room 512")

    Op(window, fn).run()
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=30_000)
    box = window.findChild(QMessageBox, "opErrorBox")
    assert box.text() == "No guest stays in room 512"
    assert box.detailedText() == ""
    box.close()


def test_default_failure_does_not_show_a_cancellation(qtbot, window):
    def fn(state: TaskState) -> None:
        state.request_cancel()
        state.raise_if_cancelled()

    Op(window, fn).run()
    assert delivery.wait_all(30_000)
    assert window.findChildren(QMessageBox) == []


def test_progress_arrives_in_order(qtbot, window):
    reports: list[tuple[float | None, str]] = []
    done: list[str] = []

    def fn(state: TaskState) -> str:
        state.report(None, "connecting")
        for step in range(1, 5):
            state.report(step / 4, f"step {step}")
        return "done"

    Op(window, fn).progress(lambda f, t: reports.append((f, t))).success(done.append).run()

    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert reports == [(None, "connecting"), (0.25, "step 1"), (0.5, "step 2"), (0.75, "step 3"),
                       (1.0, "step 4")]


def test_cooperative_cancel_stops_the_loop_and_reports_cancelled(qtbot, window):
    started = threading.Event()
    iterations: list[int] = []
    failures: list[BaseException] = []

    def fn(state: TaskState) -> None:
        started.set()
        deadline = time.monotonic() + GATE_TIMEOUT
        while time.monotonic() < deadline:
            state.raise_if_cancelled()
            iterations.append(1)
            time.sleep(0.002)

    op = Op(window, fn).failure(failures.append).run()
    assert started.wait(GATE_TIMEOUT)
    op.cancel()

    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    assert isinstance(failures[0], Cancelled)
    count = len(iterations)
    time.sleep(0.01)
    assert len(iterations) == count  # the loop really stopped


def test_cancel_before_start_never_runs_fn(qtbot, window):
    gate = threading.Event()
    ran: list[str] = []
    failures: list[BaseException] = []

    Op(window, lambda: gate.wait(GATE_TIMEOUT)).run()  # occupies the single database thread
    queued = Op(window, lambda: ran.append("ran")).failure(failures.append).run()
    queued.cancel()
    gate.set()

    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    assert isinstance(failures[0], Cancelled)
    assert ran == []


def test_parent_deleted_mid_op_skips_callbacks_without_crashing(qtbot):
    parent = QWidget()
    button = QPushButton("Save", parent)
    gate = threading.Event()
    calls: list[str] = []

    def fn() -> str:
        gate.wait(GATE_TIMEOUT)
        return "result"

    Op(parent, fn).success(lambda r: calls.append("success")).failure(
        lambda e: calls.append("failure")).busy(button).run()
    shiboken6.delete(parent)  # also destroys the busy button
    assert not shiboken6.isValid(button)
    gate.set()

    assert delivery.wait_all(30_000)
    assert calls == []


def test_failure_after_parent_deleted_is_still_logged(qtbot, caplog):
    parent = QWidget()
    gate = threading.Event()

    def fn() -> None:
        gate.wait(GATE_TIMEOUT)
        raise RuntimeError("lost connection")

    with caplog.at_level(logging.ERROR, logger="ui.ops"):
        Op(parent, fn).run()
        shiboken6.delete(parent)
        gate.set()
        assert delivery.wait_all(30_000)

    assert any("lost connection" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


def test_released_comes_with_the_widgets_given_back_before_the_callbacks_and_without_a_parent(qtbot, window):
    button = QPushButton("Apply")
    window.layout().addWidget(button)
    calls: list[tuple[str, bool]] = []
    Op(button, lambda: "done").busy(button).released(lambda: calls.append(("released", button.isEnabled()))) \
        .released(lambda: calls.append(("also released", button.isEnabled()))) \
        .success(lambda _result: calls.append(("success", button.isEnabled()))).run()
    assert delivery.wait_all(30_000)
    # A second callback never replaces the first (ctx.change tells the windows of its change with one).
    assert calls == [("released", True), ("also released", True), ("success", True)]
    calls.clear()

    parent = QWidget()
    gate = threading.Event()
    Op(parent, lambda: gate.wait(GATE_TIMEOUT)).released(lambda: calls.append(("released", False))) \
        .success(lambda _result: calls.append(("success", False))).run()
    shiboken6.delete(parent)
    gate.set()
    assert delivery.wait_all(30_000)
    assert calls == [("released", False)]


def test_busy_widget_disabled_and_wait_cursor_while_running(qtbot, window):
    button = QPushButton("Refresh")
    window.layout().addWidget(button)
    gate = threading.Event()
    outcomes: list[str] = []

    def fn() -> None:
        gate.wait(GATE_TIMEOUT)
        raise RuntimeError("boom")

    Op(button, fn).busy(button).failure(lambda e: outcomes.append("failed")).run()

    assert not button.isEnabled()
    assert window.cursor().shape() == Qt.CursorShape.WaitCursor  # on the parent's window
    gate.set()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
    assert button.isEnabled()
    assert window.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_a_window_cursor_of_its_own_comes_back(qtbot, window):
    window.setCursor(Qt.CursorShape.PointingHandCursor)
    gate = threading.Event()
    Op(window, lambda: gate.wait(GATE_TIMEOUT)).run()
    assert window.cursor().shape() == Qt.CursorShape.WaitCursor
    gate.set()
    assert delivery.wait_all(30_000)
    assert window.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_busy_counts_overlapping_ops_and_keeps_prior_disabled_state(qtbot, window):
    button = QPushButton("Pay")
    already_off = QPushButton("Refund")
    already_off.setEnabled(False)
    window.layout().addWidget(button)
    window.layout().addWidget(already_off)
    first, second = threading.Event(), threading.Event()
    done: list[str] = []
    pool = pools.named_pool("test-busy", 2)

    Op(window, lambda: first.wait(GATE_TIMEOUT), pool=pool).busy(button, already_off).success(
        lambda r: done.append("first")).run()
    Op(window, lambda: second.wait(GATE_TIMEOUT), pool=pool).busy(button).success(
        lambda r: done.append("second")).run()

    first.set()
    qtbot.waitUntil(lambda: done == ["first"], timeout=30_000)
    assert not button.isEnabled()  # the second op still runs
    assert window.cursor().shape() == Qt.CursorShape.WaitCursor
    second.set()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=30_000)
    assert button.isEnabled()
    assert not already_off.isEnabled()


def test_database_pool_serialises_ops(qtbot, window):
    lock = threading.Lock()
    active = 0
    peak = 0
    done: list[int] = []

    def fn(n: int) -> int:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.02)
        with lock:
            active -= 1
        return n

    for n in range(4):
        Op(window, lambda n=n: fn(n)).success(done.append).run()

    qtbot.waitUntil(lambda: len(done) == 4, timeout=30_000)
    assert peak == 1
    assert done == [0, 1, 2, 3]
    assert pools.database_pool().max_threads == 1


def test_other_pools_run_beside_the_database(qtbot, window):
    gate = threading.Event()
    done: list[str] = []

    Op(window, lambda: gate.wait(GATE_TIMEOUT)).run()
    Op(window, lambda: "printed", pool=pools.named_pool("test-device")).success(done.append).run()

    qtbot.waitUntil(lambda: done == ["printed"], timeout=30_000)  # not stuck behind the database op
    gate.set()


def test_a_pool_runs_as_many_ops_at_once_as_it_has_threads(qtbot, window):
    pool = pools.named_pool("test-pair", 2)
    Op(window, lambda: None, pool=pool).run()
    assert delivery.wait_all(30_000)  # one thread now waits for work
    both_running = threading.Barrier(2, timeout=GATE_TIMEOUT)
    done: list[int] = []
    failures: list[BaseException] = []

    for _ in range(2):
        Op(window, both_running.wait, pool=pool).success(done.append).failure(failures.append).run()

    assert delivery.wait_all(2 * GATE_TIMEOUT * 1000)
    assert failures == []
    assert sorted(done) == [0, 1]


def test_cancel_all_stops_every_running_op(qtbot, window):
    failures: list[BaseException] = []

    def fn(state: TaskState) -> None:
        deadline = time.monotonic() + GATE_TIMEOUT
        while time.monotonic() < deadline:
            state.raise_if_cancelled()
            time.sleep(0.002)

    pool = pools.named_pool("test-cancel-all", 2)
    for _ in range(2):
        Op(window, fn, pool=pool).failure(failures.append).run()
    delivery.cancel_all()
    assert delivery.wait_all(30_000)
    assert [type(e) for e in failures] == [Cancelled, Cancelled]


def test_running_ops_and_wait_all(qtbot, window):
    gate = threading.Event()
    Op(window, lambda: gate.wait(GATE_TIMEOUT)).run()
    assert delivery.running_ops() == 1
    assert not delivery.wait_all(20)
    gate.set()
    assert delivery.wait_all(30_000)
    assert delivery.running_ops() == 0


@pytest.mark.parametrize("timeout_ms", [150, 300])
def test_wait_all_gives_up_at_its_timeout_while_an_op_never_ends(qtbot, window, timeout_ms):
    # A coarse wake-up timer fired a few ms early and the loop then slept with no timer left:
    # wait_all(150) was still waiting 30 s later, and teardowns hung instead of failing. The
    # garbage collector's timer would wake that loop after all, so it is held for the wait.
    gate = threading.Event()
    Op(window, lambda: gate.wait(GATE_TIMEOUT)).run()
    collector = delivery._dispatcher_instance.collector  # type: ignore[union-attr]
    collector.stop()
    started = time.monotonic()
    try:
        assert delivery.wait_all(timeout_ms) is False
        assert timeout_ms / 1000 <= time.monotonic() - started < timeout_ms / 1000 + 2
        assert delivery.running_ops() == 1
    finally:
        collector.start()
        gate.set()
    assert delivery.wait_all(30_000)


def test_non_widget_parent_and_op_runs_once(qtbot):
    holder = QObject()
    results: list[int] = []
    op = Op(holder, lambda: 7).success(results.append).run()
    with pytest.raises(RuntimeError):
        op.run()
    qtbot.waitUntil(lambda: results == [7], timeout=30_000)


def test_fn_with_two_required_arguments_is_refused(window):
    with pytest.raises(TypeError):
        Op(window, lambda a, b: None)


def test_progress_dialog_shows_for_slow_ops_and_cancel_stops_them(qtbot, window):
    window.show()
    failures: list[BaseException] = []

    def fn(state: TaskState) -> None:
        deadline = time.monotonic() + GATE_TIMEOUT
        while time.monotonic() < deadline:
            state.report(None, "Present the card")
            state.raise_if_cancelled()
            time.sleep(0.01)

    op = Op(window, fn).with_progress_dialog("Card payment").failure(failures.append).run()
    dialog = window.findChild(feedback.ProgressDialog)
    assert dialog is not None and not dialog.isVisible()  # not flashed at once

    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=30_000)
    assert dialog.windowTitle() == "Card payment"
    qtbot.waitUntil(lambda: dialog.labelText() == "Present the card", timeout=30_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    assert isinstance(failures[0], Cancelled)
    assert op.cancel_requested
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_progress_dialog_not_shown_for_fast_ops(qtbot, window, monkeypatch):
    window.show()
    done: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(feedback.ProgressDialog, "showEvent", lambda self, event: shown.append("shown"))

    Op(window, lambda: "quick").with_progress_dialog("Saving").success(done.append).run()

    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    qtbot.wait(feedback.PROGRESS_DIALOG_DELAY_MS + 50)
    assert shown == []
    assert window.findChildren(feedback.ProgressDialog) == []  # deleted once the op ended


def test_progress_dialog_follows_fraction(qtbot, window):
    window.show()
    step = threading.Event()
    seen: list[int] = []

    def fn(state: TaskState) -> None:
        state.report(0.5, "Printing receipt")
        step.wait(GATE_TIMEOUT)

    Op(window, fn).with_progress_dialog("Printing", cancellable=False).progress(
        lambda f, t: seen.append(1)).run()
    dialog = window.findChild(feedback.ProgressDialog)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert dialog.progress_bar.maximum() > 0
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() // 2
    assert dialog.cancel_button is None
    dialog.reject()  # Esc on a non-cancellable dialog changes nothing
    step.set()
    assert delivery.wait_all(30_000)


def test_cancel_can_stop_the_waiting_without_stopping_work_that_must_end_whole(qtbot, window):
    """A fiscal Z report half printed is worse than one printed late: Cancel gives the window back at once,
    says so, and leaves the work running; its outcome still arrives when it ends."""
    window.show()
    button = QPushButton("Close shift", window)
    gate = threading.Event()
    stopped: list[str] = []
    results: list[str] = []
    seen_cancel: list[bool] = []

    def fn(state: TaskState) -> str:
        gate.wait(GATE_TIMEOUT)
        seen_cancel.append(state.cancel_requested)
        return "printed"

    op = (Op(window, fn).busy(button).with_progress_dialog("Z report")
          .cancel_stops_waiting(lambda: stopped.append("stopped"), "Cancel stops waiting; the register finishes it.")
          .success(results.append).run())
    dialog = window.findChild(feedback.ProgressDialog)
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=30_000)
    assert dialog.labelText() == "Cancel stops waiting; the register finishes it."
    assert not button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: stopped == ["stopped"], timeout=30_000)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert button.isEnabled() and op.is_running and results == []
    gate.set()
    qtbot.waitUntil(lambda: results == ["printed"], timeout=30_000)
    assert seen_cancel == [False]  # the work was never asked to stop
    assert stopped == ["stopped"] and not op.is_running


# --- Qt objects live and die on the GUI thread ---------------------------------------------------


def record_release(obj: object, released: list[str]) -> None:
    weakref.finalize(obj, lambda: released.append(threading.current_thread().name))


def test_objects_an_op_captured_are_released_on_the_gui_thread(qtbot, window):
    released: list[str] = []

    def make_fn() -> Callable[[], str]:
        owned_by_python = QObject()
        owned_by_python.setObjectName("captured")
        record_release(owned_by_python, released)
        return lambda: owned_by_python.objectName()  # the op holds the only reference

    done: list[str] = []
    Op(window, make_fn()).success(done.append).run()
    qtbot.waitUntil(lambda: bool(released), timeout=30_000)
    assert done == ["captured"]
    assert released == [threading.main_thread().name]


def test_reference_cycles_with_qt_objects_are_collected_on_the_gui_thread(qtbot, window):
    released: list[str] = []

    class Node:
        pass

    def make_garbage() -> None:
        node = Node()
        node.itself = node  # type: ignore[attr-defined]  # only the cyclic collector frees it
        node.timer = QObject()  # type: ignore[attr-defined]
        record_release(node, released)

    def allocate() -> int:
        # Enough live objects to trip Python's collector many times over, here on the worker.
        return len([[] for _ in range(50 * gc.get_threshold()[0])])

    make_garbage()
    Op(window, allocate).run()
    assert delivery.wait_all(30_000)
    assert not gc.isenabled()  # collection is the GUI thread's job while workers exist
    ballast = [[] for _ in range(2 * gc.get_threshold()[0])]  # now a collection is due
    qtbot.waitUntil(lambda: bool(released), timeout=30_000)
    assert released == [threading.main_thread().name]
    del ballast


def test_exit_with_an_op_still_running_is_clean(tmp_path):
    script = tmp_path / "exit_while_running.py"
    script.write_text(textwrap.dedent("""
        import sys, threading
        from PySide6.QtWidgets import QApplication
        from ui.ops.op import Op
        from ui.ops.pools import named_pool

        app = QApplication([])
        started = threading.Event()

        def fn(state):
            started.set()
            while True:
                state.raise_if_cancelled()
                state.report(None, "still working")
                threading.Event().wait(0.005)

        Op(None, fn).run()
        Op(None, fn, pool=named_pool("device")).run()
        Op(None, lambda: print("a queued op must not start at exit")).run()
        started.wait(5)
        print("leaving")
    """))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-X", "faulthandler", str(script)], capture_output=True,
                            text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["leaving"]
    assert "Fatal" not in result.stderr and "QThread" not in result.stderr, result.stderr
