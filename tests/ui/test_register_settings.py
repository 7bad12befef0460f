"""The cash register's settings window: a manager sets a Bulgarian fiscal printer behind ErpNet.FP, checks the
connection (off the GUI thread, with progress and a Cancel that returns at once) and saves; a wrong VAT code is said
and nothing saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from desk.db.engine import Database
from desk.fiscal.settings import register_settings
from desk.people.models import Role
from hardware.simulators import erpnet as fake
from tests.actors import signed_in
from ui.field_error import ERROR_COLOR
from ui.ops import delivery


@pytest.fixture
def printer_server() -> Iterator[fake.ErpNetServer]:
    server = fake.serve(0, None)
    yield server
    server.shutdown()


@pytest.fixture
def dialog(qtbot, demo_database: Database):
    from ui.admin.register_settings import RegisterSettingsDialog
    from ui.context import DeskContext

    context = DeskContext(demo_database, signed_in(demo_database, Role.MANAGER))
    window = RegisterSettingsDialog(context, "FP-1")
    qtbot.addWidget(window)
    window.open()
    assert delivery.wait_all(30_000)
    yield window
    window.close()
    context.close()


def fill(dialog, address: str, vat: str) -> None:
    kind = dialog.findChild(QComboBox, "registerKindCombo")
    kind.setCurrentIndex(kind.findData("erpnet"))
    dialog.findChild(QLineEdit, "registerAddressEdit").setText(address)
    dialog.findChild(QLineEdit, "registerDeviceEdit").setText("dt279013")
    dialog.findChild(QLineEdit, "registerVatEdit").setText(vat)
    dialog.findChild(QLineEdit, "registerWorkstationEdit").setText("TEST-1")


def test_a_manager_sets_an_erpnet_printer_checks_it_and_saves(qtbot, dialog, demo_database: Database,
                                                              printer_server: fake.ErpNetServer):
    fill(dialog, f"http://127.0.0.1:{printer_server.server_port}", "9=Г,20=Б,none=А")
    assert not dialog.findChild(QComboBox, "registerTaxationCombo").isEnabled()  # no taxation system in Bulgaria
    dialog.findChild(QPushButton, "checkConnectionButton").click()
    result = dialog.findChild(QLabel, "registerCheckResult")
    qtbot.waitUntil(lambda: "DT279013 Datecs FP-2000" in result.text(), timeout=30_000)
    assert "its printer: ready" in result.text()
    dialog.findChild(QPushButton, "saveRegisterButton").click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    with demo_database.unit_of_work() as session:
        saved = register_settings(session, "FP-1")
    assert (saved.kind.value, saved.device_id, saved.vat_map, saved.workstation) == (
        "erpnet", "dt279013", {"9": "Г", "20": "Б", "": "А"}, "TEST-1")


def test_a_server_that_does_not_answer_is_said_and_atol_codes_for_erpnet_are_refused(qtbot, dialog,
                                                                                     demo_database: Database):
    fill(dialog, "http://127.0.0.1:1", "20=vat20")
    dialog.findChild(QPushButton, "checkConnectionButton").click()
    error = dialog.findChild(QLabel, "registerSettingsError")
    qtbot.waitUntil(lambda: "does not answer" in error.text(), timeout=30_000)
    dialog.findChild(QPushButton, "saveRegisterButton").click()
    qtbot.waitUntil(lambda: "“20=vat20” is no rate=VAT code pair" in error.text(), timeout=30_000)
    assert dialog.isVisible()
    with demo_database.unit_of_work() as session:
        assert register_settings(session, "FP-1").kind.value == "escpos"


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A server that takes the connection and says nothing for 1.5 s, then hangs up: a register's server stuck."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def hold() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            stop.wait(1.5)
            connection.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    listener.close()


def test_cancel_in_check_connection_returns_at_once_and_a_late_answer_is_dropped(qtbot, dialog, silent_server: int):
    import time

    from ui.ops.feedback import ProgressDialog

    fill(dialog, f"http://127.0.0.1:{silent_server}", "9=Г,20=Б,none=А")
    button = dialog.findChild(QPushButton, "checkConnectionButton")
    button.click()
    qtbot.waitUntil(lambda: any(wait.isVisible() for wait in dialog.findChildren(ProgressDialog)), timeout=30_000)
    wait = next(wait for wait in dialog.findChildren(ProgressDialog) if wait.isVisible())
    pressed = time.monotonic()
    wait.cancel_button.click()
    qtbot.waitUntil(button.isEnabled, timeout=30_000)
    assert time.monotonic() - pressed < 0.5  # the stuck server is not waited for
    result = dialog.findChild(QLabel, "registerCheckResult")
    assert "not waited for" in result.text()
    assert delivery.wait_all(30_000)  # the request ends in the background (the server hangs up)...
    error = dialog.findChild(QLabel, "registerSettingsError")
    assert not error.isVisible() and "not waited for" in result.text()  # ...and its answer is not shown


def test_check_connection_warns_a_manager_of_an_atol_fiscal_storage_to_replace(qtbot, dialog, tmp_path):
    from tests.desk.atol_rig import start_atol_server

    server = start_atol_server(tmp_path / "fn.json", own_process=True)  # see register_server_rig
    try:
        server.control("fault", fault="fn_expiring")
        kind = dialog.findChild(QComboBox, "registerKindCombo")
        kind.setCurrentIndex(kind.findData("atol"))
        dialog.findChild(QLineEdit, "registerAddressEdit").setText(server.address)
        dialog.findChild(QPushButton, "checkConnectionButton").click()
        result = dialog.findChild(QLabel, "registerCheckResult")
        qtbot.waitUntil(lambda: "The register answered" in result.text(), timeout=30_000)
        assert "its fiscal storage must be replaced soon" in result.text()
    finally:
        server.stop()


def test_check_connection_says_a_roll_near_its_end_in_the_managers_language(
        qtbot, qm_dir, dialog, printer_server: fake.ErpNetServer):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translator(app, "ru", qm_dir=qm_dir)
    printer_server.printer.faults.add("paper_low")  # W301, as ErrorCodes.md names it
    fill(dialog, f"http://127.0.0.1:{printer_server.server_port}", "9=Г,20=Б,none=А")
    dialog.findChild(QPushButton, "checkConnectionButton").click()
    result = dialog.findChild(QLabel, "registerCheckResult")
    qtbot.waitUntil(lambda: "DT279013" in result.text(), timeout=30_000)
    assert "готов, бумага кончается" in result.text() and "Low paper" not in result.text()


def test_check_connection_says_a_printer_not_ok_without_a_reason_is_not_ready_in_the_managers_language(
        qtbot, qm_dir, dialog, printer_server: fake.ErpNetServer, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translator(app, "ru", qm_dir=qm_dir)
    monkeypatch.setattr(printer_server.printer, "status", lambda: {"ok": False, "messages": []})  # no error says why
    fill(dialog, f"http://127.0.0.1:{printer_server.server_port}", "9=Г,20=Б,none=А")
    dialog.findChild(QPushButton, "checkConnectionButton").click()
    result = dialog.findChild(QLabel, "registerCheckResult")
    qtbot.waitUntil(lambda: "DT279013" in result.text(), timeout=30_000)
    assert "принтер не готов" in result.text() and "его принтер:" not in result.text()  # never "its printer: ready"
    assert "not ready" not in result.text() and ERROR_COLOR in result.styleSheet()


@pytest.mark.parametrize(("fault", "words"), [
    ("cutter", "не готов, заело нож"),  # E306
    ("printing_unit", "не готов, сбой печатающего узла"),  # E303
    ("head_hot", "не готов, перегрета печатающая головка"),  # E304
])
def test_check_connection_says_a_jammed_or_faulty_printer_is_not_ready_in_the_managers_language(
        qtbot, qm_dir, dialog, printer_server: fake.ErpNetServer, fault, words):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    app = QCoreApplication.instance()
    assert app is not None
    i18n.install_translator(app, "ru", qm_dir=qm_dir)
    printer_server.printer.faults.add(fault)
    fill(dialog, f"http://127.0.0.1:{printer_server.server_port}", "9=Г,20=Б,none=А")
    dialog.findChild(QPushButton, "checkConnectionButton").click()
    result = dialog.findChild(QLabel, "registerCheckResult")
    qtbot.waitUntil(lambda: "DT279013" in result.text(), timeout=30_000)
    assert f"его принтер: {words}" in result.text() and ERROR_COLOR in result.styleSheet()
