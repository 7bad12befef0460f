"""Four processes writing one big hotel at once, as a hotel runs: latency of each write, waiting included.

    python bench/bench_writers.py [--seconds 30] [--no-postgres] [--no-sqlite] [--writers 16]

On a copy of the big hotel (bench/big_hotel.py, statistics gathered), four real processes post
services through the runner, each at its own steady (Poisson) pace, as they do in a hotel:

  pos      the POS service's writer: 24 postings/s
  device   a device worker settling terminal and printer operations: 6 postings/s
  desk-1   a front desk: 5 postings/s
  desk-2   a second desk: 5 postings/s

Each way twice, alternately: SQLite's busy handler alone (as before the writers' queue,
desk.db.write_queue) and with the queue. Each write is timed from the moment it was due (so a
writer held up behind another counts its wait) to its commit. Prints p50/p99/max per writer and
overall: issue 23's target is p99 under 50 ms and no write waiting over 250 ms. Then, on
PostgreSQL (unless ``--no-postgres``), ``--writers`` processes post as fast as they can on the
same hotel: postings/s and p99 (target 500/s, 50 ms), and the CPU a posting cost: the writers'
processes and the server's (its postmaster and every backend, from /proc), and the statements a
posting sent. On two cores 500 postings/s leaves 4 ms of CPU a posting for all of them.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, event, text

from bench.big_hotel import Samples, on_big_hotels
from desk.db.engine import Database

# Imported once, before the writers are forked: sixteen processes importing the desk each on their own
# took a minute of both cores, during which the first ones were already posting.
from desk.db.runner import Runner
from desk.ledger.postings import post_service
from desk.people.auth import trusted_actor
from desk.people.models import Role

WRITERS = {"pos": 24.0, "device": 6.0, "desk-1": 5.0, "desk-2": 5.0}
FORK = multiprocessing.get_context("fork")


def _write(url: str, name: str, rate: float | None, bills: list[int], seconds: float, start_at: float,
           queue: bool, results: Any) -> None:
    database = Database(url, upgrade=False)
    if not queue:
        database.write_queue = None  # SQLite's busy handler alone, as before the writers' queue
    runner = Runner(database)
    actor = trusted_actor("bench", f"{name}-{os.getpid()}", Role.MANAGER)
    rng = random.Random(name)
    runner.run(post_service, actor, bill_id=bills[0], service_code="MB-BEER")  # connected and warm
    times: list[float] = []
    statements = [0]

    def count(*_args: object) -> None:
        statements[0] += 1

    event.listen(Engine, "before_cursor_execute", count)
    time.sleep(max(0.0, start_at - time.perf_counter()))
    cpu = time.process_time()
    statements[0] = 0
    due = start_at
    while True:
        due = due + rng.expovariate(rate) if rate else time.perf_counter()
        if due >= start_at + seconds:
            break
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        runner.run(post_service, actor, bill_id=rng.choice(bills), service_code="MB-BEER")
        times.append((time.perf_counter() - due) * 1000)
    cpu = time.process_time() - cpu
    database.dispose()
    results.put((name, times, runner.retried, cpu, statements[0]))


def _race(url: str, writers: dict[str, float | None], bills: list[int], seconds: float,
          queue: bool = True) -> dict[str, list[float]]:
    """Each writer's times (ms), and under "retried", "cpu" and "statements" the writers' sums."""
    results = FORK.Queue()
    start_at = time.perf_counter() + 3.0 + 0.5 * len(writers)  # every writer connected by then, even on a busy machine
    processes = [FORK.Process(target=_write, args=(url, name, rate, bills, seconds, start_at, queue, results))
                 for name, rate in writers.items()]
    for process in processes:
        process.start()
    times: dict[str, list[float]] = {}
    retried = cpu = statements = 0.0
    for _ in processes:
        name, taken, again, spent, sent = results.get(timeout=seconds + 300)
        times[name] = taken
        retried += again
        cpu += spent
        statements += sent
    for process in processes:
        process.join(timeout=60)
    times["retried"] = [retried]
    times["cpu"] = [cpu]
    times["statements"] = [statements]
    return times


def postmaster(database: Database) -> int:
    """The process id of the PostgreSQL server (the bench's own, on this machine)."""
    with database.engine.connect() as connection:
        data = connection.execute(text("SHOW data_directory")).scalar_one()
    database.dispose()  # no connection of ours crosses the writers' fork
    return int(Path(data, "postmaster.pid").read_text().split()[0])


def server_cpu(server: int) -> float:
    """CPU seconds the PostgreSQL server has spent so far: its postmaster, the backends it has reaped and
    the ones still running (read from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")

    def stat(pid: int | str) -> list[str]:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()

    own = stat(server)
    ticks = sum(int(field) for field in own[11:15])  # utime, stime, and of its reaped children
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            fields = stat(pid)
        except OSError:
            continue  # ended meanwhile
        if int(fields[1]) == server:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / tick


def _p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def _line(name: str, times: list[float]) -> str:
    return (f"  {name:<8} {len(times):6d} writes  p50 {statistics.median(times):6.1f} ms  p99 {_p99(times):7.1f} ms  "
            f"max {max(times):7.1f} ms")


def bench(database: Database, samples: Samples, seconds: float, writers: int, pace: float) -> None:
    url = database.url
    bills = samples.new_bills
    database.dispose()  # no connection of ours crosses the fork
    print(f"  load: {os.getloadavg()[0]:.2f} (1-minute load average before the run)")
    if database.engine.dialect.name == "sqlite":
        paced = {name: rate * pace for name, rate in WRITERS.items()}
        # Both ways on the same file and the same busy machine, one after the other, twice.
        for queue in (False, True, False, True):
            print(f"  {'with the writers queue' if queue else 'SQLite busy handler alone (before)'}, "
                  f"load {os.getloadavg()[0]:.2f}:")
            times = _race(url, dict(paced), bills, seconds, queue)
            retried = int(times.pop("retried")[0])
            del times["cpu"], times["statements"]
            for name, taken in times.items():
                print(_line(name, taken))
            print(_line("all", [t for taken in times.values() for t in taken]) + f"  retried {retried}", flush=True)
    else:
        start = time.perf_counter()
        server_pid = postmaster(database)
        server_before = server_cpu(server_pid)
        times = _race(url, {f"w{n}": None for n in range(writers)}, bills, seconds)
        server = server_cpu(server_pid) - server_before
        retried = int(times.pop("retried")[0])
        cpu = times.pop("cpu")[0]
        statements = times.pop("statements")[0]
        every = [t for taken in times.values() for t in taken]
        print(f"  {writers} writers as fast as they go: {len(every) / seconds:7.1f} postings/s  "
              f"(wall {time.perf_counter() - start:.0f} s, load {os.getloadavg()[0]:.2f} after)")
        print(_line("all", every) + f"  retried {retried}")
        # The server's figure includes the start of the writers' connections and anything else it did
        # meanwhile (autovacuum): over a run of seconds, a few per cent.
        postings = max(1, len(every))
        cores = os.cpu_count() or 1
        print(f"  CPU a posting: writers {cpu / postings * 1000:.2f} ms, server {server / postings * 1000:.2f} ms, "
              f"together {(cpu + server) / postings * 1000:.2f} ms; {statements / postings:.1f} statements a "
              f"posting; at that cost {cores} cores post at most {cores / max(1e-9, (cpu + server) / postings):.0f}/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="the PostgreSQL part alone")
    parser.add_argument("--pace", type=float, default=1.0, help="every SQLite writer's rate times this")
    args = parser.parse_args()
    print("command: python bench/bench_writers.py " + " ".join(sys.argv[1:]))
    on_big_hotels(lambda database, samples: bench(database, samples, args.seconds, args.writers, args.pace),
                  args.reservations, postgres=not args.no_postgres, sqlite=not args.no_sqlite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
