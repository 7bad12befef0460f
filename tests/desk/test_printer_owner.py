"""One owner per physical printer: the device hub, the fiscal register and card slips share one connection.

The printer simulator on TCP serves one connection at a time, as a network printer on port 9100
does (a second one waits, or with ``refuse_second`` is reset). Jobs from several threads at once
must all complete over that one connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from desk.cards.slips import print_card_slip
from desk.cards.terminal_workflow import card_sale
from desk.core.money import Money
from desk.db.runner import Runner
from desk.devices.printers import PRINTERS, DeviceHub, add_printer, printer_settings, remove_printer, update_printer
from desk.fiscal.errors import PrinterNotReady
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import Registers, print_receipt
from desk.people.models import Role
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter

from .card_rig import Rig, make_rig
from .conftest import Hotel
from .fiscal_rig import paid_bill


@dataclass
class NetworkPrinter:
    engine: SimulatedPrinter
    server: TcpPrinterServer

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.server.port}"

    @property
    def device(self) -> str:
        return f"tcp 127.0.0.1:{self.server.port}"


def network_printer(hotel: Hotel, *, refuse_second: bool) -> NetworkPrinter:
    """The simulator on TCP as FP-1's device (the other registers have none) and the desk's drawer printer."""
    engine = SimulatedPrinter(profile="TM-T20II", paper_mm=80)
    printer = NetworkPrinter(engine, TcpPrinterServer(engine, port=0, refuse_second=refuse_second).start())
    with hotel.database.writing() as session:
        session.execute(update(CashRegister).where(CashRegister.code == "FP-1").values(language="en"))
    return printer


@pytest.fixture
def rig(hotel: Hotel, tmp_path: Path) -> Iterator[Rig]:
    yield from make_rig(hotel, tmp_path)


@pytest.mark.parametrize("second", ["waits", "is refused"])
def test_receipts_drawer_kicks_statuses_and_slips_from_many_threads_share_one_connection(rig: Rig, second: str):
    hotel = rig.hotel
    printer = network_printer(hotel, refuse_second=second == "is refused")
    hotel.as_role(Role.MANAGER).run(add_printer, hotel.actor.workstation, "Front receipts", printer.url,
                                    register_code="FP-1", drawer=True)
    runner = Runner(hotel.database)
    cashier = hotel.as_role(Role.CASHIER)
    hub = DeviceHub(hotel.actor.workstation, status_timeout=2.0, job_timeout=10.0)
    registers = Registers()
    try:
        runner.read(hub.load)
        payments = [paid_bill(cashier) for _ in range(3)]
        sale = card_sale(rig.runner, rig.cashier, rig.terminal_id, hotel.stay().bill_id, Money.of("42.50", "EUR"),
                         allow_overpay=True)
        assert sale.settled
        start = threading.Barrier(5)

        def together(work: Callable[[], list[Any]]) -> Callable[[], list[Any]]:
            def run() -> list[Any]:
                start.wait(30)
                return work()
            return run

        jobs = {
            "receipts": lambda: [print_receipt(runner, cashier.actor, payment, "FP-1", registers=registers)
                                 for payment in payments],
            "kicks": lambda: [hub.kick_drawer() for _ in range(3)],
            "statuses": lambda: [state for _ in range(3) for state in hub.states()],
            "register": lambda: [registers.register(runner, cashier.actor, "FP-1").status() for _ in range(3)],
            "slips": lambda: [print_card_slip(rig.runner, rig.cashier, hub, intent_id=sale.intent.id),
                              *(print_card_slip(rig.runner, rig.cashier, hub, payment_id=sale.payment_id,
                                                reprint=True) for _ in range(2))],
        }
        with ThreadPoolExecutor(len(jobs)) as pool:
            futures = {name: pool.submit(together(work)) for name, work in jobs.items()}
            done = {name: future.result(120) for name, future in futures.items()}
    finally:
        hub.close()
        registers.close()
        printer.server.stop()

    assert [outcome.printed for outcome in done["receipts"]] == [True] * 3
    assert [outcome.problem for outcome in done["receipts"]] == [None] * 3
    assert [kick.printer for kick in done["kicks"]] == ["Front receipts"] * 3
    assert printer.engine.drawer_kicks == 3
    assert [(state.ready, state.error) for state in done["statuses"]] == [(True, "")] * 3
    assert [status.printer_ready for status in done["register"]] == [True] * 3
    assert [(slip.printed, slip.copies) for slip in done["slips"]] == [(True, 1)] * 3
    pieces = [printer.engine.text(piece) for piece in printer.engine.receipts()]
    assert sum("CUSTOMER" in piece for piece in pieces) == 3
    assert sorted(piece.split("Document")[1].split()[0] for piece in pieces if "SALE RECEIPT" in piece) == [
        "0000002", "0000003", "0000004"]  # 0000001 opened the register's shift, on no paper
    assert len(pieces) == 3 + 3
    # One connection for all of it: none waited behind another, none was refused.
    assert printer.server.connections == 1
    assert printer.server.peak_connections == 1 and printer.server.refused == 0
    # The last lease given back closed the printer's owner.
    assert printer.device not in PRINTERS.devices()


def test_a_printer_reconfigured_or_removed_is_let_go_by_the_desk_and_by_the_register_it_printed_for(
        sqlite_hotel: Hotel):
    hotel = sqlite_hotel
    printer = network_printer(hotel, refuse_second=True)
    manager = hotel.as_role(Role.MANAGER)
    cashier = hotel.as_role(Role.CASHIER).actor
    runner = Runner(hotel.database)
    setting = manager.run(add_printer, hotel.actor.workstation, "Front receipts", printer.url, register_code="FP-1",
                          drawer=True)
    hub = DeviceHub(hotel.actor.workstation, status_timeout=2.0, job_timeout=10.0)
    registers = Registers()
    try:
        runner.read(hub.load)
        assert hub.states()[0].ready
        assert PRINTERS.devices()[printer.device] == 1
        # The register leases the same printer: one owner, two leases, one connection.
        assert registers.register(runner, cashier, "FP-1").status().printer_ready
        assert PRINTERS.devices()[printer.device] == 2
        # Re-configured (58 mm now): each gives its old lease back and takes a new one on the same owner.
        manager.run(update_printer, setting.id, "Front receipts", printer.url, paper_mm=58, register_code="FP-1",
                    drawer=True)
        runner.read(hub.load)
        assert hub.states()[0].ready
        assert registers.register(runner, cashier, "FP-1").info().paper_mm == 58
        assert PRINTERS.devices()[printer.device] == 2
        # Removed: the desk lets it go, and the register has no printer left, so it lets go too.
        manager.run(remove_printer, setting.id)
        runner.read(hub.load)
        assert runner.read(printer_settings, hotel.actor.workstation) == []
        assert PRINTERS.devices()[printer.device] == 1
        with pytest.raises(PrinterNotReady) as caught:
            registers.register(runner, cashier, "FP-1")
        assert caught.value.template == "{register} has no printer on {workstation}: a manager assigns one in Devices"
        assert printer.device not in PRINTERS.devices()
    finally:
        hub.close()
        registers.close()
    assert printer.server.connections == 1
    assert printer.server.peak_connections == 1 and printer.server.refused == 0
