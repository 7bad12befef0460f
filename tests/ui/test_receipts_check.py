"""Shift → Check receipts lists what waits to be printed again and prints it again (Print again): a Z report
whose paper was cut comes out whole, marked COPY; a printer that cannot print leaves it waiting and says why,
in the clerk's language; who may not print a document again finds its button off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from desk.cash.shifts import close_shift, open_shift_of
from desk.core.errors import Phrase
from desk.devices.printers import printer_settings, remove_printer
from desk.fiscal import chain
from desk.fiscal.errors import PRINTER_PROBLEMS
from desk.fiscal.interface import Document, DocumentKind, Paper
from desk.fiscal.workflow import close_register_shifts, print_receipt
from desk.people.models import Role
from tests.actors import signed_in
from tests.ui.test_fiscal_flow import cash_payment
from tests.ui.test_flows import wait_dialog
from ui import i18n
from ui.desk_text import translate_message
from ui.main_window import MainWindow
from ui.ops import delivery


@pytest.fixture
def russian(qapp, qm_dir) -> Iterator[None]:
    i18n.install_translator(qapp, "ru", qm_dir=qm_dir)
    yield
    i18n.install_translator(qapp, "en", qm_dir=qm_dir)


def cut_z_report(ctx, database, engine) -> Document:
    """The drawer's shift at the context's workstation closed, its register's Z report issued and cut short
    by a paper-out; paper loaded again, nothing on the printer's output yet."""
    runner, cashier = ctx.runner, ctx.actor
    shift = runner.read(open_shift_of, cashier.workstation)
    # A receipt opens the register's shift with the drawer's, so closing the drawer ends it with a Z.
    assert print_receipt(runner, cashier, cash_payment(ctx, database), "FP-1").printed
    runner.run(close_shift, cashier, {})
    engine.fail("paper_out", after=200)
    [z] = close_register_shifts(runner, cashier, shift.id)
    assert z.paper is Paper.CUT and z.document.kind is DocumentKind.Z_REPORT
    engine.recover()
    engine.reset_output()
    return z.document


def checked(qtbot, ctx):
    """The main window, and the Check receipts window Shift → Check receipts opened over it."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.check_receipts_action.trigger()
    dialog = wait_dialog(qtbot, window, "receiptsCheckDialog")
    return window, dialog


def rows_of(dialog) -> list[list[str]]:
    model = dialog.findChild(QTableView, "waitingTable").model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def button(dialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def print_again(qtbot, dialog, row: int = 0) -> str:
    """Select ``row``, press Print again; what the window then says."""
    dialog.findChild(QTableView, "waitingTable").selectRow(row)
    status = dialog.findChild(QLabel, "printStatusLabel")
    status.clear()
    assert button(dialog, "printAgainButton").isEnabled()
    qtbot.mouseClick(button(dialog, "printAgainButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(status.text()), timeout=30_000)
    assert delivery.wait_all(30_000)
    return status.text()


def test_a_cut_z_report_is_listed_printed_again_as_a_copy_and_the_list_is_empty_after(
        qtbot, context_of, demo_database, fiscal_printer):
    ctx = context_of(Role.CASHIER, "TEST-1")
    z = cut_z_report(ctx, demo_database, fiscal_printer.engine)
    _window, dialog = checked(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(rows_of(dialog)), timeout=30_000)
    [row] = rows_of(dialog)
    assert row[:4] == ["Z report", f"{z.number:07d}", "FP-1", ""] and row[4] == "cut short"

    said = print_again(qtbot, dialog)
    assert said == f"Z report FP-1/{z.number:07d} printed again, marked COPY."
    text = fiscal_printer.engine.text()
    assert "Z ОТЧЕТ (ЗАТВОРЕНА СМЯНА)" in text and text.count("КОПИЕ") == 1 and z.sign[:32] in text
    qtbot.waitUntil(lambda: rows_of(dialog) == [], timeout=30_000)
    assert ctx.runner.read(chain.waiting_for_reprint) == []
    assert not button(dialog, "printAgainButton").isEnabled() and not button(dialog, "printAllAgainButton").isEnabled()
    dialog.close()


@pytest.mark.parametrize("refusal", ["offline", "no printer"])
def test_a_printer_that_cannot_print_says_why_in_russian_and_the_z_still_waits(
        qtbot, russian, context_of, demo_database, fiscal_printer, refusal):
    ctx = context_of(Role.CASHIER, "TEST-1")
    z = cut_z_report(ctx, demo_database, fiscal_printer.engine)
    if refusal == "offline":
        fiscal_printer.engine.fail("offline")
        problem = Phrase(PRINTER_PROBLEMS["device.offline"])
        why = translate_message("DeskError", "The printer of {register} is not ready: {problem}",
                                {"register": "FP-1", "problem": problem})
    else:
        manager = signed_in(demo_database, Role.MANAGER, "TEST-1")
        for printer in ctx.runner.read(printer_settings, "TEST-1"):
            ctx.runner.run(remove_printer, manager, printer.id)
        why = translate_message("DeskError", "{register} has no printer on {workstation}: a manager assigns one in "
                                "Devices", {"register": "FP-1", "workstation": "TEST-1"})
    assert "FP-1" in why and not why.isascii()  # the refusal as the clerk reads it, in Russian
    _window, dialog = checked(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(rows_of(dialog)), timeout=30_000)

    said = print_again(qtbot, dialog)
    assert why in said and "Z report" not in said and "printed" not in said, said
    assert fiscal_printer.engine.printed == []
    assert [d.id for d in ctx.runner.read(chain.waiting_for_reprint)] == [z.id]
    assert len(rows_of(dialog)) == 1
    dialog.close()


def test_a_clerk_finds_print_again_off_for_the_z_report(qtbot, desk_context, demo_database, fiscal_printer,
                                                       context_of):
    z = cut_z_report(context_of(Role.CASHIER, "TEST-1"), demo_database, fiscal_printer.engine)
    _window, dialog = checked(qtbot, desk_context)  # anna, a clerk
    qtbot.waitUntil(lambda: bool(rows_of(dialog)), timeout=30_000)
    dialog.findChild(QTableView, "waitingTable").selectRow(0)
    again = button(dialog, "printAgainButton")
    assert not again.isEnabled() and not button(dialog, "printAllAgainButton").isEnabled()
    assert again.toolTip() == "A clerk may not run the cash shift: a manager must authorise it"
    assert [d.id for d in desk_context.runner.read(chain.waiting_for_reprint)] == [z.id]
    dialog.close()
