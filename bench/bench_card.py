#!/usr/bin/env python3
"""How fast a big reservation card opens: 5,000 postings on 500 bills.

    .venv/bin/python bench/bench_card.py                 # SQLite file in a temporary folder
    .venv/bin/python bench/bench_card.py --runs 15 --postings 10000 --bills 1000
    .venv/bin/python bench/bench_card.py --postgres postgresql+psycopg://...   # an EMPTY database
    .venv/bin/python bench/bench_card.py --profile       # where the time of one opening goes

Builds the demo hotel's settings and one in-house stay, then 499 more bills on its folio and
5,000 postings spread over them (inserted in bulk, with reversals, moves and payments as the use
cases would write them, so every figure on the card adds up). Then it times, as medians:

  load_reservation_card     desk.stays.reservation_card.load_reservation_card in its own unit of work
                            (the worker thread's part)
  show_card     ReservationCard.show_card: models reset, selection, header (the GUI thread's part)
  open_reservation_card     ui.reservation_card.window.open_reservation_card until the window is shown and painted
                            (what the clerk waits for)

Target: open_reservation_card under 200 ms. Prints figures; asserts nothing about time (a shared machine's
timings are for comparison only).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from desk.core.money import Money
from desk.db.engine import Database
from desk.demo.seed import seed_settings
from desk.hotel.models import Room, Service
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.models import Bill, Payment, PaymentKind, Posting, PostingKind, PostingMove
from desk.ledger.postings import tax_included
from desk.people.auth import Actor, sign_in
from desk.stays.reservation_card import load_reservation_card
from desk.stays.reservations import check_in, create_reservation, new_guest
from ui.context import DeskContext
from ui.ops import delivery
from ui.reservation_card.window import ReservationCard, open_reservation_card

USERNAME, PASSWORD, WORKSTATION = "anna", "anna", "BENCH-1"  # the demo clerk
TARGET_MS = 200.0


def signed_in(database: Database) -> Actor:
    with database.unit_of_work() as session:
        return sign_in(session, USERNAME, PASSWORD, WORKSTATION)


def build_folio(database: Database, postings: int, bills: int) -> int:
    """One in-house stay whose folio holds ``bills`` bills and ``postings`` postings; its folio id."""
    today = date.today()
    with database.unit_of_work() as session:
        seed_settings(session)
        actor = sign_in(session, USERNAME, PASSWORD, WORKSTATION)
        guest = new_guest(session, actor, "Benchmark", "Guest")
        session.add(Room(number="501", floor=5, room_type="Suite"))
        session.flush()
        reservation = create_reservation(
            session, actor, number="BENCH1", guests=[guest], arrival=today - timedelta(days=30),
            departure=today + timedelta(days=30), nightly_rate=Money.of("110.00", "EUR"), room_number="501",
        )
        folio_id = folio_of_reservation(session, reservation.id)
        session.execute(insert(Bill), [
            {"folio_id": folio_id, "payer_name": f"Payer {n}", "created_by": USERNAME}
            for n in range(1, bills)
        ])
        bill_ids = list(session.scalars(select(Bill.id).where(Bill.folio_id == folio_id).order_by(Bill.id)))
        catalogue = list(session.scalars(select(Service).order_by(Service.code)))

        start = datetime.now(UTC) - timedelta(days=30)
        rows = []
        for n in range(postings):
            service = catalogue[n % len(catalogue)]
            quantity = Decimal(1 + n % 3)
            amount = service.price.times(quantity)
            ordered_at = start + timedelta(minutes=8 * n)
            rows.append({
                "folio_id": folio_id, "bill_id": bill_ids[n % len(bill_ids)], "kind": PostingKind.CHARGE,
                "service_code": service.code, "description": service.name, "quantity": quantity,
                "unit_price": service.price, "amount": amount, "tax_code": service.tax_code,
                "tax_percent": service.tax.percent, "tax_amount": tax_included(amount, service.tax.percent),
                "ordered_at": ordered_at, "business_date": ordered_at.date(),
                "source": "desk", "created_by": USERNAME, "workstation": WORKSTATION,
            })
        session.execute(insert(Posting), rows)
        charges = list(session.scalars(select(Posting).where(Posting.folio_id == folio_id).order_by(Posting.id)))

        # One charge in fifty reversed (a negative copy on the same bill), one in forty moved.
        reversals = []
        for original in charges[::50]:
            reversals.append({
                "folio_id": folio_id, "bill_id": original.bill_id, "kind": PostingKind.REVERSAL,
                "service_code": original.service_code, "description": original.description,
                "quantity": original.quantity, "unit_price": original.unit_price, "amount": -original.amount,
                "tax_code": original.tax_code, "tax_percent": original.tax_percent,
                "tax_amount": -original.tax_amount, "ordered_at": original.ordered_at + timedelta(minutes=1),
                "business_date": original.business_date, "source": "desk", "reverses_id": original.id,
                "reason": "Benchmark reversal", "created_by": USERNAME, "workstation": WORKSTATION,
            })
        session.execute(insert(Posting), reversals)
        session.execute(insert(PostingMove), [
            {"posting_id": p.id, "from_bill_id": p.bill_id, "to_bill_id": bill_ids[0], "moved_by": USERNAME}
            for p in charges[7::40] if p.bill_id != bill_ids[0]
        ])

        # Half the bills paid in part by card; the payments are exact, in the base currency.
        view = load_folio(session, folio_id)
        card_method = "card"
        payments = []
        for bill in view.bills[::2]:
            half = bill.balance.times(Decimal("0.5"))
            if half.is_positive:
                payments.append({
                    "folio_id": folio_id, "bill_id": bill.bill.id, "kind": PaymentKind.PAYMENT,
                    "method_code": card_method, "amount": half, "rate": Decimal(1), "base_amount": half,
                    "text": f"AUTH {uuid.uuid4().hex[:6].upper()}", "payer_name": bill.bill.payer_name,
                    "paid_on": today, "created_by": USERNAME, "workstation": WORKSTATION,
                })
        session.execute(insert(Payment), payments)
        check_in(session, actor, reservation.id, today=today)
    with database.unit_of_work() as session:
        view = load_folio(session, folio_id)
        assert len(view.bills) == bills and len(view.postings) == postings + len(reversals)
        assert sum(len(b.postings) for b in view.bills) == len(view.postings)
    return folio_id


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=5000)
    parser.add_argument("--bills", type=int, default=500)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--postgres", "--database-url", dest="database_url", metavar="URL",
                        help="an empty database to fill (default: a temporary SQLite file)")
    parser.add_argument("--profile", action="store_true", help="profile one load_reservation_card and one show_card")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        database = Database(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        started = time.perf_counter()
        folio_id = build_folio(database, args.postings, args.bills)
        print(f"built a folio with {args.postings} postings on {args.bills} bills "
              f"in {time.perf_counter() - started:.1f} s ({database.engine.dialect.name})")
        ctx = DeskContext(database, signed_in(database))

        def load() -> object:
            with database.unit_of_work() as session:
                return load_reservation_card(session, folio_id)

        load()  # warm caches and compiled statements, as a running desk has them
        load_samples = timed(load, args.runs)
        data = load()

        def show() -> None:
            card = ReservationCard(ctx, folio_id)
            card.show_card(data)  # type: ignore[arg-type]
            card.deleteLater()

        show()
        show_samples = timed(show, args.runs)

        def open_until_usable() -> float:
            """Seconds from open_reservation_card until the card is shown and painted; closing it is not counted."""
            # The event loop sleeps while the worker loads, as in the running desk (a busy
            # processEvents() loop would compete with the worker for the GIL).
            loop = QEventLoop()
            start = time.perf_counter()
            card = open_reservation_card(ctx, folio_id)
            card.loaded.connect(loop.quit)
            loop.exec()
            card.repaint()  # painted: what the clerk sees
            elapsed = time.perf_counter() - start
            card.close()
            app.processEvents()
            return elapsed

        open_until_usable()
        open_samples = [open_until_usable() for _ in range(args.runs)]

        if args.profile:
            for name, fn in (("load_reservation_card", load), ("show_card", show)):
                profiler = cProfile.Profile()
                profiler.runcall(fn)
                print(f"\n--- {name}: top 15 by cumulative time")
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)

        delivery.wait_all()
        database.dispose()

    rows = [("load_reservation_card", load_samples), ("show_card", show_samples),
            ("open_reservation_card (usable)", open_samples)]
    print(f"\nmedian of {args.runs} runs")
    for name, samples in rows:
        print(f"  {name:<20} {median_ms(samples):8.1f} ms   (min {min(samples) * 1000:.1f}, "
              f"max {max(samples) * 1000:.1f})")
    usable = median_ms(open_samples)
    verdict = "meets" if usable < TARGET_MS else "MISSES"
    print(f"\nusable card: {usable:.1f} ms, {verdict} the {TARGET_MS:.0f} ms target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
