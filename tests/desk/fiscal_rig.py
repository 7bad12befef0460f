"""A hotel with a fiscal register on a simulated printer (in-process, or a transport that hangs)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import update

from desk.db.engine import Database
from desk.db.runner import Runner
from desk.devices.models import WorkstationPrinter
from desk.fiscal.interface import RegisterInfo
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import Registers
from desk.hotel.models import Hotel as HotelRow
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_charge
from desk.people.models import Role
from hardware.escpos.layout import PrinterProfile
from hardware.escpos.owners import PrinterOwners
from hardware.escpos.printer import EscposPrinter
from hardware.simulators.printer_engine import LoopbackTransport, SimulatedPrinter
from tests.helpers import kill_child_when

from .conftest import Hotel


class HangingTransport(LoopbackTransport):
    """Loopback that blocks for ever once a job passes ``after`` bytes, or on the first status query when
    ``after`` is negative (the program is then killed there)."""

    def __init__(self, engine: SimulatedPrinter, after: int, flag_path: str | None = None) -> None:
        super().__init__(engine)
        self.after = after
        self.flag_path = flag_path
        self.job_bytes = 0

    def write(self, data: bytes, timeout: float) -> None:
        is_job = len(data) > 32  # status queries are a few bytes
        if is_job:
            self.job_bytes += len(data)
        if (self.after < 0) or (is_job and self.job_bytes > self.after):
                if self.flag_path:
                    with open(self.flag_path, "w") as flag:
                        flag.write("hanging")
                threading.Event().wait()
        super().write(data, timeout)


@dataclass
class FiscalHotel:
    hotel: Hotel
    engine: SimulatedPrinter
    registers: Registers
    runner: Runner


def fiscal_hotel(hotel: Hotel, *, paper_mm: int = 80, language: str = "en",
                 transport: type[LoopbackTransport] | None = None) -> FiscalHotel:
    profile = "POS-5890" if paper_mm == 58 else "TM-T20II"
    engine = SimulatedPrinter(profile=profile, paper_mm=paper_mm)
    with hotel.database.writing() as session:
        session.execute(update(CashRegister).where(CashRegister.code == "FP-1").values(language=language))
        session.execute(update(HotelRow).values(address="1 Vitosha Blvd, Sofia", tax_id="BG123456789"))
    assign_printer(hotel.database, "FP-1", "loopback://FP-1", profile=profile, paper_mm=paper_mm)

    def factory(info: RegisterInfo) -> EscposPrinter:
        return EscposPrinter((transport or LoopbackTransport)(engine),
                             PrinterProfile.from_capabilities(info.profile, paper_mm=info.paper_mm),
                             status_timeout=0.5, write_timeout=0.5)

    return FiscalHotel(hotel.as_role(Role.CASHIER), engine, Registers(factory, PrinterOwners()),
                       Runner(hotel.database))


def assign_printer(database: Database, register: str, url: str, *, workstation: str = "TEST-1",
                   profile: str = "TM-T20II", paper_mm: int = 80) -> None:
    """``register`` prints on a printer at ``url`` on ``workstation`` (written as is: a loopback URL is no
    printer address a manager could type)."""
    with database.writing() as session:
        session.add(WorkstationPrinter(workstation=workstation, name=f"{register} printer", url=url,
                                       profile=profile, paper_mm=paper_mm, register_code=register,
                                       changed_by="test"))


def fiscal_registers(make_transport) -> Registers:
    """Registers whose printer is a fresh simulator behind ``make_transport(engine)`` (for a child process)."""
    engine = SimulatedPrinter()

    def factory(info: RegisterInfo) -> EscposPrinter:
        return EscposPrinter(make_transport(engine), PrinterProfile.from_capabilities(info.profile),
                             status_timeout=0.5, write_timeout=0.5)

    return Registers(factory, PrinterOwners())


def paid_bill(hotel: Hotel, *, amount: str | None = None, method: str = "cash",
              lines: tuple[tuple[str, str, str], ...] = (("Нощувка / Night 101", "100", "VAT9"),
                                                          ("Минибар (Bulgarian: Минибар)", "12.50", "VAT20"))) -> int:
    """A stay whose bill has ``lines`` (name, price, tax), paid by ``method``; the payment's id."""
    stay = hotel.stay()
    for name, price, tax in lines:
        hotel.run(post_charge, bill_id=stay.bill_id, description=name, quantity=1, unit_price=hotel.money(price),
                  tax_code=tax)
    owed = hotel.view(stay.folio_id).bill(stay.bill_id).balance
    payment = hotel.run(take_payment, stay.bill_id, Tender(method, hotel.money(amount) if amount else owed,
                                                            payer_name="Иван Петров"))
    return payment.id


def kill_when_it_hangs(code: str, flag: Path) -> None:
    """Run ``code`` in a child Python until its printer hangs (a :class:`HangingTransport` wrote ``flag``),
    then SIGKILL it there."""
    kill_child_when(code, flag.exists, "printer")
