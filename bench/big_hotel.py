"""The big hotel of issue 23: 500 rooms after five years, 200,000 reservations, 2,000,000 postings.

    python bench/big_hotel.py [--reservations N] [--postgres] [--no-sqlite] [--rebuild]   # build it, print its counts

Used by the bench scripts, not run by the tests. Every row is consistent with what the program
writes: rooms never double-booked, every stay with its folio and bill, room nights and extras
posted on the bill, a checked-out stay paid in full. Besides the walk through five years it holds
the two folios the sale is timed on: a stay that arrived today with nothing posted yet, and a long
stay (a year and more, a room of its own) with 5,000 postings.

Besides the ledger it holds what the desk writes next to it: each room night's external_ref and
night_charge as the night audit writes them, the stays' check-in and check-out times, a restaurant
check now and then (pos_check, its posting and items), the cashiers' shifts (closed, each with its
payments) and a card record for each card payment. Not yet: receipt requests and fiscal documents
(their chain is signed with the installation's own key).

Statistics are gathered after the load (``ANALYZE``; on PostgreSQL ``VACUUM ANALYZE``: loading leaves
the rows the chain noted dead), as a database in use has them: SQLite's
``PRAGMA optimize`` on closing a connection, PostgreSQL's autovacuum. The SQLite file is built once
per schema revision, generator version (``GENERATOR``) and size and kept in ``bench/.cache`` (a few
minutes to build, about a gigabyte); every run works on a copy. So is the PostgreSQL cluster loaded
with it: built once per schema revision, generator version, size and PostgreSQL major version, by a
durable server (tests/pg_server.py) that loads the hotel, runs ``VACUUM ANALYZE`` and is shut down
cleanly; its data directory, statistics included, is kept next to the SQLite file, and every run
starts a durable server of its own in /var/tmp on a copy of it. Only a build writes the cached files
(under a temporary name, renamed when whole); ``--rebuild`` drops both and builds them again. Given a
PostgreSQL URL instead, the hotel is loaded into that empty database.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session

from desk.cards.models import CardRecord, CardRecordKind
from desk.cash.models import CashShift, ShiftClose, ShiftPayment
from desk.core.money import Money
from desk.db.engine import Database
from desk.demo.seed import seed_settings
from desk.hotel.models import Room
from desk.journal.models import JournalEvent, JournalIntent
from desk.ledger.models import Bill, Folio, Payment, PaymentKind, Posting, PostingItem, PostingKind
from desk.pos.checks import external_ref
from desk.pos.models import PaymentMeaning, PosCheck
from desk.stays.models import Company, Guest, NightCharge, Reservation, ReservationGuest, ReservationStatus
from desk.stays.night_audit import ROOM as ROOM_NIGHT_CHARGE

if TYPE_CHECKING:
    from tests.pg_server import PgServer

TODAY = date(2026, 11, 23)
# The front desks and their two cashiers a day (morning, evening) who take the departing guests' payments.
DESKS = (("ivan", "anna"), ("petra", "oleg"), ("mila", "georgi"))
ROOMS = 500
COMPANIES = 800
POSTINGS_PER_STAY = 10
LONG_STAY_POSTINGS = 5000
BATCH = 10_000
CACHE = Path(__file__).resolve().parent / ".cache"
# Part of the cache's name: a hotel built by an older generator is built again, not used.
GENERATOR = 2
# One stay in this many has a restaurant check charged to its room, sent by the POS.
POS_CHECK_EVERY = 7
TILL = "till-1"
PG_DATABASE = "big_hotel"

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
# What a stay has besides its room nights: (service code, description, price, tax code, percent).
EXTRAS = [
    ("BREAKFAST", "Breakfast", "14.00", "VAT20", 20), ("MB-WATER", "Minibar: mineral water", "3.50", "VAT20", 20),
    ("MB-BEER", "Minibar: beer", "5.00", "VAT20", 20), ("PARKING", "Parking (per day)", "12.00", "VAT20", 20),
    ("CITYTAX", "City tax", "1.50", "NOVAT", 0),
]
ROOM_NIGHT = ("ROOM", "Accommodation", "110.00", "VAT9", 9)


@dataclass
class Samples:
    """What the benches search for and sell on."""

    rooms: list[str]
    name_prefixes: list[str]
    numbers: list[str]
    company_prefixes: list[str]
    new_bills: list[int]  # in house since today, nothing posted
    long_bill: int  # the long stay's bill: LONG_STAY_POSTINGS postings
    reservations: int
    postings: int
    payments: int
    journal_intents: int


Row = dict[str, object]
Rows = list[Row]


def eur(amount: str | Decimal) -> Money:
    return Money.of(amount, "EUR")


def _tax(price: Decimal, percent: int) -> Money:
    return Money.rounded(price * percent / (100 + percent), "EUR")


def _bulk(session: Session, table: Table, rows: list[dict[str, object]]) -> None:
    # One statement serves a run of rows naming the same columns (a till's posting names its outlet and
    # check, a room night does not): a column a row leaves out gets its default, not an explicit NULL.
    # Runs in load order, not groups: postings and payments get their ids 1.. in it, and rows refer to them.
    for _columns, run in itertools.groupby(rows, key=lambda row: tuple(row)):
        same = list(run)
        for start in range(0, len(same), BATCH):
            session.execute(insert(table), same[start:start + BATCH])


def _posting(folio: int, day: date, line: tuple[str, str, str, str, int], now: datetime) -> dict[str, object]:
    code, description, price, tax_code, percent = line
    amount = Decimal(price)
    # The key the night audit gives a room night (desk.stays.reservations.post_night): reservation id = folio id.
    ref = f"night:{folio}:{day.isoformat()}" if code == "ROOM" else None
    return {
        "folio_id": folio, "bill_id": folio, "kind": PostingKind.CHARGE, "service_code": code,
        "description": description, "quantity": Decimal(1), "unit_price": eur(amount), "amount": eur(amount),
        "tax_code": tax_code, "tax_percent": Decimal(percent), "tax_amount": _tax(amount, percent),
        "ordered_at": now, "business_date": day, "source": "audit" if code == "ROOM" else "desk",
        "reason": "", "created_at": now, "created_by": "bench", "workstation": "BENCH", "external_ref": ref,
    }


def _audited_and_pos(postings: Rows, first_posting: int, night_charges: Rows, checks: Rows, items: Rows,
                     reservation: int, guest: int, now: datetime) -> None:
    """The night_charge rows of a stay's room nights; now and then a restaurant check on its bill."""
    night_charges.extend({"reservation_id": reservation, "night": p["business_date"], "kind": ROOM_NIGHT_CHARGE,
                          "posting_id": first_posting + n + 1}  # postings get ids 1.. in load order
                         for n, p in enumerate(postings[first_posting:]) if p["external_ref"])
    if len(postings) > first_posting and reservation % POS_CHECK_EVERY == 0:
        day: date = postings[first_posting]["business_date"]  # type: ignore[assignment]
        posting, check, check_items = _pos_check(reservation, guest, day, len(checks) + 1, now)
        postings.append(posting)
        checks.append(check)
        items.extend(item | {"posting_id": len(postings)} for item in check_items)


def _pos_check(folio: int, guest: int, day: date, check: int, now: datetime) -> tuple[Row, Row, Rows]:
    """A restaurant check charged to the room by the till: its posting, pos_check row and items (the
    posting's id is filled in by the caller)."""
    lines = [("Grilled trout", Decimal(2), Decimal("18.50")), ("Espresso", Decimal(1), Decimal("2.80"))]
    amount = sum((q * p for _, q, p in lines), Decimal(0))
    check_id = f"b{check:07d}"
    posting = _posting(folio, day, ("FOOD", "Restaurant", str(amount), "VAT20", 20), now) | {
        "service_code": None, "source": "pos", "outlet_code": "REST", "check_number": str(check), "created_by": TILL,
        "workstation": "TILL-1", "external_ref": external_ref(TILL, check_id, 0)}
    record = {"pos_name": TILL, "check_id": check_id, "check_number": str(check), "fingerprint": f"{check:064x}",
              "reservation_id": folio, "guest_id": guest, "bill_id": folio, "postings": 1, "amount": eur(amount),
              "meaning": PaymentMeaning.CREDIT, "after_checkout": False, "unmapped_lines": 0, "created_at": now}
    items = [{"name": name, "quantity": q, "unit_price": eur(p), "amount": eur(q * p)} for name, q, p in lines]
    return posting, record, items


def _stay_postings(folio: int, arrival: date, nights: int, rng: random.Random, count: int,
                   now: datetime) -> Iterator[dict[str, object]]:
    for n in range(count):
        day = arrival + timedelta(days=min(n, max(nights - 1, 0)))
        line = ROOM_NIGHT if n < nights else rng.choice(EXTRAS)
        yield _posting(folio, day, line, now)


def _stays(reservations: int, rng: random.Random) -> list[tuple[int, date, date]]:
    """(room, arrival, departure) of every stay, the long stay last."""
    # The long stay has the last room to itself; every other room's stays walk back five years.
    stays: list[tuple[int, date, date]] = []
    per_room = reservations // (ROOMS - 1) + 1
    for room in range(1, ROOMS):
        departure = TODAY + timedelta(days=rng.randint(1, 5))
        for n in range(per_room):
            nights = rng.randint(1, 6)
            arrival = departure - timedelta(days=nights)
            if n == 0 and arrival < TODAY:
                arrival = TODAY  # the rooms' newest stays arrive today: the sale's new folios
            stays.append((room, arrival, departure))
            departure = arrival - timedelta(days=rng.randint(0, 3))
    stays = stays[:reservations - 1]
    stays.append((ROOMS, TODAY - timedelta(days=LONG_STAY_POSTINGS // 10), TODAY + timedelta(days=30)))
    return stays


def build(database: Database, reservations: int = 200_000, seed: int = 23) -> Samples:
    """Bulk-load the hotel into an upgraded, empty database; gathers statistics after."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    room_numbers = [str(100 * (1 + n // 25) + 1 + n % 25) for n in range(ROOMS)]
    company_names = [f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)} {n}" for n in range(COMPANIES)]
    stays = _stays(reservations, rng)
    guests: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    rows: list[dict[str, object]] = []
    folios: list[dict[str, object]] = []
    bills: list[dict[str, object]] = []
    postings: list[dict[str, object]] = []
    payments: list[dict[str, object]] = []
    new_bills: list[int] = []
    night_charges: list[dict[str, object]] = []
    checks: list[dict[str, object]] = []
    items: list[dict[str, object]] = []
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
            "checked_in_at": _at(arrival, 14) if status in (ReservationStatus.IN_HOUSE, ReservationStatus.CHECKED_OUT)
            else None,
            "checked_out_at": _at(departure, 11) if status is ReservationStatus.CHECKED_OUT else None,
        })
        for position in range(2 if rng.random() < 0.2 else 1):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_ROOTS) + rng.choice(LAST_SUFFIXES)
            guests.append({
                "id": len(guests) + 1, "first_name": first, "last_name": last,
                "search_name": f"{last} {first}".lower(), "search_first_last": f"{first} {last}".lower(),
                "email": "", "phone": "",
            })
            links.append({"reservation_id": number, "guest_id": len(guests), "position": position})
        folios.append({"id": number, "reservation_id": number, "created_at": now})
        bills.append({"id": number, "folio_id": number, "payer_name": "", "created_at": now, "created_by": "bench"})
        nights = (min(departure, TODAY) - arrival).days
        if number == len(stays):
            count = LONG_STAY_POSTINGS
        elif status in (ReservationStatus.CONFIRMED, ReservationStatus.CANCELLED) or nights <= 0:
            count = 0
        else:
            count = POSTINGS_PER_STAY
        if status is ReservationStatus.IN_HOUSE and arrival == TODAY:
            new_bills.append(number)
        first_posting = len(postings)
        postings.extend(_stay_postings(number, arrival, nights, rng, count, now))
        _audited_and_pos(postings, first_posting, night_charges, checks, items, number, len(guests), now)
        if status is ReservationStatus.CHECKED_OUT and count:
            total = sum((p["amount"] for p in postings[first_posting:]), eur("0"))  # type: ignore[misc]
            # Taken at the desk on the day of departure, by the cashier of that desk's shift (bench_reports
            # opens a shift per desk and cashier per day: 06:00-14:00 and 14:00-22:00).
            taken_at = datetime(departure.year, departure.month, departure.day, 6, tzinfo=UTC) + timedelta(
                minutes=rng.randrange(16 * 60))
            desk = rng.randrange(len(DESKS))
            payments.append({
                "folio_id": number, "bill_id": number, "kind": PaymentKind.PAYMENT,
                "method_code": rng.choice(("card", "card", "cash", "transfer")), "amount": total, "rate": Decimal(1),
                "base_amount": total, "text": "", "payer_name": "", "paid_on": departure, "reason": "",
                "created_at": taken_at, "created_by": DESKS[desk][taken_at.hour >= 14],
                "workstation": f"FRONT-{desk + 1}",
            })

    intents, events, cards = _journal(payments, now)
    shifts, closes, shift_payments = _shifts(payments)
    with database.unit_of_work() as session:
        seed_settings(session)
        _bulk(session, Room.__table__, [  # type: ignore[arg-type]
            {"id": n + 1, "number": number, "floor": 1 + n // 25, "room_type": "Double", "beds": 2}
            for n, number in enumerate(room_numbers)
        ])
        _bulk(session, Company.__table__, [  # type: ignore[arg-type]
            {"id": n + 1, "name": name, "search_name": name.lower(), "tax_id": "", "address": ""}
            for n, name in enumerate(company_names)
        ])
        for table, data in ((Guest.__table__, guests), (Reservation.__table__, rows),
                            (ReservationGuest.__table__, links), (Folio.__table__, folios),
                            (Bill.__table__, bills), (Posting.__table__, postings), (Payment.__table__, payments),
                            (JournalIntent.__table__, intents), (JournalEvent.__table__, events),
                            (NightCharge.__table__, night_charges), (PosCheck.__table__, checks),
                            (PostingItem.__table__, items), (CardRecord.__table__, cards),
                            (CashShift.__table__, shifts), (ShiftClose.__table__, closes),
                            (ShiftPayment.__table__, shift_payments)):
            _bulk(session, table, data)  # type: ignore[arg-type]
        if database.engine.dialect.name == "postgresql":
            # Explicit ids leave the sequences behind; the program must still be able to insert.
            for table in ("room", "company", "guest", "reservation", "folio", "bill", "cash_shift"):
                session.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
    gather_statistics(database)
    return Samples(
        rooms=room_numbers,
        name_prefixes=sorted({str(g["search_name"])[:3] for g in guests}
                             | {str(g["search_first_last"])[:3] for g in guests}),
        numbers=[f"R{n:07d}"[: rng.randint(5, 8)] for n in range(1, len(stays) + 1, 97)],
        company_prefixes=[name.lower()[: rng.randint(3, 8)] for name in company_names],
        new_bills=new_bills,
        long_bill=len(stays),
        reservations=len(stays),
        postings=len(postings),
        payments=len(payments),
        journal_intents=len(intents),
    )


def _journal(payments: Rows, now: datetime) -> tuple[Rows, Rows, Rows]:
    """What five years of devices left in the journal: each card payment's terminal sale and each
    cash or card payment's fiscal receipt, sent and settled (payments get ids 1.. in load order);
    and the card record of each terminal sale."""
    intents: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    cards: list[dict[str, object]] = []

    def operation(kind: str, device: str, payment_id: int, payment: dict[str, object]) -> None:
        intent_id = len(intents) + 1
        intents.append({
            "id": intent_id, "key": f"bench-{intent_id:08d}", "kind": kind, "device": device,
            "workstation": "BENCH", "created_by": "bench", "created_at": now, "folio_id": payment["folio_id"],
            "bill_id": payment["bill_id"], "payment_id": payment_id, "amount": payment["amount"], "request": {},
        })
        for event_type, outcome in (("sent", None), ("settled", intent_id)):
            events.append({"intent_id": intent_id, "type": event_type, "payload": {}, "outcome_of": outcome,
                           "payment_id": payment_id if outcome else None, "recorded_at": now,
                           "recorded_by": "bench", "workstation": "BENCH"})

    for payment_id, payment in enumerate(payments, start=1):
        if payment["method_code"] == "card":
            operation("card_sale", "ZVT-1", payment_id, payment)
            cards.append({
                "operation": CardRecordKind.SALE, "intent_id": len(intents), "folio_id": payment["folio_id"],
                "payment_id": payment_id, "amount": payment["amount"], "terminal": "ZVT-1", "terminal_id": "52500001",
                "receipt_no": payment_id % 10_000, "trace_no": payment_id, "auth_code": f"{payment_id % 1_000_000:06d}",
                "brand": "VISA", "masked_pan": f"************{payment_id % 10_000:04d}", "receipts": [],
                "reference": "", "details": {}, "created_at": payment["created_at"],
                "created_by": payment["created_by"], "workstation": payment["workstation"],
            })
        if payment["method_code"] in ("card", "cash"):
            operation("fiscal_receipt", "FP-1", payment_id, payment)
    return intents, events, cards


def _shifts(payments: Rows) -> tuple[Rows, Rows, Rows]:
    """The cashiers' shifts the payments were taken in (a desk's morning and evening one a day, as
    bench_reports opens them), each closed, and which shift took which payment."""
    shifts: dict[tuple[object, date, bool], dict[str, object]] = {}
    shift_payments: list[dict[str, object]] = []
    numbers: dict[object, int] = {}
    for payment_id, payment in enumerate(payments, start=1):
        taken_at: datetime = payment["created_at"]  # type: ignore[assignment]
        evening = taken_at.hour >= 14
        key = (payment["workstation"], taken_at.date(), evening)
        if key not in shifts:
            numbers[key[0]] = numbers.get(key[0], 0) + 1
            shifts[key] = {"id": len(shifts) + 1, "workstation": key[0], "number": numbers[key[0]],
                           "opened_by": payment["created_by"], "opened_at": _at(taken_at.date(), 14 if evening else 6)}
        shift_payments.append({"shift_id": shifts[key]["id"], "payment_id": payment_id})
    closes = [{"shift_id": s["id"], "closed_by": s["opened_by"], "z_report_pdf": b"",
               "closed_at": s["opened_at"] + timedelta(hours=8)} for s in shifts.values()]  # type: ignore[operator]
    return list(shifts.values()), closes, shift_payments


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def gather_statistics(database: Database) -> None:
    if database.engine.dialect.name == "postgresql":
        # Loading chained the whole ledger at once, leaving every row noted in ledger_unlinked dead:
        # until autovacuum came by, each unit's DELETE there read them all (40 ms a sale). A database
        # in use has long been vacuumed: so is this one, before any figure is taken.
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
        return
    # Committed: SQLite's statistics are rows of sqlite_stat1, gone with a rolled-back transaction.
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")


def _cache_name(reservations: int) -> Path:
    from alembic.script import ScriptDirectory

    from desk.db.engine import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return CACHE / f"big-hotel-{head}-g{GENERATOR}-{reservations}.sqlite3"


def _postgresql_cache_name(reservations: int) -> Path:
    """The cached cluster's directory (its data directory ``data`` and the samples ``samples.json``):
    a cluster's files are read only by the major version that wrote them."""
    from tests.pg_server import find_bin_dir

    major = find_bin_dir().parent.name
    return _cache_name(reservations).with_suffix(f".pg{major}")


def sqlite_copy(directory: Path, reservations: int = 200_000) -> tuple[str, Samples]:
    """A copy of the cached SQLite big hotel in ``directory`` (built first if there is none)."""
    cached = _cache_name(reservations)
    samples_file = cached.with_suffix(".json")
    if not cached.exists() or not samples_file.exists():
        CACHE.mkdir(exist_ok=True)
        building = cached.with_suffix(".building")
        building.unlink(missing_ok=True)
        start = time.perf_counter()
        database = Database(f"sqlite:///{building}")
        try:
            samples = build(database, reservations)
        finally:
            database.dispose()
        print(f"(built the big hotel once in {time.perf_counter() - start:.0f} s: {building.stat().st_size >> 20} MiB)",
              flush=True)
        samples_file.write_text(json.dumps(asdict(samples)))
        building.rename(cached)
    target = directory / "big-hotel.sqlite3"
    shutil.copyfile(cached, target)
    target.chmod(0o600)  # as the desk keeps its own file: owner-only
    return f"sqlite:///{target}", Samples(**json.loads(samples_file.read_text()))


def on_big_hotels(bench: Callable[[Database, Samples], None], reservations: int, *, postgres: bool,
                  sqlite: bool = True, postgres_url: str | None = None) -> None:
    """``bench`` on a copy of the SQLite big hotel (``sqlite``), then (``postgres``) on one loaded into
    ``postgres_url``, an empty database, or into a PostgreSQL server started for the run
    (tests/pg_server.py), both with their statistics."""
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if sqlite:
        with tempfile.TemporaryDirectory() as directory:
            url, samples = sqlite_copy(Path(directory), reservations)
            database = Database(url)
            try:
                print(f"sqlite: {samples.reservations:,} reservations, {samples.postings:,} postings, "
                      f"{samples.payments:,} payments, {samples.journal_intents:,} device operations", flush=True)
                bench(database, samples)
            finally:
                database.dispose()
    if not postgres:
        return
    if postgres_url is not None:
        _on_postgresql(bench, reservations, postgres_url)
        return
    server, samples = postgresql_copy(reservations)
    try:
        database = Database(server.url(PG_DATABASE))
        try:
            bench(database, samples)
        finally:
            database.dispose()
    finally:
        server.stop()


def _on_postgresql(bench: Callable[[Database, Samples], None], reservations: int, url: str) -> None:
    database = Database(url)
    try:
        start = time.perf_counter()
        samples = build(database, reservations)
        print(f"postgresql: the same hotel loaded in {time.perf_counter() - start:.0f} s", flush=True)
        bench(database, samples)
    finally:
        database.dispose()


def postgresql_copy(reservations: int = 200_000) -> tuple[PgServer, Samples]:
    """A durable server started on a copy of the cached PostgreSQL big hotel (built first if there is
    none), the hotel in its database ``PG_DATABASE``; the caller stops it."""
    from tests.pg_server import PgServer

    cached = _postgresql_cache_name(reservations)
    if not (cached / "samples.json").exists():
        _build_postgresql(cached, reservations)
    start = time.perf_counter()
    server = PgServer.start(durable=True, data_from=cached / "data")
    print(f"postgresql: the cached hotel copied and started in {time.perf_counter() - start:.1f} s "
          f"({_mib(cached / 'data')} MiB)", flush=True)
    return server, Samples(**json.loads((cached / "samples.json").read_text()))


def _build_postgresql(cached: Path, reservations: int) -> None:
    from tests.pg_server import PgServer

    CACHE.mkdir(exist_ok=True)
    start = time.perf_counter()
    server = PgServer.start(durable=True)
    try:
        database = Database(server.create_database(PG_DATABASE))
        try:
            samples = build(database, reservations)
        finally:
            database.dispose()
        server.stop(keep_data=True)
        # A name of its own: another script building the same hotel at the same time keeps its own.
        building = Path(tempfile.mkdtemp(prefix=f"{cached.name}.building-", dir=CACHE))
        try:
            server.data_dir.rename(building / "data")
        except OSError:  # /var/tmp on another file system than the cache
            subprocess.run(["cp", "-a", str(server.data_dir), str(building / "data")], check=True)
    finally:
        server.stop()
    (building / "samples.json").write_text(json.dumps(asdict(samples)))
    os.sync()  # the cluster's files on disk before its name says it is whole
    try:
        building.rename(cached)
    except OSError:
        if not (cached / "samples.json").exists():
            raise
        shutil.rmtree(building)  # the other script's build was saved first: the same hotel
    print(f"(built the PostgreSQL big hotel once in {time.perf_counter() - start:.0f} s: "
          f"{_mib(cached / 'data')} MiB in {cached})", flush=True)


def _mib(directory: Path) -> int:
    return sum(path.lstat().st_size for path in directory.rglob("*")) >> 20


def drop_caches(reservations: int) -> None:
    """Forget the cached big hotels of this size (SQLite and PostgreSQL): the next run builds them again."""
    sqlite = _cache_name(reservations)
    for path in (sqlite, sqlite.with_suffix(".json"), sqlite.with_suffix(".building")):
        path.unlink(missing_ok=True)
    # Every PostgreSQL major version's cluster, and what an interrupted build left.
    for path in CACHE.glob(f"{sqlite.stem}.pg*"):
        shutil.rmtree(path, ignore_errors=True)


def p95(times: Sequence[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _count_postings(database: Database, samples: Samples) -> None:
    """What the hotel's database holds against what was loaded: a run that wrote to its copy must not
    show in the next one's."""
    with database.engine.connect() as connection:
        postings = connection.exec_driver_sql("SELECT count(*) FROM posting").scalar_one()
    print(f"{database.engine.dialect.name}: {postings:,} postings in the database, {samples.postings:,} loaded",
          flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--postgres", action="store_true",
                        help="also the PostgreSQL cluster, on a server started for the run")
    parser.add_argument("--no-sqlite", action="store_true", help="not the SQLite file")
    parser.add_argument("--rebuild", action="store_true",
                        help="drop this size's cached hotels (SQLite, PostgreSQL); those the run uses are built again")
    args = parser.parse_args()
    if args.rebuild:
        drop_caches(args.reservations)
    on_big_hotels(_count_postings, args.reservations, postgres=args.postgres, sqlite=not args.no_sqlite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
