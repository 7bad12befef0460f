"""The reservation card window's shared ground: the tabs, and what its parts use of each other."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QPushButton, QSplitter, QTableView, QTabWidget, QWidget

from desk.hotel.names import Names
from desk.ledger.folios import FolioView
from desk.stays.reservation_card import PreAuthorisation, ReservationCardData, SavedCard
from ui.context import DeskContext
from ui.reservation_card.models import BillsModel, PaymentsModel, PostingsModel, PreAuthorisationsModel, SavedCardsModel
from ui.reservation_card.tables import ColumnFitter

SERVICES_TAB = 0
BILLS_TAB = 1


class CardWindowBase(QMainWindow):
    """What the parts of the reservation card's window share: its state, its widgets, a few helpers.

    Each part (:mod:`~ui.reservation_card.header`, :mod:`~ui.reservation_card.holds`,
    :mod:`~ui.reservation_card.breakdown`, :mod:`~ui.reservation_card.actions`) builds its widgets
    and keeps them on the window; what one part uses of another's is declared here. Texts are
    translated in the context of the window, ``ReservationCard``.
    """

    ctx: DeskContext
    folio_id: int
    card: ReservationCardData | None
    last_dialog: QWidget | None
    chooser: QMenu | None
    _restoring: bool

    postings_model: PostingsModel
    bills_model: BillsModel
    payments_model: PaymentsModel
    saved_cards_model: SavedCardsModel
    pre_authorisations_model: PreAuthorisationsModel

    # the header
    tab_text: str = ""  # the card's tab: guest and room
    owner_label: QLabel
    updated_label: QLabel
    # the credit card section
    pre_authorisations_box: QWidget
    saved_cards_view: QTableView
    pre_authorisations_view: QTableView
    hold_advice_label: QLabel
    # the breakdown
    tabs: QTabWidget
    postings_view: QTableView
    postings_total_label: QLabel
    bills_view: QTableView
    bills_splitter: QSplitter
    payments_view: QTableView
    action_button: QPushButton
    _fitters: list[ColumnFitter]
    # the actions
    bill_actions: list[QAction | None]
    view_details_action: QAction
    make_payment_action: QAction
    make_refund_action: QAction
    move_services_action: QAction
    split_bill_action: QAction
    print_bill_action: QAction
    issue_invoice_action: QAction
    invoice_company_bills_action: QAction
    print_receipt_action: QAction
    print_copy_action: QAction
    print_card_slip_action: QAction
    void_action: QAction
    add_service_action: QAction
    deposit_action: QAction
    check_in_action: QAction
    check_out_action: QAction
    card_payment_action: QAction
    card_refund_action: QAction
    pre_authorise_action: QAction
    capture_action: QAction
    release_action: QAction
    print_hold_slip_action: QAction
    charge_saved_action: QAction
    pre_authorise_saved_action: QAction
    new_card_action: QAction
    reader_card_action: QAction
    reload_action: QAction
    close_action: QAction
    check_in_button: QPushButton
    check_out_button: QPushButton

    def _update_actions(self) -> None:
        """Enable the actions that make sense for what is selected now (the actions part)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Load the folio again (the window)."""
        raise NotImplementedError

    def current_saved_card(self) -> SavedCard | None:
        """The saved card selected (the Credit card section)."""
        raise NotImplementedError

    def current_hold(self) -> PreAuthorisation | None:
        """The pre-authorisation selected (the Credit card section)."""
        raise NotImplementedError

    @property
    def view(self) -> FolioView | None:
        return None if self.card is None else self.card.folio

    def card_names(self) -> Names:
        return self.card.names if self.card is not None else Names()

    def _action(self, name: str, text: str, slot: Callable[[], object], *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is in this window
        return action

    def _button(self, name: str, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setObjectName(name)
        button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    def _fill(self, menu: QMenu, actions: list[QAction | None]) -> None:
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _show(self, dialog: QWidget) -> QWidget:
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog
