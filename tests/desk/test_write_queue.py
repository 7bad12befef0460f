"""Writers to one SQLite file, in real processes, get their turns in the order they asked for them."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desk.db.engine import Database
from desk.db.write_queue import WriteQueue, queue_path

# Real processes, as desks on one file are, forked from a server that imported this module once: spawned, each
# writer spent a second importing it anew. (The server is the run's one; tests/desk/races.py uses it too.)
PROCESSES = multiprocessing.get_context("forkserver")
PROCESSES.set_forkserver_preload([__name__])
WAIT_S = 60.0


def hold_turn(database: str, patience: float, held: Any, release: Any) -> None:
    """Takes the turn and keeps it until told, or for ever (until killed)."""
    queue = WriteQueue(Path(database), patience)
    with queue.turn():
        held.set()
        release.wait(WAIT_S)


def take_turn(database: str, patience: float, name: str, log: Any, started: Any) -> None:
    """Asks for the turn and says, once it has it, who it is and whether it came in order."""
    queue = WriteQueue(Path(database), patience)
    started.set()
    asked = time.monotonic()
    with queue.turn() as in_order:
        log.put((name, in_order, time.monotonic() - asked))
        time.sleep(0.02)


def wait_until(condition: Any, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "hotel.sqlite3"


def start_holder(database: Path, release: Any) -> Any:
    held = PROCESSES.Event()
    holder = PROCESSES.Process(target=hold_turn, args=(str(database), WAIT_S, held, release))
    holder.start()
    assert held.wait(WAIT_S), "the first writer never got its turn"
    return holder


def queue_behind(database: Path, names: list[str], log: Any, patience: float = WAIT_S) -> list[Any]:
    """Start a writer per name, each only once the one before is waiting in the queue."""
    watcher = WriteQueue(database, patience)
    writers = []
    for name in names:
        taken = watcher.tickets_taken()
        started = PROCESSES.Event()
        writer = PROCESSES.Process(target=take_turn, args=(str(database), patience, name, log, started))
        writer.start()
        assert started.wait(WAIT_S)
        wait_until(lambda taken=taken: watcher.tickets_taken() == taken + 1, f"{name} never asked for its turn")
        writers.append(writer)
    watcher.close()
    return writers


def test_writers_in_other_processes_get_their_turns_in_the_order_they_asked(database: Path):
    release = PROCESSES.Event()
    holder = start_holder(database, release)
    log = PROCESSES.Queue()
    names = ["desk", "pos", "device", "second desk", "night audit"]
    writers = queue_behind(database, names, log)
    assert log.empty()  # all of them wait while the first writer holds its turn
    release.set()
    turns = [log.get(timeout=WAIT_S) for _ in names]
    for process in [holder, *writers]:
        process.join(WAIT_S)
    assert [name for name, _in_order, _waited in turns] == names
    assert all(in_order for _name, in_order, _waited in turns)
    assert queue_path(database).stat().st_mode & 0o777 == 0o600  # beside the hotel's file, owner-only


def test_a_writer_killed_in_its_turn_lets_the_next_one_in_at_once(database: Path):
    holder = start_holder(database, PROCESSES.Event())  # never released: it dies holding its turn
    log = PROCESSES.Queue()
    writers = queue_behind(database, ["next"], log)
    assert holder.pid is not None
    os.kill(holder.pid, signal.SIGKILL)
    name, in_order, _waited = log.get(timeout=WAIT_S)
    assert (name, in_order) == ("next", True)
    for process in [holder, *writers]:
        process.join(WAIT_S)


def test_a_writer_whose_predecessor_holds_on_past_its_patience_goes_ahead_out_of_order(database: Path):
    release = PROCESSES.Event()
    holder = start_holder(database, release)
    log = PROCESSES.Queue()
    writers = queue_behind(database, ["impatient"], log, patience=0.3)
    name, in_order, waited = log.get(timeout=WAIT_S)
    assert (name, in_order) == ("impatient", False)  # SQLite's busy handler decides from here
    assert waited >= 0.3
    release.set()
    for process in [holder, *writers]:
        process.join(WAIT_S)


def test_every_writing_unit_on_a_file_takes_a_turn_and_a_nested_one_does_not_wait_for_itself(database: Path):
    hotel = Database(f"sqlite:///{database}")
    try:
        assert hotel.write_queue is not None
        before = hotel.write_queue.tickets_taken()
        with hotel.unit_of_work() as session:  # reading: no turn
            session.execute(text("SELECT 1"))
        assert hotel.write_queue.tickets_taken() == before
        with hotel.writing() as session:
            with hotel.writing() as inner:  # the same thread inside its turn: no queueing behind itself
                inner.execute(text("SELECT 1"))
            session.execute(text("CREATE TABLE note (x INTEGER)"))
        assert hotel.write_queue.tickets_taken() == before + 1
    finally:
        hotel.dispose()


def test_a_database_in_memory_has_no_queue():
    hotel = Database("sqlite://")
    try:
        assert hotel.write_queue is None
        with hotel.writing() as session:
            session.execute(text("SELECT 1"))
    finally:
        hotel.dispose()


def test_engines_of_one_process_on_one_file_share_its_queue_until_the_last_lets_it_go(database: Path):
    # POSIX locks belong to the process, and closing any descriptor of the file drops them all: one each.
    first, second = Database(f"sqlite:///{database}"), Database(f"sqlite:///{database}", upgrade=False)
    queue = first.write_queue
    assert queue is not None and second.write_queue is queue
    first.dispose()
    before = queue.tickets_taken()
    with second.writing() as session:
        session.execute(text("SELECT 1"))
    assert queue.tickets_taken() == before + 1
    second.dispose()
    third = Database(f"sqlite:///{database}", upgrade=False)
    try:
        assert third.write_queue is not queue  # the last one closed it; a new engine opens its own
    finally:
        third.dispose()


def test_on_a_file_system_without_locks_writers_go_ahead_without_the_queue(database: Path, monkeypatch):
    import errno

    from desk.db import write_queue

    def no_locks(*_args: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(write_queue.fcntl, "lockf", no_locks)
    queue = WriteQueue(database, WAIT_S)
    with queue.turn() as in_order:
        assert in_order is False
    queue.close()
