"""Desks in real processes appending to the audit trail at the same moment (tests/desk/test_audit_trail.py)."""

from __future__ import annotations

import multiprocessing
from typing import Any

from desk.db.engine import Database
from desk.db.runner import Runner
from desk.people.auth import lock_desk, trusted_actor
from desk.people.models import Role

SPAWN = multiprocessing.get_context("forkserver")
SPAWN.set_forkserver_preload([__name__])


def append_locks(url: str, workstation: str, count: int, start: Any, done: Any) -> None:
    """Lock this desk ``count`` times, one unit each, once every writer is ready."""
    database = Database(url)
    try:
        runner = Runner(database, attempts=20)
        actor = trusted_actor("ivan", workstation, Role.CASHIER)
        start.wait(timeout=30)
        for _ in range(count):
            runner.run(lock_desk, actor)
        done.put((workstation, "ok"))
    except Exception as exc:  # reported to the test, which fails naming it
        done.put((workstation, f"{type(exc).__name__}: {exc}"))
    finally:
        database.dispose()


def race_appends(url: str, writers: int, count: int) -> list[tuple[str, str]]:
    start = SPAWN.Barrier(writers)
    done = SPAWN.Queue()
    processes = [SPAWN.Process(target=append_locks, args=(url, f"DESK-{n}", count, start, done))
                 for n in range(writers)]
    for process in processes:
        process.start()
    results = [done.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    return results
