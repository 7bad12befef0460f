#!/usr/bin/env python3
"""Our own time in a card sale on a bill, end to end through the journal, against the ZVT simulator.

    .venv/bin/python bench/bench_card_terminal.py               # SQLite file, 100 sales over TCP
    .venv/bin/python bench/bench_card_terminal.py --runs 300 --postgres postgresql+psycopg://...  (EMPTY db)

  apply_to_wire    from `card_sale()` called (the clerk's Apply) to the request arriving at the
                   terminal: planning, the intent and "sent" committed, the worker thread, the bytes
  answer_to_folio  from the terminal's last answer byte written to `card_sale()` returning with the
                   payment on the folio: the answer journalled, the ledger settled and committed

Target: under 30 ms each. Prints medians and 95th percentiles; asserts nothing (a shared machine's
timings are for comparison only).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.cards.terminal_workflow import card_sale
from desk.cards.terminals import add_terminal, disconnect_all
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.demo.seed import seed_settings
from desk.hotel.models import Room
from desk.ledger.folios import folio_of_reservation, load_folio
from desk.people.auth import trusted_actor
from desk.people.models import Role
from desk.stays.reservations import check_in, create_reservation, new_guest
from hardware.simulators import zvt_terminal
from hardware.simulators.zvt_terminal import ZvtSimulator

ACTOR = trusted_actor("anna", "BENCH-1", Role.MANAGER)
marks: dict[str, float] = {}


def instrument() -> None:
    """Note when the simulator gets a money request and when it has sent the last of its answer."""
    session_class = zvt_terminal._Session
    handle, answer = session_class.handle, session_class.answer

    def timed_handle(self, request):  # type: ignore[no-untyped-def]
        if request.command in zvt_terminal.MONEY_COMMANDS:
            marks["request"] = time.perf_counter()
        return handle(self, request)

    def timed_answer(self, txn, *, wait_ack=True):  # type: ignore[no-untyped-def]
        answer(self, txn, wait_ack=wait_ack)
        marks["answered"] = time.perf_counter()

    session_class.handle = timed_handle  # type: ignore[method-assign]
    session_class.answer = timed_answer  # type: ignore[method-assign]


def setup(url: str, port: int) -> tuple[Database, int, int]:
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
        bill_id = load_folio(session, folio_of_reservation(session, reservation.id)).bills[0].bill.id
        terminal = add_terminal(session, ACTOR, ACTOR.workstation, "Bench", f"tcp://127.0.0.1:{port}")
    return database, bill_id, terminal.id


def report(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    median = statistics.median(samples) * 1000
    print(f"{name:16s} median {median:6.1f} ms   p95 {p95 * 1000:6.1f} ms   n={len(samples)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--postgres", help="an EMPTY PostgreSQL database URL")
    args = parser.parse_args()
    instrument()
    sim = ZvtSimulator()
    port = sim.serve_tcp()
    with tempfile.TemporaryDirectory() as folder:
        url = args.postgres or f"sqlite:///{folder}/bench.sqlite3"
        database, bill_id, terminal_id = setup(url, port)
        runner = Runner(database)
        to_wire: list[float] = []
        to_folio: list[float] = []
        card_sale(runner, ACTOR, terminal_id, bill_id, Money.of("1.00", "EUR"), allow_overpay=True)  # connect, warm up
        for _ in range(args.runs):
            started = time.perf_counter()
            done = card_sale(runner, ACTOR, terminal_id, bill_id, Money.of("1.00", "EUR"), allow_overpay=True)
            finished = time.perf_counter()
            assert done.settled
            to_wire.append(marks["request"] - started)
            to_folio.append(finished - marks["answered"])
        print(f"{args.runs} card sales on {'PostgreSQL' if args.postgres else 'SQLite'}, ZVT over TCP (simulator)")
        report("apply_to_wire", to_wire)
        report("answer_to_folio", to_folio)
        disconnect_all()
        database.dispose()
    sim.close()


if __name__ == "__main__":
    main()
