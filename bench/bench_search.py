"""Search 100,000 reservations: how long a main-window search and its table take.

    python bench/bench_search.py [--reservations N] [--searches N] [--postgres URL]

Builds a hotel with N reservations (rooms, guests, companies, folios, bills, postings and
payments, all consistent) by bulk inserts into a temporary SQLite file (and into the empty
PostgreSQL database at URL, if given), then times searches of each kind and the results model.
Target: under 50 ms per search. Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session

from desk.core.money import Money
from desk.db.engine import Database
from desk.demo.seed import seed_settings
from desk.hotel.models import Room
from desk.ledger.models import Bill, Folio, Payment, PaymentKind, Posting, PostingKind
from desk.stays.models import Company, Guest, Reservation, ReservationGuest, ReservationStatus
from desk.stays.search import FolioQuery, search_folios

TODAY = date(2026, 11, 23)
ROOMS = 250
COMPANIES = 400
BATCH = 5000

FIRST_NAMES = [
    "Anna", "Boris", "Clara", "David", "Elena", "Felix", "Hugo", "Irina", "Jonas", "Katya", "Lukas", "Marta",
    "Olga", "Pavel", "Rosa", "Stefan", "Sofia", "Thomas", "Emma", "Noah", "Liam", "Mia", "Oscar", "Nora",
    "Мария", "Георги", "Светлана", "Дмитрий", "Йордан", "Надежда", "Николай", "Елена", "Иван", "Ольга",
    "Алексей", "Татьяна", "Петър", "Десислава", "Христо", "Виктория",
]
LAST_ROOTS = [
    "Schmidt", "Novak", "Rossi", "Brown", "Popescu", "Müller", "Dubois", "Horvat", "Jensen", "Larsen",
    "Fischer", "Kowalski", "Silva", "Moreau", "Berg", "Weber", "Marino", "Wright", "Lindqvist", "Keller",
    "Иванов", "Колев", "Смирнов", "Волков", "Тодоров", "Стоянов", "Петров", "Димитров", "Кузнецов", "Попов",
]
LAST_SUFFIXES = ["", "son", "er", "ski", "ova", "ini", "berg", "ман", "енко", "ски"]
COMPANY_WORDS = ["Balkan", "Nordic", "Danube", "Alpine", "Black Sea", "Adriatic", "Baltic", "Rhine", "Vistula",
                 "Carpathian", "Thracian", "Aegean", "Pannonian", "Iberian", "Celtic", "Dinaric"]
COMPANY_KINDS = ["Travel", "Pharma", "Logistics", "Consulting", "Motors", "Foods", "Energy", "Textiles"]


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def batched(rows: list[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def bulk(session: Session, table: Table, rows: list[dict[str, object]]) -> None:
    for chunk in batched(rows):
        session.execute(insert(table), chunk)


def build_hotel(database: Database, reservations: int, rng: random.Random) -> dict[str, list[str]]:
    """Bulk-load the hotel; returns sample values to search for."""
    now = datetime.now(UTC)
    with database.unit_of_work() as session:
        seed_settings(session)
        bulk(session, Room.__table__, [
            {"id": n + 1, "number": str(100 * (1 + n // 25) + 1 + n % 25), "floor": 1 + n // 25,
             "room_type": "Double", "beds": 2}
            for n in range(ROOMS)
        ])
        room_numbers = [str(100 * (1 + n // 25) + 1 + n % 25) for n in range(ROOMS)]
        company_names = []
        for n in range(COMPANIES):
            name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)} {n}"
            company_names.append(name)
        bulk(session, Company.__table__, [
            {"id": n + 1, "name": name, "search_name": name.lower(), "tax_id": "", "address": ""}
            for n, name in enumerate(company_names)
        ])

        # Stays walk back in time room by room, so no room is ever double-booked.
        stays: list[tuple[int, date, date]] = []
        per_room = reservations // ROOMS + 1
        for room in range(1, ROOMS + 1):
            departure = TODAY + timedelta(days=rng.randint(1, 5))
            for _ in range(per_room):
                nights = rng.randint(1, 6)
                arrival = departure - timedelta(days=nights)
                stays.append((room, arrival, departure))
                departure = arrival - timedelta(days=rng.randint(0, 3))
        stays = stays[:reservations]

        guests, links, rows, folios, bills, postings, payments = [], [], [], [], [], [], []
        guest_id = 0
        for number, (room, arrival, departure) in enumerate(stays, start=1):
            if arrival > TODAY:
                status = ReservationStatus.CONFIRMED
            elif departure > TODAY:
                status = ReservationStatus.IN_HOUSE
            else:
                status = ReservationStatus.CHECKED_OUT
            if status is not ReservationStatus.IN_HOUSE and rng.random() < 0.04:
                status = ReservationStatus.CANCELLED
            rows.append({
                "id": number, "number": f"R{number:07d}", "status": status, "arrival": arrival,
                "departure": departure, "room_id": room, "nightly_rate": eur("110.00"),
                "company_id": rng.randint(1, COMPANIES) if rng.random() < 0.1 else None, "event_id": None,
                "checkout_note": "", "created_at": now,
            })
            for position in range(2 if rng.random() < 0.2 else 1):
                guest_id += 1
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_ROOTS) + rng.choice(LAST_SUFFIXES)
                guests.append({
                    "id": guest_id, "first_name": first, "last_name": last,
                    "search_name": f"{last} {first}".lower(), "search_first_last": f"{first} {last}".lower(),
                    "email": "", "phone": "",
                })
                links.append({"reservation_id": number, "guest_id": guest_id, "position": position})
            folios.append({"id": number, "reservation_id": number, "created_at": now})
            bills.append({"id": number, "folio_id": number, "payer_name": "", "created_at": now, "created_by": "bench"})
            nights = (departure - min(departure, TODAY) if status is ReservationStatus.CONFIRMED
                      else min(departure, TODAY) - arrival).days
            for night in range(min(nights, 3)):
                postings.append({
                    "folio_id": number, "bill_id": number, "kind": PostingKind.CHARGE,
                    "service_code": "ROOM", "description": "Accommodation", "quantity": Decimal(1),
                    "unit_price": eur("110.00"), "amount": eur("110.00"), "tax_code": "VAT9",
                    "tax_percent": Decimal(9), "tax_amount": eur("9.08"),
                    "ordered_at": now, "business_date": arrival + timedelta(days=night), "source": "audit",
                    "reason": "", "created_at": now, "created_by": "bench", "workstation": "BENCH",
                })
            if status is ReservationStatus.CHECKED_OUT and nights:
                paid = Money.of(Decimal("110.00") * min(nights, 3), "EUR")
                payments.append({
                    "folio_id": number, "bill_id": number, "kind": PaymentKind.PAYMENT,
                    "method_code": "card", "amount": paid, "rate": Decimal(1), "base_amount": paid, "text": "",
                    "payer_name": "", "paid_on": departure, "reason": "", "created_at": now,
                    "created_by": "bench", "workstation": "BENCH",
                })
        for table, data in ((Guest.__table__, guests), (Reservation.__table__, rows),
                            (ReservationGuest.__table__, links), (Folio.__table__, folios),
                            (Bill.__table__, bills), (Posting.__table__, postings), (Payment.__table__, payments)):
            bulk(session, table, data)  # type: ignore[arg-type]
        if database.engine.dialect.name == "postgresql":
            # Explicit ids leave the sequences behind; the program must still be able to insert.
            for table in ("room", "company", "guest", "reservation", "folio", "bill"):
                session.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
    # Fresh statistics, as a database in use has them (PostgreSQL's ANALYZE must not be rolled back).
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("ANALYZE")
    return {
        "room": room_numbers,
        "name": sorted({g["search_name"][:3] for g in guests} | {g["search_first_last"][:3] for g in guests}),
        "number": [f"R{n:07d}"[: rng.randint(5, 8)] for n in range(1, reservations + 1, 97)],
        "company": [name.lower()[: rng.randint(3, 8)] for name in company_names],
    }


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def report(label: str, times: list[float], rows: list[int]) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"  {label:<34} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms   "
          f"max {times[-1]:7.2f} ms   rows median {statistics.median(rows):.0f}")


def run_searches(database: Database, samples: dict[str, list[str]], count: int, rng: random.Random) -> None:
    arrivals = [TODAY - timedelta(days=rng.randint(0, 2000)) for _ in range(count)]
    kinds: list[tuple[str, Callable[[int], FolioQuery]]] = [
        ("in-house list (empty text)", lambda _n: FolioQuery()),
        ("room, in house", lambda _n: FolioQuery(text=rng.choice(samples["room"]))),
        ("room, all stays", lambda _n: FolioQuery(text=rng.choice(samples["room"]), in_house_only=False)),
        ("name prefix, in house", lambda _n: FolioQuery(text=rng.choice(samples["name"]))),
        ("name prefix, all stays", lambda _n: FolioQuery(text=rng.choice(samples["name"]), in_house_only=False)),
        ("reservation number, all stays", lambda _n: FolioQuery(text=rng.choice(samples["number"]),
                                                               in_house_only=False)),
        ("company, all stays", lambda _n: FolioQuery(text=rng.choice(samples["company"]), in_house_only=False)),
        ("arrival date, all stays", lambda n: FolioQuery(arrival=arrivals[n], in_house_only=False)),
    ]
    last_rows = []
    for label, make in kinds:
        times, found = [], []
        with database.unit_of_work() as session:
            search_folios(session, make(0))  # compile the statements once, as a running desk has
        for n in range(count):
            query = make(n)
            # Timed as the main window runs it: a unit of work of its own, so with BEGIN and COMMIT.
            start = time.perf_counter()
            with database.unit_of_work() as session:
                rows = search_folios(session, query)
            times.append((time.perf_counter() - start) * 1000)
            found.append(len(rows))
            last_rows = rows if len(rows) > len(last_rows) else last_rows
        report(label, times, found)
    time_model(last_rows)


def time_model(rows: list) -> None:  # type: ignore[type-arg]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.search_model import FolioTableModel

    app = QApplication.instance() or QApplication([])
    model = FolioTableModel()
    times = []
    for _ in range(50):
        def show() -> None:
            model.set_rows(rows)
            # What a view asks for when it paints the page: every cell's text.
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

        times.append(timed(show))
    report(f"model reset + all cells, {len(rows)} rows", times, [len(rows)])
    sort_times = [timed(lambda: model.sort(FolioTableModel.COL_NAME)) for _ in range(50)]
    report(f"model sort by name, {len(rows)} rows", sort_times, [len(rows)])
    del app


def bench(url: str, reservations: int, searches: int) -> None:
    rng = random.Random(42)
    database = Database(url)
    try:
        start = time.perf_counter()
        samples = build_hotel(database, reservations, rng)
        print(f"{database.engine.dialect.name}: {reservations:,} reservations built in "
              f"{time.perf_counter() - start:.1f} s; {searches} searches of each kind")
        run_searches(database, samples, searches, rng)
    finally:
        database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reservations", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--postgres", metavar="URL", help="also build and search an empty PostgreSQL database")
    args = parser.parse_args()
    import logging

    logging.getLogger("alembic").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as directory:
        bench(f"sqlite:///{directory}/bench.sqlite3", args.reservations, args.searches)
    if args.postgres:
        bench(args.postgres, args.reservations, args.searches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
