"""The workstation's shared state: the database, who is signed in, and change notices."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from desk.auth import Actor
from desk.changes import ledger_stamp
from desk.db import Database
from ui.ops import Cancelled, Op

T = TypeVar("T")
logger = logging.getLogger(__name__)

# Other workstations and the POS write to the same database; this is how soon we notice.
POLL_INTERVAL_MS = 3000


class DeskContext(QObject):
    """Runs queries and use cases off the GUI thread and tells every window what changed."""

    ledger_changed = Signal()
    database_online = Signal(bool)
    actor_changed = Signal(object)  # the Actor now signed in, after a switch of user

    def __init__(self, database: Database, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self._stamp: tuple[int, ...] | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(POLL_INTERVAL_MS)
        self._watch.timeout.connect(self.check_for_changes)

    def query(self, parent: QObject | None, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
        """An op that reads: ``fn(session, *args)`` in its own transaction."""

        def work() -> T:
            with self.database.unit_of_work() as session:
                return fn(session, *args, **kwargs)

        return Op(parent, work)

    def change(self, parent: QObject | None, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
        """An op that writes: ``use_case(session, actor, *args)``, committed whole or not at all.

        On success every open window is told the ledger changed, before the caller's callback.
        """

        def work() -> T:
            with self.database.unit_of_work() as session:
                result = use_case(session, self.actor, *args, **kwargs)
            # Emitted from the worker after the commit: Qt queues it to the GUI thread, ahead of
            # the op's own callbacks, and it arrives even if ``parent`` has been closed since.
            self.ledger_changed.emit()
            return result

        return Op(parent, work)

    def set_actor(self, actor: Actor) -> None:
        """Another user signed in at this desk: what runs from now on runs as them."""
        self.actor = actor
        self.actor_changed.emit(actor)

    def start_watching(self) -> None:
        self._watch.start()

    def stop_watching(self) -> None:
        self._watch.stop()

    def check_for_changes(self) -> None:
        self.query(self, ledger_stamp).success(self._compare_stamp).failure(self._unreachable).run()

    def _compare_stamp(self, stamp: tuple[int, ...]) -> None:
        self.database_online.emit(True)
        if self._stamp is not None and stamp != self._stamp:
            self.ledger_changed.emit()
        self._stamp = stamp

    def _unreachable(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):  # the program is closing: the poll was stopped, not refused
            return
        # A shared server may be briefly away; the status bar says so and the next poll retries.
        logger.warning("database unreachable: %s", exc)
        self.database_online.emit(False)

