"""Sign-in timing: an unknown user name must cost what a wrong password costs.

Prints the median time of a sign-in refused for a wrong password, for an unknown user name, for a
wrong PIN and for a success, at argon2's real cost on a SQLite database with the demo staff.

    python bench/bench_sign_in.py [rounds]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desk.core.errors import NotAuthorised
from desk.db.engine import Database
from desk.demo.seed import seed_settings
from desk.people.auth import LockoutPolicy, sign_in

# Lockout would stop the wrong-password rounds after a few; the bench measures the hash, not the lock.
NO_LOCKOUT = LockoutPolicy(max_failures=10**9)


def median_ms(database: Database, username: str, secret: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            with database.unit_of_work() as session:
                sign_in(session, username, secret, "BENCH", policy=NO_LOCKOUT)
        except NotAuthorised:
            pass
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(rounds: int = 15) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with database.unit_of_work() as session:
            seed_settings(session)
        cases: list[tuple[str, Callable[[], float]]] = [
            ("wrong password (known user)", lambda: median_ms(database, "maria", "wrong", rounds)),
            ("unknown user name", lambda: median_ms(database, "nobody", "wrong", rounds)),
            ("right password", lambda: median_ms(database, "maria", "manager", rounds)),
            ("right PIN", lambda: median_ms(database, "maria", "9999", rounds)),
        ]
        figures = {name: run() for name, run in cases}
        database.dispose()
    for name, ms in figures.items():
        print(f"{name:30s} {ms:8.1f} ms (median of {rounds})")
    ratio = figures["unknown user name"] / figures["wrong password (known user)"]
    print(f"unknown / wrong password: {ratio:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
