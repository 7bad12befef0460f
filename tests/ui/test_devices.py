"""The Devices window, Print test page, the drawer on a cash payment and on Open drawer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget

from desk.db.runner import Runner
from desk.devices.printers import add_printer, drawer_openings, printer_settings, remove_printer
from desk.people.auth import Actor
from desk.people.models import Role
from hardware.escpos.testpage import CYRILLIC_SAMPLE
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from tests.actors import signed_in
from tests.ui.test_dialogs_common import apply_accepted, card_window, child, find_card, opened, retype
from ui.dialogs import MakePaymentDialog
from ui.main_window import MainWindow
from ui.ops import delivery
from ui.settings.devices import DevicesDialog, PrinterDialog


@pytest.fixture
def simulator() -> Iterator[tuple[SimulatedPrinter, str]]:
    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    yield engine, f"tcp://127.0.0.1:{server.port}"
    server.stop()


def configure(demo_database, manager: Actor, url: str, workstation: str = "TEST-1") -> None:
    Runner(demo_database).run(add_printer, manager, workstation, "Front receipts", url, register_code="FP-1",
                              drawer=True)


def test_the_devices_window_adds_the_simulator_and_prints_a_test_page(qtbot, context_of, demo_database, simulator):
    engine, url = simulator
    ctx = context_of(Role.MANAGER)
    dialog = opened(qtbot, DevicesDialog(ctx))
    table = child(dialog, QTableWidget, "printersTable")
    assert table.rowCount() == 0
    qtbot.waitUntil(lambda: bool(dialog.registers), timeout=30_000)

    child(dialog, QPushButton, "addPrinterButton").click()
    qtbot.waitUntil(lambda: isinstance(dialog.printer_dialog, PrinterDialog) and dialog.printer_dialog.isVisible(),
                    timeout=30_000)
    editor = dialog.printer_dialog
    retype(qtbot, child(editor, QLineEdit, "printerNameEdit"), "Front receipts")
    retype(qtbot, child(editor, QLineEdit, "printerUrlEdit"), "lpt1")
    editor.save()
    error = child(editor, QLabel, "printerErrorLabel")
    qtbot.waitUntil(lambda: "lpt1" in error.text(), timeout=30_000)
    retype(qtbot, child(editor, QLineEdit, "printerUrlEdit"), url)
    register = child(editor, QComboBox, "printerRegisterCombo")
    register.setCurrentIndex(register.findData("FP-1"))
    child(editor, QCheckBox, "printerDrawerCheck").setChecked(True)
    with qtbot.waitSignal(editor.accepted, timeout=30_000):
        editor.save()

    qtbot.waitUntil(lambda: table.rowCount() == 1 and table.item(0, 6) is not None
                    and table.item(0, 6).text() == "ready, drawer closed", timeout=30_000)
    assert [table.item(0, c).text() for c in range(3)] == ["Front receipts", url, "TM-T20II"]
    (saved,) = Runner(demo_database).read(printer_settings, "TEST-1")
    assert (saved.url, saved.register_code, saved.drawer) == (url, "FP-1", True)

    table.selectRow(0)
    child(dialog, QPushButton, "testPageButton").click()
    message = child(dialog, QLabel, "devicesMessageLabel")
    qtbot.waitUntil(lambda: message.text() == "Test page printed on Front receipts.", timeout=30_000)
    lines = [line.strip() for line in engine.text().splitlines()]
    assert "TEST PAGE" in lines
    assert f"{ctx.actor.workstation}" in lines
    assert "Русский: Съешь же ещё этих мягких французских булок." in " ".join(lines)
    assert any(line.startswith("Български: Щъркелите") for line in lines)
    assert CYRILLIC_SAMPLE in lines  # «», № and € too: boxes here would mean the printer lacks CP1251
    assert "123456789012345678901234567890123456789012345678" in lines  # the ruler: 48 columns on 80 mm
    assert lines[-1] == "--- cut ---" and engine.drawer_kicks == 0


def test_a_printer_that_is_away_shows_not_answering(qtbot, context_of, demo_database):
    ctx = context_of(Role.MANAGER)
    configure(demo_database, ctx.actor, "tcp://127.0.0.1:1")
    dialog = opened(qtbot, DevicesDialog(ctx))
    table = child(dialog, QTableWidget, "printersTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1 and table.item(0, 6).text() == "not answering", timeout=30_000)


def test_a_cash_payment_kicks_the_drawer_after_it_is_committed(qtbot, context_of, demo_database, simulator):
    engine, url = simulator
    ctx = context_of(Role.CLERK)
    configure(demo_database, signed_in(demo_database, Role.MANAGER), url)
    with qtbot.waitSignal(ctx.devices_changed, timeout=30_000):
        ctx.reload_devices()
    window = card_window(qtbot)
    card = find_card(demo_database, lambda c: len(c.folio.bills) == 1 and c.folio.bills[0].balance.amount > 10)
    dialog = opened(qtbot, MakePaymentDialog(ctx, card, card.folio.bills[0].bill.id, window))
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "10.00")
    apply_accepted(qtbot, dialog)
    qtbot.waitUntil(lambda: engine.drawer_kicks == 1, timeout=30_000)
    (opening,) = Runner(demo_database).read(drawer_openings, "TEST-1")
    assert opening.opened_by == ctx.actor.username and opening.payment_id is not None


def test_a_drawer_that_fails_to_open_tells_the_clerk_and_the_payment_stands(
        qtbot, context_of, demo_database):
    ctx = context_of(Role.CLERK)
    configure(demo_database, signed_in(demo_database, Role.MANAGER), "tcp://127.0.0.1:1")
    with qtbot.waitSignal(ctx.devices_changed, timeout=30_000):
        ctx.reload_devices()
    window = card_window(qtbot)
    card = find_card(demo_database, lambda c: len(c.folio.bills) == 1 and c.folio.bills[0].balance.amount > 10)
    dialog = opened(qtbot, MakePaymentDialog(ctx, card, card.folio.bills[0].bill.id, window))
    child(dialog, QCheckBox, "printReceiptCheck").setChecked(False)
    retype(qtbot, child(dialog, QLineEdit, "amountEdit"), "10.00")
    apply_accepted(qtbot, dialog)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "drawerWarning") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "drawerWarning")
    assert box.text().startswith("The payment is recorded, but the cash drawer did not open")
    (opening,) = Runner(demo_database).read(drawer_openings, "TEST-1")
    assert opening.payment_id is not None


@pytest.mark.parametrize("role", [Role.CLERK, Role.CASHIER])
def test_open_drawer_is_refused_to_a_clerk_and_works_for_a_cashier(qtbot, context_of, demo_database, simulator, role):
    engine, url = simulator
    ctx = context_of(role)
    configure(demo_database, signed_in(demo_database, Role.MANAGER), url)
    with qtbot.waitSignal(ctx.devices_changed, timeout=30_000):
        ctx.reload_devices()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.devices_action.isEnabled() is False
    window.open_drawer_action.trigger()
    if role is Role.CLERK:
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "opErrorBox") is not None, timeout=30_000)
        assert "may not open the cash drawer" in window.findChild(QMessageBox, "opErrorBox").text()
        assert engine.drawer_kicks == 0
        assert Runner(demo_database).read(drawer_openings, "TEST-1") == []
    else:
        qtbot.waitUntil(lambda: engine.drawer_kicks == 1, timeout=30_000)
        (opening,) = Runner(demo_database).read(drawer_openings, "TEST-1")
        assert (opening.opened_by, opening.payment_id) == (ctx.actor.username, None)
    qtbot.waitUntil(lambda: "FP-1: ready" in window.devices_label.text(), timeout=30_000)


def _terminal_of(demo_database, terminal_id: int):
    from desk.cards.terminals import list_terminals

    return next(info for info in Runner(demo_database).read(list_terminals, "TEST-1") if info.id == terminal_id)


def test_a_manager_sets_who_prints_the_card_slips_of_the_chosen_terminal(qtbot, context_of, demo_database):
    from desk.cards.terminals import add_terminal

    manager = context_of(Role.MANAGER)
    runner = Runner(demo_database)
    bar_terminal = runner.run(add_terminal, manager.actor, "TEST-1", "Bar terminal", "tcp://127.0.0.1:20008",
                              "EUR").value
    desk_terminal = runner.run(add_terminal, manager.actor, "TEST-1", "Desk terminal", "tcp://127.0.0.1:20007",
                               "EUR", own_printer=True).value
    dialog = opened(qtbot, DevicesDialog(manager))
    table = child(dialog, QTableWidget, "terminalsTable")
    own = child(dialog, QCheckBox, "terminalOwnPrinterCheck")
    merchant = child(dialog, QCheckBox, "terminalMerchantCopyCheck")
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=30_000)
    row = next(r for r in range(2) if table.item(r, 0).text() == "Desk terminal")
    table.selectRow(row)
    # The boxes show the chosen terminal's saved setting.
    assert own.isEnabled() and own.isChecked() and not merchant.isChecked()

    own.click()
    qtbot.waitUntil(lambda: not _terminal_of(demo_database, desk_terminal.id).own_printer, timeout=30_000)
    merchant.click()
    qtbot.waitUntil(lambda: _terminal_of(demo_database, desk_terminal.id).merchant_copy, timeout=30_000)
    assert delivery.wait_all(30_000)
    saved = _terminal_of(demo_database, desk_terminal.id)
    assert not saved.own_printer and saved.merchant_copy
    bar = _terminal_of(demo_database, bar_terminal.id)
    assert not bar.own_printer and not bar.merchant_copy  # only the chosen terminal changed
    qtbot.waitUntil(lambda: own.isEnabled() and not own.isChecked() and merchant.isChecked(), timeout=30_000)

    # Another terminal chosen: its own setting shows.
    table.selectRow(1 - row)
    assert not own.isChecked() and not merchant.isChecked()


def test_a_cashier_sees_the_card_slip_settings_but_cannot_change_them(qtbot, context_of, demo_database):
    from desk.cards.terminals import add_terminal

    manager = signed_in(demo_database, Role.MANAGER, "TEST-1")
    Runner(demo_database).run(add_terminal, manager, "TEST-1", "Desk terminal", "tcp://127.0.0.1:20007", "EUR",
                              merchant_copy=True)
    dialog = opened(qtbot, DevicesDialog(context_of(Role.CASHIER)))
    table = child(dialog, QTableWidget, "terminalsTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=30_000)
    table.selectRow(0)
    merchant = child(dialog, QCheckBox, "terminalMerchantCopyCheck")
    assert merchant.isChecked() and not merchant.isEnabled()
    assert not child(dialog, QCheckBox, "terminalOwnPrinterCheck").isEnabled()


def test_a_register_moved_to_printer_b_in_devices_prints_on_b_and_not_on_a(qtbot, context_of, demo_database):
    from desk.core.money import Money
    from desk.fiscal.workflow import Registers, print_receipt
    from desk.ledger.payments import Tender, take_payment

    a, b = SimulatedPrinter(), SimulatedPrinter()
    servers = [TcpPrinterServer(engine, port=0).start() for engine in (a, b)]
    url_a, url_b = (f"tcp://127.0.0.1:{server.port}" for server in servers)
    try:
        ctx = context_of(Role.MANAGER)
        configure(demo_database, ctx.actor, url_a)  # "Front receipts" prints FP-1
        Runner(demo_database).run(add_printer, ctx.actor, "TEST-1", "Printer B", url_b, text_as_image=True)
        dialog = opened(qtbot, DevicesDialog(ctx))
        table = child(dialog, QTableWidget, "printersTable")
        qtbot.waitUntil(lambda: table.rowCount() == 2 and bool(dialog.registers), timeout=30_000)
        assert [table.item(r, 0).text() for r in range(2)] == ["Front receipts", "Printer B"]
        assert table.item(1, 2).text() == "TM-T20II · text as image"
        table.selectRow(1)
        child(dialog, QPushButton, "editPrinterButton").click()
        qtbot.waitUntil(lambda: isinstance(dialog.printer_dialog, PrinterDialog)
                        and dialog.printer_dialog.isVisible(), timeout=30_000)
        editor = dialog.printer_dialog
        image = child(editor, QCheckBox, "printerTextAsImageCheck")
        assert image.isChecked()
        image.setChecked(False)
        register = child(editor, QComboBox, "printerRegisterCombo")
        register.setCurrentIndex(register.findData("FP-1"))
        with qtbot.waitSignal(editor.accepted, timeout=30_000):
            editor.save()
        qtbot.waitUntil(lambda: table.rowCount() == 2 and table.item(1, 4).text() == "FP-1"
                        and table.item(0, 4).text() == "", timeout=30_000)
        assert [(p.name, p.register_code, p.text_as_image) for p in Runner(demo_database).read(
            printer_settings, "TEST-1")] == [("Front receipts", None, False), ("Printer B", "FP-1", False)]

        cashier = signed_in(demo_database, Role.CASHIER)
        card = find_card(demo_database, lambda c: len(c.folio.bills) == 1 and c.folio.bills[0].balance.amount > 10)
        payment = Runner(demo_database).run(take_payment, cashier, card.folio.bills[0].bill.id,
                                            Tender("cash", Money.of("10.00", "EUR"))).value
        # The program's one owner per printer: the Devices window's connection to B is the register's too.
        registers = Registers(job_timeout=30.0, status_timeout=5.0)
        try:
            outcome = print_receipt(Runner(demo_database), cashier, payment.id, "FP-1", registers=registers)
        finally:
            registers.close()
        assert outcome.problem is None and outcome.printed
        assert "КАСОВ БОН" in b.text()  # the demo hotel is Bulgarian: so is its paper
        assert a.printed == [] and a.held == []  # the Devices window only asked its status
    finally:
        for server in servers:
            server.stop()


def test_the_status_bar_asks_each_registers_printer_and_shows_one_off_or_missing_as_not_ready(
        qtbot, context_of, demo_database, simulator):
    engine, url = simulator
    manager = signed_in(demo_database, Role.MANAGER)
    configure(demo_database, manager, url)  # FP-1
    back = Runner(demo_database).run(add_printer, manager, "TEST-1", "Back office", url, register_code="FP-2").value
    ctx = context_of(Role.CLERK)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    label = window.devices_label
    with qtbot.waitSignal(ctx.devices_changed, timeout=30_000):
        ctx.reload_devices()
    qtbot.waitUntil(lambda: label.text() == "FP-1: ready, drawer closed · FP-2: ready", timeout=30_000)
    assert label.property("ready") is True
    engine.fail("offline")
    window._load_device_states()
    qtbot.waitUntil(lambda: label.text() == "FP-1: offline, drawer closed · FP-2: offline", timeout=30_000)
    assert label.property("ready") is False
    engine.recover()
    Runner(demo_database).run(remove_printer, manager, back.id)
    with qtbot.waitSignal(ctx.devices_changed, timeout=30_000):
        ctx.reload_devices()
    qtbot.waitUntil(lambda: label.text() == "FP-1: ready, drawer closed · FP-2: no printer", timeout=30_000)
    # A register with no printer on this workstation cannot print: not ready, whatever the others say.
    assert label.property("ready") is False
