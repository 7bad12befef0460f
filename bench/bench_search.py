"""Search the big hotel (bench/big_hotel.py): how long a main-window search and its table take.

    python bench/bench_search.py [--reservations N] [--searches N] [--no-postgres] [--no-sqlite]

On the big hotel with its statistics, SQLite (a copy of the cached file) and then PostgreSQL (a
server started for the run, tests/pg_server.py), times searches of each kind, each in a unit of
work of its own as the main window runs it, and the results model. Target (issue 23): name-prefix
and room searches p95 under 20 ms on 200,000 reservations. Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, func, select

from bench.big_hotel import TODAY, Samples, on_big_hotels, p95
from desk.db.engine import Database
from desk.stays.models import Guest
from desk.stays.search import FolioQuery, search_folios


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def report(label: str, times: list[float], rows: list[int], cpu: list[float] | None = None,
           statements: list[int] | None = None) -> None:
    times = sorted(times)
    # The process's CPU beside the wall time: on the shared 2-core machine the steadier figure.
    spent = f"   CPU median {statistics.median(cpu):6.2f} ms p95 {p95(cpu):6.2f} ms" if cpu else ""
    spent += f"   statements {statistics.median(statements):.0f}" if statements else ""
    print(f"  {label:<34} median {statistics.median(times):7.2f} ms   p95 {p95(times):7.2f} ms   "
          f"max {times[-1]:7.2f} ms{spent}   rows median {statistics.median(rows):.0f}   "
          f"(load {os.getloadavg()[0]:.1f})", flush=True)


def run_searches(database: Database, samples: dict[str, list[str]], count: int, rng: random.Random) -> None:
    arrivals = [TODAY - timedelta(days=rng.randint(0, 2000)) for _ in range(count)]
    kinds: list[tuple[str, Callable[[int], FolioQuery]]] = [
        ("in-house list (empty text)", lambda _n: FolioQuery()),
        ("room, in house", lambda _n: FolioQuery(text=rng.choice(samples["room"]))),
        ("room, all stays", lambda _n: FolioQuery(text=rng.choice(samples["room"]), in_house_only=False)),
        ("name prefix, in house", lambda _n: FolioQuery(text=rng.choice(samples["name"]))),
        ("name prefix, all stays", lambda _n: FolioQuery(text=rng.choice(samples["name"]), in_house_only=False)),
        ("1-2 letters, in house", lambda _n: FolioQuery(text=rng.choice(samples["short"]))),
        ("1-2 letters, all stays", lambda _n: FolioQuery(text=rng.choice(samples["short"]), in_house_only=False)),
        ("common surname, all stays", lambda _n: FolioQuery(text=rng.choice(samples["surname"]),
                                                           in_house_only=False)),
        ("reservation number, all stays", lambda _n: FolioQuery(text=rng.choice(samples["number"]),
                                                               in_house_only=False)),
        ("company, all stays", lambda _n: FolioQuery(text=rng.choice(samples["company"]), in_house_only=False)),
        ("arrival date, all stays", lambda n: FolioQuery(arrival=arrivals[n], in_house_only=False)),
    ]
    last_rows = []
    sent = [0]
    event.listen(database.engine, "before_cursor_execute", lambda *_args: sent.__setitem__(0, sent[0] + 1))
    for label, make in kinds:
        times, found, cpu, statements = [], [], [], []
        with database.unit_of_work() as session:
            search_folios(session, make(0))  # compile the statements once, as a running desk has
        for n in range(count):
            query = make(n)
            # Timed as the main window runs it: a unit of work of its own, so with BEGIN and COMMIT.
            start, start_cpu, sent[0] = time.perf_counter(), time.process_time(), 0
            with database.unit_of_work() as session:
                rows = search_folios(session, query)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            statements.append(sent[0])
            found.append(len(rows))
            last_rows = rows if len(rows) > len(last_rows) else last_rows
        report(label, times, found, sorted(cpu), statements)
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


def short_prefixes(name_prefixes: list[str]) -> list[str]:
    """Every first letter and first two letters of a name, as a clerk starts typing them ("И", "Iv"):
    the prefixes that name the most stays."""
    return sorted({prefix[:length].capitalize() for prefix in name_prefixes for length in (1, 2)})


def common_surnames(database: Database, count: int = 20) -> list[str]:
    """The hotel's most frequent last names, typed whole: a name that names thousands of stays."""
    last_name = func.lower(Guest.last_name)
    with database.unit_of_work() as session:
        return list(session.execute(select(last_name).group_by(last_name).order_by(func.count().desc(), last_name)
                                    .limit(count)).scalars())


def bench(database: Database, samples: Samples, searches: int) -> None:
    rng = random.Random(42)
    print(f"{database.engine.dialect.name}: {samples.reservations:,} reservations, with statistics; "
          f"{searches} searches of each kind", flush=True)
    run_searches(database, {"room": samples.rooms, "name": samples.name_prefixes, "number": samples.numbers,
                            "company": samples.company_prefixes, "short": short_prefixes(samples.name_prefixes),
                            "surname": common_surnames(database)}, searches, rng)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reservations", type=int, default=200_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="the PostgreSQL part alone")
    args = parser.parse_args()
    print("command: python bench/bench_search.py " + " ".join(sys.argv[1:]))
    on_big_hotels(lambda database, samples: bench(database, samples, args.searches), args.reservations,
                  postgres=not args.no_postgres, sqlite=not args.no_sqlite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
