"""Writers in real processes racing on one database, and the ledger's invariants checked after.

Used by tests/desk/test_races.py (small rounds) and bench/bench_races.py (heavy rounds, figures).
Workers are real processes, each with its own engine, running use cases through
``desk.db.runner.Runner`` exactly as a desk or the POS service would. They are forked from a
fork server that has imported this module once (and nothing of the parent: no open connection,
no Qt), so sixteen desks start in well under a second instead of importing SQLAlchemy sixteen
times each.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import ExceptionContext

from desk.cash.shifts import open_shift
from desk.core.errors import ConcurrentChange, DeskError
from desk.core.money import Money
from desk.db.engine import Database
from desk.db.runner import Runner, is_retryable
from desk.ledger.payments import RefundDirection, Tender, apply_deposit, refund_payment, take_deposit, take_payment
from desk.ledger.postings import post_service
from desk.people.auth import Actor, trusted_actor
from desk.people.models import Role

SPAWN = multiprocessing.get_context("forkserver")
SPAWN.set_forkserver_preload([__name__])


@dataclass
class Tally:
    """What happened in one or many workers."""

    done: int = 0
    refused: Counter[str] = field(default_factory=Counter)  # domain refusals, by error class
    failed: list[str] = field(default_factory=list)  # anything else: raw errors, ConcurrentChange
    retried: int = 0
    # The retried attempts another desk caused: a deadlock, a serialisation failure, an SQLite
    # writer refused without waiting its busy timeout out. Not a wait that ran out on a starved
    # machine: SQLite's busy handler polls, so under load one writer can lose every poll.
    turned_away: list[str] = field(default_factory=list)
    waits_ran_out: int = 0  # the other retries: an SQLite writer's wait at BEGIN ran its busy timeout out
    seconds: float = 0.0

    def add(self, other: Tally) -> None:
        self.done += other.done
        self.refused.update(other.refused)
        self.failed.extend(other.failed)
        self.retried += other.retried
        self.turned_away.extend(other.turned_away)
        self.waits_ran_out += other.waits_ran_out
        self.seconds = max(self.seconds, other.seconds)


# --- what a worker does ---------------------------------------------------------------------------


def _post(runner: Runner, actor: Actor, target: int, _n: int) -> None:
    runner.run(post_service, actor, bill_id=target, service_code="MB-BEER")


def _pay(runner: Runner, actor: Actor, target: int, _n: int) -> None:
    runner.run(take_payment, actor, target, Tender("cash", Money.of("1.00", "EUR")))


def _refund_all(runner: Runner, actor: Actor, target: int, _n: int) -> None:
    runner.run(refund_payment, actor, target, Money.of("100.00", "EUR"))


def _refund_part(runner: Runner, actor: Actor, target: int, n: int) -> None:
    direction = RefundDirection.DEPOSIT if n % 2 else RefundDirection.PAYER
    runner.run(refund_payment, actor, target, Money.of("3.00", "EUR"), direction=direction)


def _apply_deposit(runner: Runner, actor: Actor, target: int, _n: int) -> None:
    runner.run(apply_deposit, actor, target, Money.of("5.00", "EUR"))


def _apply_whole_deposit(runner: Runner, actor: Actor, target: int, _n: int) -> None:
    runner.run(apply_deposit, actor, target, Money.of("100.00", "EUR"))


ACTIONS: dict[str, Callable[[Runner, Actor, int, int], None]] = {
    "post": _post,
    "pay": _pay,
    "refund_all": _refund_all,
    "refund_part": _refund_part,
    "apply_deposit": _apply_deposit,
    "apply_whole_deposit": _apply_whole_deposit,
}


_STARTED = "tests.desk.races.started"


def watch_retries(database: Database, tally: Tally) -> None:
    """Note in ``tally`` why each failure the runner retries happened: a statement refused busy after
    waiting at least the busy timeout was queued and the wait ran out; any other was turned away."""
    engine = database.engine
    patience: float | None = None
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            patience = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() / 1000

    @event.listens_for(engine, "before_cursor_execute")
    def started(connection: Any, *_args: Any) -> None:
        connection.info[_STARTED] = time.monotonic()

    @event.listens_for(engine, "handle_error")
    def failed(context: ExceptionContext) -> None:
        error = context.sqlalchemy_exception
        if error is None or not is_retryable(error):
            return
        began = context.connection.info.get(_STARTED) if context.connection is not None else None
        waited = time.monotonic() - began if began is not None else 0.0
        if patience is not None and waited >= patience:
            tally.waits_ran_out += 1
            return
        tally.turned_away.append(f"{context.statement!r} after {waited:.3f} s: {context.original_exception!r}")


def worker(url: str, action: str, target: int, rounds: int, barrier: Any, results: Any) -> None:
    """One desk: ``rounds`` times ``action`` on ``target``, all desks starting together."""
    database = Database(url, upgrade=False)
    runner = Runner(database)
    tally = Tally()
    watch_retries(database, tally)
    actor = trusted_actor("race", f"DESK-{os.getpid()}", Role.MANAGER)
    runner.run(open_shift, actor, [])  # cash is taken only into an open shift
    barrier.wait()
    start = time.perf_counter()
    for n in range(rounds):
        try:
            ACTIONS[action](runner, actor, target, n)
            tally.done += 1
        except ConcurrentChange as exc:
            tally.failed.append(f"ConcurrentChange: {exc.__cause__!r}")
        except DeskError as exc:
            tally.refused[type(exc).__name__] += 1
        except Exception:  # the point of the race: any raw error is recorded, not hidden
            tally.failed.append(traceback.format_exc(limit=3))
    tally.seconds = time.perf_counter() - start
    tally.retried = runner.retried
    database.dispose()
    results.put(tally)


def race(url: str, desks: list[tuple[str, int]], rounds: int) -> Tally:
    """Start one process per (action, target), let them loose together, and add up their tallies."""
    barrier = SPAWN.Barrier(len(desks))
    results = SPAWN.Queue()
    processes = [
        SPAWN.Process(target=worker, args=(url, action, target, rounds, barrier, results))
        for action, target in desks
    ]
    for process in processes:
        process.start()
    total = Tally()
    for _ in processes:
        total.add(results.get(timeout=300))
    for process in processes:
        process.join(timeout=60)
        if process.exitcode != 0:
            total.failed.append(f"worker exited with {process.exitcode}")
    return total


# --- killed mid-transaction -----------------------------------------------------------------------


def _slow(use_case: Callable[..., Any], pause: float, inside: Any) -> Callable[..., Any]:
    """The use case, then a pause before the commit: a kill most likely lands inside it.

    ``inside`` (a shared flag) is 1 from the start of the transaction's work until the runner
    has committed, so the killer can tell where its kill landed.
    """

    def run(session: Any, actor: Actor, *args: Any, **kwargs: Any) -> Any:
        inside.value = 1
        value = use_case(session, actor, *args, **kwargs)
        session.flush()
        time.sleep(pause)
        return value

    return run


def busy_writer(url: str, bill_id: int, folio_id: int, seed: int, inside: Any) -> None:
    """Writes pairs and singles without end, lingering inside each transaction, until killed."""
    database = Database(url, upgrade=False)
    runner = Runner(database)
    actor = trusted_actor("killed", f"DESK-{os.getpid()}", Role.MANAGER)
    runner.run(open_shift, actor, [])  # cash is taken only into an open shift
    rng = random.Random(seed)
    eur = lambda amount: Money.of(amount, "EUR")  # noqa: E731
    while True:
        pause = rng.uniform(0.0, 0.02)
        choice = rng.randrange(4)
        try:
            if choice == 0:
                runner.run(_slow(post_service, pause, inside), actor, bill_id=bill_id, service_code="MB-BEER")
            elif choice == 1:
                runner.run(_slow(take_deposit, pause, inside), actor, folio_id, Tender("cash", eur("4.00")))
            elif choice == 2:
                runner.run(_slow(apply_deposit, pause, inside), actor, bill_id, eur("2.00"))
            else:
                payment = runner.run(take_payment, actor, bill_id, Tender("cash", eur("3.00"))).value
                runner.run(_slow(refund_payment, pause, inside), actor, payment.id, eur("1.00"),
                           direction=RefundDirection.DEPOSIT)
        except DeskError:
            pass
        inside.value = 0


@dataclass
class Kills:
    kills: int = 0
    alive: int = 0  # the writer was running when the kill came
    mid_transaction: int = 0  # ... and inside a use case's transaction, before its commit


def kill_repeatedly(url: str, bill_id: int, folio_id: int, kills: int, seed: int = 7) -> Kills:
    """Start a busy writer and SIGKILL it, ``kills`` times."""
    rng = random.Random(seed)
    tally = Kills()
    for n in range(kills):
        inside = SPAWN.Value("i", 0, lock=False)
        process = SPAWN.Process(target=busy_writer, args=(url, bill_id, folio_id, seed + n, inside))
        process.start()
        # Past the start-up (seconds on a busy machine, so waited for, not guessed), into the writing.
        started_by = time.monotonic() + 30
        while not inside.value and process.is_alive() and time.monotonic() < started_by:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.6))  # the kill's moment, somewhere in the writing
        assert process.pid is not None
        tally.kills += 1
        tally.alive += process.is_alive()
        tally.mid_transaction += inside.value
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=30)
    return tally


# --- the invariants -------------------------------------------------------------------------------


def _money(value: str) -> Decimal:
    return Money.parse(value).amount


def ledger_faults(database: Database) -> list[str]:
    """Every way the raw rows contradict each other or what the clerk is shown; empty if none."""
    from desk.ledger.folios import load_folio

    faults: list[str] = []
    with database.engine.connect() as connection:
        postings = connection.execute(text("SELECT id, folio_id, bill_id, amount FROM posting")).all()
        moves = connection.execute(
            text("SELECT id, posting_id, from_bill_id, to_bill_id FROM posting_move ORDER BY id")).all()
        payments = connection.execute(text(
            "SELECT id, folio_id, bill_id, kind, amount, base_amount, refund_of_id, transfer_group FROM payment"
        )).all()
        folio_ids = [row[0] for row in connection.execute(text("SELECT id FROM folio"))]

    current_bill = {p.id: p.bill_id for p in postings}
    for move in moves:  # every move starts where the posting was
        if move.from_bill_id != current_bill[move.posting_id]:
            faults.append(f"move {move.id} starts from bill {move.from_bill_id}, "
                          f"not {current_bill[move.posting_id]}")
        current_bill[move.posting_id] = move.to_bill_id

    charges: defaultdict[int, Decimal] = defaultdict(Decimal)
    for p in postings:
        charges[current_bill[p.id]] += _money(p.amount)
    paid: defaultdict[int, Decimal] = defaultdict(Decimal)
    deposit: defaultdict[int, Decimal] = defaultdict(Decimal)
    groups: defaultdict[str, list[Any]] = defaultdict(list)
    refunded: defaultdict[int, Decimal] = defaultdict(Decimal)
    by_id = {p.id: p for p in payments}
    for p in payments:
        if p.bill_id is None:
            deposit[p.folio_id] += _money(p.base_amount)
        else:
            paid[p.bill_id] += _money(p.base_amount)
        if p.transfer_group is not None:
            groups[p.transfer_group].append(p)
        if p.refund_of_id is not None:
            refunded[p.refund_of_id] -= _money(p.amount)

    for group, rows in groups.items():
        if len(rows) != 2 or sum(_money(r.base_amount) for r in rows) != 0:
            faults.append(f"transfer {group} is half-written: {[(r.id, r.base_amount) for r in rows]}")
    for payment_id, amount in refunded.items():
        if amount > _money(by_id[payment_id].amount):
            faults.append(f"payment {payment_id} refunded {amount}, more than {by_id[payment_id].amount}")
    for folio_id, balance in deposit.items():
        if balance < 0:
            faults.append(f"folio {folio_id}'s deposit is negative: {balance}")

    with database.unit_of_work() as session:
        for folio_id in folio_ids:
            view = load_folio(session, folio_id)
            if view.deposit_balance.amount != deposit[folio_id]:
                faults.append(f"folio {folio_id} shows deposit {view.deposit_balance}, rows say {deposit[folio_id]}")
            for bill in view.bills:
                bill_id = bill.bill.id
                if (bill.charges.amount, bill.paid.amount) != (charges[bill_id], paid[bill_id]):
                    faults.append(f"bill {bill_id} shows {bill.charges}/{bill.paid}, "
                                  f"rows say {charges[bill_id]}/{paid[bill_id]}")
    return faults
