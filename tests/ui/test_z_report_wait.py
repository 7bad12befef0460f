# ruff: noqa: F811 - the shift tests' fixtures are imported, then requested by name
"""Closing the shift on a register that hangs mid-Z: Cancel stops the waiting at once (the Z report half
printed is worse than late, so the register finishes it), the desk goes on, the clerk is told the Z waits,
and Check receipts prints it again whole, marked COPY, once the printer is back."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desk.cash.shifts import open_shift
from desk.core.money import Money
from desk.fiscal import chain, workflow
from desk.fiscal.interface import DocumentKind, Paper
from desk.fiscal.workflow import print_shift_documents
from hardware.escpos import printer_from_url
from tests.ui.test_flows import apply, wait_closed, wait_dialog
from tests.ui.test_receipts_check import print_again, rows_of
from tests.ui.test_shift import CASHIER, opened, till  # noqa: F401 - fixtures
from ui.main_window import MainWindow
from ui.ops import delivery, feedback


def box(window, name: str) -> QMessageBox | None:
    return next((b for b in window.findChildren(QMessageBox, name) if b.isVisible()), None)


def test_cancel_stops_waiting_for_a_hung_z_report_and_check_receipts_prints_it_again(
        qtbot, monkeypatch, till: MainWindow, demo_database, opened, fiscal_printer):
    window, server, engine = till, fiscal_printer.server, fiscal_printer.engine
    # A printer that hangs is waited for as long as the register would wait for a slow one: here until the
    # test switches it off, so the test, not the machine's speed, decides when the hang ends.
    monkeypatch.setattr(workflow.REGISTERS, "factory", lambda info: printer_from_url(
        info.device, profile=info.profile, paper_mm=info.paper_mm, status_timeout=60.0))
    runner = window.ctx.runner
    status = runner.run(open_shift, CASHIER, [Money.of("200", "EUR")]).value
    for outcome in print_shift_documents(runner, CASHIER, status.shift_id):  # the register's shift opens too
        assert outcome.printed, outcome
    window.ctx.ledger_changed.emit()
    qtbot.waitUntil(lambda: window.close_shift_action.isEnabled(), timeout=30_000)

    server.stall(after=200)  # the Z's first lines, then silence
    window.close_shift_action.trigger()
    closing = wait_dialog(qtbot, window, "closeShiftDialog")
    apply(qtbot, closing)
    progress: list[feedback.ProgressDialog] = []
    qtbot.waitUntil(lambda: bool(progress.extend(d for d in closing.findChildren(feedback.ProgressDialog)
                                                 if d.isVisible()) or progress), timeout=30_000)
    [waiting] = progress[:1]
    assert "Cancel stops waiting" in waiting.labelText() and "Check receipts" in waiting.labelText()
    assert waiting.cancel_button is not None and waiting.cancel_button.isEnabled()
    qtbot.mouseClick(waiting.cancel_button, Qt.MouseButton.LeftButton)

    # At once, while the register still hangs: the window is the clerk's again.
    qtbot.waitUntil(lambda: box(window, "zWaitingBox") is not None, timeout=30_000)
    assert not shiboken6.isValid(waiting) or not waiting.isVisible()
    assert "still printing the Z report" in box(window, "zWaitingBox").text()
    report = wait_dialog(qtbot, window, "shiftReportDialog")
    assert report.windowTitle() == "Z report"
    qtbot.waitUntil(lambda: window.shift_label.text() == "No shift open", timeout=30_000)
    assert closing.z_op.is_running  # the register was not let go of: its print runs on
    [z] = [d for d in runner.read(chain.waiting_for_reprint) if d.kind is DocumentKind.Z_REPORT]
    assert z.paper is None  # issued, its print not ended
    box(window, "zWaitingBox").close()
    report.close()

    # The clerk switches the hung printer off: the register's print ends, its paper unsure; the clerk hears it.
    server.power_off()
    qtbot.waitUntil(lambda: box(window, "zProblemBox") is not None, timeout=30_000)
    told = box(window, "zProblemBox").text()
    assert f"Z report FP-1/{z.number:07d} is issued but did not print whole" in told
    assert "Shift → Check receipts" in told and "Retry" not in told
    wait_closed(qtbot, closing)
    assert runner.read(chain.document_by_number, "FP-1", z.number).paper is Paper.UNKNOWN
    box(window, "zProblemBox").close()

    # Switched on again: Check receipts lists the Z, and Print again puts it on paper whole, marked COPY.
    server.power_on()
    server.stall(False)
    window.check_receipts_action.trigger()
    check = wait_dialog(qtbot, window, "receiptsCheckDialog")
    qtbot.waitUntil(lambda: bool(rows_of(check)), timeout=30_000)
    [row] = rows_of(check)
    assert row[:3] == ["Z report", f"{z.number:07d}", "FP-1"] and row[4] == "may not have printed whole"
    assert print_again(qtbot, check) == f"Z report FP-1/{z.number:07d} printed again, marked COPY."
    assert "Z ОТЧЕТ" in engine.text() and engine.text().count("КОПИЕ") == 1
    qtbot.waitUntil(lambda: rows_of(check) == [], timeout=30_000)
    assert runner.read(chain.waiting_for_reprint) == []
    check.close()
    assert delivery.wait_all(30_000)
