"""A register prints on the printer assigned to it in Devices, and on no other address (issue 22)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command

from desk.db.engine import alembic_config
from desk.db.runner import Runner
from desk.devices.printers import DeviceHub, add_printer, printer_settings, update_printer
from desk.fiscal.errors import PrinterNotReady
from desk.fiscal.workflow import Registers, print_receipt
from desk.people.models import Role
from hardware.escpos.owners import PrinterOwners
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter

from .conftest import Hotel
from .fiscal_rig import paid_bill


class Simulated:
    def __init__(self) -> None:
        self.engine = SimulatedPrinter(profile="TM-T20II", paper_mm=80)
        self.server = TcpPrinterServer(self.engine, port=0).start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.server.port}"


@pytest.fixture
def printers() -> Iterator[tuple[Simulated, Simulated]]:
    first, second = Simulated(), Simulated()
    yield first, second
    first.server.stop()
    second.server.stop()


def test_the_printer_assigned_in_devices_prints_the_registers_receipts_and_the_other_gets_nothing(
        hotel: Hotel, printers: tuple[Simulated, Simulated]):
    a, b = printers
    manager = hotel.as_role(Role.MANAGER)
    workstation = hotel.actor.workstation
    printer_a = manager.run(add_printer, workstation, "Printer A", a.url, register_code="FP-1")
    printer_b = manager.run(add_printer, workstation, "Printer B", b.url)
    # The manager moves FP-1 to printer B in Devices (A lets it go).
    manager.run(update_printer, printer_b.id, "Printer B", b.url, register_code="FP-1")
    assert [p.register_code for p in hotel.query(printer_settings, workstation)] == [None, "FP-1"]
    assert printer_a.register_code == "FP-1"
    cashier = hotel.as_role(Role.CASHIER)
    registers = Registers(owners=PrinterOwners(), job_timeout=30.0, status_timeout=5.0)
    try:
        outcome = print_receipt(Runner(hotel.database), cashier.actor, paid_bill(cashier), "FP-1",
                                registers=registers)
    finally:
        registers.close()
    assert outcome.problem is None and outcome.printed
    assert "SALE RECEIPT" in b.engine.text()
    assert a.engine.received == 0 and a.engine.printed == []


def test_a_register_with_no_printer_on_this_workstation_prints_nothing_and_says_so(sqlite_hotel: Hotel,
                                                                                   printers):
    a, _b = printers
    # FP-1 prints on A at another desk, not at this one: nothing goes to A from here.
    sqlite_hotel.as_role(Role.MANAGER).run(add_printer, "FRONT-9", "Printer A", a.url, register_code="FP-1")
    cashier = sqlite_hotel.as_role(Role.CASHIER)
    registers = Registers(owners=PrinterOwners())
    payment_id = paid_bill(cashier)
    try:
        with pytest.raises(PrinterNotReady) as caught:
            print_receipt(Runner(sqlite_hotel.database), cashier.actor, payment_id, "FP-1", registers=registers)
    finally:
        registers.close()
    assert caught.value.template == "{register} has no printer on {workstation}: a manager assigns one in Devices"
    assert caught.value.params["workstation"] == cashier.actor.workstation
    # Named by its code, as the status bar and the other printer refusals name it: a stored English
    # name would stay English on a Russian screen.
    assert caught.value.params["register"] == "FP-1"
    assert a.engine.received == 0


def test_assigning_a_register_takes_it_off_the_other_printer_of_the_workstation(sqlite_hotel: Hotel):
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(add_printer, "FRONT-1", "A", "tcp://10.0.0.5", register_code="FP-1")
    second = manager.run(add_printer, "FRONT-1", "B", "tcp://10.0.0.6")
    manager.run(update_printer, second.id, "B", "tcp://10.0.0.6", register_code="FP-1")
    assert [(p.name, p.register_code) for p in sqlite_hotel.query(printer_settings, "FRONT-1")] == [
        ("A", None), ("B", "FP-1")]
    manager.run(add_printer, "FRONT-1", "C", "tcp://10.0.0.7", register_code="FP-1")
    assert [(p.name, p.register_code) for p in sqlite_hotel.query(printer_settings, "FRONT-1")] == [
        ("A", None), ("B", None), ("C", "FP-1")]
    # Another workstation has its own printer for FP-1.
    manager.run(add_printer, "FRONT-2", "A", "tcp://10.0.0.8", register_code="FP-1")
    assert [p.register_code for p in sqlite_hotel.query(printer_settings, "FRONT-2")] == ["FP-1"]


def test_the_hub_asks_the_printer_that_prints_the_register(sqlite_hotel: Hotel, printers):
    a, b = printers
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(add_printer, "TEST-1", "Printer A", a.url)
    manager.run(add_printer, "TEST-1", "Printer B", b.url, register_code="FP-1")
    b.engine.fail("offline")
    hub = DeviceHub("TEST-1", status_timeout=2.0, owners=PrinterOwners())
    try:
        Runner(sqlite_hotel.database).read(hub.load)
        states = hub.register_states()
    finally:
        hub.close()
    assert list(states) == ["FP-1"] and states["FP-1"].url == b.url and not states["FP-1"].ready


def test_the_migration_folds_the_registers_address_into_each_workstations_devices(database_url: str):
    engine = sa.create_engine(database_url)
    try:
        command.upgrade(alembic_config(engine), "0016_desk_role")
        now = datetime.now(UTC)
        with engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO cash_register (code, name, device, paper_mm, profile, language) VALUES "
                "('FP-1', 'Front', 'tcp://10.0.0.9:9100', 58, 'POS-5890', 'en'), "
                "('FP-2', 'Back', 'tcp://10.0.0.5:9100', 80, 'TM-T20II', 'en'), "
                "('FP-3', 'Unused', '', 80, 'TM-T20II', 'en')"))
            printer = sa.table("workstation_printer", *(sa.column(name) for name in (
                "workstation", "name", "url", "profile", "paper_mm", "register_code", "drawer", "changed_by",
                "changed_at")))
            rows = [
                # FRONT-1 assigned FP-1 to a printer of its own: that stays (it is what the manager set).
                ("FRONT-1", "Mine", "tcp://10.0.0.7:9100", "TM-T20II", 80, "FP-1", True),
                # FRONT-1 has FP-2's address already as a printer without a register: it is assigned.
                ("FRONT-1", "Back", "tcp://10.0.0.5:9100", "TM-T88V", 80, None, False),
                # FRONT-2 had a printer of another address: FP-1 and FP-2 get printers of their own.
                ("FRONT-2", "Front", "usb://04b8:0202", "TM-T20II", 80, None, True),
            ]
            connection.execute(printer.insert(), [dict(workstation=w, name=n, url=u, profile=p, paper_mm=m,
                                                       register_code=r, drawer=d, changed_by="test", changed_at=now)
                                                  for w, n, u, p, m, r, d in rows])
        command.upgrade(alembic_config(engine), "head")
        with engine.connect() as connection:
            found = sorted(tuple(row) for row in connection.execute(sa.text(
                "SELECT workstation, name, url, profile, paper_mm, register_code, drawer FROM workstation_printer")))
            columns = {c["name"] for c in sa.inspect(connection).get_columns("cash_register")}
    finally:
        engine.dispose()
    assert found == [
        ("FRONT-1", "Back", "tcp://10.0.0.5:9100", "TM-T88V", 80, "FP-2", False),
        ("FRONT-1", "Mine", "tcp://10.0.0.7:9100", "TM-T20II", 80, "FP-1", True),
        ("FRONT-2", "Back", "tcp://10.0.0.5:9100", "TM-T20II", 80, "FP-2", False),
        ("FRONT-2", "Front", "usb://04b8:0202", "TM-T20II", 80, None, True),
        ("FRONT-2", "Front (2)", "tcp://10.0.0.9:9100", "POS-5890", 58, "FP-1", False),
    ]
    assert not columns & {"device", "paper_mm", "profile"}


def test_printer_settings_carry_the_draw_as_image_setting(sqlite_hotel: Hotel):
    manager = sqlite_hotel.as_role(Role.MANAGER)
    setting = manager.run(add_printer, "FRONT-1", "A", "tcp://10.0.0.5", text_as_image=True)
    assert [p.text_as_image for p in sqlite_hotel.query(printer_settings, "FRONT-1")] == [True]
    manager.run(update_printer, setting.id, "A", "tcp://10.0.0.5")
    assert [p.text_as_image for p in sqlite_hotel.query(printer_settings, "FRONT-1")] == [False]


def test_a_printer_set_to_draw_text_as_image_prints_the_registers_receipt_without_boxes(sqlite_hotel: Hotel):
    from hardware.simulators.printer_engine import NO_GLYPH, PrintedImage, PrintedLine

    # This printer's profile claims WPC1251 (page 46), which the printer lacks.
    engine = SimulatedPrinter(profile="TM-T20II", paper_mm=80, missing_code_pages=frozenset({46}))
    server = TcpPrinterServer(engine, port=0).start()
    manager = sqlite_hotel.as_role(Role.MANAGER)
    manager.run(add_printer, "TEST-1", "Front", f"tcp://127.0.0.1:{server.port}", register_code="FP-1",
                text_as_image=True)
    cashier = sqlite_hotel.as_role(Role.CASHIER)
    registers = Registers(owners=PrinterOwners(), job_timeout=30.0, status_timeout=5.0)
    try:
        outcome = print_receipt(Runner(sqlite_hotel.database), cashier.actor, paid_bill(cashier), "FP-1",
                                registers=registers)
    finally:
        registers.close()
        server.stop()
    assert outcome.printed
    assert not any(isinstance(item, PrintedLine) and item.text.strip() for item in engine.printed)
    assert NO_GLYPH not in engine.text()
    assert {item.image.width for item in engine.printed if isinstance(item, PrintedImage)} == {576}
