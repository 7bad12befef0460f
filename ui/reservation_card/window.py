"""The reservation card's window: a folio's header, its Credit card section, and its Services breakdown.

:func:`open_reservation_card` loads everything the card shows off the GUI thread
(``desk.stays.reservation_card.load_reservation_card``)
and only then shows the window, one per folio. The card reloads when ``ctx.folios_changed``
names its folio (a dialog, another workstation, a POS posting), not after every change anywhere,
and keeps the user's place (:mod:`ui.reservation_card.breakdown`).

Cards open as tabs of the desk's one cards window (:mod:`~ui.reservation_card.cards_window`), not
as a window each: a shown window keeps its own backing store of pixels (issue 23).

The card is put together from its parts: :mod:`~ui.reservation_card.header`,
:mod:`~ui.reservation_card.holds`, :mod:`~ui.reservation_card.breakdown` and
:mod:`~ui.reservation_card.actions`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QMenu, QVBoxLayout, QWidget

from desk.stays.reservation_card import (
    CardCatalogues,
    ReservationCardData,
    load_reservation_card,
    reload_reservation_card,
)
from ui.context import ChangeNotice, DeskContext, Reread
from ui.desk_text import error_text
from ui.dialogs.common import DeskDialog
from ui.i18n import current_language, local_date_time
from ui.ops.delivery import runs_for
from ui.ops.feedback import ProgressDialog, show_error
from ui.ops.tab_modal import host_dialogs, is_open
from ui.reservation_card.actions import CardActions
from ui.reservation_card.breakdown import Place
from ui.reservation_card.cards_window import RestingCard, cards_window_for
from ui.reservation_card.header import CardHeader
from ui.reservation_card.models import BillsModel, PaymentsModel, PostingsModel, PreAuthorisationsModel, SavedCardsModel

logger = logging.getLogger(__name__)

_open_cards: dict[int, ReservationCard | RestingCard] = {}


def open_reservation_card(ctx: DeskContext, folio_id: int, parent: QWidget | None = None) -> ReservationCard:
    """The folio's card: loaded off the GUI thread, then shown in a tab of the cards window (made
    with ``parent`` if there is none); an open card's tab is brought forward instead."""
    card = _open_cards.get(folio_id)
    if isinstance(card, RestingCard) and shiboken6.isValid(card) and card.ctx is ctx:
        cards_window_for(ctx, parent).bring_forward(card)  # built again as it was left
        card = _open_cards.get(folio_id)
    if isinstance(card, ReservationCard) and shiboken6.isValid(card) and card.ctx is ctx:
        if card.card is not None:
            cards_window_for(ctx, parent).bring_forward(card)
        return card
    card = ReservationCard(ctx, folio_id, parent)
    _open_cards[folio_id] = card
    card.load_and_show()
    return card


@dataclasses.dataclass(frozen=True)
class _KeptCard:
    """What a resting card keeps: its data and where the clerk was."""

    opener: QWidget | None
    card: ReservationCardData
    breakdown_tab: int
    place: Place


def _wake(resting: RestingCard) -> ReservationCard:
    kept: _KeptCard = resting.state
    card = ReservationCard(resting.ctx, resting.folio_id, kept.opener)
    card._shown_once = True  # its tab is there: the swap puts it in
    _open_cards[card.folio_id] = card
    card.show_card(kept.card)
    card.tabs.setCurrentIndex(kept.breakdown_tab)
    card._place_to_restore = kept.place  # scrolls need the shown page's size: see showEvent
    card.reload()  # what changed while it rested: only the new postings are read
    return card


def _reread(shown: ReservationCardData) -> Callable[[Any], ReservationCardData]:
    """The card's reload from ``shown``, for a change's own work to run (ctx.reread_after_changes)."""
    return lambda session: reload_reservation_card(session, shown, current_language())


def _forget(resting: RestingCard) -> None:
    if _open_cards.get(resting.folio_id) is resting:
        del _open_cards[resting.folio_id]


class ReservationCard(CardActions, CardHeader):
    """One folio's card: a reservation's, or a company's, an event's or a walk-in client's."""

    loaded = Signal()  # a (re)load has been shown
    closed = Signal()  # the card agreed to close: its tab goes

    def __init__(self, ctx: DeskContext, folio_id: int, parent: QWidget | None = None) -> None:
        super().__init__()  # a tab's page once loaded, not a window of its own
        self.opener = parent  # where a card that could not be loaded says so
        host_dialogs(self)  # its messages and waits open over it and block it alone, not the other cards
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("reservationCard")
        self.setWindowTitle(self.tr("Card"))
        self.ctx = ctx
        self.folio_id = folio_id
        self.card: ReservationCardData | None = None
        self.last_dialog: QWidget | None = None
        self.chooser: QMenu | None = None  # the open choice of a bill's orders, if any
        self._loading = False
        self._reload_pending = False
        self._restoring = False
        self._shown_once = False
        self._place_to_restore: Place | None = None
        self._following = True
        # Stands for this card in what the database thread holds (ctx.reread_after_changes): never the card itself.
        self._reread_owner = object()

        self.postings_model = PostingsModel(self)
        self.bills_model = BillsModel(self)
        self.payments_model = PaymentsModel(self)
        self.saved_cards_model = SavedCardsModel(self)
        self.pre_authorisations_model = PreAuthorisationsModel(self)

        self._build_actions()
        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_buttons())
        layout.addWidget(self._build_credit_card())
        layout.addWidget(self._build_breakdown(), 1)
        self._build_menus()
        self.resize(1180, 760)

        ctx.folios_changed.connect(self._folios_changed)
        ctx.catalogues_changed.connect(self._catalogues_changed)
        # However the card goes (a closed one has stopped already), nothing is read again for it.
        self.destroyed.connect(functools.partial(ctx.stop_rereading, folio_id, self._reread_owner))
        self._update_actions()

    def load_and_show(self) -> None:
        """Load the card off the GUI thread; show the window when its data is there."""
        self.reload()

    @Slot(object)
    def _folios_changed(self, folio_ids: frozenset[int]) -> None:
        if self.folio_id not in folio_ids:
            return
        # This desk's change read the card again from what it shows: shown at once. Not while a
        # reload runs, which was asked from the same card and would come back after it.
        read = (folio_ids.read_for(self.folio_id, self._reread_owner, self.card)
                if isinstance(folio_ids, ChangeNotice) and not self._loading else None)
        if isinstance(read, ReservationCardData):
            self._show_loaded(read)
        else:
            self.reload()

    def reload(self) -> None:
        """Load the folio again; a reload asked for while one runs follows it."""
        if self._loading:
            self._reload_pending = True
            return
        self._loading = True
        # The desk's catalogues are checked, and read again only if they changed (issue 23).
        catalogues = self.ctx.card_catalogues
        if self.card is None:
            op = self.ctx.query(self, load_reservation_card, self.folio_id, current_language(), catalogues)
        else:  # reads only the postings the card does not show yet
            op = self.ctx.query(self, reload_reservation_card, self.card, current_language(), catalogues)
        op.success(self._loaded).failure(self._load_failed).run()

    def _loaded(self, card: ReservationCardData) -> None:
        self._loading = False
        if self._reload_pending:
            self._reload_pending = False
            self.reload()  # a newer change is already known: show that one instead
            return
        self._show_loaded(card)

    def _show_loaded(self, card: ReservationCardData) -> None:
        self.show_card(card)
        self.ctx.share_catalogues(card.catalogues)
        if not self._shown_once:
            self._shown_once = True
            cards_window_for(self.ctx, self.opener).add(self)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if not self._shown_once:
            show_error(self.opener, exc)
            _open_cards.pop(self.folio_id, None)
            self.deleteLater()
            return
        # A shared server may be away for a moment: say so quietly, the next change retries.
        logger.warning("card %s could not be reloaded: %s", self.folio_id, exc)
        self.statusBar().showMessage(self.tr("Could not refresh the card: {error}").format(error=error_text(exc)))
        if self._reload_pending:
            self._reload_pending = False
            self.reload()

    @Slot(object)
    def _catalogues_changed(self, catalogues: CardCatalogues) -> None:
        """Another card or the desk's poll read newer catalogues: the next dialog offers those."""
        shown = self.card
        if shown is None or shown.catalogues is catalogues or shown.catalogues.language != catalogues.language:
            return
        self.show_card(dataclasses.replace(shown, catalogues=catalogues))

    @property
    def is_loaded(self) -> bool:
        return self.card is not None

    def show_card(self, card: ReservationCardData) -> None:
        """Show ``card``'s data, keeping the user's tab, selections and scroll positions."""
        place = self._save_place() if self.card is not None else None
        # Kept without the changes it brought: they hold the view before it, which the card no longer shows.
        self.card = card if card.changes is None else dataclasses.replace(card, changes=None)
        view = card.folio
        self._show_header(card)
        self.show_guests()
        self.saved_cards_model.set_items(card.saved_cards)
        self.pre_authorisations_model.names = card.names
        self.pre_authorisations_model.set_items(card.pre_authorisations)
        self.hold_advice_label.setVisible(any(h.is_old for h in card.pre_authorisations))

        self._restoring = True
        try:
            for model in (self.postings_model, self.bills_model, self.payments_model):
                model.names = card.names
            self.postings_model.set_view(view, card.changes)  # only the lines a reload changed
            self.bills_model.set_view(view)
            self.payments_model.set_receipts(card.receipts)
            # The kept bill's payments straight away: through no bill at all, the table would be
            # emptied and filled again, its selection lost (issue 23).
            self.payments_model.set_view(view, place.bill_id if place is not None else None)
            if place is None:
                place = Place(bill_id=view.bills[0].bill.id if view.bills else None)
            self._restore_place(place)
        finally:
            self._restoring = False
        for fitter in self._fitters:
            fitter.fit()
        self.postings_total_label.setText(self.services_footer(view))
        self._show_updated(local_date_time(datetime.now().astimezone())[1])
        self._update_actions()
        if self._following:
            self.ctx.reread_after_changes(self.folio_id, Reread(self._reread_owner, self.card, _reread(self.card)))
        self.loaded.emit()

    def can_rest(self) -> bool:
        """Nothing of the card is in use but its widgets: no dialog open (even set aside with its tab),
        no device wait, no work of its own still to answer."""
        return (self.card is not None and not self._loading and not self._reload_pending
                and self._place_to_restore is None
                and self.open_dialog() is None
                and not (self.chooser is not None and shiboken6.isValid(self.chooser) and self.chooser.isVisible())
                and not self.is_waiting_on_device() and not runs_for(self))

    def open_dialog(self) -> QDialog | None:
        """The card's dialog in front, if one is open (shown, or set aside with its tab): the last
        opened over the others."""
        open_dialogs = [dialog for dialog in self.findChildren(QDialog) if is_open(dialog)]
        return next((dialog for dialog in reversed(open_dialogs)
                     if not any(is_open(inner) for inner in dialog.findChildren(QDialog))), None)

    def keeps_open(self) -> bool:
        """The card refuses to close: a dialog of it is open or its device is working."""
        return self.is_waiting_on_device() or self.open_dialog() is not None

    def rest(self) -> RestingCard:
        """Its resting tab, keeping where the clerk was; the card then stops following changes and
        is deleted by its window (its data is kept, so coming back is quick)."""
        assert self.card is not None
        kept = _KeptCard(self.opener, self.card, self.tabs.currentIndex(), self._save_place())
        resting = RestingCard(self.ctx, self.folio_id, kept, _wake, _forget)
        resting.setWindowTitle(self.windowTitle())
        self._stop_following()
        _open_cards[self.folio_id] = resting
        return resting

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        place, self._place_to_restore = self._place_to_restore, None
        if place is not None:
            self._restoring = True
            try:
                self._restore_place(place)
            finally:
                self._restoring = False
            self._update_actions()

    def _stop_following(self) -> None:
        self._following = False
        self.ctx.stop_rereading(self.folio_id, self._reread_owner)
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.folios_changed.disconnect(self._folios_changed)
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.catalogues_changed.disconnect(self._catalogues_changed)

    def is_waiting_on_device(self) -> bool:
        """A dialog of this card has its work running (a terminal's wait, a payment being written):
        closing the card now would hide how it ended."""
        return (any(dialog.is_busy for dialog in self.findChildren(DeskDialog))
                or any(is_open(wait) for wait in self.findChildren(ProgressDialog)))

    def _show_updated(self, time: str) -> None:
        text = self.tr("Updated {time}").format(time=time)
        label = self.updated_label
        # Its width fixed once for any time of day: a new time then repaints the label alone instead
        # of laying the whole card out again at every reload (issue 23).
        metrics = label.fontMetrics()
        needed = max(metrics.horizontalAdvance(self.tr("Updated {time}").format(time="88:88:88")),
                     metrics.horizontalAdvance(text)) + 4
        if label.minimumWidth() < needed or label.maximumWidth() != label.minimumWidth():
            label.setFixedSize(needed, metrics.height() + 4)
        label.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_waiting_on_device():
            self.statusBar().showMessage(self.tr(
                "This card's dialog is still working: wait for its answer or press its Cancel first."))
            event.ignore()
            return
        dialog = self.open_dialog()
        if dialog is not None:
            # What the clerk was doing in it would go unseen: the card and its dialog come forward,
            # as a document with unsaved work does, and the clerk finishes or cancels it.
            cards_window_for(self.ctx, self.opener).bring_forward(self)
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
            self.statusBar().showMessage(self.tr(
                "This card has a dialog open: finish it or press its Cancel, then close the card."))
            event.ignore()
            return
        if _open_cards.get(self.folio_id) is self:
            del _open_cards[self.folio_id]
        self._stop_following()
        super().closeEvent(event)
        self.closed.emit()
