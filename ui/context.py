"""The workstation's shared state: the database, who is signed in, and change notices."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from desk.db.changes import LedgerStamp, poll_changes
from desk.db.engine import Database
from desk.db.runner import Outcome, Runner
from desk.devices.printers import DeviceHub
from desk.mail.outbox import MailWorker
from desk.people.auth import Actor, SignInAgain
from ui.ops.op import Op
from ui.ops.pools import Cancelled, TaskState, WorkerPool, named_pool

if TYPE_CHECKING:  # the card's module is imported when the first card opens, not on the way to sign-in
    from desk.stays.reservation_card import CardCatalogues

T = TypeVar("T")
logger = logging.getLogger(__name__)

# Other workstations and the POS write to the same database; this is how soon we notice. A POS
# posting must show on an open card within 2 s: a poll (an indexed read well under 1 ms, see
# bench/bench_changes.py) every second leaves the card's reload the other second.
POLL_INTERVAL_MS = 1000


class _RunnerThatLocks(Runner):
    """The desk's runner: a use case refused with SignInAgain, on whatever path it ran (a dialog's
    change, a card terminal's or a shift's workflow), also tells the desk, which locks."""

    def __init__(self, database: Database, sign_in_again: Callable[[SignInAgain], object]) -> None:
        super().__init__(database)
        self._sign_in_again = sign_in_again

    def run(self, use_case: Callable[..., T], actor: Actor, *args: Any, **kwargs: Any) -> Outcome[T]:
        try:
            return super().run(use_case, actor, *args, **kwargs)
        except SignInAgain as exc:
            # From a worker, the signal is queued to the GUI thread; the op's own failure still follows.
            self._sign_in_again(exc)
            raise


def device_pool() -> WorkerPool:
    return named_pool("devices", 2)


class DeskContext(QObject):
    """Runs queries and use cases off the GUI thread and tells every window what changed.

    ``folios_changed`` carries the ids of the folios a change touched (a frozenset of int), from
    this desk's use cases and from the poll of other desks' work; a window showing a folio
    reloads only when its id is in it. ``ledger_changed`` follows every change, for lists that
    show many folios at once (the main window's search).
    """

    ledger_changed = Signal()
    folios_changed = Signal(object)
    # The reservation cards' catalogues (CardCatalogues) changed, here or at another workstation.
    catalogues_changed = Signal(object)
    database_online = Signal(bool)
    actor_changed = Signal(object)  # the Actor now signed in, after a switch of user
    devices_changed = Signal()  # the workstation's device settings were (re)loaded
    # A use case found the signed-in user deactivated or demoted (SignInAgain): the desk locks.
    sign_in_again = Signal(object)

    def __init__(self, database: Database, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner: Runner = _RunnerThatLocks(database, self.sign_in_again.emit)
        self.actor = actor
        self._stamp: LedgerStamp | None = None
        # One copy of the catalogues for every open card (see share_catalogues); None until a card loads.
        self.card_catalogues: CardCatalogues | None = None
        # True while a restore replaces the database: nothing of this desk may open a connection to it then
        # (the restore would count this desk as another one still connected).
        self.database_being_replaced = False
        self._watch = QTimer(self)
        self._watch.setInterval(POLL_INTERVAL_MS)
        self._watch.timeout.connect(self.check_for_changes)
        # The workstation's printers, leased from each printer's one owner in the process (see close()).
        self.devices = DeviceHub(actor.workstation)
        # E-receipts: started by the application (start_mail), woken by each receipt with an e-mail.
        self.mailer = MailWorker(database)

    def device_op(self, parent: QObject | None, fn: Callable[[], T] | Callable[[TaskState], T]) -> Op[T]:
        """An op that waits on a device: on its own pool, so the database's work never queues behind it."""
        return Op(parent, fn, pool=device_pool())

    def reload_devices(self, then: Callable[[], Any] | None = None) -> Op[Any]:
        """Read this workstation's device settings again and rebuild the printers that changed."""

        def loaded(_plan: object) -> None:
            self.devices_changed.emit()
            if then is not None:
                then()

        return self.query(self, self.devices.load).success(loaded).failure(
            lambda exc: logger.warning("device settings not loaded: %s", exc)).run()

    def close(self) -> None:
        """At exit, after the ops have stopped: give the printers back (a port nobody else uses closes)."""
        self.devices.close()
        self.mailer.close()

    def query(self, parent: QObject | None, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
        """An op that reads: ``fn(session, *args)`` in its own transaction."""

        def work() -> T:
            return self.runner.read(fn, *args, **kwargs)

        return Op(parent, work)

    def change(self, parent: QObject | None, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
        """An op that writes: ``use_case(session, actor, *args)``, committed whole or not at all.

        On success the windows are told which folios changed, before the caller's callback.
        """

        def work() -> T:
            outcome = self.runner.run(use_case, self.actor, *args, **kwargs)
            # Emitted from the worker after the commit: Qt queues them to the GUI thread, ahead of
            # the op's own callbacks, and they arrive even if ``parent`` has been closed since.
            self.folios_changed.emit(outcome.changed_folios)
            self.ledger_changed.emit()
            return outcome.value

        return Op(parent, work)

    def set_actor(self, actor: Actor) -> None:
        """Another user signed in at this desk: what runs from now on runs as them."""
        self.actor = actor
        self.actor_changed.emit(actor)

    def start_watching(self) -> None:
        # Stamp now: a change made before the first tick would otherwise be taken as the baseline.
        if self._stamp is None:
            self.check_for_changes()
        self._watch.start()

    @property
    def watching_since(self) -> LedgerStamp | None:
        """The ledger stamp the last poll saw (None until the first poll answered)."""
        return self._stamp

    def stop_watching(self) -> None:
        self._watch.stop()

    def share_catalogues(self, catalogues: CardCatalogues) -> None:
        """The catalogues a card just loaded: the ones every card and dialog uses from now on."""
        if catalogues is not self.card_catalogues:
            self.card_catalogues = catalogues
            self.catalogues_changed.emit(catalogues)

    def check_for_changes(self) -> None:
        since = self._stamp
        if self.card_catalogues is None:  # no card has loaded any: only the ledger to watch
            op: Op[tuple[LedgerStamp, frozenset[int]] | tuple[LedgerStamp, frozenset[int], CardCatalogues | None]]
            op = self.query(self, poll_changes, since)
        else:
            from desk.stays.reservation_card import poll_changes_and_catalogues

            op = self.query(self, poll_changes_and_catalogues, since, self.card_catalogues)
        op.success(self._compare_stamp).failure(self._unreachable).run()

    def _compare_stamp(
        self, polled: tuple[LedgerStamp, frozenset[int]] | tuple[LedgerStamp, frozenset[int], CardCatalogues | None]
    ) -> None:
        stamp, folios, *changed = polled
        catalogues = changed[0] if changed else None
        self.database_online.emit(True)
        if self._stamp is not None and stamp != self._stamp:
            self.folios_changed.emit(folios)
            self.ledger_changed.emit()
        self._stamp = stamp
        if catalogues is not None:
            self.share_catalogues(catalogues)

    def _unreachable(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):  # the program is closing: the poll was stopped, not refused
            return
        # A shared server may be briefly away; the status bar says so and the next poll retries.
        logger.warning("database unreachable: %s", exc)
        self.database_online.emit(False)

