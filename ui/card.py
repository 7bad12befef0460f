"""The reservation card: a folio's header, its Credit card section, and its Services breakdown.

:func:`open_reservation_card` loads everything the card shows off the GUI thread
(``desk.stays.reservation_card.load_reservation_card``)
and only then shows the window, one per folio. The card reloads when ``ctx.folios_changed``
names its folio (a dialog, another workstation, a POS posting), not after every change anywhere,
and keeps the user's place: the tab, the selected bill, posting rows and payment, and the scroll
positions.

Bills are acted on from the **Action** menu (a button beside the tabs, and the menu bar):
the bill is the one selected on **Bills and payments**, or, on **Accommodation and services**,
the bill of the selected posting. Clicking a bill's **Services** cell opens the service details
(R5): directly when the bill has one order, otherwise a short menu of its orders to choose from
(a clerk asking "what is on this bill?" wants one order's composition, not all of them at once).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.cards.operations import HOLD_WARN_DAYS
from desk.cards.terminals import TerminalInfo, list_terminals
from desk.core.money import Money, total
from desk.core.types import DocumentRenderer
from desk.hotel.names import Names
from desk.ledger.folios import BillView, FolioView, PaymentLine, PostingLine
from desk.ledger.models import Folio, PostingKind
from desk.ledger.payments import void_refusal
from desk.stays import reservations as stays
from desk.stays.models import ReservationStatus
from desk.stays.reservation_card import PreAuthorisation, ReservationCardData, load_reservation_card
from ui import dialogs
from ui.card_models import (
    DEPOSIT_ACCOUNT,
    BillsModel,
    PaymentsModel,
    PostingsModel,
    PreAuthorisationsModel,
    SavedCardsModel,
    local_date_time,
    money_text,
)
from ui.context import DeskContext
from ui.desk_text import error_text
from ui.dialogs.card import CardOperation, CardTerminalDialog, print_card_slip_later
from ui.i18n import current_language, format_date
from ui.ops.feedback import show_error

__all__ = ["ReservationCard", "bill_pdf_directory", "open_document", "open_reservation_card"]

logger = logging.getLogger(__name__)

SERVICES_TAB = 0
BILLS_TAB = 1

# Rows sampled when fitting columns to their contents: enough to be right, few enough to be fast.
RESIZE_PRECISION = 25
# No column is fitted wider than this many average characters; longer texts are elided.
MAX_COLUMN_CHARS = 45

BillRenderer = DocumentRenderer

_open_cards: dict[int, ReservationCard] = {}


def open_reservation_card(ctx: DeskContext, folio_id: int, parent: QWidget | None = None) -> ReservationCard:
    """The folio's card: loaded off the GUI thread, then shown; an open card is raised instead."""
    card = _open_cards.get(folio_id)
    if card is not None and shiboken6.isValid(card) and card.ctx is ctx:
        if card.card is not None:
            card.show()
            card.raise_()
            card.activateWindow()
        return card
    card = ReservationCard(ctx, folio_id, parent)
    _open_cards[folio_id] = card
    card.load_and_show()
    return card


def bill_pdf_directory() -> Path:
    """Where printed bills are saved (the clerk is told where, and may open them from there)."""
    from desk.reports import documents_folder

    return documents_folder()


def open_document(path: Path) -> bool:
    """Open a file in the desktop's viewer; False if there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def bill_renderer() -> BillRenderer | None:
    """``desk.reports.render_bill_pdf``, or None while the reports are not there."""
    try:
        from desk.reports import render_bill_pdf
    except ImportError:
        logger.warning("desk.reports.render_bill_pdf is not available", exc_info=True)
        return None
    return render_bill_pdf  # type: ignore[no-any-return]


@dataclass
class _Place:
    """Where the user was, kept across a reload."""

    bill_id: int | None = None
    posting_ids: list[int] = field(default_factory=list)
    current_posting_id: int | None = None
    payment_id: int | None = None
    scrolls: dict[str, tuple[int, int]] = field(default_factory=dict)


def _table(name: str, model: Any, *, multi: bool = False) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(RESIZE_PRECISION)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return view


def _fit_columns(view: QTableView, rows: int = RESIZE_PRECISION, *, keep: Collection[int] = ()) -> None:
    """Each column as wide as its header and its texts in the first ``rows`` rows.

    Qt's resizeColumnsToContents asks every role of every sampled cell from Python; measuring the
    texts ourselves is several times faster on a large folio. Columns in ``keep`` are left alone.
    """
    model = view.model()
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    padding = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 8
    widest = metrics.averageCharWidth() * MAX_COLUMN_CHARS
    sample = [model.texts(row) for row in range(min(rows, model.rowCount()))]
    for column in range(model.columnCount()):
        if column in keep:
            continue
        text_width = max((metrics.horizontalAdvance(texts[column]) for texts in sample), default=0)
        header.resizeSection(column, max(header.sectionSizeHint(column), min(text_width + padding, widest)))


class ColumnFitter:
    """Fits a table's columns to what it shows after every load, except the ones the user resized.

    A width the user dragged is theirs until the window closes; every other column follows the
    data, so an amount that grew a digit is never cut to "EUR 10...".
    """

    def __init__(self, view: QTableView) -> None:
        self.view = view
        self.user_sized: set[int] = set()
        self._fitting = False
        view.horizontalHeader().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        header = self.view.horizontalHeader()
        # The stretched last column follows the window, not the user.
        if not self._fitting and column != header.count() - 1 and header.isVisible():
            self.user_sized.add(column)

    def fit(self) -> None:
        self._fitting = True
        try:
            _fit_columns(self.view, keep=self.user_sized)
        finally:
            self._fitting = False


def _with_empty_text(view: QTableView, text: str, name: str) -> QLabel:
    """A message shown inside an empty table (its headers still say what it will hold)."""
    label = QLabel(text, view.viewport())
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setEnabled(False)
    layout = QVBoxLayout(view.viewport())
    layout.addWidget(label)
    model = view.model()

    def update() -> None:
        label.setVisible(model.rowCount() == 0)

    model.modelReset.connect(update)
    update()
    return label


class ReservationCard(QMainWindow):
    """One folio's card: a reservation's, or a company's, an event's or a walk-in client's."""

    loaded = Signal()  # a (re)load has been shown

    def __init__(self, ctx: DeskContext, folio_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
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
        self._update_actions()

    # --- building ---------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Callable[[], None], *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is in this window
        return action

    def _build_actions(self) -> None:
        self.view_details_action = self._action(
            "viewDetailsAction", self.tr("View service &details"), self.view_service_details, "Ctrl+I")
        self.make_payment_action = self._action(
            "makePaymentAction", self.tr("Make &payment…"), self.make_payment, "Ctrl+P")
        self.make_refund_action = self._action(
            "makeRefundAction", self.tr("Make &refund…"), self.make_refund, "Ctrl+R")
        self.move_services_action = self._action(
            "moveServicesAction", self.tr("&Move services to another bill…"), self.move_services, "Ctrl+M")
        self.split_bill_action = self._action(
            "splitBillAction", self.tr("&Split bill…"), self.split_bill, "Ctrl+Shift+S")
        self.print_bill_action = self._action(
            "printBillAction", self.tr("Print &bill (PDF)"), self.print_bill, "Ctrl+Shift+P")
        self.print_receipt_action = self._action(
            "printReceiptAction", self.tr("Print r&eceipt…"), self.print_receipt, "Ctrl+Shift+R")
        self.print_card_slip_action = self._action(
            "printCardSlipAction", self.tr("Print card s&lip"), self.print_card_slip)
        self.void_action = self._action("voidAction", self.tr("&Void…"), self.void, "Ctrl+Del")
        self.add_service_action = self._action(
            "addServiceAction", self.tr("Add &service…"), self.add_service, "Ctrl+N")
        self.deposit_action = self._action("depositAction", self.tr("&Deposit…"), self.deposit, "Ctrl+D")
        self.check_in_action = self._action("checkInAction", self.tr("Check &in"), self.check_in, "Ctrl+Shift+I")
        self.check_out_action = self._action(
            "checkOutAction", self.tr("Check &out…"), self.check_out, "Ctrl+Shift+O")
        self.card_payment_action = self._action(
            "cardPaymentAction", self.tr("Pay by car&d on the terminal…"), self.card_payment, "Ctrl+Shift+C")
        self.card_refund_action = self._action(
            "cardRefundAction", self.tr("Refund to the card on the terminal…"), self.card_refund)
        self.pre_authorise_action = self._action(
            "preAuthoriseAction", self.tr("Pre-&authorise…"), self.pre_authorise)
        self.capture_action = self._action("captureAction", self.tr("Ca&pture…"), self.capture_hold)
        self.release_action = self._action("releaseAction", self.tr("Re&lease…"), self.release_hold)
        self.print_hold_slip_action = self._action(
            "printHoldSlipAction", self.tr("Print card slip"), self.print_hold_slip)
        self.reload_action = self._action("reloadAction", self.tr("&Reload"), self.reload, "F5")
        self.close_action = self._action("closeAction", self.tr("&Close"), self.close, "Esc", "Ctrl+W")
        self.bill_actions = [
            self.view_details_action, self.make_payment_action, self.card_payment_action, self.make_refund_action,
            self.card_refund_action, self.move_services_action, self.split_bill_action, self.print_bill_action,
            self.print_receipt_action, self.print_card_slip_action, None, self.void_action,
        ]

    def _fill(self, menu: QMenu, actions: list[QAction | None]) -> None:
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        card_menu = bar.addMenu(self.tr("&Card"))
        card_menu.setObjectName("cardMenu")
        self._fill(card_menu, [
            self.add_service_action, self.deposit_action, None, self.check_in_action, self.check_out_action, None,
            self.reload_action, self.close_action,
        ])
        action_menu = bar.addMenu(self.tr("&Action"))
        action_menu.setObjectName("actionMenu")
        self._fill(action_menu, self.bill_actions)

    def _build_header(self) -> QGridLayout:
        grid = QGridLayout()
        self.owner_label = QLabel()
        self.owner_label.setObjectName("ownerLabel")
        font = QFont(self.owner_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.owner_label.setFont(font)
        self.owner_label.setWordWrap(True)
        self.owner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel()
        self.details_label.setObjectName("detailsLabel")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        bold = QFont(self.status_label.font())
        bold.setBold(True)
        self.status_label.setFont(bold)

        self.balance_label = QLabel()
        self.balance_label.setObjectName("balanceLabel")
        self.balance_label.setFont(font)
        self.balance_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.balance_label.setToolTip(self.tr("What the bills still owe, less the deposit held on account"))
        self.equivalents_label = QLabel()
        self.equivalents_label.setObjectName("equivalentsLabel")
        self.equivalents_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.equivalents_label.setWordWrap(True)
        self.deposit_label = QLabel()
        self.deposit_label.setObjectName("depositLabel")
        self.deposit_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        grid.addWidget(self.owner_label, 0, 0)
        grid.addWidget(self.details_label, 1, 0)
        grid.addWidget(self.status_label, 2, 0)
        grid.addWidget(self.balance_label, 0, 1)
        grid.addWidget(self.equivalents_label, 1, 1)
        grid.addWidget(self.deposit_label, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return grid

    def _button(self, name: str, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setObjectName(name)
        button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_service_button = self._button("addServiceButton", self.add_service_action)
        self.deposit_button = self._button("depositButton", self.deposit_action)
        self.check_in_button = self._button("checkInButton", self.check_in_action)
        self.check_out_button = self._button("checkOutButton", self.check_out_action)
        for button in (self.add_service_button, self.deposit_button, self.check_in_button, self.check_out_button):
            row.addWidget(button)
        row.addStretch(1)
        self.updated_label = QLabel()
        self.updated_label.setObjectName("updatedLabel")
        self.updated_label.setEnabled(False)
        row.addWidget(self.updated_label)
        return row

    def _build_credit_card(self) -> QGroupBox:
        box = QGroupBox(self.tr("Credit card"))
        box.setObjectName("creditCardBox")
        row = QHBoxLayout(box)

        saved = QVBoxLayout()
        saved.addWidget(QLabel(self.tr("Saved cards")))
        self.saved_cards_view = _table("savedCardsView", self.saved_cards_model)
        self.saved_cards_empty = _with_empty_text(self.saved_cards_view, self.tr("No saved cards"),
                                                  "noSavedCardsLabel")
        saved.addWidget(self.saved_cards_view)
        row.addLayout(saved, 3)

        self.pre_authorisations_box = QWidget()
        pre = QVBoxLayout(self.pre_authorisations_box)
        pre.setContentsMargins(0, 0, 0, 0)
        pre.addWidget(QLabel(self.tr("Pre-authorisations")))
        self.pre_authorisations_view = _table("preAuthorisationsView", self.pre_authorisations_model)
        self.pre_authorisations_empty = _with_empty_text(
            self.pre_authorisations_view, self.tr("No pre-authorisations"), "noPreAuthorisationsLabel")
        pre.addWidget(self.pre_authorisations_view)
        self.pre_authorisations_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.hold_advice_label = QLabel(self.tr(
            "A pre-authorisation older than {days} days may already be released by the bank: "
            "pre-authorise close to arrival.").format(days=HOLD_WARN_DAYS))
        self.hold_advice_label.setObjectName("holdAdviceLabel")
        self.hold_advice_label.setWordWrap(True)
        self.hold_advice_label.setStyleSheet("color: #b00020")
        self.hold_advice_label.hide()
        pre.addWidget(self.hold_advice_label)
        hold_buttons = QHBoxLayout()
        self.pre_authorise_button = self._button("preAuthoriseButton", self.pre_authorise_action)
        self.capture_button = self._button("captureButton", self.capture_action)
        self.release_button = self._button("releaseButton", self.release_action)
        self.print_hold_slip_button = self._button("printHoldSlipButton", self.print_hold_slip_action)
        for button in (self.pre_authorise_button, self.capture_button, self.release_button,
                       self.print_hold_slip_button):
            hold_buttons.addWidget(button)
        hold_buttons.addStretch(1)
        pre.addLayout(hold_buttons)
        row.addWidget(self.pre_authorisations_box, 2)

        for view in (self.saved_cards_view, self.pre_authorisations_view):
            rows = view.verticalHeader().defaultSectionSize()
            view.setMaximumHeight(view.horizontalHeader().sizeHint().height() + rows * 3 + 2 * view.frameWidth())
        return box

    def _build_breakdown(self) -> QGroupBox:
        box = QGroupBox(self.tr("Services breakdown"))
        box.setObjectName("servicesBreakdownBox")
        layout = QVBoxLayout(box)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("breakdownTabs")
        layout.addWidget(self.tabs)

        services = QWidget()
        services.setObjectName("servicesTab")
        services_layout = QVBoxLayout(services)
        self.postings_view = _table("postingsView", self.postings_model, multi=True)
        self.postings_view.activated.connect(lambda _index: self.view_service_details())
        self.postings_view.selectionModel().selectionChanged.connect(self._postings_selection_changed)
        services_layout.addWidget(self.postings_view)
        self.postings_total_label = QLabel()
        self.postings_total_label.setObjectName("postingsTotalLabel")
        self.postings_total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        services_layout.addWidget(self.postings_total_label)
        self.tabs.addTab(services, self.tr("Accommodation and ser&vices"))

        bills = QWidget()
        bills.setObjectName("billsTab")
        bills_layout = QVBoxLayout(bills)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.bills_view = _table("billsView", self.bills_model)
        self.bills_view.clicked.connect(self._bill_clicked)
        self.bills_view.activated.connect(lambda _index: self.view_service_details())
        self.bills_view.selectionModel().selectionChanged.connect(self._bill_selection_changed)
        self.bills_view.setMouseTracking(True)
        splitter.addWidget(self.bills_view)
        payments = QWidget()
        payments_layout = QVBoxLayout(payments)
        payments_layout.setContentsMargins(0, 0, 0, 0)
        self.payments_label = QLabel()
        self.payments_label.setObjectName("paymentsLabel")
        payments_layout.addWidget(self.payments_label)
        self.payments_view = _table("paymentsView", self.payments_model)
        self.payments_view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.payments_label.setBuddy(self.payments_view)
        payments_layout.addWidget(self.payments_view)
        self._payments_fitter = ColumnFitter(self.payments_view)
        self._fitters = [ColumnFitter(view) for view in (
            self.saved_cards_view, self.pre_authorisations_view, self.postings_view, self.bills_view)]
        self._fitters.append(self._payments_fitter)
        splitter.addWidget(payments)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        bills_layout.addWidget(splitter)
        self.tabs.addTab(bills, self.tr("&Bills and payments"))
        self.tabs.currentChanged.connect(lambda _index: self._update_actions())

        self.action_button = QPushButton(self.tr("Actio&n"))
        self.action_button.setObjectName("actionButton")
        self.action_menu = QMenu(self.action_button)
        self.action_menu.setObjectName("actionButtonMenu")
        self._fill(self.action_menu, self.bill_actions)
        self.action_button.setMenu(self.action_menu)
        self.tabs.setCornerWidget(self.action_button, Qt.Corner.TopRightCorner)
        return box

    # --- loading ------------------------------------------------------------------------------

    def load_and_show(self) -> None:
        """Load the card off the GUI thread; show the window when its data is there."""
        self.reload()

    @Slot(object)
    def _folios_changed(self, folio_ids: frozenset[int]) -> None:
        if self.folio_id in folio_ids:
            self.reload()

    def reload(self) -> None:
        """Load the folio again; a reload asked for while one runs follows it."""
        if self._loading:
            self._reload_pending = True
            return
        self._loading = True
        self.ctx.query(self, load_reservation_card, self.folio_id, current_language()).success(self._loaded).failure(
            self._load_failed).run()

    def _loaded(self, card: ReservationCardData) -> None:
        self._loading = False
        if self._reload_pending:
            self._reload_pending = False
            self.reload()  # a newer change is already known: show that one instead
            return
        self.show_card(card)
        if not self._shown_once:
            self._shown_once = True
            self.show()
            self.raise_()
            self.activateWindow()
            self.postings_view.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if not self._shown_once:
            show_error(self.parentWidget(), exc)
            _open_cards.pop(self.folio_id, None)
            self.deleteLater()
            return
        # A shared server may be away for a moment: say so quietly, the next change retries.
        logger.warning("card %s could not be reloaded: %s", self.folio_id, exc)
        self.statusBar().showMessage(self.tr("Could not refresh the card: {error}").format(error=error_text(exc)))
        if self._reload_pending:
            self._reload_pending = False
            self.reload()

    @property
    def is_loaded(self) -> bool:
        return self.card is not None

    def show_card(self, card: ReservationCardData) -> None:
        """Show ``card``'s data, keeping the user's tab, selections and scroll positions."""
        place = self._save_place() if self.card is not None else None
        self.card = card
        view = card.folio
        self._show_header(card)
        self.saved_cards_model.set_items(card.saved_cards)
        self.pre_authorisations_model.names = card.names
        self.pre_authorisations_model.set_items(card.pre_authorisations)
        self.hold_advice_label.setVisible(any(h.is_old for h in card.pre_authorisations))

        self._restoring = True
        try:
            for model in (self.postings_model, self.bills_model, self.payments_model):
                model.names = card.names
            self.postings_model.set_view(view)
            self.bills_model.set_view(view)
            self.payments_model.set_receipts(card.receipts)
            self.payments_model.set_view(view, None)
            if place is None:
                place = _Place(bill_id=view.bills[0].bill.id if view.bills else None)
            self._restore_place(place)
        finally:
            self._restoring = False
        for fitter in self._fitters:
            fitter.fit()
        self.postings_total_label.setText(self.services_footer(view))
        self.updated_label.setText(self.tr("Updated {time}").format(
            time=local_date_time(datetime.now().astimezone())[1]))
        self._update_actions()
        self.loaded.emit()

    def services_footer(self, view: FolioView) -> str:
        """Services that still count, and charged, paid and balance reconciled as the header shows it."""
        count = sum(1 for line in view.postings if line.is_active)
        charged = total((bill.charges for bill in view.bills), view.currency)
        balance = view.balance
        return self.tr("{count} services · charged {charged} · paid {paid} · balance {balance}").format(
            count=count, charged=money_text(charged), paid=money_text(charged - balance),
            balance=money_text(balance))

    # --- header -------------------------------------------------------------------------------

    def _show_header(self, card: ReservationCardData) -> None:
        view = card.folio
        folio = view.folio
        self.owner_label.setText(self._owner_name(folio))
        self.details_label.setText(self._details_text(folio))
        reservation = folio.reservation
        self.status_label.setVisible(reservation is not None)
        if reservation is not None:
            self.status_label.setText(self.reservation_status_text(reservation.status))
        for button, action in ((self.check_in_button, self.check_in_action),
                               (self.check_out_button, self.check_out_action)):
            button.setVisible(reservation is not None)
            action.setVisible(reservation is not None)
        # Company profiles use pre-authorisations but do not show them here (R14).
        self.pre_authorisations_box.setVisible(folio.company_id is None)

        balance = view.balance  # derived on each access: read once
        if balance.is_negative:
            self.balance_label.setText(self.tr("In credit: {amount}").format(amount=money_text(-balance)))
        else:
            self.balance_label.setText(self.tr("Balance: {amount}").format(amount=money_text(balance)))
        self.equivalents_label.setText(" · ".join(money_text(m) for m in self.balance_equivalents(card, balance)))
        self.equivalents_label.setToolTip(self.tr("The balance in the other currencies the hotel accepts"))
        self.deposit_label.setText(self.tr("Deposit: {amount}").format(amount=money_text(view.deposit_balance)))
        title = self._owner_name(folio)
        if reservation is not None:
            title = self.tr("{number} · {guests}").format(number=reservation.number, guests=title)
        self.setWindowTitle(self.tr("Card · {title}").format(title=title))

    @staticmethod
    def balance_equivalents(card: ReservationCardData, balance: Money | None = None) -> list[Money]:
        """The balance in every other accepted currency, at the hotel's rates."""
        balance = card.folio.balance if balance is None else balance
        return [
            Money.rounded(balance.amount / rate, currency)
            for currency, rate in card.rates.items()
            if currency != card.currency and rate
        ]

    def _owner_name(self, folio: Folio) -> str:
        if folio.reservation is not None:
            return ", ".join(guest.full_name for guest in folio.reservation.guests) or folio.reservation.number
        return folio.owner_label

    def card_names(self) -> Names:
        return self.card.names if self.card is not None else Names()

    def _details_text(self, folio: Folio) -> str:
        reservation = folio.reservation
        if reservation is not None:
            parts = [self.tr("Reservation {number}").format(number=reservation.number)]
            if reservation.room is not None:
                parts.append(self.tr("Room {number}, {type}").format(
                    number=reservation.room.number, type=self.card_names().room_type(reservation.room.room_type)))
            else:
                parts.append(self.tr("No room yet"))
            parts.append(self.tr("{arrival} – {departure}, {nights} nights").format(
                arrival=format_date(reservation.arrival), departure=format_date(reservation.departure),
                nights=reservation.nights))
            return " · ".join(parts)
        if folio.company is not None:
            return self.tr("Company account")
        if folio.event is not None:
            return self.tr("Event · {start} – {end}").format(
                start=format_date(folio.event.starts_on), end=format_date(folio.event.ends_on))
        return self.tr("Walk-in client")

    def reservation_status_text(self, status: ReservationStatus) -> str:
        return {
            ReservationStatus.CONFIRMED: self.tr("Confirmed"),
            ReservationStatus.IN_HOUSE: self.tr("In house"),
            ReservationStatus.CHECKED_OUT: self.tr("Checked out"),
            ReservationStatus.CANCELLED: self.tr("Cancelled"),
        }[status]

    # --- keeping the user's place ---------------------------------------------------------------

    def _views(self) -> dict[str, QTableView]:
        return {"postings": self.postings_view, "bills": self.bills_view, "payments": self.payments_view}

    def _save_place(self) -> _Place:
        current = self.postings_view.currentIndex()
        return _Place(
            bill_id=self._bills_view_bill_id(),
            posting_ids=self.selected_posting_ids(),
            current_posting_id=self.postings_model.id_at(current.row()) if current.isValid() else None,
            payment_id=self.current_payment_id(),
            scrolls={name: (view.verticalScrollBar().value(), view.horizontalScrollBar().value())
                     for name, view in self._views().items()},
        )

    def _restore_place(self, place: _Place) -> None:
        self._select_rows(self.postings_view, self.postings_model, place.posting_ids, place.current_posting_id)
        self._select_rows(self.bills_view, self.bills_model, [place.bill_id] if place.bill_id is not None else [],
                          place.bill_id)
        self._show_payments_of(self._bills_view_bill_id())
        if place.payment_id is not None:
            self._select_rows(self.payments_view, self.payments_model, [place.payment_id], place.payment_id)
        for name, (vertical, horizontal) in place.scrolls.items():
            view = self._views()[name]
            view.updateGeometries()  # the scroll ranges of the new rows, before setting the values
            view.verticalScrollBar().setValue(vertical)
            view.horizontalScrollBar().setValue(horizontal)

    @staticmethod
    def _select_rows(view: QTableView, model: Any, ids: list[int], current_id: int | None) -> None:
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        for row_id in ids:
            row = model.row_of(row_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, last_column))
        flags = QItemSelectionModel.SelectionFlag
        selection_model = view.selectionModel()
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
        current_row = model.row_of(current_id)
        if current_row is not None:
            selection_model.setCurrentIndex(model.index(current_row, 0), flags.NoUpdate)

    # --- what is selected -----------------------------------------------------------------------

    @property
    def view(self) -> FolioView | None:
        return None if self.card is None else self.card.folio

    def selected_posting_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.postings_view.selectionModel().selectedRows())
        return [row_id for row in rows if (row_id := self.postings_model.id_at(row)) is not None]

    def selected_posting_lines(self) -> list[PostingLine]:
        rows = sorted(index.row() for index in self.postings_view.selectionModel().selectedRows())
        return [line for row in rows if (line := self.postings_model.line(row)) is not None]

    def _bills_view_bill_id(self) -> int | None:
        rows = self.bills_view.selectionModel().selectedRows()
        return self.bills_model.id_at(rows[0].row()) if rows else None

    def current_bill_id(self) -> int | None:
        """The bill actions apply to: the posting's on the services tab, else the selected bill.

        :data:`~ui.card_models.DEPOSIT_ACCOUNT` when the deposit account is selected.
        """
        if self.tabs.currentIndex() == SERVICES_TAB:
            lines = self.selected_posting_lines()
            current = self.postings_model.line(self.postings_view.currentIndex().row())
            if current is not None and current in lines:
                return current.bill_id
            if lines:
                return lines[0].bill_id
        return self._bills_view_bill_id()

    def current_bill(self) -> BillView | None:
        bill_id = self.current_bill_id()
        view = self.view
        if view is None or bill_id is None or bill_id == DEPOSIT_ACCOUNT:
            return None
        return next((b for b in view.bills if b.bill.id == bill_id), None)

    def current_payment_id(self) -> int | None:
        rows = self.payments_view.selectionModel().selectedRows()
        return self.payments_model.id_at(rows[0].row()) if rows else None

    def current_payment_line(self) -> PaymentLine | None:
        rows = self.payments_view.selectionModel().selectedRows()
        return self.payments_model.line(rows[0].row()) if rows else None

    def select_bill(self, bill_id: int) -> None:
        self._select_rows(self.bills_view, self.bills_model, [bill_id], bill_id)

    def select_postings(self, posting_ids: list[int]) -> None:
        self._select_rows(self.postings_view, self.postings_model, posting_ids,
                          posting_ids[-1] if posting_ids else None)

    def select_payment(self, payment_id: int) -> None:
        self._select_rows(self.payments_view, self.payments_model, [payment_id], payment_id)

    def _postings_selection_changed(self, *_args: object) -> None:
        if not self._restoring:
            # The bills tab follows, so Make payment there acts on the same bill.
            lines = self.selected_posting_lines()
            if lines:
                bill_id = self.current_bill_id()
                if bill_id is not None and bill_id != self._bills_view_bill_id():
                    self.select_bill(bill_id)
        self._update_actions()

    def _bill_selection_changed(self, *_args: object) -> None:
        if not self._restoring:
            self._show_payments_of(self._bills_view_bill_id())
        self._update_actions()

    def _show_payments_of(self, bill_id: int | None) -> None:
        self.payments_model.set_view(self.view, bill_id)
        self._payments_fitter.fit()
        if bill_id == DEPOSIT_ACCOUNT:
            self.payments_label.setText(self.tr("Pa&yments on the deposit account"))
        elif bill_id is not None and self.view is not None:
            number = next((b.bill.number for b in self.view.bills if b.bill.id == bill_id), "")
            self.payments_label.setText(self.tr("Pa&yments and refunds of bill {number}").format(number=number))
        else:
            self.payments_label.setText(self.tr("Pa&yments: choose a bill"))

    # --- which actions make sense now -----------------------------------------------------------

    def _is_voidable_payment(self, line: PaymentLine | None) -> bool:
        """desk's rule (void_refusal); a company-account transfer is undone as a pair when it has one."""
        if line is None or self.card is None:
            return False
        if line.is_company_transfer and line.payment.company_posting_id is None:
            return False
        return void_refusal(self.card.folio, line) is None

    def _offers_receipt(self, line: PaymentLine | None) -> bool:
        """Print receipt again: decided in desk (desk.fiscal.marks), for a receipt not yet on paper."""
        mark = self.payments_model.receipt(line)
        return mark is not None and mark.may_print

    def _voidable_posting(self) -> PostingLine | None:
        if self.tabs.currentIndex() != SERVICES_TAB:
            return None
        lines = self.selected_posting_lines()
        if len(lines) == 1 and lines[0].is_active:
            return lines[0]
        return None

    def _update_actions(self) -> None:
        view = self.view
        loaded = view is not None
        writable = loaded and not view.is_closed
        on_bills = self.tabs.currentIndex() == BILLS_TAB
        bill = self.current_bill()
        has_charges = bill is not None and any(line.is_active for line in bill.postings)
        payment = self.current_payment_line() if on_bills else None
        reservation = view.folio.reservation if view is not None else None

        if on_bills:
            details = bill is not None and any(line.posting.kind is PostingKind.CHARGE for line in bill.postings)
        else:
            details = bool(self.selected_posting_ids())
        self.view_details_action.setEnabled(details)
        self.make_payment_action.setEnabled(writable and bill is not None)
        self.make_refund_action.setEnabled(writable and payment is not None and payment.refundable.is_positive)
        self.move_services_action.setEnabled(writable and has_charges)
        self.split_bill_action.setEnabled(writable and has_charges)
        self.print_bill_action.setEnabled(bill is not None)
        self.print_receipt_action.setEnabled(self._offers_receipt(payment))
        self.void_action.setEnabled(writable and (self._voidable_posting() is not None
                                                  or self._is_voidable_payment(payment)))
        self.add_service_action.setEnabled(writable and bool(view.bills))
        self.deposit_action.setEnabled(writable)
        self.check_in_action.setEnabled(reservation is not None and reservation.status is ReservationStatus.CONFIRMED)
        self.check_out_action.setEnabled(reservation is not None and reservation.status is ReservationStatus.IN_HOUSE)
        card_payment = self.card.card_payments.get(payment.payment.id) if self.card and payment else None
        self.card_payment_action.setEnabled(writable and bill is not None)
        self.card_refund_action.setEnabled(
            writable and payment is not None and card_payment is not None and not card_payment.refunded
            and payment.voided_by is None and payment.refundable.is_positive)
        # Desk says which payments and refunds made on a terminal have a slip kept with them.
        self.print_card_slip_action.setEnabled(payment is not None and self.card is not None
                                               and payment.payment.id in self.card.card_slips)
        hold = self.current_hold()
        self.pre_authorise_action.setEnabled(writable)
        self.capture_action.setEnabled(writable and hold is not None and hold.state == "open")
        self.release_action.setEnabled(writable and hold is not None and hold.state == "open")
        # Paper only: a hold's slip is printed again whatever became of the hold.
        self.print_hold_slip_action.setEnabled(hold is not None)
        self.reload_action.setEnabled(True)

    # --- actions ----------------------------------------------------------------------------

    def _show(self, dialog: QWidget) -> QWidget:
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def _bill_clicked(self, index: QModelIndex) -> None:
        if index.column() == BillsModel.SERVICES:
            self.view_service_details()

    def view_service_details(self) -> None:
        """R5: the selected posting's details, or a choice among the selected bill's orders."""
        if not self.view_details_action.isEnabled():
            return
        if self.tabs.currentIndex() == SERVICES_TAB:
            current = self.postings_model.id_at(self.postings_view.currentIndex().row())
            posting_id = current if current in self.selected_posting_ids() else self.selected_posting_ids()[0]
            self._show(dialogs.ServiceDetailsDialog(self.ctx, posting_id, self))
            return
        bill = self.current_bill()
        if bill is None:
            return
        orders = [line for line in bill.postings if line.posting.kind is PostingKind.CHARGE]
        if len(orders) == 1:
            self._show(dialogs.ServiceDetailsDialog(self.ctx, orders[0].posting.id, self))
            return
        self._choose_order(bill, orders)

    def _choose_order(self, bill: BillView, orders: list[PostingLine]) -> None:
        menu = QMenu(self)
        menu.setObjectName("serviceChooser")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)
        title = menu.addAction(self.tr("Services on bill {number}").format(number=bill.bill.number))
        title.setEnabled(False)
        for line in orders:
            day, time = local_date_time(line.posting.ordered_at)
            text = self.tr("{date} {time} · {service} · {amount} · {source}").format(
                date=day, time=time, service=line.posting.description, amount=money_text(line.posting.amount),
                source=self.postings_model.source_text(line.posting))
            action = menu.addAction(text.replace("&", "&&"))
            action.setData(line.posting.id)
            if line.reversed_by is not None:
                font = QFont(menu.font())
                font.setStrikeOut(True)
                action.setFont(font)
                action.setToolTip(self.postings_model.undo_note(line.reversed_by))
            posting_id = line.posting.id
            action.triggered.connect(
                lambda _checked=False, pid=posting_id: self._show(dialogs.ServiceDetailsDialog(self.ctx, pid, self)))
        row = self.bills_model.row_of(bill.bill.id)
        cell = self.bills_view.visualRect(self.bills_model.index(row or 0, BillsModel.SERVICES))
        where = self.bills_view.viewport().mapToGlobal(cell.bottomLeft()) if cell.isValid() else self.mapToGlobal(
            QPoint(0, 0))
        self.chooser = menu
        menu.popup(where)
        if len(menu.actions()) > 1:
            menu.setActiveAction(menu.actions()[1])

    def make_payment(self) -> None:
        bill = self.current_bill()
        if self.card is None or bill is None or not self.make_payment_action.isEnabled():
            return
        self._show(dialogs.MakePaymentDialog(self.ctx, self.card, bill.bill.id, self))

    def make_refund(self) -> None:
        payment = self.current_payment_line()
        if self.card is None or payment is None or not self.make_refund_action.isEnabled():
            return
        self._show(dialogs.MakeRefundDialog(self.ctx, self.card, payment.payment.id, self))

    # --- the card terminal ----------------------------------------------------------------------

    def current_hold(self) -> PreAuthorisation | None:
        rows = self.pre_authorisations_view.selectionModel().selectedRows()
        return self.pre_authorisations_model.row_at(rows[0].row()) if rows else None

    def select_hold(self, hold_id: int) -> None:
        for row in range(self.pre_authorisations_model.rowCount()):
            item = self.pre_authorisations_model.row_at(row)
            if item is not None and item.id == hold_id:
                self.pre_authorisations_view.selectRow(row)

    def _terminal_dialog(self, operation: CardOperation, **options: Any) -> None:
        """The card terminal dialog, once this workstation's terminals are read."""
        card = self.card
        if card is None:
            return

        def loaded(terminals: list[TerminalInfo]) -> None:
            dialog = CardTerminalDialog(self.ctx, card, terminals, operation, parent=self, **options)
            dialog.accepted.connect(lambda: self._card_done(dialog))
            dialog.charge_directly.connect(self._charge_directly)
            self._show(dialog)

        self.ctx.query(self, list_terminals, self.ctx.actor.workstation).success(loaded).run()

    def _card_done(self, dialog: CardTerminalDialog) -> None:
        outcome = dialog.outcome
        if outcome is not None and outcome.settled:
            self.statusBar().showMessage(dialog.outcome_text(outcome), 15_000)

    def _charge_directly(self, amount: Money | None) -> None:
        bill = self.current_bill() or (self.card.folio.bills[0] if self.card and self.card.folio.bills else None)
        if bill is not None:
            self._terminal_dialog(CardOperation.SALE, bill_id=bill.bill.id, amount=amount)

    def card_payment(self) -> None:
        bill = self.current_bill()
        if bill is None or not self.card_payment_action.isEnabled():
            return
        self._terminal_dialog(CardOperation.SALE, bill_id=bill.bill.id)

    def print_card_slip(self) -> None:
        payment = self.current_payment_line()
        if payment is None or not self.print_card_slip_action.isEnabled():
            return
        print_card_slip_later(self.ctx, self, payment_id=payment.payment.id, reprint=True)

    def print_hold_slip(self) -> None:
        hold = self.current_hold()
        if hold is None or not self.print_hold_slip_action.isEnabled():
            return
        print_card_slip_later(self.ctx, self, record_id=hold.id, reprint=True)

    def card_refund(self) -> None:
        payment = self.current_payment_line()
        if payment is None or not self.card_refund_action.isEnabled():
            return
        self._terminal_dialog(CardOperation.REFUND, payment_id=payment.payment.id)

    def pre_authorise(self) -> None:
        if self.pre_authorise_action.isEnabled():
            self._terminal_dialog(CardOperation.PRE_AUTHORISE)

    def capture_hold(self) -> None:
        hold = self.current_hold()
        if hold is not None and self.capture_action.isEnabled():
            bill = self.current_bill()
            self._terminal_dialog(CardOperation.CAPTURE, hold=hold, bill_id=bill.bill.id if bill else None)

    def release_hold(self) -> None:
        hold = self.current_hold()
        if hold is not None and self.release_action.isEnabled():
            self._terminal_dialog(CardOperation.RELEASE, hold=hold)

    def move_services(self) -> None:
        bill = self.current_bill()
        if self.card is None or bill is None or not self.move_services_action.isEnabled():
            return
        # On the services tab, the selected services of the bill; on the bills tab, all of its services
        # (the dialog lists them before anything moves).
        if self.tabs.currentIndex() == SERVICES_TAB:
            lines = [line for line in self.selected_posting_lines() if line.bill_id == bill.bill.id]
        else:
            lines = bill.postings
        chosen = [line.posting.id for line in lines if line.is_active]
        self._show(dialogs.MoveServicesDialog(self.ctx, self.card, bill.bill.id, chosen, self))

    def split_bill(self) -> None:
        bill = self.current_bill()
        if self.card is None or bill is None or not self.split_bill_action.isEnabled():
            return
        self._show(dialogs.SplitBillDialog(self.ctx, self.card, bill.bill.id, self))

    def print_receipt(self) -> None:
        payment = self.current_payment_line()
        if self.card is None or payment is None or not self.print_receipt_action.isEnabled():
            return
        self._show(dialogs.ReceiptDialog(self.ctx, self.card, payment.payment.id, self))

    def void(self) -> None:
        if self.card is None or not self.void_action.isEnabled():
            return
        posting = self._voidable_posting()
        if posting is not None:
            self._show(dialogs.VoidDialog(self.ctx, self.card, posting_id=posting.posting.id, parent=self))
            return
        payment = self.current_payment_line()
        if payment is not None and self.tabs.currentIndex() == BILLS_TAB:
            self._show(dialogs.VoidDialog(self.ctx, self.card, payment_id=payment.payment.id, parent=self))

    def add_service(self) -> None:
        if self.card is None or not self.add_service_action.isEnabled():
            return
        bill = self.current_bill() or self.card.folio.bills[0]
        self._show(dialogs.AddServiceDialog(self.ctx, self.card, bill.bill.id, self))

    def deposit(self) -> None:
        if self.card is None or not self.deposit_action.isEnabled():
            return
        self._show(dialogs.DepositDialog(self.ctx, self.card, self))

    def check_in(self) -> None:
        view = self.view
        if view is None or view.folio.reservation is None or not self.check_in_action.isEnabled():
            return
        number = view.folio.reservation.number
        self.ctx.change(self, stays.check_in, view.folio.reservation.id).busy(self.check_in_button).success(
            lambda _reservation: self.statusBar().showMessage(
                self.tr("Reservation {number} is checked in.").format(number=number), 10_000)
        ).run()

    def check_out(self) -> None:
        if self.card is None or not self.check_out_action.isEnabled():
            return
        self._show(dialogs.CheckOutDialog(self.ctx, self.card, self))

    def print_bill(self) -> None:
        bill = self.current_bill()
        if bill is None or not self.print_bill_action.isEnabled():
            return
        renderer = bill_renderer()
        if renderer is None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Print bill"),
                              self.tr("Printing bills is not available in this version."),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("printUnavailableBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = bill_pdf_directory() / f"bill-{bill.bill.number}-{stamp}.pdf"
        self.statusBar().showMessage(self.tr("Preparing bill {number}…").format(number=bill.bill.number))
        self.ctx.query(self, renderer, bill.bill.id, path, current_language()).busy(self.action_button).success(
            self._bill_printed).run()

    def _bill_printed(self, path: Path) -> None:
        self.last_pdf = Path(path)
        self.statusBar().showMessage(self.tr("Bill saved to {path}").format(path=path), 30_000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Print bill"),
                          self.tr("The bill is saved as:\n{path}").format(path=path),
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("billSavedBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("openPdfButton")
        box.setDefaultButton(open_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        saved = self.last_pdf

        def answered(_result: int) -> None:
            if box.clickedButton() is open_button and not open_document(saved):
                self.statusBar().showMessage(
                    self.tr("Bill saved to {path}; no PDF viewer could open it.").format(path=saved), 30_000)

        box.finished.connect(answered)
        self.bill_saved_box = box
        box.open()

    # --- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if _open_cards.get(self.folio_id) is self:
            del _open_cards[self.folio_id]
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.folios_changed.disconnect(self._folios_changed)
        super().closeEvent(event)
