# ruff: noqa: F811 - the register's and the shift tests' fixtures are imported, then requested by name
"""The status bar tells the cashier what the register's fiscal storage needs, read when the cash shift opens (on a
device thread), and keeps what it said last, with its time, when the register stops answering."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.ui.test_atol_flow import atol  # noqa: F401 - fixture
from tests.ui.test_flows import apply, type_into, wait_closed, wait_dialog
from tests.ui.test_shift import opened, till  # noqa: F401 - fixtures (opened: no PDF viewer starts)
from ui.main_window import MainWindow
from ui.ops import delivery


def test_opening_the_shift_reads_the_storage_and_a_silent_register_leaves_what_it_said_last(
        qtbot, till: MainWindow, opened, atol):
    server, _code = atol
    server.control("storage", valid_days=12, unsent_days=3.5)
    window = till
    label = window.findChild(QLabel, "storageLabel")
    assert label is not None and not label.isVisible()  # nothing said before the register is asked
    qtbot.waitUntil(lambda: window.open_shift_action.isEnabled(), timeout=30_000)
    window.open_shift_action.trigger()
    dialog = wait_dialog(qtbot, window, "openShiftDialog")
    type_into(qtbot, dialog, "floatRUBEdit", "200")
    apply(qtbot, dialog)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(label.isVisible, timeout=30_000)
    said = label.text()
    assert said.startswith("FS: replace by ") and said.endswith(" · OFD: unsent for 3 d.")
    assert "#c62828" in label.styleSheet()  # red: each needs acting on before the register stops

    server.stop()
    window.storage_watch.read()
    assert delivery.wait_all(30_000)
    qtbot.waitUntil(lambda: label.text() != said, timeout=30_000)
    assert label.text().startswith(said + " · as of ")
    assert "did not answer" in label.toolTip()


def test_a_register_silent_before_its_storage_was_ever_read_is_said_so_not_taken_as_sound(qtbot, till: MainWindow,
                                                                                          atol):
    server, _code = atol
    label = till.findChild(QLabel, "storageLabel")
    assert label is not None and not label.isVisible()
    server.stop()
    till.storage_watch.read()
    assert delivery.wait_all(30_000)
    qtbot.waitUntil(label.isVisible, timeout=30_000)
    assert label.text() == "FS: not read, the register did not answer"
    assert "did not answer on" in label.toolTip() and "#c62828" in label.styleSheet()
