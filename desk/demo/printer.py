"""The demo's receipt printers: a printer simulator on loopback for each register of the demo hotel.

A register prints only on the printer assigned to it in Devices, so a demo without printers showed
"FP-1: no printer" in red and printed nothing. ``desk run --demo`` (``make run``) therefore starts a
simulator per register inside the program, on 127.0.0.1 and a port the system picks, and assigns the
register to it on the workstation that runs, under a name of its own (:func:`demo_printer_name`); each
document lands as text and PNG in :func:`demo_receipts_folder`, one folder per register. Only the demo
hotel gets them: a real hotel's database is left as it is, and so is a register that prints on a
printer someone assigned on that workstation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.core.types import utcnow
from desk.db.engine import Database
from desk.demo.seed import DEMO_HOTEL
from desk.devices.models import WorkstationPrinter
from desk.fiscal.models import CashRegister
from desk.hotel.models import Hotel
from hardware.simulators.printer import TcpPrinterServer, receipt_writer
from hardware.simulators.printer_engine import SimulatedPrinter

PROFILE = "TM-T20II"
PAPER_MM = 80


def demo_printer_name(register_code: str) -> str:
    return f"Demo printer {register_code} (simulator)"


@dataclass
class DemoPrinters:
    """The simulators started, by register code."""

    servers: dict[str, TcpPrinterServer] = field(default_factory=dict)
    receipts: Path = Path()

    def url(self, register_code: str) -> str:
        return f"tcp://127.0.0.1:{self.servers[register_code].port}"

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()


def demo_receipts_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("frontdesk-cashier", appauthor=False)) / "demo-receipts"


def is_demo_hotel(session: Session) -> bool:
    hotel = session.scalars(select(Hotel).order_by(Hotel.id).limit(1)).first()
    return hotel is not None and (hotel.name, hotel.tax_id) == DEMO_HOTEL


def start_demo_printers(database: Database, workstation: str, receipts: Path | None = None) -> DemoPrinters | None:
    """A simulator started and assigned to each demo register on ``workstation`` that has no printer of the
    user's own there; None when this is no demo hotel."""
    folder = receipts or demo_receipts_folder()
    printers = DemoPrinters(receipts=folder)
    with database.writing() as session:
        if not is_demo_hotel(session):
            return None
        on_workstation = list(session.scalars(
            select(WorkstationPrinter).where(WorkstationPrinter.workstation == workstation)))
        try:
            for code in session.scalars(select(CashRegister.code).order_by(CashRegister.code)):
                ours = next((p for p in on_workstation if p.name == demo_printer_name(code)), None)
                assigned = next((p for p in on_workstation if p.register_code == code), None)
                if assigned is not None and assigned is not ours:
                    continue
                engine = SimulatedPrinter(profile=PROFILE, paper_mm=PAPER_MM)
                engine.on_cut = receipt_writer(folder / code)
                printers.servers[code] = TcpPrinterServer(engine, port=0).start()
                if ours is None:
                    drawer = not any(p.drawer for p in on_workstation)
                    ours = WorkstationPrinter(workstation=workstation, name=demo_printer_name(code),
                                              url=printers.url(code), profile=PROFILE, paper_mm=PAPER_MM,
                                              register_code=code, drawer=drawer, changed_by="demo")
                    session.add(ours)
                    on_workstation.append(ours)
                else:  # the port is new at every start
                    ours.url, ours.register_code, ours.changed_at = printers.url(code), code, utcnow()
            session.flush()
        except BaseException:
            printers.stop()
            raise
    return printers
