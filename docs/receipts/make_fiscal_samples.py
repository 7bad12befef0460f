"""Make the fiscal sample PNGs (sale, refund, X and Z report) from the bytes the printer simulator received.

    PYTHONPATH=. python docs/receipts/make_fiscal_samples.py

A demo hotel on a throw-away SQLite file, register FP-1 pointed at the simulator over TCP, a
Bulgarian receipt language; each document is what the simulator decoded from the job it got.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import update

from desk.cash.shifts import close_shift, open_shift, open_shift_of
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_settings
from desk.fiscal.models import CashRegister
from desk.fiscal.workflow import Registers, close_register_shifts, print_receipt, x_report
from desk.hotel.models import Hotel, Room
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.payments import Tender, refund_payment, take_payment
from desk.ledger.postings import post_charge
from desk.people.models import Role
from desk.stays.reservations import check_in, create_reservation, new_guest
from hardware.simulators.printer import TcpPrinterServer
from hardware.simulators.printer_engine import SimulatedPrinter
from tests.actors import signed_in

HERE = Path(__file__).resolve().parent


def main() -> None:
    engine = SimulatedPrinter()
    server = TcpPrinterServer(engine, port=0).start()
    database = Database(f"sqlite:///{Path(tempfile.mkdtemp()) / 'samples.sqlite3'}")
    try:
        with database.unit_of_work() as session:
            seed_settings(session, base_currency="EUR")
            session.add(Room(number="101", floor=1, room_type="Double"))
            session.execute(update(CashRegister).where(CashRegister.code == "FP-1").values(
                device=f"tcp://127.0.0.1:{server.port}", language="bg"))
            session.execute(update(Hotel).values(name="Хотел Аврора", address="бул. Витоша 1, София",
                                                 tax_id="BG123456789"))
        cashier = signed_in(database, Role.CASHIER)
        with database.unit_of_work() as session:
            open_shift(session, cashier, [Money.of("100", "EUR")])
            guest = new_guest(session, cashier, "Иван", "Петров")
            session.flush()
            reservation = create_reservation(session, cashier, number="S00001", guests=[guest],
                                             arrival=date.today(), departure=date.today() + timedelta(days=2),
                                             nightly_rate=Money.of("120", "EUR"), room_number="101")
            check_in(session, cashier, reservation.id, today=date.today())
            bill_id = load_folio(session, folio_of_reservation(session, reservation.id)).bills[0].bill.id
            post_charge(session, cashier, bill_id=bill_id, description="Нощувка, стая 101", quantity=2,
                        unit_price=Money.of("120", "EUR"), tax_code="VAT9")
            post_charge(session, cashier, bill_id=bill_id, description="Минибар", quantity=1,
                        unit_price=Money.of("12.50", "EUR"), tax_code="VAT20")
            owed = load_folio(session, folio_of_reservation(session, reservation.id)).bill(bill_id).balance
            payment_id = take_payment(session, cashier, bill_id, Tender("cash", owed, payer_name="Иван Петров")).id
        runner = Runner(database)
        registers = Registers()
        made = []

        def keep(name: str) -> None:
            [receipt] = engine.receipts()[-1:]
            made.append(engine.save_png(HERE / f"{name}.png", receipt))
            (HERE / f"{name}.txt").write_text(engine.text(receipt) + "\n", encoding="utf-8")
            engine.reset_output()

        assert print_receipt(runner, cashier, payment_id, "FP-1", tendered=owed + Money.of("7.50", "EUR"),
                             registers=registers).printed
        keep("fiscal-sale-80mm-bg")
        with database.unit_of_work() as session:
            refund_id = refund_payment(session, cashier, payment_id, Money.of("12.50", "EUR"), reason="Минибар").id
        assert print_receipt(runner, cashier, refund_id, "FP-1", registers=registers).printed
        keep("fiscal-refund-80mm-bg")
        assert x_report(runner, cashier, "FP-1", registers=registers).printed
        keep("fiscal-x-report-80mm-bg")
        with database.unit_of_work() as session:
            cash_shift_id = open_shift_of(session, cashier.workstation).id
            close_shift(session, cashier, {})
        [z] = close_register_shifts(runner, cashier, cash_shift_id, registers=registers)
        assert z.printed
        keep("fiscal-z-report-80mm-bg")
        registers.close()
        for path in made:
            print(path)
    finally:
        server.stop()
        database.dispose()


if __name__ == "__main__":
    main()
