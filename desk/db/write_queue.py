"""Writers to one SQLite file take their turns in the order they asked, across processes.

SQLite lets one writer in at a time; the others wait in its busy handler, which sleeps and tries
again (1, 2, 5, 10 ... 100 ms). Whoever happens to try just after the lock is freed gets it: with
a desk, the POS service and a device worker writing, one of them can lose round after round and
wait seconds while the others pass. Here each writer takes a ticket before its transaction and
waits for the writer before it, not for the lock: the kernel wakes it the moment that writer is
done, and nobody overtakes.

The queue is a small file beside the database (``<database>-writers``, owner-only) and POSIX byte
locks on it, which the kernel drops when a process dies, so a killed writer never blocks the queue:

- byte 0 guards the ticket counter (bytes 8-15);
- a writer with ticket ``t`` holds the byte of slot ``t`` for its whole transaction, and waits for
  the byte of slot ``t - 1``, which its predecessor holds until it is done.

Threads of one process take their turns one at a time behind a lock of the process (POSIX locks
belong to the process, not the thread). A writer that waits longer than ``patience`` goes ahead
without its turn and SQLite's own busy handler decides, as without the queue. Where there are no
POSIX locks (Windows) there is no queue.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy handler alone
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

_COUNTER_LOCK = 0
_COUNTER_AT = 8
_FIRST_SLOT = 64
# More slots than writers can ever wait at once: ticket t uses slot t % _SLOTS.
_SLOTS = 1 << 16


def queue_path(database: Path) -> Path:
    return database.with_name(database.name + "-writers")


_shared: dict[Path, tuple[WriteQueue, int]] = {}
_sharing = threading.Lock()


def open_queue(database: Path, patience: float) -> WriteQueue:
    """The queue of ``database`` for this process, shared by every engine on the file: POSIX locks
    belong to the process, and closing any descriptor of the file drops them all, so one process
    keeps one descriptor and one line of turns per file. Give it back with :func:`close_queue`."""
    key = database.resolve()
    with _sharing:
        queue, users = _shared.get(key, (None, 0))
        if queue is None:
            queue = WriteQueue(database, patience)
        _shared[key] = (queue, users + 1)
        return queue


def close_queue(queue: WriteQueue) -> None:
    """One user fewer; the descriptor is closed when the last engine on the file lets the queue go."""
    with _sharing:
        for key, (shared, users) in list(_shared.items()):
            if shared is queue:
                if users > 1:
                    _shared[key] = (shared, users - 1)
                    return
                del _shared[key]
        queue.close()


class WriteQueue:
    """One SQLite file's queue of writers, for this process."""

    def __init__(self, database: Path, patience: float) -> None:
        self.path = queue_path(database)
        self.patience = patience
        self._fd: int | None = None
        self._pid = 0
        self._turns = threading.Lock()
        self._local = threading.local()
        self._opening = threading.Lock()

    @contextmanager
    def turn(self) -> Iterator[bool]:
        """Wait for this writer's turn and hold it inside the block; True if the turn was had in order.

        Reentrant in a thread: a writer inside its turn that writes again does not queue behind itself.
        """
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield True
            finally:
                self._local.depth -= 1
            return
        fd = self._open()
        if fd is None or not self._turns.acquire(timeout=self.patience):
            yield False
            return
        try:
            try:
                slot, in_order = self._wait_in_line(fd)
            except OSError as exc:  # no locks on this file system (ENOLCK): SQLite's busy handler alone
                logger.warning("writers' queue %s unusable: %s", self.path, exc)
                slot = None
            if slot is None:
                yield False
                return
            self._local.depth = 1
            try:
                yield in_order
            finally:
                self._local.depth = 0
                _unlock(fd, slot)
        finally:
            self._turns.release()

    def _open(self) -> int | None:
        if fcntl is None:
            return None
        with self._opening:
            if self._fd is not None and self._pid == os.getpid():
                return self._fd
            # A forked child shares its parent's descriptor but none of its locks: it opens its own.
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:  # a read-only folder: the busy handler alone, as before
                logger.debug("no writers' queue at %s: %s", self.path, exc)
                self._fd = None
            self._pid = os.getpid()
            return self._fd

    def _wait_in_line(self, fd: int) -> tuple[int, bool]:
        """Take a ticket and wait for the writer before it: this writer's slot, and False if it gave up waiting."""
        fcntl.lockf(fd, fcntl.LOCK_EX, 1, _COUNTER_LOCK)
        try:
            ticket = int.from_bytes(os.pread(fd, 8, _COUNTER_AT).ljust(8, b"\0"), "little")
            os.pwrite(fd, ((ticket + 1) % _SLOTS).to_bytes(8, "little"), _COUNTER_AT)
            mine = _FIRST_SLOT + ticket
            fcntl.lockf(fd, fcntl.LOCK_EX, 1, mine)
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, _COUNTER_LOCK)
        before = _FIRST_SLOT + (ticket - 1) % _SLOTS
        if _wait_for(fd, before, self.patience):
            return mine, True
        logger.info("the writer before this one held its turn over %.0f s: going ahead without the queue",
                    self.patience)
        return mine, False  # still held: who comes next waits for this writer, not for the stuck one

    def tickets_taken(self) -> int:
        """How many turns were asked for so far (modulo the slots): for tests and benches."""
        fd = self._open()
        if fd is None:
            return 0
        return int.from_bytes(os.pread(fd, 8, _COUNTER_AT).ljust(8, b"\0"), "little")

    def close(self) -> None:
        with self._opening:
            if self._fd is not None and self._pid == os.getpid():
                os.close(self._fd)
            self._fd = None


def _unlock(fd: int, slot: int) -> None:
    fcntl.lockf(fd, fcntl.LOCK_UN, 1, slot)


def _wait_for(fd: int, slot: int, patience: float) -> bool:
    """Wait until nobody holds ``slot`` (the writer before has finished), at most ``patience`` seconds."""
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, slot)
    except OSError:
        pass
    else:
        _unlock(fd, slot)
        return True
    # A blocking lock wakes the moment the slot is freed but cannot time out; it waits on a thread
    # of its own, which lets the slot go at once, however late.
    freed = threading.Event()

    def wait() -> None:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX, 1, slot)
            _unlock(fd, slot)
        except OSError as exc:  # EDEADLK: the kernel saw a cycle; go on rather than wait
            logger.debug("waiting for slot %d: %s", slot, exc)
        freed.set()

    threading.Thread(target=wait, name="write-queue", daemon=True).start()
    return freed.wait(patience)
