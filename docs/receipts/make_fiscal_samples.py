"""Make the fiscal samples (.txt as decoded, .png as printed) from the bytes the printer simulator received.

    .venv/bin/python docs/receipts/make_fiscal_samples.py [--out FOLDER]

For a Bulgarian and a Russian hotel in turn: a throw-away SQLite file, register key folder and anchor
folder, register FP-1 assigned in Devices to the printer simulator over TCP on the cashier's
workstation, and the register's language taken from the hotel's country. The cashier opens the
shift with a float, takes cash in and out, a guest pays cash (with change) and another by card on the
terminal, the minibar is struck off the first bill and its cash refunded, a copy of the sale is
printed, then the X and the Z report. Each file is what the simulator decoded from the job it got.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from a fresh checkout, no PYTHONPATH needed

from sqlalchemy import update  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from desk.cash.shifts import cash_in, cash_out, close_shift, open_shift, open_shift_of  # noqa: E402
from desk.core.money import Money  # noqa: E402
from desk.db.engine import Database  # noqa: E402
from desk.db.runner import Runner  # noqa: E402
from desk.demo.seed import DEMO_USERS, seed_settings  # noqa: E402
from desk.devices.models import WorkstationPrinter  # noqa: E402
from desk.fiscal.anchors import ANCHOR_DIR_ENV  # noqa: E402
from desk.fiscal.keys import KEY_DIR_ENV  # noqa: E402
from desk.fiscal.workflow import (  # noqa: E402
    ReceiptOutcome,
    Registers,
    close_register_shifts,
    print_receipt,
    print_shift_documents,
    x_report,
)
from desk.hotel.models import Hotel, PaymentMethod, Room  # noqa: E402
from desk.ledger.folios import folio_of_reservation, load_folio  # noqa: E402
from desk.ledger.models import Bill  # noqa: E402
from desk.ledger.payments import Tender, record_card_money, refund_payment, take_payment  # noqa: E402
from desk.ledger.postings import post_charge, void_posting  # noqa: E402
from desk.people.auth import Actor, ManagerApproval, sign_in  # noqa: E402
from desk.people.models import Role, User  # noqa: E402
from desk.stays.reservations import check_in, create_reservation, new_guest  # noqa: E402
from hardware.simulators.printer import TcpPrinterServer  # noqa: E402
from hardware.simulators.printer_engine import SimulatedPrinter  # noqa: E402

WORKSTATION = "FRONT-1"


@dataclass(frozen=True)
class Hotelier:
    """What a hotel of one country calls things on its documents."""

    country: str
    hotel: tuple[str, str, str]  # name, address, tax id
    cashier: str
    guests: tuple[tuple[str, str], tuple[str, str]]
    night: str
    minibar: str
    cash_in: str
    cash_out: str
    refund: str


HOTELS = {
    "bg": Hotelier("BG", ("Хотел Аврора", "бул. Витоша 1, София", "BG123456789"), "Иван Георгиев",
                   (("Иван", "Петров"), ("Мария", "Иванова")), "Нощувка, стая {room}", "Минибар",
                   "Ресто от сейфа", "Внасяне в банка", "Минибар"),
    "ru": Hotelier("RU", ("Гостиница «Аврора»", "Москва, Тверская ул., 1", "7701234567"), "Иван Петров",
                   (("Иван", "Смирнов"), ("Мария", "Кузнецова")), "Проживание, номер {room}", "Мини-бар",
                   "Размен из сейфа", "Инкассация", "Мини-бар"),
}


def cashier_of(database: Database) -> Actor:
    username, password = next((u, p) for u, _name, role, p, _pin in DEMO_USERS if role is Role.CASHIER)
    with database.unit_of_work() as session:
        return sign_in(session, username, password, WORKSTATION)


def manager_approval() -> ManagerApproval:
    username, password = next((u, p) for u, _name, role, p, _pin in DEMO_USERS if role is Role.MANAGER)
    return ManagerApproval(username, password)


def stay(session: Session, cashier: Actor, words: Hotelier, number: str, room: str, guest: tuple[str, str],
         nights: int, rate: str, *, minibar: str | None = None) -> int:
    """A guest checked in today with their nights (and the minibar) on the bill; the bill's id."""
    session.add(Room(number=room, floor=1, room_type="Double"))
    person = new_guest(session, cashier, *guest)
    session.flush()
    reservation = create_reservation(session, cashier, number=number, guests=[person], arrival=date.today(),
                                     departure=date.today() + timedelta(days=nights),
                                     nightly_rate=Money.of(rate, "EUR"), room_number=room)
    check_in(session, cashier, reservation.id, today=date.today())
    bill_id = load_folio(session, folio_of_reservation(session, reservation.id)).bills[0].bill.id
    post_charge(session, cashier, bill_id=bill_id, description=words.night.format(room=room), quantity=nights,
                unit_price=Money.of(rate, "EUR"), tax_code="VAT9")
    if minibar is not None:
        post_charge(session, cashier, bill_id=bill_id, description=words.minibar, quantity=1,
                    unit_price=Money.of(minibar, "EUR"), tax_code="VAT20")
    return bill_id


def seed_hotel(database: Database, words: Hotelier, printer_port: int) -> None:
    """The hotel of ``words``'s country, its register FP-1 on the simulator as Devices assigns it."""
    with database.writing() as session:
        seed_settings(session, base_currency="EUR", country=words.country)
        name, address, tax_id = words.hotel
        session.execute(update(Hotel).values(name=name, address=address, tax_id=tax_id))
        session.execute(update(User).where(User.role == Role.CASHIER).values(full_name=words.cashier))
        session.add(WorkstationPrinter(workstation=WORKSTATION, name="Receipts", url=f"tcp://127.0.0.1:{printer_port}",
                                       profile="TM-T20II", paper_mm=80, register_code="FP-1", drawer=True,
                                       changed_by="samples"))


def make(language: str, printer_port: int, engine: SimulatedPrinter, folder: Path, out: Path) -> list[Path]:
    words = HOTELS[language]
    database = Database(f"sqlite:///{folder / 'samples.sqlite3'}")
    made: list[Path] = []

    def keep(kind: str) -> None:
        [receipt] = engine.receipts()[-1:]
        name = f"fiscal-{kind}-80mm-{language}"
        made.append(engine.save_png(out / f"{name}.png", receipt))
        (out / f"{name}.txt").write_text(engine.text(receipt) + "\n", encoding="utf-8")
        engine.reset_output()

    def printed(outcome: ReceiptOutcome) -> ReceiptOutcome:
        assert outcome.printed, outcome
        return outcome

    try:
        seed_hotel(database, words, printer_port)
        cashier = cashier_of(database)
        runner = Runner(database)
        registers = Registers()
        with database.writing() as session:
            shift_id = open_shift(session, cashier, [Money.of("500", "EUR")]).shift_id
            cash_in(session, cashier, Money.of("50", "EUR"), words.cash_in)
            cash_out(session, cashier, Money.of("300", "EUR"), words.cash_out)
            cash_bill = stay(session, cashier, words, "S00001", "101", words.guests[0], 2, "120", minibar="12.50")
            card_bill = stay(session, cashier, words, "S00002", "102", words.guests[1], 1, "1234.50")
        outcomes = print_shift_documents(runner, cashier, shift_id, registers=registers)
        assert [o.printed for o in outcomes] == [True, True, True], outcomes
        # One job each: the opening, then the cash in and the cash out.
        jobs = engine.receipts()
        for kind, job in zip(("shift-open", "cash-in", "cash-out"), jobs[-3:], strict=True):
            name = f"fiscal-{kind}-80mm-{language}"
            made.append(engine.save_png(out / f"{name}.png", job))
            (out / f"{name}.txt").write_text(engine.text(job) + "\n", encoding="utf-8")
        engine.reset_output()

        with database.writing() as session:
            owed = load_folio(session, load_folio_id(session, cash_bill)).bill(cash_bill).balance
            cash_payment = take_payment(session, cashier, cash_bill, Tender("cash", owed, payer_name=" ".join(
                words.guests[0]))).id
            card = session.get_one(PaymentMethod, "card")
            card_owed = load_folio(session, load_folio_id(session, card_bill)).bill(card_bill).balance
            card_payment = record_card_money(session, cashier, card_bill, card_owed, method=card,
                                             payer_name=" ".join(words.guests[1]), text="").id
        sale = printed(print_receipt(runner, cashier, cash_payment, "FP-1", tendered=owed + Money.of("7.50", "EUR"),
                                     registers=registers))
        keep("sale")
        printed(print_receipt(runner, cashier, card_payment, "FP-1", registers=registers))
        keep("card-sale")
        with database.writing() as session:
            # The minibar was a mistake: struck off the bill with a manager, then its money given back, so the
            # refund receipt carries the minibar's 20% VAT only (its VAT follows the items refunded).
            minibar = next(line.posting.id for line in load_folio(session, load_folio_id(session, cash_bill))
                           .bill(cash_bill).postings if line.posting.description == words.minibar)
            void_posting(session, cashier, minibar, reason=words.refund, approval=manager_approval())
            refund = refund_payment(session, cashier, cash_payment, Money.of("12.50", "EUR"), reason=words.refund).id
        printed(print_receipt(runner, cashier, refund, "FP-1", registers=registers))
        keep("refund")
        assert sale.document is not None
        assert registers.register(runner, cashier, "FP-1").copy(sale.document.number).copy
        keep("copy")
        printed(x_report(runner, cashier, "FP-1", registers=registers))
        keep("x-report")
        with database.writing() as session:
            cash_shift_id = open_shift_of(session, WORKSTATION).id  # type: ignore[union-attr]
            close_shift(session, cashier, {})
        [z_report] = close_register_shifts(runner, cashier, cash_shift_id, registers=registers)
        printed(z_report)
        keep("z-report")
        registers.close()
    finally:
        database.dispose()
    return made


def load_folio_id(session: Session, bill_id: int) -> int:
    return session.get_one(Bill, bill_id).folio_id


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="where the samples go (default: docs/receipts)")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    for language in ("bg", "ru"):
        engine = SimulatedPrinter(profile="TM-T20II", paper_mm=80)
        server = TcpPrinterServer(engine, port=0).start()
        folder = Path(tempfile.mkdtemp())
        # Register keys and the Z's anchors live outside the database; these throw-away ones never touch the
        # user's folders (the samples' FP-1 anchors would otherwise join the real FP-1's anchor file).
        os.environ[KEY_DIR_ENV] = str(folder / "keys")
        os.environ[ANCHOR_DIR_ENV] = str(folder / "anchors")
        try:
            for path in make(language, server.port, engine, folder, out):
                print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
