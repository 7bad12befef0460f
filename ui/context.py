"""The workstation's shared state: the database, who is signed in, and change notices."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True, eq=False)
class Reread:
    """What a window showing a folio would read after a change of it, read instead by the change's
    own work (:meth:`DeskContext.reread_after_changes`): ``read(session)`` brings ``shown`` up to date.

    Only plain values here, nothing of Qt: the database thread holds it, and may drop it last.
    ``owner`` is a token of the window's own, never the window."""

    owner: object
    shown: object
    read: Callable[[Any], object]  # given the read unit's session


class ChangeNotice(frozenset[int]):
    """What ``folios_changed`` carries: the ids of the folios a change touched; and, from this
    desk's own changes, what was read again for the windows that follow them, by folio: the
    :class:`Reread` asked for and what it read."""

    reread: Mapping[int, tuple[Reread, object]]

    def __new__(cls, folios: Iterable[int], reread: Mapping[int, tuple[Reread, object]] | None = None) -> ChangeNotice:
        notice = super().__new__(cls, folios)
        notice.reread = reread or {}
        return notice

    def __reduce__(self) -> tuple[type[ChangeNotice], tuple[list[int]]]:
        # A copy or a pickle keeps the folios and drops what was read: that data holds the reads'
        # functions, and a window given a copy reads for itself.
        return ChangeNotice, (list(self),)

    def read_for(self, folio_id: int, owner: object, shown: object) -> object | None:
        """What was read for ``owner``'s window of ``folio_id`` from ``shown``; None if nothing was, or
        it was read from another state than ``shown`` (the window has shown other data since)."""
        read = self.reread.get(folio_id)
        if read is None or read[0].owner is not owner or read[0].shown is not shown:
            return None
        return read[1]


def device_pool() -> WorkerPool:
    return named_pool("devices", 2)


class DeskContext(QObject):
    """Runs queries and use cases off the GUI thread and tells every window what changed.

    ``folios_changed`` carries the ids of the folios a change touched (a frozenset of int), from
    this desk's use cases and from the poll of other desks' work; a window showing a folio
    reloads only when its id is in it. From this desk's use cases it is a :class:`ChangeNotice`,
    which may bring the window's new data already read (:meth:`reread_after_changes`).
    ``ledger_changed`` follows every change, for lists that show many folios at once (the main
    window's search).
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
        # By folio, what this desk's changes read again for the window showing it (reread_after_changes).
        # Set and removed on the GUI thread; the database thread only looks entries up.
        self._rereads: dict[int, Reread] = {}

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

        On success the windows are told which folios changed (``folios_changed``, then
        ``ledger_changed``), with what was read again for the windows following them
        (:meth:`reread_after_changes`): once the op has given its widgets back, before the caller's
        callback, and even if ``parent`` has been closed since.
        """
        notices: list[ChangeNotice] = []  # the worker's, told on the GUI thread

        def work() -> T:
            outcome = self.runner.run(use_case, self.actor, *args, **kwargs)
            notices.append(ChangeNotice(outcome.changed_folios, self._reread(outcome.changed_folios)))
            return outcome.value

        def tell() -> None:
            # Not emitted from the worker: a window's new data shown before the op gave its widgets
            # back would have them enabled again over what the window just decided.
            for notice in notices:
                self.folios_changed.emit(notice)
                self.ledger_changed.emit()

        return Op(parent, work).released(tell)

    def reread_after_changes(self, folio_id: int, reread: Reread) -> None:
        """From the GUI thread: what this desk's changes of ``folio_id`` read again, right after their
        commit on the database thread, for the window showing it. The window gets it in
        ``folios_changed`` (:meth:`ChangeNotice.read_for`) instead of asking for a read of its own,
        which would go to the database thread and back once more, and wait behind whatever was queued
        there meanwhile (issue 23). Changes of other desks (the poll) bring no such data: the window
        reads for itself."""
        self._rereads[folio_id] = reread

    def stop_rereading(self, folio_id: int, owner: object) -> None:
        """From the GUI thread: ``owner``'s window no longer shows the folio."""
        reread = self._rereads.get(folio_id)
        if reread is not None and reread.owner is owner:
            del self._rereads[folio_id]

    def _reread(self, folios: frozenset[int]) -> dict[int, tuple[Reread, object]]:
        """On the database thread after a change's commit: the folios' rereads, in one read unit of
        their own (the write lock already released). Should it fail, the change still succeeded: each
        window then reads for itself, as after another desk's change."""
        # Looked up one by one: the GUI thread may add or remove entries meanwhile.
        asked = {folio: reread for folio in folios if (reread := self._rereads.get(folio)) is not None}
        if not asked or self.database_being_replaced:
            return {}
        try:
            return self.runner.read(lambda session: {folio: (reread, reread.read(session))
                                                     for folio, reread in asked.items()})
        except Exception as exc:  # whatever it was, the windows read for themselves
            logger.warning("the changed folios' windows were not read again: %s", exc)
            return {}

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

