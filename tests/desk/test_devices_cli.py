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
    receipts = next(n for n, line in enumerate(lines)
                    if line.startswith(f"  Receipts: tcp://127.0.0.1:{server.port} [register FP-1, cash drawer] (id "))
    assert lines[receipts + 1] == "    offline, paper ok, cover open, drawer closed"
    unplugged = next(n for n, line in enumerate(lines) if line.startswith("  Unplugged: tcp://127.0.0.1:1 (id "))
    assert lines[unplugged + 1].startswith("    not answering (")


def test_desk_devices_without_settings(sqlite_hotel: Hotel, sqlite_url: str, capsys: pytest.CaptureFixture[str]):
    assert main(["--database", sqlite_url, "devices", "--workstation", "EMPTY"]) == 0
    assert "Devices of EMPTY: none configured" in capsys.readouterr().out


def test_desk_devices_assigns_a_registers_printer_and_the_register_prints_there(
        sqlite_hotel: Hotel, sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DESK_USER", "maria")  # changing devices signs a manager in, as every settings command
    monkeypatch.setenv("DESK_PASSWORD", "manager")
    from desk.devices.printers import printer_settings
    from desk.fiscal.register import register_info

    base = ["--database", sqlite_url, "devices", "--workstation", "FRONT-7"]
    assert main([*base, "add", "Printer A", "tcp://10.0.0.5", "--register", "FP-1", "--drawer"]) == 0
    assert main([*base, "add", "Printer B", "tcp://10.0.0.6:9100", "--paper", "58", "--text-as-image"]) == 0
    a, b = sqlite_hotel.query(printer_settings, "FRONT-7")
    # FP-1 moves to B: A lets it go.
    assert main([*base, "set", str(b.id), "--register", "FP-1"]) == 0
    info = sqlite_hotel.query(register_info, "FP-1", "FRONT-7")
    assert (info.device, info.paper_mm, info.text_as_image, info.printer) == ("tcp://10.0.0.6:9100", 58, True,
                                                                              "Printer B")
    after = {p.name: p for p in sqlite_hotel.query(printer_settings, "FRONT-7")}
    assert after["Printer A"].drawer and after["Printer A"].register_code is None
    assert main([*base, "--timeout", "0.2", "list"]) == 0
    out = capsys.readouterr().out
    assert f"  Printer B: tcp://10.0.0.6:9100 [register FP-1, text as image] (id {b.id})" in out
    assert "Register FP-2 has no printer on FRONT-7: desk devices set ID --register FP-2" in out
    assert main([*base, "set", str(b.id), "--no-register", "--no-text-as-image"]) == 0
    info = sqlite_hotel.query(register_info, "FP-1", "FRONT-7")
    assert info.device == ""
    assert [p.text_as_image for p in sqlite_hotel.query(printer_settings, "FRONT-7")] == [False, False]
    assert main([*base, "remove", str(a.id)]) == 0
    assert [p.name for p in sqlite_hotel.query(printer_settings, "FRONT-7")] == ["Printer B"]
