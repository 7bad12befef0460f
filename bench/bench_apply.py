"""From Apply to the card showing the payment, with six reservation cards open on the big hotel.

    python bench/bench_apply.py [--payments N] [--cards N] [--reservations N] [--no-postgres] [--no-sqlite] [--profile]

On the big hotel (bench/big_hotel.py) with its statistics, SQLite and then PostgreSQL (a server
started for the run), a cashier signed in with a shift open has N cards open: stays that arrived
today and the long stay (5,000 postings). Before each payment three services are posted (not
timed); then Apply runs take_payment as the payment dialog does (``ctx.change`` on the database
thread) and the clock stops when every op is done, the paid card's reload included (read by the
change's own work on the database thread, or by an op of the card's). Timed on a
new stay's card and on the long stay's, with where the time went: take_payment and the card's
reload on the database thread, the card's show_card on the GUI thread (the rest is Qt's own
layout and painting of the window, and the ops' hand-overs). The process's CPU time per Apply (all its
threads) is printed beside the wall time: on a loaded machine it is the steadier figure. Target
(issue 23): p95 under 30 ms. With ``--profile`` each phase is also run under cProfile (in the thread
that runs it) and its heaviest functions are printed after each stay's line: the times are then
the profiler's, not the bench's.

Each stay's line is followed by the Apply's steps, median and p95 of each, in the order they happen:
the hand-overs between the GUI thread and the database thread (a wait for the other thread to wake
up and take the work) between the steps that compute, and last the layout and painting of the card
(everything after show_card until the window is painted). The GUI thread's own CPU time per Apply is
printed beside the process's; then the garbage collections anywhere in the Apply (all, and the full
ones). As the program does at sign-in, what exists before the cards open is kept out of collections.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import shiboken6
from PySide6.QtWidgets import QApplication

import ui.reservation_card.window as card_window
from bench.big_hotel import Samples, on_big_hotels, p95
from desk.cash.shifts import open_shift
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner
from desk.ledger.payments import Tender, take_payment
from desk.ledger.postings import post_service
from desk.people.models import Role
from tests.actors import signed_in
from ui.app import keep_start_up_out_of_collections
from ui.context import DeskContext
from ui.ops import delivery
from ui.reservation_card.window import ReservationCard, open_reservation_card

SERVICES = (("MB-BEER", "5.00"), ("MB-WATER", "3.50"), ("PARKING", "12.00"))
TOTAL = Money.of(sum(Decimal(price) for _code, price in SERVICES), "EUR")


# When each phase of the Apply being timed last started and ended (perf_counter seconds), by phase.
STAMPS: dict[str, tuple[float, float]] = {}
TAKE, RELOAD, SHOW = "take_payment (database thread)", "card reload (database thread)", "show_card (GUI thread)"
WRITE = "the write, committed"
ASKED = "reload asked"
THREAD_CPU: dict[str, float] = {}
# The Apply's steps, from one stamp to the next: (what, from, to); "apply" and "end" are the clock's.
STEPS = (
    ("hand-over: Apply to the database thread", ("apply", 0), (TAKE, 0)),
    ("take_payment (database thread)", (TAKE, 0), (TAKE, 1)),
    ("its commit (database thread)", (TAKE, 1), (WRITE, 1)),
    ("hand-over: the change to the card (GUI)", (WRITE, 1), (ASKED, 0)),
    ("hand-over: the reload to the database", (ASKED, 0), (RELOAD, 0)),
    # The card's reload riding on the change's own work (ui.context's rereads): no card asks for it.
    ("from the commit to the reload (database thread)", (WRITE, 1), (RELOAD, 0)),
    ("card reload (database thread)", (RELOAD, 0), (RELOAD, 1)),
    ("hand-over: the reload to the GUI thread", (RELOAD, 1), (SHOW, 0)),
    ("show_card (GUI thread)", (SHOW, 0), (SHOW, 1)),
    ("layout and painting (GUI thread)", (SHOW, 1), ("end", 0)),
)
# One profiler a phase, switched on only while the phase runs, in whichever thread runs it (cProfile
# sees only the thread that enabled it): the database thread's work and the GUI thread's apart.
PROFILES: dict[str, cProfile.Profile] = {}
PROFILING = False
# The garbage collections during the Apply being timed: when each started, and the milliseconds
# of each, by generation.
COLLECTIONS: list[tuple[int, float]] = []
_collection_started = 0.0


def _collection(phase: str, info: dict[str, int]) -> None:
    global _collection_started
    if phase == "start":
        _collection_started = time.perf_counter()
    else:
        COLLECTIONS.append((info["generation"], (time.perf_counter() - _collection_started) * 1000))


def timed(phase: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        profile = PROFILES.setdefault(phase, cProfile.Profile()) if PROFILING else None
        start = time.perf_counter()
        if profile is not None:
            profile.enable()
        try:
            return fn(*args, **kwargs)
        finally:
            if profile is not None:
                profile.disable()
            STAMPS[phase] = (start, time.perf_counter())
            THREAD_CPU[phase] = time.thread_time()  # at its end, in the thread that ran it
    return run


def print_profiles(limit: int = 25) -> None:
    for phase, profile in PROFILES.items():
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(limit)
        print(f"--- profile of {phase} (cumulative) ---\n{out.getvalue()}", flush=True)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(limit)
        print(f"--- profile of {phase} (own time) ---\n{out.getvalue()}", flush=True)
    PROFILES.clear()


def time_the_phases() -> None:
    """The card's reload and show_card, wherever the card calls them from, stamped into STAMPS."""
    card_window.reload_reservation_card = timed("card reload (database thread)",  # type: ignore[assignment]
                                                card_window.reload_reservation_card)
    ReservationCard.show_card = timed("show_card (GUI thread)", ReservationCard.show_card)  # type: ignore[method-assign]
    reload = ReservationCard.reload

    def asked(card: ReservationCard) -> None:
        STAMPS[ASKED] = (time.perf_counter(), 0.0)
        reload(card)

    ReservationCard.reload = asked  # type: ignore[method-assign]  # before the cards connect to their folios


def wait_idle() -> None:
    if not delivery.wait_all(60_000):
        raise RuntimeError("an op did not finish")


class Measured:
    """Milliseconds of each Apply: wall, the process's CPU (every thread), the GUI thread's CPU, each step."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.cpu: list[float] = []
        self.gui_cpu: list[float] = []
        self.steps: defaultdict[str, list[float]] = defaultdict(list)

    def add(self, wall: float, cpu: float, gui_cpu: float) -> None:
        self.times.append(wall)
        self.cpu.append(cpu)
        self.gui_cpu.append(gui_cpu)
        for step, (since, since_end), (until, until_end) in STEPS:
            if since == WRITE and until == RELOAD and ASKED in STAMPS:
                continue  # the card asked for its reload: the hand-overs in between are timed apart
            if since in STAMPS and until in STAMPS:
                self.steps[step].append((STAMPS[until][until_end] - STAMPS[since][since_end]) * 1000)
        if SHOW in THREAD_CPU and "end" in THREAD_CPU:  # wall is mostly waiting for a core on a loaded machine
            self.steps["  the same, GUI thread's CPU"].append((THREAD_CPU["end"] - THREAD_CPU[SHOW]) * 1000)
        # Anywhere in the Apply (the ops collect on the GUI thread as they deliver): the tail's share.
        self.steps["garbage collections, all"].append(sum(spent for _generation, spent in COLLECTIONS))
        self.steps["  of which full (generation 2)"].append(
            sum(spent for generation, spent in COLLECTIONS if generation == 2))


def applies(ctx: DeskContext, runner: Runner, bill_id: int, count: int) -> Measured:
    """Each Apply's figures (the first, which warms the statements up, left out)."""
    open_reservation_card(ctx, bill_id)  # the card paid on is the one in front, painted (bill n is folio n's)
    wait_idle()
    measured = Measured()
    for number in range(count + 1):
        for code, _price in SERVICES:
            runner.run(post_service, ctx.actor, bill_id=bill_id, service_code=code)
        wait_idle()
        QApplication.processEvents()  # nothing of the services' own painting left for the Apply
        STAMPS.clear()
        THREAD_CPU.clear()
        COLLECTIONS.clear()
        start, start_cpu, start_gui = time.perf_counter(), time.process_time(), time.thread_time()
        STAMPS["apply"] = (start, start)
        ctx.change(None, timed(TAKE, take_payment), bill_id=bill_id, tender=Tender("cash", TOTAL),
                   idempotency_key=os.urandom(16).hex()).run()
        wait_idle()
        QApplication.processEvents()  # the layout and painting the new figures set off
        end = time.perf_counter()
        STAMPS["end"] = (end, end)
        THREAD_CPU["end"] = time.thread_time()
        if number:
            measured.add((end - start) * 1000, (time.process_time() - start_cpu) * 1000,
                         (time.thread_time() - start_gui) * 1000)
    return measured


def line(label: str, measured: Measured) -> None:
    times, cpu, gui = measured.times, measured.cpu, measured.gui_cpu
    print(f"  {label:<34} median {statistics.median(times):7.1f} ms   p95 {p95(times):7.1f} ms"
          f"   CPU median {statistics.median(cpu):6.1f} ms p95 {p95(cpu):6.1f} ms"
          f" (GUI thread {statistics.median(gui):5.1f} ms)   (load {os.getloadavg()[0]:.1f})", flush=True)
    for step, spent in measured.steps.items():
        print(f"    {step:<42} median {statistics.median(spent):6.1f} ms   p95 {p95(spent):6.1f} ms", flush=True)


def bench(database: Database, samples: Samples, payments: int, card_count: int) -> None:
    actor = signed_in(database, Role.CASHIER, "BENCH-1")
    runner = Runner(database)
    runner.run(open_shift, actor, [Money.of("100.00", "EUR")])
    ctx = DeskContext(database, actor)
    keep_start_up_out_of_collections()  # as the program does once signed in, before any card opens
    ctx.runner.run = timed(WRITE, ctx.runner.run)  # type: ignore[method-assign]  # ends after the commit
    folios = [*samples.new_bills[:card_count - 1], samples.long_bill]  # bill n is folio n's
    cards: list[ReservationCard] = []
    start = time.perf_counter()
    for folio_id in folios:
        cards.append(open_reservation_card(ctx, folio_id))
    wait_idle()
    print(f"{database.engine.dialect.name}: {len(cards)} cards opened in {(time.perf_counter() - start) * 1000:.0f} ms;"
          f" {payments} payments on each of two", flush=True)
    PROFILES.clear()
    line("Apply to the card, new stay", applies(ctx, runner, samples.new_bills[0], payments))
    print_profiles()
    line("Apply to the card, long stay", applies(ctx, runner, samples.long_bill, payments))
    print_profiles()
    for card in cards:
        if shiboken6.isValid(card):  # a card beyond the most recent rests: its widgets are gone
            card.close()
    wait_idle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--payments", type=int, default=40)
    parser.add_argument("--cards", type=int, default=6)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="the PostgreSQL part alone")
    parser.add_argument("--profile", action="store_true", help="print each phase's cProfile")
    args = parser.parse_args()
    global PROFILING
    PROFILING = args.profile
    app = QApplication.instance() or QApplication([])
    time_the_phases()
    gc.callbacks.append(_collection)
    on_big_hotels(lambda database, samples: bench(database, samples, args.payments, args.cards), args.reservations,
                  postgres=not args.no_postgres, sqlite=not args.no_sqlite)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
