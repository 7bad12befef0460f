"""Our own time from Apply to the last byte handed to the transport, for a 30-line sale receipt.

The printer is the in-process simulator behind a loopback transport, so the figure is ours alone:
the journal's intent and events, the fiscal document (number, sign, commit), layout, and the
bytes; a real printer then needs about 0.6 s for 15 cm of paper. Target: under 50 ms.

    python bench/bench_fiscal.py [--runs 30] [--database URL]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from desk.cash.shifts import open_shift
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_settings
from desk.devices.models import WorkstationPrinter
from desk.fiscal.anchors import ANCHOR_DIR_ENV
from desk.fiscal.interface import RegisterInfo
from desk.fiscal.keys import KEY_DIR_ENV
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import Registers, print_receipt
from desk.hotel.models import Room
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_charge
from desk.people.models import Role
from desk.stays.reservations import check_in, create_reservation, new_guest
from hardware.escpos.layout import PrinterProfile
from hardware.escpos.printer import EscposPrinter
from hardware.simulators.printer_engine import LoopbackTransport, SimulatedPrinter
from tests.actors import signed_in


class TimedTransport(LoopbackTransport):
    last_write = 0.0

    def write(self, data: bytes, timeout: float) -> None:
        super().write(data, timeout)
        TimedTransport.last_write = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp())
    url = args.database or f"sqlite:///{scratch / 'bench.sqlite3'}"
    # A throwaway hotel signs with throwaway keys: never a file in the user's own key folder, where
    # it would stand for the real register FP-1.
    os.environ[KEY_DIR_ENV] = str(scratch / "fiscal-keys")
    os.environ[ANCHOR_DIR_ENV] = str(scratch / "fiscal-anchors")
    database = Database(url)
    with database.unit_of_work() as session:
        seed_settings(session, base_currency="EUR")
        session.add(Room(number="101", floor=1, room_type="Double"))
    cashier = signed_in(database, Role.CASHIER)
    with database.unit_of_work() as session:
        # Its printer, as Devices keeps it (a loopback address no manager could type).
        session.add_all(WorkstationPrinter(workstation=cashier.workstation, name=f"{code} bench", url="loopback://bench",
                                           profile="TM-T20II", paper_mm=80, register_code=code, changed_by="bench")
                        for code in session.scalars(select(CashRegister.code)))
    with database.unit_of_work() as session:
        open_shift(session, cashier, [])
    engine = SimulatedPrinter()

    def factory(info: RegisterInfo) -> EscposPrinter:
        return EscposPrinter(TimedTransport(engine), PrinterProfile.from_capabilities(info.profile))

    registers = Registers(factory)
    runner = Runner(database)
    times: list[float] = []
    from datetime import date, timedelta

    for run in range(args.runs + 1):
        with database.unit_of_work() as session:
            guest = new_guest(session, cashier, "Иван", "Петров")
            session.flush()
            reservation = create_reservation(session, cashier, number=f"B{run:05d}", guests=[guest],
                                             arrival=date.today(), departure=date.today() + timedelta(days=1),
                                             nightly_rate=Money.of("100", "EUR"), room_number="101")
            check_in(session, cashier, reservation.id, today=date.today())
            folio_id = folio_of_reservation(session, reservation.id)
            bill_id = load_folio(session, folio_id).bills[0].bill.id
            for line in range(30):
                post_charge(session, cashier, bill_id=bill_id, description=f"Минибар / Minibar item {line + 1}",
                            quantity=1, unit_price=Money.of("2.50", "EUR"), tax_code="VAT20")
            owed = load_folio(session, folio_id).bill(bill_id).balance
            payment = take_payment(session, cashier, bill_id, Tender("cash", owed))
            payment_id = payment.id
        started = time.perf_counter()
        outcome = print_receipt(runner, cashier, payment_id, "FP-1", registers=registers)
        assert outcome.printed, outcome
        if run:  # the first run pays for imports and the register's key
            times.append((TimedTransport.last_write - started) * 1000)
    times.sort()
    print(f"fiscal receipt, 30 lines, {args.runs} runs on {database.display_url}: median "
          f"{statistics.median(times):.1f} ms, p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, "
          f"max {times[-1]:.1f} ms (target < 50 ms)")
    database.dispose()


if __name__ == "__main__":
    main()
