#!/usr/bin/env python3
"""Our own time around a device operation, and a shift's closing.

    .venv/bin/python bench/bench_journal.py                 # SQLite file in a temporary folder
    .venv/bin/python bench/bench_journal.py --runs 50
    .venv/bin/python bench/bench_journal.py --postgres postgresql+psycopg://...   # an EMPTY database

Times, as medians over ``--runs``:

  before_device   T1 intent + "sent", both committed: what the clerk waits before the device is asked
  after_answer    the answer committed, then T2 (a card payment on the bill and the outcome)
  reconcile_one   one crashed sale (sent, no answer) found, asked about and settled
  close_shift     a shift with 20 cash payments closed with a blind count and its Z report PDF

The device answers at once, so only our work is timed. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.cash.shifts import close_shift, open_shift
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_settings
from desk.hotel.models import Room
from desk.journal import intents as journal
from desk.journal.intents import EventType, IntentRequest, IntentView, Resolution, Verdict
from desk.journal.steps import Answer, perform
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.ledger.payments import Tender, take_payment
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.reservations import check_in, create_reservation, new_guest, post_night

ACTOR = trusted_actor("anna", "BENCH-1", Role.CASHIER)
KIND = "bench_sale"


class InstantResolver:
    def did_it_happen(self, intent: IntentView) -> Resolution:
        return Resolution(Verdict.HAPPENED, {"auth": "B1"})

    def settle(self, session, actor, intent):  # type: ignore[no-untyped-def]
        assert intent.bill_id is not None and intent.amount is not None
        return take_payment(session, actor, intent.bill_id, Tender("card", intent.amount, text="AUTH B1")).id


def setup(url: str) -> tuple[Database, int]:
    database = Database(url)
    today = date.today()
    with database.unit_of_work() as session:
        seed_settings(session)
        session.add(Room(number="101", floor=1, room_type="Double"))
        session.flush()
        guest = new_guest(session, ACTOR, "Bench", "Guest")
        session.flush()
        reservation = create_reservation(session, ACTOR, number="B00001", guests=[guest], arrival=today,
                                         departure=today + timedelta(days=2), nightly_rate=Money.of("100", "EUR"),
                                         room_number="101")
        check_in(session, ACTOR, reservation.id, today=today)
        for night in (today, today + timedelta(days=1)):  # 200.00 owed: the benched sales pay it, not overpay
            post_night(session, ACTOR, reservation.id, night)
        bill_id = load_folio(session, folio_of_reservation(session, reservation.id)).bills[0].bill.id
    return database, bill_id


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms (min {min(samples) * 1000:.1f}, n={len(samples)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--postgres", help="URL of an empty PostgreSQL database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.postgres or f"sqlite:///{folder}/bench.sqlite3"
        database, bill_id = setup(url)
        runner = Runner(database)
        resolver = InstantResolver()
        before: list[float] = []
        after: list[float] = []
        for _ in range(args.runs):
            marks: dict[str, float] = {}

            def device(_intent: IntentView, _progress: Callable[[str], None], _cancel: threading.Event,
                       marks: dict[str, float] = marks) -> Answer:
                marks["asked"] = time.perf_counter()
                return Answer(EventType.APPROVED, {"auth": "B1"})

            start = time.perf_counter()
            perform(runner, ACTOR, IntentRequest(KIND, "bench-terminal", {"op": "sale"}, Money.of("1.00", "EUR"),
                                                 bill_id=bill_id), device, resolver, record_progress=False)
            end = time.perf_counter()
            before.append(marks["asked"] - start)
            after.append(end - marks["asked"])

        reconciled: list[float] = []
        for _ in range(args.runs):
            intent = runner.run(journal.record_intent, ACTOR, IntentRequest(
                KIND, "bench-terminal", {"op": "sale"}, Money.of("1.00", "EUR"), bill_id=bill_id)).value
            runner.run(journal.mark_sent, ACTOR, intent.id)
            start = time.perf_counter()
            result = journal.reconcile(runner, {KIND: resolver}, ACTOR)
            reconciled.append(time.perf_counter() - start)
            assert result.settled == [intent.id]

        closing: list[float] = []
        for _ in range(max(3, args.runs // 5)):
            runner.run(open_shift, ACTOR, [Money.of("100.00", "EUR")])
            for _ in range(20):
                runner.run(take_payment, ACTOR, bill_id, Tender("cash", Money.of("1.00", "EUR")))
            start = time.perf_counter()
            runner.run(close_shift, ACTOR, {"EUR": {Decimal("100"): 1, Decimal("20"): 1}})
            closing.append(time.perf_counter() - start)
        database.dispose()

    print(f"database        {'postgresql' if args.postgres else 'sqlite'}")
    print(f"before_device   {median_ms(before)}")
    print(f"after_answer    {median_ms(after)}")
    print(f"reconcile_one   {median_ms(reconciled)}")
    print(f"close_shift     {median_ms(closing)}")


if __name__ == "__main__":
    main()
