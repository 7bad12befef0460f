"""`desk devices`: the configured printers with their live status, an absent one without a traceback."""

from __future__ import annotations

import pytest

from desk.cli.main import main
from desk.devices.printers import add_printer
from desk.people.models import Role
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter

from .conftest import Hotel


def test_desk_devices_shows_status_of_the_simulator_and_of_an_absent_printer(
        sqlite_hotel: Hotel, sqlite_url: str, capsys: pytest.CaptureFixture[str]):
    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    try:
        manager = sqlite_hotel.as_role(Role.MANAGER)
        manager.run(add_printer, "FRONT-7", "Receipts", f"tcp://127.0.0.1:{server.port}", register_code="FP-1",
                    drawer=True)
        manager.run(add_printer, "FRONT-7", "Unplugged", "tcp://127.0.0.1:1")
        engine.fail("cover_open")
        code = main(["--database", sqlite_url, "devices", "--workstation", "FRONT-7", "--timeout", "1"])
    finally:
        server.stop()
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in out + err
    lines = out.splitlines()
    assert lines[0].startswith("USB printers in sight")
    receipts = lines.index(f"  Receipts: tcp://127.0.0.1:{server.port} [register FP-1, cash drawer]")
    assert lines[receipts + 1] == "    offline, paper ok, cover open, drawer closed"
    unplugged = lines.index("  Unplugged: tcp://127.0.0.1:1")
    assert lines[unplugged + 1].startswith("    not answering (")


def test_desk_devices_without_settings(sqlite_hotel: Hotel, sqlite_url: str, capsys: pytest.CaptureFixture[str]):
    from desk.fiscal.models import CashRegister

    with sqlite_hotel.database.writing() as session:
        for register in session.query(CashRegister):
            register.device = ""
    assert main(["--database", sqlite_url, "devices", "--workstation", "EMPTY"]) == 0
    assert "Devices of EMPTY: none configured" in capsys.readouterr().out
